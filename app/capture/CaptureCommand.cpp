#include "app/capture/CaptureCommand.h"

#include "app/capture/StreamRelay.h"
#include "app/client/CaptureSettings.h"
#include "app/client/HelperClient.h"
#include "app/client/HelperError.h"
#include "app/client/StreamReader.h"
#include "helper/protocol/HelperContract.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QPointer>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// How long the stream may take to bring what the helper still had after StopCapture.
constexpr int DrainLimitMs = 5000;
constexpr int OutputCheckMs = 500;

void printLine(const QString &line)
{
    const QByteArray text = line.toLocal8Bit() + '\n';
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stderr);
    std::fflush(stderr);
}

QString outputName(const CaptureCliOptions &options)
{
    return options.writesToStandardOutput()
               ? QCoreApplication::translate("nfqmon::CaptureCommand", "standard output")
               : options.output;
}

} // namespace

CaptureCommand::CaptureCommand(const CaptureCliOptions &options, HelperClient *client,
                               QObject *parent)
    : QObject(parent), m_options(options), m_client(client)
{
    m_duration.setSingleShot(true);
    m_outputCheck.setInterval(OutputCheckMs);
    m_drainLimit.setSingleShot(true);
    m_drainLimit.setInterval(DrainLimitMs);
    connect(&m_outputCheck, &QTimer::timeout, this, &CaptureCommand::checkOutput);
    connect(&m_drainLimit, &QTimer::timeout, this, [this] { done(0); });
}

CaptureCommand::~CaptureCommand()
{
    if (m_outputFd >= 0)
        ::close(m_outputFd);
}

QString CaptureCommand::summary(const StreamPcapngWriter::Counts &counts, std::uint64_t lost)
{
    // tcpdump's way of counting ("1 packets captured"): no plural forms to get wrong.
    return tr("%1 packets captured, %2 accepted, %3 dropped, %4 lost")
        .arg(counts.packets)
        .arg(counts.accepted)
        .arg(counts.dropped)
        .arg(lost);
}

void CaptureCommand::start()
{
    QString error;
    if (m_options.mode != CaptureCliOptions::Mode::Relay) {
        error = CaptureCommandLine::checkInterfacesExist(m_options.interfaces);
        if (!error.isEmpty()) {
            QTimer::singleShot(0, this, [this, error] { fail(error); });
            return;
        }
    }
    if (!openOutput(&error)) {
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    m_state = State::Starting;
    QPointer<CaptureCommand> self(this);
    if (m_options.mode == CaptureCliOptions::Mode::Capture) {
        CaptureSettings settings;
        settings.interfaces = m_options.interfaces;
        settings.automaticRules = m_options.automaticRules;
        settings.snapLength = m_options.snapLength;
        settings.queue = m_options.queue;
        settings.inspectPackets = m_options.inspectPackets;
        QVariantMap options = settings.toOptions();
        if (m_options.queues)
            options.insert(Contract::Option::Queues, uint(*m_options.queues));
        // Run over SSH: the connection that carries this capture's own output is not captured
        // (it would capture itself, each packet written making more).
        const QString sshConnection = qEnvironmentVariable("SSH_CONNECTION").simplified();
        if (!sshConnection.isEmpty())
            options.insert(Contract::Option::SshConnection, sshConnection);
        m_client->startCapture(options, [self](const HelperError &e) {
            if (self)
                self->onStarted(e);
        });
        return;
    }
    m_client->openStream([self](int fd, const HelperError &e) {
        if (self)
            self->onStreamOpened(fd, e);
        else if (fd >= 0)
            ::close(fd);
    });
}

bool CaptureCommand::openOutput(QString *error)
{
    if (m_options.writesToStandardOutput()) {
        if (::isatty(STDOUT_FILENO)) {
            *error = m_options.mode == CaptureCliOptions::Mode::Relay
                         ? tr("Standard output is a terminal: --relay writes nfqmon's binary "
                              "stream for a program to read, so pipe it into one.")
                         : tr("Standard output is a terminal: write the capture to a file with "
                              "-w FILE, or pipe it into a program (-w - | wireshark -k -i -).");
            return false;
        }
        m_outputFd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
        if (m_outputFd < 0) {
            *error = tr("Cannot write to standard output: %1.").arg(qt_error_string(errno));
            return false;
        }
        return true;
    }
    // Opened as the user, before anything starts; emptied only once the capture runs, so that a
    // refused start leaves an existing file as it was (and removes one it created).
    const QByteArray path = QFile::encodeName(m_options.output);
    struct stat before {};
    const bool existed = ::stat(path.constData(), &before) == 0;
    m_outputFd = ::open(path.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_outputFd < 0) {
        *error =
            tr("Cannot write the capture to %1: %2.").arg(m_options.output, qt_error_string(errno));
        return false;
    }
    m_createdOutput = !existed;
    return true;
}

void CaptureCommand::onStarted(const HelperError &error)
{
    if (m_state != State::Starting)
        return;
    if (error.isError()) {
        if (error.name == Contract::Error::AlreadyRunning)
            fail(tr("A capture is already running on this host (started by the window or "
                    "another program): nfqmon-capture --attach writes its packets without "
                    "starting one."));
        else
            fail(error.sentence());
        return;
    }
    m_started = true;
    if (m_stopRequested) {
        stopCapture();
        return;
    }
    QPointer<CaptureCommand> self(this);
    m_client->openStream([self](int fd, const HelperError &e) {
        if (self)
            self->onStreamOpened(fd, e);
        else if (fd >= 0)
            ::close(fd);
    });
}

void CaptureCommand::onStreamOpened(int fd, const HelperError &error)
{
    if (m_state != State::Starting) {
        if (fd >= 0)
            ::close(fd);
        return;
    }
    if (error.isError()) {
        QString sentence = error.sentence();
        if (error.name == Contract::Error::NotRunning)
            sentence = m_options.mode == CaptureCliOptions::Mode::Relay
                           ? tr("No capture is running on this host, so there is no packet "
                                "stream to relay.")
                           : tr("No capture is running on this host to attach to.");
        else if (m_started)
            sentence = tr("The capture started, but its packets cannot reach nfqmon-capture, so "
                          "it was stopped. %1")
                           .arg(sentence);
        if (m_started)
            m_client->stopCapture(nullptr);
        fail(sentence);
        return;
    }
    if (m_options.mode == CaptureCliOptions::Mode::Relay) {
        relay(fd);
        return;
    }
    if (m_options.mode == CaptureCliOptions::Mode::Attach) {
        // The file describes the capture as it was started (its interfaces name the file's
        // interface, its snap length the file's), not this program's defaults.
        QPointer<CaptureCommand> self(this);
        m_client->fetchStatus([self, fd](const CaptureStatus &status, const HelperError &e) {
            if (!self) {
                ::close(fd);
                return;
            }
            if (!e.isError() && status.running && !status.interfaces.isEmpty()) {
                self->m_options.interfaces = status.interfaces;
                if (status.snapLength != 0)
                    self->m_options.snapLength = status.snapLength;
            }
            self->startWriting(fd);
        });
        return;
    }
    startWriting(fd);
}

void CaptureCommand::startWriting(int fd)
{
    if (m_state != State::Starting) { // stopped meanwhile
        ::close(fd);
        return;
    }
    QString writerError;
    const int outputFd = std::exchange(m_outputFd, -1);
    if (!m_writer.open(outputFd, outputName(m_options), m_options.interfaces, m_options.snapLength,
                       &writerError)) {
        ::close(fd);
        if (outputClosed()) {
            // The reader left before the file's header reached it: as if it left later, the
            // capture stops quietly (exit status 0).
            m_outputGone = true;
            m_state = State::Running;
            stopWith(StopHow::CloseStream);
            return;
        }
        if (m_started)
            m_client->stopCapture(nullptr);
        fail(writerError);
        return;
    }
    m_writerOpen = true;
    m_reader = new StreamReader(fd, this);
    connect(m_reader, &StreamReader::batchArrived, this, &CaptureCommand::onBatch);
    connect(m_reader, &StreamReader::finished, this, &CaptureCommand::onStreamFinished);
    m_state = State::Running;
    if (m_options.durationMs > 0) {
        const auto deadline = std::make_shared<QDeadlineTimer>(qint64(m_options.durationMs));
        // QTimer counts in int milliseconds: a long duration is waited for in pieces.
        connect(&m_duration, &QTimer::timeout, this, [this, deadline] {
            if (deadline->hasExpired())
                stop();
            else
                m_duration.start(int(std::min<qint64>(deadline->remainingTime(), INT_MAX)));
        });
        m_duration.start(int(std::min<qint64>(deadline->remainingTime(), INT_MAX)));
    }
    if (m_options.writesToStandardOutput())
        m_outputCheck.start();
    if (!m_options.quiet) {
        const QString where = m_options.interfaces.join(QStringLiteral(", "));
        printLine(
            m_options.mode == CaptureCliOptions::Mode::Attach
                ? tr("Writing the running capture's packets to %1.").arg(outputName(m_options))
                : tr("Capturing on %1, writing to %2.").arg(where, outputName(m_options)));
    }
}

void CaptureCommand::relay(int fd)
{
    m_state = State::Running;
    QString error;
    const StreamRelay::End end = StreamRelay::copy(fd, m_outputFd, &error);
    ::close(fd);
    if (end == StreamRelay::End::Failed) {
        fail(error);
        return;
    }
    m_state = State::Done;
    QTimer::singleShot(0, this, [this] { emit finished(0); });
}

void CaptureCommand::onBatch(const StreamBatch &batch)
{
    if (m_state != State::Running && m_state != State::Stopping)
        return;
    m_lost = batch.lostTotal;
    if (m_outputGone || m_writer.failed())
        return;
    if (!m_writer.write(batch, m_options.count)) {
        // A reader that went away ends the capture quietly; any other failure (a full disk) is
        // said once, when done() closes the writer, and makes the exit status 1.
        if (outputClosed())
            m_outputGone = true;
        stopWith(StopHow::CloseStream);
        return;
    }
    if (m_options.count != 0 && m_writer.counts().packets >= m_options.count)
        stopWith(StopHow::CloseStream);
}

void CaptureCommand::onStreamFinished()
{
    QString streamError = m_reader ? m_reader->errorString() : QString();
    if (m_state == State::Stopping) {
        // After StopCapture's answer the stream's end finishes; before it, the answer does.
        if (m_drainLimit.isActive())
            done(0);
        return;
    }
    if (m_state != State::Running)
        return;
    if (m_options.mode == CaptureCliOptions::Mode::Attach && streamError.isEmpty()) {
        done(0); // the capture we watched ended: so does its copy
        return;
    }
    m_state = State::Stopping;
    QPointer<CaptureCommand> self(this);
    m_client->fetchStatus([self, streamError](const CaptureStatus &status, const HelperError &e) {
        if (!self)
            return;
        if (!streamError.isEmpty())
            printLine(tr("The packet stream broke: %1.").arg(streamError));
        else if (!e.isError() && !status.running && !status.message.isEmpty())
            printLine(tr("The capture ended: %1.").arg(status.message));
        else
            printLine(tr("The capture ended before nfqmon-capture stopped it."));
        if (self->m_started && !e.isError() && status.running)
            self->m_client->stopCapture(nullptr);
        self->done(1);
    });
}

void CaptureCommand::stop()
{
    if (m_state == State::Starting) {
        if (m_started) { // the stream is still being opened: stop what we started
            stopCapture();
            return;
        }
        if (m_options.mode != CaptureCliOptions::Mode::Capture) {
            done(0);
            return;
        }
        // polkit may still be asking: stop once it has answered.
        m_stopRequested = true;
        return;
    }
    if (m_state == State::Running)
        stopWith(m_started ? StopHow::KeepReading : StopHow::CloseStream);
}

void CaptureCommand::stopWith(StopHow how)
{
    if (m_state != State::Running)
        return;
    m_state = State::Stopping;
    m_duration.stop();
    m_outputCheck.stop();
    if (how == StopHow::CloseStream && m_reader)
        m_reader->close(); // nothing more is written; the helper stops sending at once
    if (!m_started) {
        done(0);
        return;
    }
    // The helper's figures, then the stop; the stream brings what the helper still had.
    QPointer<CaptureCommand> self(this);
    m_client->fetchStatus([self](const CaptureStatus &status, const HelperError &e) {
        if (!self)
            return;
        if (!e.isError() && status.running)
            self->m_finalStatus = status;
        self->stopCapture();
    });
}

void CaptureCommand::stopCapture()
{
    QPointer<CaptureCommand> self(this);
    m_state = State::Stopping;
    m_client->stopCapture([self](const HelperError &e) {
        if (!self)
            return;
        if (e.isError() && e.name != Contract::Error::NotRunning)
            printLine(e.sentence());
        if (self->m_reader && self->m_reader->isOpen())
            self->m_drainLimit.start(); // the stream's end (onStreamFinished) finishes
        else
            self->done(0);
    });
}

void CaptureCommand::checkOutput()
{
    if (m_state == State::Running && outputClosed()) {
        m_outputGone = true;
        stopWith(StopHow::CloseStream);
    }
}

bool CaptureCommand::outputClosed() const
{
    if (!m_options.writesToStandardOutput())
        return false;
    // A pipe whose reader went away polls as an error.
    pollfd p{STDOUT_FILENO, 0, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

void CaptureCommand::fail(const QString &sentence)
{
    printLine(sentence);
    if (m_outputFd >= 0) {
        ::close(m_outputFd);
        m_outputFd = -1;
    }
    if (m_createdOutput && !m_writerOpen)
        QFile::remove(m_options.output);
    m_state = State::Done;
    emit finished(1);
}

void CaptureCommand::done(int exitStatus)
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_duration.stop();
    m_outputCheck.stop();
    m_drainLimit.stop();
    if (m_reader)
        m_reader->close();
    if (m_writerOpen && !m_writer.close() && !m_outputGone && !outputClosed()) {
        printLine(tr("Writing the capture failed: %1.").arg(m_writer.errorString()));
        exitStatus = 1;
    }
    if (!m_writerOpen && m_createdOutput)
        QFile::remove(m_options.output); // stopped before anything was written
    if (!m_options.quiet) {
        printLine(summary(m_writer.counts(), m_lost));
        if (m_finalStatus && m_finalStatus->kernelDropped > 0)
            printLine(tr("%1 packets did not reach the helper: the kernel's queue was full.")
                          .arg(m_finalStatus->kernelDropped));
        if (m_finalStatus && m_finalStatus->decided) {
            const CaptureStatus::Decided &d = *m_finalStatus->decided;
            printLine(tr("%1 packets decided in the kernel after the first %2 of their "
                         "connection: %3 passed, %4 dropped.")
                          .arg(d.passed + d.dropped)
                          .arg(d.inspectPackets)
                          .arg(d.passed)
                          .arg(d.dropped));
        }
    }
    emit finished(exitStatus);
}

} // namespace nfqmon
