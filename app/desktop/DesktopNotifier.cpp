#include "app/desktop/DesktopNotifier.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace nfqmon {

const QString DesktopNotifier::ServiceName = QStringLiteral("org.freedesktop.Notifications");

namespace {
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
constexpr int ExpireMs = 10000;
constexpr qsizetype MaximumRemembered = 64;
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    m_bus.connect(ServiceName, Path, Interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
}

void DesktopNotifier::notify(const QString &summary, const QString &body)
{
    if (!m_bus.isConnected()) {
        emit failed(tr("There is no session bus, so no desktop notification can be shown."));
        return;
    }
    const Pending notification{summary, body};
    if (m_bodyMarkup.has_value()) {
        send(notification);
        return;
    }
    m_waiting.append(notification);
    askCapabilities();
}

void DesktopNotifier::askCapabilities()
{
    if (m_asking)
        return;
    m_asking = true;
    const QDBusMessage call = QDBusMessage::createMethodCall(ServiceName, Path, Interface,
                                                             QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_asking = false;
        const QDBusPendingReply<QStringList> reply = *w;
        const QList<Pending> waiting = std::exchange(m_waiting, {});
        if (reply.isError()) {
            // No server now; ask again next time, one may have started meanwhile.
            emit failed(tr("No desktop notification was shown: %1").arg(reply.error().message()));
            return;
        }
        m_bodyMarkup = reply.value().contains(QLatin1String("body-markup"));
        for (const Pending &notification : waiting)
            send(notification);
    });
}

void DesktopNotifier::send(const Pending &notification)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"),
                 m_desktopEntry.isEmpty() ? DesktopEntry : m_desktopEntry);
    hints.insert(QStringLiteral("category"), QStringLiteral("network"));
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)); // normal
    QDBusMessage call =
        QDBusMessage::createMethodCall(ServiceName, Path, Interface, QStringLiteral("Notify"));
    const QString appName = QCoreApplication::applicationName().isEmpty()
                                ? QStringLiteral("nfqmon")
                                : QCoreApplication::applicationName();
    call << appName << uint(0) << QStringLiteral("nfqmon") << notification.summary
         << (m_bodyMarkup.value_or(false) ? notification.body.toHtmlEscaped() : notification.body)
         << QStringList{QStringLiteral("default"), tr("Show")} << hints << ExpireMs;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            emit failed(tr("No desktop notification was shown: %1").arg(reply.error().message()));
            return;
        }
        m_ours.append(reply.value());
        if (m_ours.size() > MaximumRemembered)
            m_ours.removeFirst();
        emit delivered(reply.value());
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    if (m_ours.contains(id) && action == QLatin1String("default"))
        emit activated();
}

} // namespace nfqmon
