#include "helper/service/Authorizer.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>

#include <algorithm>
#include <utility>

namespace nfqmon {

namespace {

const QString PolkitService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString PolkitPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString PolkitInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
constexpr quint32 AllowUserInteraction = 1;

// polkit's (sa{sv}) subject.
struct Subject {
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &argument, const Subject &subject)
{
    argument.beginStructure();
    argument << subject.kind << subject.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, Subject &subject)
{
    argument.beginStructure();
    argument >> subject.kind >> subject.details;
    argument.endStructure();
    return argument;
}

// polkit's (bba{ss}) authorization result.
struct AuthorizationResult {
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

QDBusArgument &operator<<(QDBusArgument &argument, const AuthorizationResult &result)
{
    argument.beginStructure();
    argument << result.authorized << result.challenge << result.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, AuthorizationResult &result)
{
    argument.beginStructure();
    argument >> result.authorized >> result.challenge >> result.details;
    argument.endStructure();
    return argument;
}

} // namespace
} // namespace nfqmon

Q_DECLARE_METATYPE(nfqmon::Subject)
Q_DECLARE_METATYPE(nfqmon::AuthorizationResult)

namespace nfqmon {

Authorizer::Authorizer(QDBusConnection bus, QObject *parent) : QObject(parent), m_bus(bus)
{
    qDBusRegisterMetaType<Subject>();
    qDBusRegisterMetaType<AuthorizationResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void Authorizer::check(const QString &busName, Action action, Done done)
{
    const QString actionId = MethodPolicy::polkitActionId(action);
    if (actionId.isEmpty()) {
        done(Result::Allowed, {});
        return;
    }
    const QString cancellationId =
        QStringLiteral("nfqmon-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_nextId);
    QDBusMessage call = QDBusMessage::createMethodCall(PolkitService, PolkitPath, PolkitInterface,
                                                       QStringLiteral("CheckAuthorization"));
    const Subject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), busName}}};
    call << QVariant::fromValue(subject) << actionId
         << QVariant::fromValue(QMap<QString, QString>()) << AllowUserInteraction << cancellationId;
    m_pending.insert(cancellationId, {busName, std::move(done)});

    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, TimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, cancellationId, actionId] {
                watcher->deleteLater();
                const auto pending = m_pending.constFind(cancellationId);
                if (pending == m_pending.cend())
                    return; // answered already (cancelAll)
                const Done answer = pending->done;
                m_pending.erase(pending);
                const QDBusPendingReply<AuthorizationResult> reply = *watcher;
                if (reply.isError()) {
                    answer(Result::Failed, tr("polkit could not be asked about %1 (%2)")
                                               .arg(actionId, reply.error().message()));
                    return;
                }
                if (reply.value().authorized)
                    answer(Result::Allowed, {});
                else
                    answer(Result::Refused, tr("polkit refused %1 to this caller").arg(actionId));
            });
}

int Authorizer::pendingChecksOf(const QString &busName) const
{
    return int(
        std::count_if(m_pending.cbegin(), m_pending.cend(),
                      [&busName](const Pending &pending) { return pending.busName == busName; }));
}

namespace {

QDBusMessage cancellation(const QString &id)
{
    QDBusMessage cancel = QDBusMessage::createMethodCall(
        PolkitService, PolkitPath, PolkitInterface, QStringLiteral("CancelCheckAuthorization"));
    cancel << id;
    return cancel;
}

} // namespace

void Authorizer::cancelFor(const QString &busName)
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it->busName == busName)
            m_bus.asyncCall(cancellation(it.key()));
}

void Authorizer::cancelAll(const QString &reason)
{
    const QHash<QString, Pending> waiting = std::exchange(m_pending, {});
    for (auto it = waiting.cbegin(); it != waiting.cend(); ++it) {
        it->done(Result::Failed, reason);
        // Blocking, and after the reply was queued: when polkit has answered, both are sent.
        m_bus.call(cancellation(it.key()), QDBus::Block, 1000);
    }
}

} // namespace nfqmon
