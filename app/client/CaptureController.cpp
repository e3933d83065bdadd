#include "app/client/CaptureController.h"

#include "app/client/HelperClient.h"
#include "app/client/StreamThread.h"
#include "helper/protocol/HelperContract.h"

#include <QDBusUnixFileDescriptor>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace nfqmon {

CaptureController::CaptureController(HelperClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    connect(m_client, &HelperClient::statusChanged, this, &CaptureController::onStatus);
    connect(m_client, &HelperClient::helperVanished, this, &CaptureController::onHelperVanished);
    connect(m_client, &HelperClient::busLost, this, &CaptureController::onBusLost);
    connect(m_client, &HelperClient::busRestored, this, &CaptureController::onBusRestored);
}

CaptureController::~CaptureController() = default;

void CaptureController::start(const CaptureSettings &settings)
{
    if (m_state != State::Idle)
        return;
    if (settings.interfaces.isEmpty()) {
        fail(tr("Choose at least one interface to capture on."));
        return;
    }
    QVariantMap options = settings.toOptions();
    if (!openDumps(settings, &options))
        return;
    if (m_client->remoteLink())
        options.insert(Contract::Option::KeepRunning, true); // survives a dropped link
    m_settings = settings;
    m_resume = false;
    m_stopWhenStarted = false;
    m_notice.clear();
    m_health = {};
    m_receivedAtStatus = 0;
    m_sinceStatus.invalidate();
    setState(State::Starting);
    QPointer<CaptureController> self(this);
    m_client->startCapture(options, [self](const HelperError &error) {
        if (self)
            self->onStarted(error);
    });
}

bool CaptureController::openDumps(const CaptureSettings &settings, QVariantMap *options)
{
    const QString all = settings.dumpAllPath;
    const QString accepted = settings.dumpAcceptedPath;
    if (!all.isEmpty() &&
        QFileInfo(all).absoluteFilePath() == QFileInfo(accepted).absoluteFilePath()) {
        fail(tr("Save all packets and accepted packets to two different files (both are %1).")
                 .arg(all));
        return false;
    }
    const std::pair<QString, QString> dumps[] = {{Contract::Option::DumpInput, all},
                                                 {Contract::Option::DumpOutput, accepted}};
    for (const auto &[key, path] : dumps) {
        if (path.isEmpty())
            continue;
        // The user's own file, opened as the user; the helper only ever sees the descriptor.
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            fail(tr("Cannot open %1 to save packets to: %2.").arg(path, qt_error_string(errno)));
            return false;
        }
        options->insert(key, QVariant::fromValue(QDBusUnixFileDescriptor(fd))); // a copy
        ::close(fd);
    }
    return true;
}

void CaptureController::onStarted(const HelperError &error)
{
    if (m_state != State::Starting && m_state != State::Stopping)
        return;
    if (error.isError()) {
        if (m_stopWhenStarted)
            setState(State::Idle); // stopped before it started: nothing to tell
        else
            fail(error.sentence());
        return;
    }
    QPointer<CaptureController> self(this);
    if (m_stopWhenStarted) {
        m_client->stopCapture([self](const HelperError &) {
            if (self)
                self->setState(State::Idle);
        });
        return;
    }
    m_client->openStream([self](int fd, const HelperError &streamError) {
        if (self)
            self->onStreamOpened(fd, streamError);
        else if (fd >= 0)
            ::close(fd);
    });
}

void CaptureController::onStreamOpened(int fd, const HelperError &error)
{
    if (m_state != State::Starting) { // stopped meanwhile
        if (fd >= 0)
            ::close(fd);
        return;
    }
    if (error.isError()) {
        m_client->stopCapture(nullptr);
        fail(tr("The capture started, but its packets cannot reach this window, so it was "
                "stopped. %1")
                 .arg(error.sentence()));
        return;
    }
    m_stream = std::make_unique<StreamThread>(fd);
    connect(m_stream.get(), &StreamThread::batchArrived, this, &CaptureController::onBatch);
    connect(m_stream.get(), &StreamThread::finished, this, &CaptureController::onStreamFinished);
    setState(State::Running);
}

void CaptureController::stop()
{
    if (m_state == State::Starting) {
        m_stopWhenStarted = true; // polkit may still be asking; stop once it has answered
        setState(State::Stopping);
        return;
    }
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    QPointer<CaptureController> self(this);
    m_client->stopCapture([self](const HelperError &error) {
        if (!self)
            return;
        // The stream stays open for what the helper sent before it closed its end.
        self->setState(State::Idle);
        if (error.isError() && error.name != Contract::Error::NotRunning)
            emit self->errorOccurred(error.sentence());
    });
}

void CaptureController::onBatch(const StreamBatch &batch)
{
    m_health.lostToDisplay = batch.lostTotal;
    emit batchArrived(batch);
}

void CaptureController::onStreamFinished(const QString &streamError)
{
    if (m_stream && m_stream->isFinished())
        m_stream.release()->deleteLater(); // it is emitting this signal
    if (m_state != State::Running)
        return;
    // Not our doing: the helper stopped the capture, or died, or the stream broke. Asking the
    // helper tells which; had it died, helperVanished() comes first (the bus reports the name
    // gone before any later answer).
    QPointer<CaptureController> self(this);
    m_client->fetchStatus([self, streamError](const CaptureStatus &status,
                                              const HelperError &error) {
        if (!self || self->m_state != State::Running)
            return;
        if (error.isError()) {
            self->fail(tr("The helper stopped while the capture ran. Start again to go on. (%1)")
                           .arg(error.sentence()));
        } else if (!status.running) {
            self->fail(status.message.isEmpty() ? tr("The capture ended.")
                                                : tr("The capture ended: %1.").arg(status.message));
        } else {
            self->m_client->stopCapture(nullptr);
            self->fail(tr("The packet stream broke, so the capture was stopped: %1.")
                           .arg(streamError.isEmpty() ? tr("the helper closed it") : streamError));
        }
    });
}

void CaptureController::onStatus(const CaptureStatus &status)
{
    if (!status.running || (m_state != State::Running && m_state != State::Stopping))
        return;
    const quint64 received = status.received;
    if (m_sinceStatus.isValid() && m_sinceStatus.elapsed() > 0 && received >= m_receivedAtStatus)
        m_health.packetsPerSecond =
            double(received - m_receivedAtStatus) * 1000.0 / double(m_sinceStatus.elapsed());
    m_sinceStatus.start();
    m_receivedAtStatus = received;
    m_health.interfaces = status.interfaces;
    m_health.received = received;
    m_health.droppedByRules = status.dropped;
    m_health.kernelDropped = status.kernelDropped;
    m_health.failOpen = status.failOpen;
    m_health.passedUnseen = status.passedUnseen ? qint64(*status.passedUnseen) : -1;
    m_health.attributionLost = status.attributionLost ? qint64(*status.attributionLost) : -1;
    m_health.decidedPassed = status.decided ? qint64(status.decided->passed) : -1;
    m_health.decidedDropped = status.decided ? qint64(status.decided->dropped) : -1;
    m_health.decidedBytes =
        status.decided ? qint64(status.decided->passedBytes + status.decided->droppedBytes) : -1;
    emit healthChanged(m_health);
    if (!status.notice.isEmpty() && status.notice != m_notice) {
        m_notice = status.notice;
        emit noticeReceived(status.notice);
    }
}

void CaptureController::onHelperVanished()
{
    if (m_state == State::Idle)
        return;
    fail(tr("The helper stopped while the capture ran (it crashed or was killed). Start again "
            "to go on."));
}

void CaptureController::onBusLost()
{
    // Whatever was under way is over: the helper stops a capture whose bus went away, and the
    // answers we wait for fail. The stream still hands over what the helper sent before.
    // Another machine's capture goes on there (keepRunning): pick it up once the link is back.
    m_resume = m_client->remoteLink() &&
               (m_state == State::Running || (m_state == State::Starting && !m_stopWhenStarted));
    m_stopWhenStarted = false;
    setState(State::Idle);
}

void CaptureController::onBusRestored()
{
    if (!std::exchange(m_resume, false) || m_state != State::Idle)
        return;
    setState(State::Starting);
    QPointer<CaptureController> self(this);
    m_client->fetchStatus([self](const CaptureStatus &status, const HelperError &error) {
        if (!self || self->m_state != State::Starting)
            return;
        if (!error.isError() && status.running) {
            self->onStarted({}); // it ran on: a new stream
            return;
        }
        self->setState(State::Idle);
        self->start(self->m_settings); // the remote helper restarted meanwhile
    });
}

void CaptureController::fail(const QString &message)
{
    setState(State::Idle);
    emit errorOccurred(message);
}

void CaptureController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_health.state = state;
    if (state == State::Idle)
        m_health.packetsPerSecond = 0;
    emit stateChanged(state);
    emit healthChanged(m_health);
}

} // namespace nfqmon
