#include "app/client/HelperClient.h"

#include "HelperProxy.h"
#include "app/client/RemoteLink.h"
#include "helper/protocol/HelperContract.h"

#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusUnixFileDescriptor>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

#include <fcntl.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// An error of our own making, in the shape of the bus's.
HelperError clientError(const QString &message)
{
    return {Contract::Error::Client, message};
}

} // namespace

HelperClient::HelperClient(QObject *parent) : HelperClient(QDBusConnection::systemBus(), parent) {}

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    m_watcher = new QDBusServiceWatcher(this);
    m_watcher->addWatchedService(Contract::ServiceName);
    m_watcher->setWatchMode(QDBusServiceWatcher::WatchForOwnerChange);
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this,
            [this] { setHelperAvailable(true); });
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this,
            &HelperClient::onHelperGone);
    attach();

    m_poll = new QTimer(this);
    m_poll->setInterval(PollIntervalMs);
    // Polls never start a helper: one that died is reported, not brought back.
    connect(m_poll, &QTimer::timeout, this, [this] {
        getStatus(Activation::No);
        listRules(Activation::No);
    });

    m_busCheck = new QTimer(this);
    m_busCheck->setInterval(BusCheckIntervalMs);
    connect(m_busCheck, &QTimer::timeout, this, &HelperClient::checkBus);
    m_reconnect = new QTimer(this);
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &HelperClient::reconnect);
    m_busConnected = m_bus.isConnected();
    if (m_busConnected)
        m_busCheck->start();
    else
        m_reconnect->start(m_reconnectDelayMs); // the window says so (isBusConnected())
}

HelperClient::HelperClient(RemoteLink *link, QObject *parent)
    : HelperClient(QDBusConnection(QString()), parent) // not connected: reconnect() connects
{
    m_link = link;
}

HelperClient::~HelperClient()
{
    if (m_connecting) {
        // Its worker cannot be stopped: what it connects is closed as soon as it is done.
        m_connecting->future().then([name = m_connectingName](const Attempt &) {
            QDBusConnection::disconnectFromBus(name);
        });
    }
    if (!m_ownConnection.isEmpty())
        QDBusConnection::disconnectFromBus(m_ownConnection);
}

void HelperClient::attach()
{
    delete m_authorised;
    delete m_quick;
    m_authorised = new HelperProxy(Contract::ServiceName, Contract::ObjectPath, m_bus, this);
    m_authorised->setTimeout(AuthorisedTimeoutMs);
    m_quick = new HelperProxy(Contract::ServiceName, Contract::ObjectPath, m_bus, this);
    connect(m_quick, &HelperProxy::StateChanged, this, [this](const QVariantMap &status) {
        setStatus(CaptureStatus::fromVariantMap(status));
    });
    connect(m_quick, &HelperProxy::RulesChanged, this, &HelperClient::refreshRules);
    m_watcher->setConnection(m_bus);
    // Whether it runs already; asking the bus never starts it.
    if (m_bus.isConnected())
        watch(m_bus.interface()->asyncCall(QStringLiteral("NameHasOwner"), Contract::ServiceName),
              [this](QDBusPendingCallWatcher &call) {
                  const QDBusPendingReply<bool> reply = call;
                  if (!reply.isError() && reply.value())
                      setHelperAvailable(true);
              });
}

void HelperClient::checkBus()
{
    if (m_busConnected && !m_bus.isConnected())
        onBusLost();
}

void HelperClient::onBusLost()
{
    m_busConnected = false;
    m_busCheck->stop();
    m_poll->stop();
    const bool captureEnded = m_ownsCapture;
    m_ownsCapture = false;
    // The answers on their way fail with the connection; nothing is asked again on it.
    m_statusPending = m_statusAgain = m_rulesPending = m_rulesAgain = false;
    setHelperAvailable(false);
    // First the news, then the status (stale now), as when the helper vanishes.
    emit busLost(captureEnded);
    setStatus(CaptureStatus::idle(captureEnded ? tr("the system bus stopped while the capture ran")
                                               : QString()));
    m_reconnectDelayMs = FirstReconnectMs;
    m_reconnect->start(m_reconnectDelayMs);
}

void HelperClient::reconnect()
{
    // A connection with a new name: Qt keeps a lost one under its name, never to reconnect.
    static std::atomic<quint64> serial = 0;
    const QString name = QStringLiteral("nfqmon-system-bus-%1").arg(++serial);
    if (!m_link) {
        connected(name, QDBusConnection::connectToBus(QDBusConnection::SystemBus, name));
        return;
    }
    if (m_connecting)
        return;
    m_connecting = new QFutureWatcher<Attempt>(this);
    m_connectingName = name;
    connect(m_connecting, &QFutureWatcher<Attempt>::finished, this, [this, name] {
        const Attempt attempt = m_connecting->result();
        m_connecting->deleteLater();
        m_connecting = nullptr;
        if (!attempt.problem.isEmpty())
            emit linkFailed(attempt.problem);
        else
            m_sshConnection = attempt.sshConnection;
        connected(name, attempt.bus);
    });
    // ssh first, alone: its words when it fails (libdbus would only say the bus went away),
    // and the shared connection that the bus then reuses at once.
    // Copies only: the link may be gone before the worker is done.
    m_connecting->setFuture(QtConcurrent::run(
        [reach = m_link->reachArguments(), address = m_link->busAddress(), name]() -> Attempt {
            QString sshConnection;
            const QString problem = RemoteLink::reach(reach, &sshConnection);
            if (!problem.isEmpty())
                return {QDBusConnection(QString()), problem, {}};
            return {QDBusConnection::connectToBus(address, name), {}, sshConnection};
        }));
}

void HelperClient::connected(const QString &name, const QDBusConnection &bus)
{
    if (!bus.isConnected()) {
        QDBusConnection::disconnectFromBus(name);
        m_reconnectDelayMs = qMin(m_reconnectDelayMs * 2, LastReconnectMs);
        m_reconnect->start(m_reconnectDelayMs);
        return;
    }
    const QString previous = std::exchange(m_ownConnection, name);
    m_bus = bus;
    attach();
    // A connection the caller gave us is theirs to close.
    if (!previous.isEmpty())
        QDBusConnection::disconnectFromBus(previous);
    m_busConnected = true;
    m_busCheck->start();
    emit busRestored();
}

void HelperClient::watch(const QDBusPendingCall &call,
                         std::function<void(QDBusPendingCallWatcher &)> then)
{
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, then = std::move(then)](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                // A call failing because the bus went away: the news first, then the answer.
                if (finished->isError())
                    checkBus();
                then(*finished);
            });
}

void HelperClient::simpleCall(const QDBusPendingCall &call, std::function<void(HelperError)> done)
{
    watch(call, [done = std::move(done)](QDBusPendingCallWatcher &finished) {
        if (done)
            done(HelperError::fromDBus(finished.error()));
    });
}

bool HelperClient::isLinkConnected(HelperError *error) const
{
    if (m_bus.isConnected())
        return true;
    *error = clientError(tr("There is no connection to %1 yet (ssh %1): wait until the window "
                            "says it is connected.")
                             .arg(m_link->destination().text()));
    return false;
}

bool HelperClient::canPassDescriptors(HelperError *error) const
{
    if (m_link) {
        *error = clientError(tr("Dump files cannot be passed to %1 over SSH: capture there with "
                                "nfqmon-capture -w FILE, or export from this window.")
                                 .arg(m_link->destination().text()));
        return false;
    }
    if (m_bus.connectionCapabilities() & QDBusConnection::UnixFileDescriptorPassing)
        return true;
    *error = clientError(tr("This connection to the system bus cannot pass file descriptors, "
                            "which the packet stream and the dump files need."));
    return false;
}

void HelperClient::startCapture(const QVariantMap &options, std::function<void(HelperError)> done)
{
    HelperError error;
    const bool passesDescriptors =
        std::any_of(options.cbegin(), options.cend(), [](const QVariant &value) {
            return value.metaType() == QMetaType::fromType<QDBusUnixFileDescriptor>();
        });
    // This machine's bus must pass descriptors for the stream anyway (and cannot while it is
    // down); over SSH, only dump files need them, and a link still being made fails at once.
    const bool ready =
        m_link ? (!passesDescriptors || canPassDescriptors(&error)) && isLinkConnected(&error)
               : canPassDescriptors(&error);
    if (!ready) {
        QTimer::singleShot(0, this, [done = std::move(done), error] {
            if (done)
                done(error);
        });
        return;
    }
    QVariantMap sent = options;
    // Over SSH, our own connection is not captured: its packets carry the capture itself.
    if (m_link && !m_sshConnection.isEmpty())
        sent.insert(Contract::Option::SshConnection, m_sshConnection);
    watch(m_authorised->StartCapture(sent),
          [this, done = std::move(done)](QDBusPendingCallWatcher &finished) {
              const HelperError result = HelperError::fromDBus(finished.error());
              if (!result.isError()) {
                  m_ownsCapture = true;
                  ++m_starts;
                  refreshStatus(); // starts polling
              }
              if (done)
                  done(result);
          });
}

void HelperClient::stopCapture(std::function<void(HelperError)> done)
{
    watch(m_authorised->StopCapture(),
          [this, done = std::move(done)](QDBusPendingCallWatcher &finished) {
              const HelperError result = HelperError::fromDBus(finished.error());
              if (!result.isError())
                  m_ownsCapture = false;
              refreshStatus();
              if (done)
                  done(result);
          });
}

void HelperClient::openStream(std::function<void(int fd, HelperError)> done)
{
    HelperError error;
    if (m_link) {
        // Through the link's relay, which asks the remote helper as a caller of its own.
        QString problem;
        const int fd = m_link->openRelay(&problem);
        if (fd < 0)
            error = clientError(problem);
        QTimer::singleShot(0, this, [done = std::move(done), fd, error] {
            if (done)
                done(fd, error);
            else if (fd >= 0)
                ::close(fd);
        });
        return;
    }
    if (!canPassDescriptors(&error)) {
        QTimer::singleShot(0, this, [done = std::move(done), error] {
            if (done)
                done(-1, error);
        });
        return;
    }
    watch(m_authorised->OpenStream(), [done = std::move(done)](QDBusPendingCallWatcher &finished) {
        const QDBusPendingReply<QDBusUnixFileDescriptor> reply = finished;
        int fd = -1;
        HelperError result = HelperError::fromDBus(reply.error());
        if (!result.isError()) {
            // The descriptor in the reply closes with its last copy: keep one of our own.
            fd = ::fcntl(reply.value().fileDescriptor(), F_DUPFD_CLOEXEC, 0);
            if (fd < 0)
                result = clientError(tr("The packet stream's descriptor could not be kept: %1")
                                         .arg(qt_error_string(errno)));
        }
        if (done)
            done(fd, result);
        else if (fd >= 0)
            ::close(fd);
    });
}

void HelperClient::addRule(const QVariantMap &fields,
                           std::function<void(uint id, HelperError)> done)
{
    watch(m_authorised->AddRule(fields), [done = std::move(done)](QDBusPendingCallWatcher &call) {
        const QDBusPendingReply<uint> reply = call;
        if (done)
            done(reply.isError() ? 0 : reply.value(), HelperError::fromDBus(reply.error()));
    });
}

void HelperClient::changeRule(uint id, const QVariantMap &fields,
                              std::function<void(HelperError)> done)
{
    simpleCall(m_authorised->ChangeRule(id, fields), std::move(done));
}

void HelperClient::setRuleEnabled(uint id, bool enabled, std::function<void(HelperError)> done)
{
    simpleCall(m_authorised->SetRuleEnabled(id, enabled), std::move(done));
}

void HelperClient::moveRule(uint id, uint position, std::function<void(HelperError)> done)
{
    simpleCall(m_authorised->MoveRule(id, position), std::move(done));
}

void HelperClient::removeRule(uint id, std::function<void(HelperError)> done)
{
    simpleCall(m_authorised->RemoveRule(id), std::move(done));
}

void HelperClient::fetchChains(std::function<void(QVariantMap, HelperError)> done)
{
    // Reading the firewall is an action of its own (org.nfqmon.read): outside an active session
    // polkit may ask for a password, so this waits as long as the other authorised calls.
    watch(m_authorised->GetChains(), [done = std::move(done)](QDBusPendingCallWatcher &call) {
        const QDBusPendingReply<QVariantMap> reply = call;
        if (done)
            done(reply.isError() ? QVariantMap() : reply.value(),
                 HelperError::fromDBus(reply.error()));
    });
}

void HelperClient::fetchList(const QDBusPendingCall &call,
                             std::function<void(QList<QVariantMap>, HelperError)> done)
{
    watch(call, [done = std::move(done)](QDBusPendingCallWatcher &finished) {
        const QDBusPendingReply<QList<QVariantMap>> reply = finished;
        if (done)
            done(reply.isError() ? QList<QVariantMap>() : reply.value(),
                 HelperError::fromDBus(reply.error()));
    });
}

void HelperClient::fetchInterfaces(std::function<void(QList<QVariantMap>, HelperError)> done)
{
    fetchList(m_quick->ListInterfaces(), std::move(done));
}

void HelperClient::fetchConnections(std::function<void(QList<QVariantMap>, HelperError)> done)
{
    fetchList(m_quick->ListConnections(), std::move(done));
}

void HelperClient::fetchStatus(std::function<void(CaptureStatus, HelperError)> done)
{
    watch(quickCall(QStringLiteral("GetStatus"), Activation::No),
          [this, done = std::move(done), starts = m_starts](QDBusPendingCallWatcher &call) {
              const QDBusPendingReply<QVariantMap> reply = call;
              const CaptureStatus status =
                  reply.isError() ? CaptureStatus() : CaptureStatus::fromVariantMap(reply.value());
              if (!reply.isError())
                  setStatus(status, starts);
              if (done)
                  done(status, HelperError::fromDBus(reply.error()));
          });
}

void HelperClient::refreshStatus()
{
    getStatus(Activation::Start);
}

void HelperClient::refreshRules()
{
    listRules(Activation::Start);
}

QDBusPendingCall HelperClient::quickCall(const QString &method, Activation activation)
{
    if (activation == Activation::Start)
        return m_quick->asyncCall(method);
    QDBusMessage message =
        QDBusMessage::createMethodCall(Contract::ServiceName, Contract::ObjectPath,
                                       QLatin1String(HelperProxy::staticInterfaceName()), method);
    message.setAutoStartService(false);
    return m_bus.asyncCall(message);
}

void HelperClient::getStatus(Activation activation)
{
    if (m_statusPending) {
        m_statusAgain = true;
        return;
    }
    m_statusPending = true;
    watch(quickCall(QStringLiteral("GetStatus"), activation),
          [this, activation, starts = m_starts](QDBusPendingCallWatcher &call) {
              m_statusPending = false;
              const QDBusPendingReply<QVariantMap> reply = call;
              if (!reply.isError())
                  setStatus(CaptureStatus::fromVariantMap(reply.value()), starts);
              else if (activation == Activation::Start)
                  emit refreshFailed(HelperError::fromDBus(reply.error()));
              if (std::exchange(m_statusAgain, false))
                  getStatus(activation);
          });
}

void HelperClient::listRules(Activation activation)
{
    if (m_rulesPending) {
        m_rulesAgain = true;
        return;
    }
    m_rulesPending = true;
    watch(quickCall(QStringLiteral("ListRules"), activation),
          [this, activation](QDBusPendingCallWatcher &call) {
              m_rulesPending = false;
              const QDBusPendingReply<QList<QVariantMap>> reply = call;
              if (reply.isError()) {
                  if (activation == Activation::Start)
                      emit refreshFailed(HelperError::fromDBus(reply.error()));
              } else {
                  QList<RuleInfo> rules;
                  for (const QVariantMap &map : reply.value())
                      rules.append(RuleInfo::fromMap(map));
                  if (rules != m_rules) {
                      m_rules = std::move(rules);
                      emit rulesChanged();
                  }
              }
              if (std::exchange(m_rulesAgain, false))
                  listRules(activation);
          });
}

bool HelperClient::isCaptureRunning() const
{
    return m_status.running;
}

void HelperClient::setStatus(const CaptureStatus &status, std::optional<quint64> askedAfterStarts)
{
    // An answer to a question asked before our latest start may say "idle" about a capture
    // that runs now.
    if (askedAfterStarts && *askedAfterStarts != m_starts)
        return;
    m_status = status;
    if (isCaptureRunning()) {
        if (!m_poll->isActive())
            m_poll->start();
    } else {
        m_poll->stop();
        m_ownsCapture = false;
    }
    emit statusChanged(m_status);
}

void HelperClient::setHelperAvailable(bool available)
{
    if (available == m_helperAvailable)
        return;
    m_helperAvailable = available;
    emit helperAvailableChanged(available);
}

void HelperClient::onHelperGone()
{
    const bool vanished = m_ownsCapture;
    m_ownsCapture = false;
    // Asking again would start a new helper by D-Bus activation.
    m_statusAgain = m_rulesAgain = false;
    setHelperAvailable(false);
    // First the news, then the status (stale now): an idle helper leaving is nothing to report.
    if (vanished)
        emit helperVanished();
    setStatus(
        CaptureStatus::idle(vanished ? tr("the helper stopped while the capture ran") : QString()));
}

} // namespace nfqmon
