// Asks polkit, through its D-Bus API, whether a caller may perform an action. The subject is the
// caller's unique bus name (polkit asks the bus who that is); the helper never looks up a PID or
// UID itself. The check is asynchronous: while one caller sits at a password prompt, other calls
// are served and the packet path is not involved at all.
#pragma once

#include "helper/service/MethodPolicy.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

#include <functional>

namespace nfqmon {

class Authorizer : public QObject
{
    Q_OBJECT
public:
    enum class Result { Allowed, Refused, Failed };
    using Done = std::function<void(Result result, const QString &problem)>;

    explicit Authorizer(QDBusConnection bus, QObject *parent = nullptr);

    // `done` runs on the event loop once polkit answered; Failed when polkit could not be asked.
    void check(const QString &busName, Action action, Done done);
    // The caller left the bus: polkit may drop its prompt.
    void cancelFor(const QString &busName);
    // The helper is stopping: every open prompt is cancelled and every waiting caller gets
    // `done(Failed, reason)` now, not a timeout later. Waits (briefly) for polkit to take the
    // cancellations, so that they and the replies leave before the process exits.
    void cancelAll(const QString &reason);
    int pendingChecks() const { return int(m_pending.size()); }
    int pendingChecksOf(const QString &busName) const;

    // Long enough for a person to read the prompt and type a password.
    static constexpr int TimeoutMs = 5 * 60 * 1000;

private:
    QDBusConnection m_bus;
    quint64 m_nextId = 0;
    struct Pending {
        QString busName; // the caller
        Done done;       // its continuation
    };
    QHash<QString, Pending> m_pending; // by cancellation id
};

} // namespace nfqmon
