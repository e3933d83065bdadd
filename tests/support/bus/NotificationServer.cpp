#include "tests/support/bus/NotificationServer.h"

#include "tests/support/core/Command.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextDocumentFragment>
#include <QThread>

namespace nfqmon::test {

namespace {

const QString NotificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString NotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString DunstInterface = QStringLiteral("org.dunstproject.cmd0");

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// dunst's history holds each field as a{sv} {"type": s, "data": v}.
QString field(const QVariantMap &entry, const char *name)
{
    const QVariant value = entry.value(QLatin1String(name));
    if (value.canConvert<QDBusVariant>())
        return value.value<QDBusVariant>().variant().toString();
    return value.toString();
}

} // namespace

NotificationServer::~NotificationServer()
{
    stop();
}

bool NotificationServer::start(Markup markup, QString *error, std::chrono::milliseconds timeout)
{
    m_markup = markup;
    if (!m_directory.isValid()) {
        *error = QStringLiteral("no temporary directory: %1").arg(m_directory.errorString());
        return false;
    }
    if (!m_display.start(error))
        return false;
    const QString socket = m_directory.filePath(QStringLiteral("session-bus"));
    const QString config = m_directory.filePath(QStringLiteral("session.conf"));
    const QByteArray busConfig =
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig>\n  <type>session</type>\n  <listen>unix:path=" +
        socket.toUtf8() +
        "</listen>\n  <auth>EXTERNAL</auth>\n"
        "  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
        "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n";
    if (!writeFile(config, busConfig, error))
        return false;
    const QByteArray dunstConfig =
        "[global]\n    markup = " + QByteArray(markup == Markup::Full ? "full" : "no") +
        "\n    dmenu = /bin/false\n    browser = /bin/false\n";
    const QString dunstrc = m_directory.filePath(QStringLiteral("dunstrc"));
    if (!writeFile(dunstrc, dunstConfig, error))
        return false;

    m_bus = std::make_unique<QProcess>();
    m_bus->setProcessChannelMode(QProcess::MergedChannels);
    m_bus->start(QStringLiteral("dbus-daemon"),
                 {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork")});
    if (!m_bus->waitForStarted()) {
        *error = QStringLiteral("dbus-daemon did not start: %1").arg(m_bus->errorString());
        stop();
        return false;
    }
    const QDeadlineTimer deadline(timeout);
    while (!QFileInfo::exists(socket)) {
        if (m_bus->state() != QProcess::Running || deadline.hasExpired()) {
            *error = QStringLiteral("the session bus did not come up: %1")
                         .arg(QString::fromLocal8Bit(m_bus->readAll()));
            stop();
            return false;
        }
        QThread::msleep(20);
    }
    m_address = QStringLiteral("unix:path=") + socket;
    m_hadPreviousAddress = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    m_previousAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());

    m_dunst = std::make_unique<QProcess>();
    m_dunst->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), m_display.name());
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
    environment.insert(QStringLiteral("HOME"), m_directory.path()); // no user config of dunst's
    environment.remove(QStringLiteral("XDG_CONFIG_HOME"));
    m_dunst->setProcessEnvironment(environment);
    m_dunst->start(QStringLiteral("dunst"), {QStringLiteral("-conf"), dunstrc});
    if (!m_dunst->waitForStarted()) {
        *error = QStringLiteral("dunst did not start: %1 (Debian package dunst)")
                     .arg(m_dunst->errorString());
        stop();
        return false;
    }
    m_connectionName = QStringLiteral("nfqmon-test-session-%1").arg(quintptr(this));
    const QDBusConnection bus = connection();
    while (!bus.interface() || !bus.interface()->isServiceRegistered(NotificationsService)) {
        if (m_dunst->state() != QProcess::Running || deadline.hasExpired()) {
            *error = QStringLiteral("dunst did not take %1: %2")
                         .arg(NotificationsService, QString::fromLocal8Bit(m_dunst->readAll()));
            stop();
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

void NotificationServer::stopServer()
{
    Command::stop(m_dunst);
}

void NotificationServer::stop()
{
    Command::stop(m_dunst);
    if (!m_connectionName.isEmpty()) {
        QDBusConnection::disconnectFromBus(m_connectionName);
        m_connectionName.clear();
    }
    Command::stop(m_bus);
    m_display.stop();
    if (!m_address.isEmpty()) {
        if (m_hadPreviousAddress)
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_previousAddress);
        else
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        m_address.clear();
    }
}

QDBusConnection NotificationServer::connection() const
{
    return QDBusConnection::connectToBus(m_address, m_connectionName);
}

QList<NotificationServer::Notification> NotificationServer::notifications(QString *error) const
{
    const QDBusConnection bus = connection();
    bus.call(QDBusMessage::createMethodCall(NotificationsService, NotificationsPath, DunstInterface,
                                            QStringLiteral("NotificationCloseAll")));
    const QDBusMessage reply = bus.call(
        QDBusMessage::createMethodCall(NotificationsService, NotificationsPath, DunstInterface,
                                       QStringLiteral("NotificationListHistory")));
    QList<Notification> list;
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        *error = QStringLiteral("dunst's history: %1").arg(reply.errorMessage());
        return list;
    }
    const QDBusArgument argument = reply.arguments().constFirst().value<QDBusArgument>();
    QList<QVariantMap> entries;
    argument >> entries;
    for (const QVariantMap &entry : entries) {
        Notification n;
        n.appName = field(entry, "appname");
        n.summary = field(entry, "summary");
        n.body = field(entry, "body");
        n.icon = field(entry, "icon_path");
        n.category = field(entry, "category");
        n.id = field(entry, "id").toLongLong();
        if (m_forgotten.contains(n.id))
            continue;
        // With markup on, dunst renders the body as Pango markup, whose entities and tags
        // are those of HTML for what a notification uses.
        n.shown = m_markup == Markup::Full ? QTextDocumentFragment::fromHtml(n.body).toPlainText()
                                           : n.body;
        list.prepend(n); // dunst lists the newest first
    }
    return list;
}

bool NotificationServer::forgetReceived(QString *error)
{
    error->clear();
    const QList<Notification> received = notifications(error);
    for (const Notification &n : received)
        m_forgotten.insert(n.id);
    return error->isEmpty();
}

bool NotificationServer::clickNewest(QString *error) const
{
    const QDBusMessage reply = connection().call(
        QDBusMessage::createMethodCall(NotificationsService, NotificationsPath, DunstInterface,
                                       QStringLiteral("NotificationAction"))
        << uint(0));
    if (reply.type() != QDBusMessage::ReplyMessage) {
        *error = QStringLiteral("dunst's NotificationAction: %1").arg(reply.errorMessage());
        return false;
    }
    return true;
}

} // namespace nfqmon::test
