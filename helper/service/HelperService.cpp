#include "helper/service/HelperService.h"

#include "helper/config/InterfaceList.h"
#include "helper/engine/ChainManager.h"
#include "helper/engine/HeadlessRunner.h"
#include "helper/engine/MetricsPublisher.h"
#include "helper/engine/StreamSender.h"
#include "helper/protocol/HelperContract.h"
#include "helper/protocol/StreamFormat.h"
#include "helper/service/CaptureRequest.h"
#include "helper/service/ConnectionList.h"
#include "helper/service/MethodPolicy.h"
#include "helper/service/MetricsPath.h"
#include "helper/service/RefusalHint.h"
#include "helper/service/ServiceError.h"

#include <QCryptographicHash>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusServiceWatcher>
#include <QDateTime>
#include <QFile>
#include <QMetaClassInfo>
#include <QTimer>

#include <unistd.h>

namespace nfqmon {

namespace {

QVariantMap familyReport(const ChainReport::Family &family)
{
    return {{Contract::Chains::PreExists, family.preExists},
            {Contract::Chains::OutExists, family.outExists},
            {Contract::Chains::Jumps, family.jumps}};
}

} // namespace

HelperService::HelperService(QDBusConnection bus, Settings settings, QObject *parent)
    : QObject(parent), m_bus(bus), m_settings(std::move(settings)), m_authorizer(bus),
      m_rules(m_settings.stateDir), m_ruleEditor(m_rules), m_metricsSetting(m_settings.stateDir)
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
    const char *exported =
        staticMetaObject.classInfo(staticMetaObject.indexOfClassInfo("D-Bus Interface")).value();
    if (Contract::InterfaceName != QLatin1String(exported))
        qFatal("HelperService: exports %s, the contract says %s", exported,
               qPrintable(Contract::InterfaceName));
    // A method exported without an entry in the policy table would be a method without a check.
    const QStringList uncovered = MethodPolicy::uncovered(staticMetaObject);
    if (!uncovered.isEmpty())
        qFatal("HelperService: no authorisation rule for %s",
               qPrintable(uncovered.join(QStringLiteral(", "))));

    m_watcher = new QDBusServiceWatcher(this);
    m_watcher->setConnection(m_bus);
    m_watcher->setWatchMode(QDBusServiceWatcher::WatchForUnregistration);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this,
            &HelperService::onCallerLeft);

    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_engine && m_streams.empty() && m_authorizer.pendingChecks() == 0 && !m_chains.busy())
            emit idle();
    });
}

HelperService::~HelperService()
{
    shutdown();
}

bool HelperService::start(QString *error, QString *warning)
{
    if (!m_rules.load(error, warning))
        return false;
    refreshRulesDigest();
    QString metricsWarning;
    m_metricsSetting.load(&metricsWarning);
    if (!metricsWarning.isEmpty())
        printWarning(metricsWarning);
    if (!m_bus.isConnected()) {
        *error = tr("cannot connect to the D-Bus system bus: %1").arg(m_bus.lastError().message());
        return false;
    }
    if (!m_bus.registerObject(Contract::ObjectPath, this,
                              QDBusConnection::ExportScriptableSlots |
                                  QDBusConnection::ExportScriptableSignals |
                                  QDBusConnection::ExportScriptableProperties)) {
        *error = tr("cannot export %1: %2").arg(Contract::ObjectPath, m_bus.lastError().message());
        return false;
    }
    if (!m_bus.registerService(Contract::ServiceName)) {
        *error = tr("cannot own the bus name %1 (is another nfqmon-helper running, or does the "
                    "D-Bus policy not allow it?): %2")
                     .arg(Contract::ServiceName, m_bus.lastError().message());
        return false;
    }
    // Checked again as when it was set: the directory may have changed since.
    if (!m_metricsSetting.path().isEmpty()) {
        QString problem;
        if (MetricsPath::check(m_metricsSetting.path(), &problem))
            startMetrics(m_metricsSetting.path());
        else
            printWarning(problem + QStringLiteral("; no metrics file is written"));
    }
    updateIdleTimer();
    return true;
}

void HelperService::shutdown()
{
    m_authorizer.cancelAll(tr("the helper is stopping; nothing was changed"));
    if (m_engine)
        stopCapture(tr("the helper was asked to stop"));
    // The file outlives the helper: its last word is capture_up 0.
    stopMetrics(false);
}

QString HelperService::version() const
{
    return QStringLiteral("%1 (interface %2, stream format %3)")
        .arg(QStringLiteral(NFQMON_VERSION), Contract::InterfaceName)
        .arg(stream::Version);
}

void HelperService::authorize(Work work, Owner owner)
{
    authorizeLater(
        [work = std::move(work)](const Caller &caller, const Send &send) { send(work(caller)); },
        owner);
}

void HelperService::authorizeLater(LaterWork work, Owner owner)
{
    if (!calledFromDBus())
        return;
    const QDBusMessage call = message();
    setDelayedReply(true);
    const Send send = [this, call](const ServiceReply &reply) {
        m_bus.send(reply.isError() ? call.createErrorReply(reply.errorName, reply.errorText)
                                   : call.createReply(reply.values));
        updateIdleTimer();
    };
    const auto action = MethodPolicy::actionFor(call.member());
    if (!action) {
        send(ServiceReply::error(
            ServiceError::NotAuthorized,
            tr("%1 has no authorisation rule, so nobody may call it").arg(call.member())));
        return;
    }
    m_idleTimer->stop(); // a call restarts the idle countdown (send() starts it again)
    const Caller caller{call.service()};
    // polkit authorised this very bus name to start the running capture; unique names are
    // never reused, so it is still the same program.
    if (owner == Owner::MayProceed && m_engine && caller.busName == m_startedBy) {
        work(caller, send);
        return;
    }
    if (MethodPolicy::polkitActionId(*action).isEmpty()) {
        work(caller, send);
        return;
    }
    if (m_authorizer.pendingChecksOf(caller.busName) >= MaxPendingChecks) {
        send(ServiceReply::error(ServiceError::LimitExceeded,
                                 tr("this program already waits for %1 authorisations; "
                                    "wait for their answers before asking again")
                                     .arg(MaxPendingChecks)));
        return;
    }
    m_authorizer.check(
        caller.busName, *action,
        [this, send, caller, action = *action, work = std::move(work)](Authorizer::Result result,
                                                                       const QString &problem) {
            switch (result) {
            case Authorizer::Result::Allowed:
                work(caller, send);
                break;
            case Authorizer::Result::Refused: {
                // Who it was, only to word the way in (a caller already gone: polkit's words).
                const QDBusReply<uint> uid = m_bus.interface()->serviceUid(caller.busName);
                send(ServiceReply::error(ServiceError::NotAuthorized,
                                         uid.isValid() ? RefusalHint::text(action, uid.value())
                                                       : problem));
                break;
            }
            case Authorizer::Result::Failed:
                send(ServiceReply::error(ServiceError::Failed, problem));
                break;
            }
        });
}

void HelperService::StartCapture(const QVariantMap &options)
{
    authorize([this, options](const Caller &caller) { return startCapture(caller, options); });
}

void HelperService::StopCapture()
{
    authorize(
        [this](const Caller &caller) {
            return stopCapture(tr("stopped by %1").arg(caller.busName));
        },
        Owner::MayProceed);
}

QVariantMap HelperService::GetStatus()
{
    authorize([this](const Caller &) { return ServiceReply::ok({status()}); });
    return {};
}

QDBusUnixFileDescriptor HelperService::OpenStream()
{
    authorize([this](const Caller &caller) { return openStream(caller); }, Owner::MayProceed);
    return {};
}

QList<QVariantMap> HelperService::ListRules()
{
    authorize([this](const Caller &) {
        return ServiceReply::ok({QVariant::fromValue(m_ruleEditor.list(m_engine.get()))});
    });
    return {};
}

QList<QVariantMap> HelperService::ListInterfaces()
{
    authorize([](const Caller &) {
        return ServiceReply::ok({QVariant::fromValue(InterfaceList::read())});
    });
    return {};
}

QList<QVariantMap> HelperService::ListConnections()
{
    authorize([this](const Caller &) {
        const auto decisions =
            m_engine ? m_engine->decidedConnections(std::size_t(Contract::MaxConnectionsListed))
                     : std::vector<FlowBypass::Decision>();
        return ServiceReply::ok({QVariant::fromValue(ConnectionList::describe(decisions))});
    });
    return {};
}

uint HelperService::AddRule(const QVariantMap &fields)
{
    authorize([this, fields](const Caller &) {
        return announced(m_ruleEditor.add(fields, m_engine.get()));
    });
    return 0;
}

void HelperService::ChangeRule(uint id, const QVariantMap &fields)
{
    authorize([this, id, fields](const Caller &) {
        return announced(m_ruleEditor.change(id, fields, m_engine.get()));
    });
}

void HelperService::SetRuleEnabled(uint id, bool enabled)
{
    authorize([this, id, enabled](const Caller &) {
        return announced(m_ruleEditor.setEnabled(id, enabled, m_engine.get()));
    });
}

void HelperService::MoveRule(uint id, uint position)
{
    authorize([this, id, position](const Caller &) {
        return announced(m_ruleEditor.move(id, position, m_engine.get()));
    });
}

void HelperService::RemoveRule(uint id)
{
    authorize(
        [this, id](const Caller &) { return announced(m_ruleEditor.remove(id, m_engine.get())); });
}

QVariantMap HelperService::GetChains()
{
    authorizeLater([this](const Caller &, const Send &send) {
        m_chains.request([send](const ChainReport &report) {
            const QVariantMap map{{Contract::Chains::Ipv4, familyReport(report.ipv4)},
                                  {Contract::Chains::Ipv6, familyReport(report.ipv6)},
                                  {Contract::Chains::Error, report.error}};
            send(ServiceReply::ok({map}));
        });
    });
    return {};
}

void HelperService::SetMetricsFile(const QString &path)
{
    authorize([this, path](const Caller &) { return setMetricsFile(path); });
}

ServiceReply HelperService::startCapture(const Caller &caller, const QVariantMap &map)
{
    if (m_engine)
        return ServiceReply::error(ServiceError::AlreadyRunning,
                                   tr("a capture is already running (started by %1, uid %2); "
                                      "stop it first")
                                       .arg(m_startedBy)
                                       .arg(m_startedByUid));
    QString error;
    CaptureRequest::Problem problem;
    auto request = CaptureRequest::parse(map, &problem, &error);
    if (!request)
        return ServiceReply::error(problem == CaptureRequest::Problem::BadDescriptor
                                       ? ServiceError::BadDescriptor
                                       : ServiceError::InvalidArgument,
                                   error);
    CaptureOptions options = std::move(request->options);
    request->options.dumpInputFd = request->options.dumpOutputFd = -1; // now the engine's
    options.rules = m_rules.rules();
    auto engine = std::make_unique<CaptureEngine>(std::move(options));
    engine->setMessageHandler([this](const QString &message) {
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                m_message = message;
                emit StateChanged(status());
            },
            Qt::QueuedConnection);
    });
    if (!engine->start(&error))
        return ServiceReply::error(ServiceError::CaptureFailed, error);

    m_engine = std::move(engine);
    m_chains.invalidate();
    m_startedBy = caller.busName;
    const QDBusReply<uint> uid = m_bus.interface()->serviceUid(caller.busName);
    m_startedByUid = uid.isValid() ? uid.value() : uint(-1);
    m_keepRunning = request->keepRunning;
    m_message.clear();
    m_captureStartMs = QDateTime::currentMSecsSinceEpoch();
    watch(caller.busName);
    publishMetrics();
    emit StateChanged(status());
    return ServiceReply::ok();
}

ServiceReply HelperService::stopCapture(const QString &reason)
{
    if (!m_engine)
        return ServiceReply::error(ServiceError::NotRunning, tr("no capture is running"));
    // Every queued packet reaches the streams first; then all of them finish together, so slow
    // clients' waits overlap instead of adding up.
    m_engine->stop();
    for (Stream &stream : m_streams)
        stream.sender->requestStop();
    for (Stream &stream : m_streams)
        stream.sender->stop();
    m_streams.clear();
    m_lastStatistics = m_engine->statistics();
    m_engine.reset();
    m_chains.invalidate();
    m_message = reason;
    publishMetrics();
    emit StateChanged(status());
    return ServiceReply::ok();
}

ServiceReply HelperService::openStream(const Caller &caller)
{
    if (!m_engine)
        return ServiceReply::error(ServiceError::NotRunning,
                                   tr("no capture is running; start one before opening a stream"));
    const auto open =
        std::count_if(m_streams.cbegin(), m_streams.cend(),
                      [&caller](const Stream &s) { return s.owner == caller.busName; });
    if (open >= MaxStreams)
        return ServiceReply::error(ServiceError::LimitExceeded,
                                   tr("this program already has %1 streams open, the most the "
                                      "helper gives one program; close one first")
                                       .arg(MaxStreams));
    QString error;
    StreamSender::Options options;
    options.snapLength = m_engine->options().snapLength;
    options.owners = m_engine->owners();
    options.hostNames = m_engine->hostNames();
    auto sender = StreamSender::create(m_engine->producerCount(), options, &error);
    if (!sender)
        return ServiceReply::error(ServiceError::Failed, error);
    const int fd = sender->takeClientFd();
    const QDBusUnixFileDescriptor descriptor(fd); // dups it
    ::close(fd);
    // The client closed its end: detach the sender on this thread (it cannot stop itself).
    sender->start([this] {
        QMetaObject::invokeMethod(this, &HelperService::reapStreams, Qt::QueuedConnection);
    });
    m_engine->attach(sender);
    m_streams.push_back({caller.busName, std::move(sender)});
    watch(caller.busName);
    return ServiceReply::ok({QVariant::fromValue(descriptor)});
}

ServiceReply HelperService::announced(const ServiceReply &reply)
{
    if (!reply.isError()) {
        refreshRulesDigest();
        emit RulesChanged();
    }
    return reply;
}

QVariantMap HelperService::status() const
{
    CaptureStatus status = m_engine ? m_engine->status() : CaptureStatus::idle();
    status.message = m_message;
    status.streams = uint(m_streams.size());
    if (m_engine) {
        status.startedBy = m_startedBy;
        status.startedByUid = m_startedByUid;
        status.keepRunning = m_keepRunning;
    }
    QVariantMap map = status.toVariantMap();
    map.insert(Contract::Status::MetricsFile, m_metrics ? m_metrics->file().path() : QString());
    if (m_metrics && !m_metrics->lastError().isEmpty())
        map.insert(Contract::Status::MetricsError, m_metrics->lastError());
    return map;
}

ServiceReply HelperService::setMetricsFile(const QString &path)
{
    QString error;
    if (!path.isEmpty() && !MetricsPath::check(path, &error))
        return ServiceReply::error(ServiceError::InvalidArgument, error);
    const QString previous = m_metrics ? m_metrics->file().path() : QString();
    if (path == previous)
        return ServiceReply::ok();
    // The new file is written once before anything changes: a path that cannot be written is
    // refused with the reason, and the old setting stays.
    if (!path.isEmpty()) {
        MetricsPublisher trial(MetricsFile(path, MetricsDirectory::Trust::Strict),
                               [this] { return metricsSnapshot(); }, {});
        if (!trial.publish(&error))
            return ServiceReply::error(ServiceError::Failed, error);
    }
    if (!m_metricsSetting.save(path, &error)) {
        if (!path.isEmpty())
            MetricsFile(path, MetricsDirectory::Trust::Strict).remove(&error);
        return ServiceReply::error(ServiceError::Failed, error);
    }
    // A file no longer written would tell node_exporter stale figures for ever.
    stopMetrics(true);
    if (!path.isEmpty())
        startMetrics(path);
    return ServiceReply::ok();
}

void HelperService::startMetrics(const QString &path)
{
    m_metrics = new MetricsPublisher(
        MetricsFile(path, MetricsDirectory::Trust::Strict), [this] { return metricsSnapshot(); },
        [](const QString &message) { printWarning(message); }, this);
    m_metrics->publish();
    m_metrics->start();
}

void HelperService::stopMetrics(bool removeFile)
{
    if (!m_metrics)
        return;
    m_metrics->stop();
    QString error;
    if (removeFile ? !m_metrics->file().remove(&error) : !m_metrics->publish(&error))
        printWarning(error);
    delete m_metrics;
    m_metrics = nullptr;
}

void HelperService::publishMetrics()
{
    if (m_metrics)
        m_metrics->publish();
}

MetricsSnapshot HelperService::metricsSnapshot() const
{
    MetricsSnapshot snapshot;
    snapshot.captureUp = m_engine != nullptr;
    snapshot.statistics = m_engine ? m_engine->statistics() : m_lastStatistics;
    snapshot.captureStartMs = m_captureStartMs;
    snapshot.mode = QStringLiteral("service");
    snapshot.configSha256 = m_rulesSha256;
    return snapshot;
}

void HelperService::refreshRulesDigest()
{
    // The saved file's bytes (no file: no bytes), so `sha256sum rules.json` matches.
    QFile file(m_rules.filePath());
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    m_rulesSha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

void HelperService::watch(const QString &busName)
{
    if (!m_watcher->watchedServices().contains(busName))
        m_watcher->addWatchedService(busName);
    // The caller may have left before we started watching.
    if (!m_bus.interface()->isServiceRegistered(busName).value())
        QMetaObject::invokeMethod(
            this, [this, busName] { onCallerLeft(busName); }, Qt::QueuedConnection);
}

void HelperService::onCallerLeft(const QString &busName)
{
    m_watcher->removeWatchedService(busName);
    m_authorizer.cancelFor(busName);
    releaseStreams([&busName](const Stream &stream) { return stream.owner == busName; });
    if (m_engine && busName == m_startedBy && !m_keepRunning)
        stopCapture(tr("the program that started the capture (%1) left").arg(busName));
    updateIdleTimer();
}

void HelperService::reapStreams()
{
    releaseStreams([](const Stream &stream) { return stream.sender->finished(); });
    updateIdleTimer();
}

void HelperService::releaseStreams(const std::function<bool(const Stream &)> &which)
{
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!which(*it)) {
            ++it;
            continue;
        }
        if (m_engine)
            m_engine->detach(it->sender);
        it->sender->stop();
        it = m_streams.erase(it);
    }
}

void HelperService::updateIdleTimer()
{
    const bool idle =
        !m_engine && m_streams.empty() && m_authorizer.pendingChecks() == 0 && !m_chains.busy();
    if (idle && m_settings.idleTimeoutSeconds > 0) {
        if (!m_idleTimer->isActive())
            m_idleTimer->start(m_settings.idleTimeoutSeconds * 1000);
    } else {
        m_idleTimer->stop();
    }
}

} // namespace nfqmon
