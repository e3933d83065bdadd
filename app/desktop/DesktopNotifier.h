// Desktop notifications through the freedesktop.org Notifications service
// (org.freedesktop.Notifications on the session bus, as GNOME, KDE, Xfce and dunst provide).
// Every call is asynchronous, so a notification server that is slow or missing never holds up
// the window. The first notification asks for the server's capabilities, so that a body goes
// out as escaped markup only where the server reads markup (an expression such as
// "len > 100" must arrive as written).
#pragma once

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace nfqmon {

class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    static const QString ServiceName; // org.freedesktop.Notifications
    // nfqmon's desktop entry (packaging/desktop), which the window sets as its desktop file name.
    static inline const QString DesktopEntry = QStringLiteral("org.nfqmon.nfqmon");

    explicit DesktopNotifier(QObject *parent = nullptr); // the session bus
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // The desktop entry the notifications name, so that the desktop shows the window's icon and
    // name (QGuiApplication::desktopFileName() of the window); DesktopEntry when empty.
    void setDesktopEntry(const QString &name) { m_desktopEntry = name; }
    void notify(const QString &summary, const QString &body);

signals:
    void delivered(uint id);             // the server took it
    void failed(const QString &message); // no server, or it refused
    void activated();                    // the user clicked a notification of ours

private:
    struct Pending {
        QString summary;
        QString body;
    };
    void askCapabilities();
    void send(const Pending &notification);

private slots:
    // The server's signal (connected by name: it comes from another service).
    void onActionInvoked(uint id, const QString &action);

private:
    QDBusConnection m_bus;
    QString m_desktopEntry;
    std::optional<bool> m_bodyMarkup; // known after GetCapabilities
    bool m_asking = false;
    QList<Pending> m_waiting; // notifications made while GetCapabilities was on its way
    QList<uint> m_ours;       // ids the server gave our notifications
};

} // namespace nfqmon
