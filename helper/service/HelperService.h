// The object nfqmon-helper exports on the system bus: org.nfqmon.Helper1 at /org/nfqmon/Helper.
// Its introspection XML is generated from this header (qdbuscpp2xml, scriptable members only)
// and the client proxy from that XML, so the two sides cannot drift.
//
// Every exported method starts with authorize(), which looks the method up in MethodPolicy and
// asks polkit about the caller's bus name; the work runs only once polkit said yes. Replies are
// therefore always delayed: the slots' return values are placeholders for the XML generator.
// One exception: StopCapture and OpenStream from the unique bus name whose StartCapture polkit
// authorised (m_startedBy) need no second check: the bus never gives that name to anyone else.
//
// What one caller can make the helper hold is bounded: MaxPendingChecks polkit checks under
// way and MaxStreams open streams per bus name; past that, org.nfqmon.Error.LimitExceeded.
#pragma once

#include "helper/engine/CaptureEngine.h"
#include "helper/engine/MetricsSnapshot.h"
#include "helper/service/Authorizer.h"
#include "helper/service/ChainReporter.h"
#include "helper/service/MetricsSetting.h"
#include "helper/service/RuleEditor.h"
#include "helper/service/RuleStore.h"
#include "helper/service/ServiceReply.h"

#include <QDBusContext>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <vector>

class QDBusServiceWatcher;
class QTimer;

namespace nfqmon {

class MetricsPublisher;
class StreamSender;

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
    // moc needs a literal; the constructor checks it is Contract::InterfaceName.
    Q_CLASSINFO("D-Bus Interface", "org.nfqmon.Helper1")
    Q_PROPERTY(QString Version READ version SCRIPTABLE true)

public:
    struct Settings {
        QString stateDir = QStringLiteral("/var/lib/nfqmon");
        int idleTimeoutSeconds = 60; // 0: never exit when idle
    };

    static constexpr int MaxPendingChecks = 8; // per caller (unique bus name)
    static constexpr int MaxStreams = 4;       // per caller

    HelperService(QDBusConnection bus, Settings settings, QObject *parent = nullptr);
    ~HelperService() override;

    // Loads the saved rules, exports the object and takes the bus name. False and a sentence on
    // failure (another helper owns the name, the state directory is unusable, ...).
    bool start(QString *error, QString *warning);
    // SIGTERM: stops the capture (chains removed, dumps flushed) and closes the streams.
    void shutdown();

    QString version() const;

public slots:
    Q_SCRIPTABLE void StartCapture(const QVariantMap &options);
    Q_SCRIPTABLE void StopCapture();
    Q_SCRIPTABLE QVariantMap GetStatus();
    Q_SCRIPTABLE QDBusUnixFileDescriptor OpenStream();
    Q_SCRIPTABLE QList<QVariantMap> ListRules();
    Q_SCRIPTABLE uint AddRule(const QVariantMap &rule);
    Q_SCRIPTABLE void ChangeRule(uint id, const QVariantMap &rule);
    Q_SCRIPTABLE void SetRuleEnabled(uint id, bool enabled);
    Q_SCRIPTABLE void MoveRule(uint id, uint position);
    Q_SCRIPTABLE void RemoveRule(uint id);
    Q_SCRIPTABLE QVariantMap GetChains();
    Q_SCRIPTABLE QList<QVariantMap> ListInterfaces();
    // With an inspection depth: the connections the kernel decides (the most recently active,
    // at most Contract::MaxConnectionsListed), with its counters; none without a capture or a
    // depth.
    Q_SCRIPTABLE QList<QVariantMap> ListConnections();
    // The Prometheus text file root writes every few seconds (MetricsPath says which paths it
    // takes); "" turns it off. Kept in the state directory across restarts.
    Q_SCRIPTABLE void SetMetricsFile(const QString &path);

signals:
    Q_SCRIPTABLE void StateChanged(const QVariantMap &status);
    Q_SCRIPTABLE void RulesChanged();
    void idle(); // nothing running and nobody watching for the idle timeout: time to exit

private:
    struct Caller {
        QString busName;
    };
    using Work = std::function<ServiceReply(const Caller &caller)>;
    using Send = std::function<void(const ServiceReply &reply)>;
    // Work whose reply comes later: it calls `send` once.
    using LaterWork = std::function<void(const Caller &caller, Send send)>;
    enum class Owner { MustAsk, MayProceed }; // MayProceed: the capture's owner skips polkit
    void authorize(Work work, Owner owner = Owner::MustAsk);
    void authorizeLater(LaterWork work, Owner owner = Owner::MustAsk);

    ServiceReply startCapture(const Caller &caller, const QVariantMap &options);
    ServiceReply stopCapture(const QString &reason);
    ServiceReply openStream(const Caller &caller);
    // The rule editor's reply, with RulesChanged when the rules changed.
    ServiceReply announced(const ServiceReply &reply);
    QVariantMap status() const;
    void onCallerLeft(const QString &busName);
    void reapStreams();
    void watch(const QString &busName);
    void updateIdleTimer();
    ServiceReply setMetricsFile(const QString &path);
    void startMetrics(const QString &path);
    void stopMetrics(bool removeFile);
    void publishMetrics();
    MetricsSnapshot metricsSnapshot() const;
    void refreshRulesDigest();

    QDBusConnection m_bus;
    Settings m_settings;
    Authorizer m_authorizer;
    ChainReporter m_chains;
    RuleStore m_rules;
    RuleEditor m_ruleEditor; // on m_rules
    std::unique_ptr<CaptureEngine> m_engine;
    QString m_startedBy;
    uint m_startedByUid = 0;
    bool m_keepRunning = false;
    QString m_message; // the last problem worth showing (a dump that failed, a stop reason)
    struct Stream {
        QString owner;
        std::shared_ptr<StreamSender> sender;
    };
    std::vector<Stream> m_streams;
    void releaseStreams(const std::function<bool(const Stream &)> &which);
    QDBusServiceWatcher *m_watcher = nullptr;
    QTimer *m_idleTimer = nullptr;
    MetricsSetting m_metricsSetting;
    MetricsPublisher *m_metrics = nullptr; // while a metrics file is set
    // For the metrics file while no capture runs: the last capture's figures and start.
    EngineStatistics m_lastStatistics;
    std::optional<qint64> m_captureStartMs;
    QString m_rulesSha256; // of the saved rules file
};

} // namespace nfqmon
