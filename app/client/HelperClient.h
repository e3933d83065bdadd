// The application's side of org.nfqmon.Helper1 (README, "The D-Bus service"), on the system bus
// or on a given connection (the tests' private bus). Every call is asynchronous: `done` runs
// later in this object's thread with the result, never before the call returns, and not at all
// when this object is destroyed first. Callers that may go away before the reply guard
// themselves (QPointer). Authorised calls may wait for a polkit prompt: they time out after
// five minutes, the rest after D-Bus's default 25 s.
//
// The client keeps the helper's status and rule list: it fetches them on request, follows the
// StateChanged and RulesChanged signals, and polls both about once a second while a capture
// runs (counters and rule hits change without a signal); polls never start a helper.
//
// The system bus may go away (a crash, `systemctl restart dbus`); QtDBus never reconnects a
// connection by itself. The client notices (the connection checked twice a second, and every
// failed call), says so (busLost: the helper removed its chains and left with the bus), then
// connects anew to the system bus with a connection of its own, retrying with back-off until
// the bus is back, and says so too (busRestored). Calls meanwhile fail at once.
//
// On another machine (RemoteLink): the same, over SSH. The connection is made (and made again
// after the link dropped) on a thread of its own, since ssh may take seconds to answer; the
// packet stream comes through the link's relay, and dump files, which are descriptors, cannot
// be passed.
#pragma once

#include "app/client/HelperError.h"
#include "app/client/RuleInfo.h"
#include "helper/protocol/CaptureStatus.h"

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QVariantMap>

#include <functional>
#include <optional>

class HelperProxy;
template <typename T> class QFutureWatcher;
class QDBusPendingCall;
class QDBusPendingCallWatcher;
class QDBusServiceWatcher;
class QTimer;

namespace nfqmon {

class HelperClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int AuthorisedTimeoutMs = 5 * 60 * 1000;
    static constexpr int PollIntervalMs = 1000;
    static constexpr int BusCheckIntervalMs = 500;
    // The first attempt to connect again, doubled after each failure up to the last.
    static constexpr int FirstReconnectMs = 250;
    static constexpr int LastReconnectMs = 3000;

    explicit HelperClient(QObject *parent = nullptr); // the system bus
    explicit HelperClient(const QDBusConnection &bus, QObject *parent = nullptr);
    // The helper of another machine, through `link` (which must outlive this client).
    explicit HelperClient(class RemoteLink *link, QObject *parent = nullptr);
    ~HelperClient() override;

    // options: StartCapture's a{sv} (dump descriptors as QDBusUnixFileDescriptor).
    void startCapture(const QVariantMap &options, std::function<void(HelperError)> done);
    void stopCapture(std::function<void(HelperError)> done);
    // fd: the client's end of the packet stream, now owned by `done` (-1 on error).
    void openStream(std::function<void(int fd, HelperError)> done);
    void addRule(const QVariantMap &fields, std::function<void(uint id, HelperError)> done);
    void changeRule(uint id, const QVariantMap &fields, std::function<void(HelperError)> done);
    void setRuleEnabled(uint id, bool enabled, std::function<void(HelperError)> done);
    void moveRule(uint id, uint position, std::function<void(HelperError)> done);
    void removeRule(uint id, std::function<void(HelperError)> done);
    // GetChains: {"ipv4": {...}, "ipv6": {...}, "error": s} (ChainStatus reads it). Needs
    // org.nfqmon.read: may show a password prompt, may be refused (NotAuthorized).
    void fetchChains(std::function<void(QVariantMap, HelperError)> done);
    // ListInterfaces: the helper's machine's interfaces (Contract::InterfaceField maps).
    void fetchInterfaces(std::function<void(QList<QVariantMap>, HelperError)> done);
    // ListConnections: the connections the kernel decides after the inspection depth
    // (Contract::ConnectionField maps). Needs org.nfqmon.capture, as the capture itself.
    void fetchConnections(std::function<void(QList<QVariantMap>, HelperError)> done);

    // GetStatus of the helper that runs now (never starting one: ServiceUnknown when none
    // runs), answered to this call; also updates status().
    void fetchStatus(std::function<void(CaptureStatus, HelperError)> done);
    // GetStatus / ListRules (starting the helper if need be); the answer arrives as
    // statusChanged() / rulesChanged(), a failure as refreshFailed(). Calls while one is on its
    // way are folded into one more call.
    void refreshStatus();
    void refreshRules();

    CaptureStatus status() const { return m_status; }
    bool isCaptureRunning() const;
    // We started the running capture (and have not seen it end).
    bool ownsCapture() const { return m_ownsCapture; }
    QList<RuleInfo> rules() const { return m_rules; }
    // The helper is on the bus right now (it is started on demand and exits when idle).
    bool isHelperAvailable() const { return m_helperAvailable; }
    // The connection now: after the bus was restarted, a new one.
    QDBusConnection connection() const { return m_bus; }
    bool isBusConnected() const { return m_busConnected; }
    // The link to another machine; nullptr for this machine's system bus.
    RemoteLink *remoteLink() const { return m_link; }

signals:
    void statusChanged(const nfqmon::CaptureStatus &status);
    void rulesChanged();
    void refreshFailed(const nfqmon::HelperError &error);
    void helperAvailableChanged(bool available);
    // The helper left the bus while a capture we started ran: it died (or was killed).
    void helperVanished();
    // The system bus went away (or was not there to begin with). captureEnded: a capture we
    // started ran; the helper stops it and removes its chains when it loses the bus.
    void busLost(bool captureEnded);
    // Connected to the system bus again (a new connection; the helper is not started).
    void busRestored();
    // Over SSH: an attempt to connect failed; what ssh said (it is tried again, backing off).
    void linkFailed(const QString &sshSays);

private:
    enum class Activation { Start, No }; // whether a call may start the helper
    QDBusPendingCall quickCall(const QString &method, Activation activation);
    void getStatus(Activation activation);
    void listRules(Activation activation);
    void watch(const QDBusPendingCall &call, std::function<void(QDBusPendingCallWatcher &)> then);
    void simpleCall(const QDBusPendingCall &call, std::function<void(HelperError)> done);
    // askedAfterStarts: m_starts when the GetStatus was sent; none for signals.
    void setStatus(const CaptureStatus &status, std::optional<quint64> askedAfterStarts = {});
    void setHelperAvailable(bool available);
    void onHelperGone();
    bool canPassDescriptors(HelperError *error) const;
    bool isLinkConnected(HelperError *error) const; // over SSH: false and a sentence while down
    // Proxies and watcher on m_bus, and whether the helper runs there.
    void attach();
    void checkBus();
    void onBusLost();
    void reconnect();
    void connected(const QString &name, const QDBusConnection &bus);
    // A call answering aa{sv}.
    void fetchList(const QDBusPendingCall &call,
                   std::function<void(QList<QVariantMap>, HelperError)> done);

    RemoteLink *m_link = nullptr;
    struct Attempt {
        QDBusConnection bus;
        QString problem;       // what ssh said when it failed
        QString sshConnection; // the host's $SSH_CONNECTION for our shared connection
    };
    QString m_sshConnection; // the last connection's, passed to StartCapture (SshConnection)
    QFutureWatcher<Attempt> *m_connecting = nullptr; // a remote connection under way
    QString m_connectingName;                        // the name it connects under
    QDBusConnection m_bus;
    QString m_ownConnection; // the name of m_bus when this client made it (after a bus restart)
    bool m_busConnected = false;
    QTimer *m_busCheck = nullptr;
    QTimer *m_reconnect = nullptr;
    int m_reconnectDelayMs = FirstReconnectMs;
    HelperProxy *m_authorised = nullptr; // long timeout: polkit may prompt
    HelperProxy *m_quick = nullptr;      // status, rules, chains
    QDBusServiceWatcher *m_watcher = nullptr;
    QTimer *m_poll = nullptr;
    CaptureStatus m_status;
    QList<RuleInfo> m_rules;
    bool m_helperAvailable = false;
    bool m_ownsCapture = false;
    quint64 m_starts = 0; // captures we started
    bool m_statusPending = false;
    bool m_statusAgain = false;
    bool m_rulesPending = false;
    bool m_rulesAgain = false;
};

} // namespace nfqmon
