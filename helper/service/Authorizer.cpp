#include "Authorizer.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>

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
    m_pending.insert(busName, cancellationId);

    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, TimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, busName, cancellationId, actionId, done = std::move(done)] {
                watcher->deleteLater();
                m_pending.remove(busName, cancellationId);
                const QDBusPendingReply<AuthorizationResult> reply = *watcher;
                if (reply.isError()) {
                    done(Result::Failed, tr("polkit could not be asked about %1 (%2)")
                                             .arg(actionId, reply.error().message()));
                    return;
                }
                if (reply.value().authorized)
                    done(Result::Allowed, {});
                else
                    done(Result::Refused, tr("polkit refused %1 to this caller").arg(actionId));
            });
}

void Authorizer::cancelFor(const QString &busName)
{
    const QStringList ids = m_pending.values(busName);
    for (const QString &id : ids) {
        QDBusMessage cancel = QDBusMessage::createMethodCall(
            PolkitService, PolkitPath, PolkitInterface, QStringLiteral("CancelCheckAuthorization"));
        cancel << id;
        m_bus.asyncCall(cancel);
    }
}

} // namespace nfqmon
