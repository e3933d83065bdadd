// A real desktop notification server for tests: dunst, on an X display of the test's own
// (TestDisplay) and a private D-Bus session bus (a dbus-daemon with a configuration of its own).
// The machine's own session, if any, is never used. Tests read what dunst received from its
// history (org.dunstproject.cmd0), as `dunstctl history` does.
#pragma once

#include "tests/support/core/TestDisplay.h"

#include <QDBusConnection>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <QVariantMap>

#include <chrono>
#include <memory>

namespace nfqmon::test {

class NotificationServer
{
public:
    enum class Markup { Full, None }; // dunst's "markup" setting: body-markup or plain text

    NotificationServer() = default;
    ~NotificationServer(); // stop()
    NotificationServer(const NotificationServer &) = delete;
    NotificationServer &operator=(const NotificationServer &) = delete;

    // The bus, the display and dunst; DBUS_SESSION_BUS_ADDRESS of this process points at the
    // bus afterwards, so start it before anything asks for QDBusConnection::sessionBus().
    bool start(Markup markup, QString *error,
               std::chrono::milliseconds timeout = std::chrono::seconds(15));
    void stop();
    // Only dunst, keeping the bus: a session whose notification server has gone.
    void stopServer();

    QString address() const { return m_address; }
    QString displayName() const { return m_display.name(); } // dunst's X display, ":90"

    QDBusConnection connection() const; // this test's own connection to the bus

    struct Notification {
        QString appName;
        QString summary;
        QString body;  // as sent
        QString shown; // as a person reads it: markup rendered to text where dunst reads it
        QString icon;
        QString category;
        qint64 id = 0; // dunst's
    };
    // Every notification dunst got since start() or the last forgetReceived(), oldest first
    // (closes those still displayed).
    QList<Notification> notifications(QString *error) const;
    // Between test functions: what was received so far is left out of notifications().
    bool forgetReceived(QString *error);
    // Clicks the newest displayed notification (its default action).
    bool clickNewest(QString *error) const;

private:
    QTemporaryDir m_directory;
    TestDisplay m_display;
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_dunst;
    QString m_address;
    QString m_connectionName;
    QSet<qint64> m_forgotten; // dunst's ids
    Markup m_markup = Markup::Full;
    QByteArray m_previousAddress;
    bool m_hadPreviousAddress = false;
};

} // namespace nfqmon::test
