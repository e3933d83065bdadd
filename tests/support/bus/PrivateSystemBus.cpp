#include "tests/support/bus/PrivateSystemBus.h"

#include "tests/support/bus/BusDataFile.h"
#include "tests/support/bus/PrivateBusFiles.h"
#include "tests/support/core/ProcessTree.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <csignal>

namespace nfqmon::test {

using namespace std::chrono_literals;

PrivateSystemBus::PrivateSystemBus() : m_helperProgram(HelperProcess::program()) {}

PrivateSystemBus::~PrivateSystemBus()
{
    stop();
}

QString PrivateSystemBus::helperStateDirectory() const
{
    return m_helperStateDirectory.isEmpty() ? path(QStringLiteral("state"))
                                            : m_helperStateDirectory;
}

QStringList PrivateSystemBus::helperCommand() const
{
    return QStringList{m_helperProgram,
                       QStringLiteral("--service"),
                       QStringLiteral("--state-dir"),
                       helperStateDirectory(),
                       QStringLiteral("--idle-timeout"),
                       QString::number(m_helperIdleTimeout)} +
           m_helperArguments;
}

bool PrivateSystemBus::writeHelperService(QString *error)
{
    if (!m_directory.exists()) {
        *error = QStringLiteral("the private bus has no directory yet (start() first)");
        return false;
    }
    // The Exec= line is split at spaces (quotes aside): keep paths and arguments plain.
    const QStringList command = helperCommand();
    for (const QString &argument : command) {
        if (argument.isEmpty() ||
            argument.contains(QRegularExpression(QStringLiteral("[\\s\"'\\\\]")))) {
            *error = QStringLiteral("helper argument \"%1\" cannot be written plainly to an "
                                    "Exec= line")
                         .arg(argument);
            return false;
        }
    }
    const std::optional<QByteArray> service =
        BusDataFile::read(QStringLiteral("org.nfqmon.Helper.service"),
                          {{QStringLiteral("name"), QLatin1String(HelperService)},
                           {QStringLiteral("command"), command.join(QLatin1Char(' '))}},
                          error);
    if (!service || !m_directory.writeFile(QLatin1String(PrivateBusFiles::Services) +
                                               QStringLiteral("/org.nfqmon.Helper.service"),
                                           *service, error))
        return false;
    if (!isRunning())
        return true;
    // dbus-daemon rereads a changed service file on activation anyway; reloading makes sure.
    const QDBusMessage reply = connection().call(QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ReloadConfig")));
    if (reply.type() != QDBusMessage::ReplyMessage) {
        *error = QStringLiteral("ReloadConfig: ") + reply.errorMessage();
        return false;
    }
    return true;
}

bool PrivateSystemBus::prepareFiles(QString *error)
{
    if (!m_directory.create(error) || !PrivateBusFiles::write(m_directory, error))
        return false;
    if (m_helperStateDirectory.isEmpty() && !QDir().mkpath(helperStateDirectory())) {
        *error = QStringLiteral("cannot create ") + helperStateDirectory();
        return false;
    }
    return writeHelperService(error);
}

bool PrivateSystemBus::mountFiles(QString *error)
{
    // The dbus package's own directory, to mount over (made where no bus ever ran).
    QDir().mkpath(QStringLiteral("/run/dbus"));
    const QList<PrivateBusFiles::Mount> mounts = PrivateBusFiles::mounts();
    for (const auto &[name, target] : mounts) {
        if (!m_mounts.add(path(name), target, error))
            return false;
    }
    return true;
}

bool PrivateSystemBus::startDaemons(QString *error, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    const auto remaining = [&deadline] {
        return std::chrono::milliseconds(deadline.remainingTime());
    };
    if (!m_daemon.start(path(QLatin1String(PrivateBusFiles::Configuration)),
                        path(QStringLiteral("bus.log")), m_address, error, remaining())) {
        *error += QLatin1Char('\n') + output();
        return false;
    }
    const QDBusConnection bus = QDBusConnection::connectToBus(m_address, m_connectionName);
    if (!bus.isConnected()) {
        *error =
            QStringLiteral("cannot connect to %1: %2").arg(m_address, bus.lastError().message());
        return false;
    }
    const auto polkitOnBus = [this] { return pidOfName(QLatin1String(PolkitService)) != 0; };
    if (!m_polkit.start(path(QStringLiteral("polkitd.log")), polkitOnBus, error, remaining())) {
        *error += QLatin1Char('\n') + output();
        return false;
    }
    return true;
}

bool PrivateSystemBus::start(QString *error, std::chrono::milliseconds timeout)
{
    if (isRunning() || m_directory.exists()) {
        *error = QStringLiteral("the private bus is already started");
        return false;
    }
    if (!QCoreApplication::instance() ||
        QThread::currentThread() != QCoreApplication::instance()->thread()) {
        *error = QStringLiteral("start the private bus from the main thread");
        return false;
    }
    const QDeadlineTimer deadline(timeout);
    // Network first: dbus-daemon, and the helper it activates, inherit our network namespace.
    if (!TestNetwork::enterPrivateNamespace(error) || !enterPrivateMountNamespace(error))
        return false;
    const bool ok = [&] {
        if (!prepareFiles(error) || !mountFiles(error))
            return false;
        m_address = QStringLiteral("unix:path=") + path(QLatin1String(PrivateBusFiles::Socket));
        m_connectionName =
            QStringLiteral("nfqmon-private-system-bus-") + QFileInfo(m_directory.path()).fileName();
        // Before any child starts: polkitd, the activated helper and the test's own
        // QDBusConnection::systemBus() all find this bus, never the machine's.
        if (qEnvironmentVariableIsSet("DBUS_SYSTEM_BUS_ADDRESS"))
            m_previousAddress = qgetenv("DBUS_SYSTEM_BUS_ADDRESS");
        else
            m_previousAddress = std::nullopt;
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        return startDaemons(error, std::chrono::milliseconds(deadline.remainingTime()));
    }();
    if (!ok)
        stop();
    return ok;
}

void PrivateSystemBus::stop()
{
    if (m_daemon.isRunning() && !m_connectionName.isEmpty()) {
        stopHelper();
        m_daemon.killChildren();
    }
    m_polkit.stop();
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
    m_daemon.stop();
    m_mounts.removeAll();
    if (!m_address.isEmpty()) {
        if (m_previousAddress)
            qputenv("DBUS_SYSTEM_BUS_ADDRESS", *m_previousAddress);
        else
            qunsetenv("DBUS_SYSTEM_BUS_ADDRESS");
    }
    m_address.clear();
    m_connectionName.clear();
    m_directory.remove();
}

bool PrivateSystemBus::killDaemon(std::chrono::milliseconds timeout)
{
    if (!m_daemon.isRunning())
        return false;
    const bool ended = m_daemon.kill(timeout);
    // Our connection is dead; the name must be free for the next daemon's.
    QDBusConnection::disconnectFromBus(m_connectionName);
    const bool polkitEnded = m_polkit.waitForEnd(timeout);
    m_polkit.stop(2s);
    return ended && polkitEnded;
}

bool PrivateSystemBus::restartDaemon(QString *error, std::chrono::milliseconds timeout)
{
    if (!m_directory.exists() || m_address.isEmpty()) {
        *error = QStringLiteral("the private bus was never started");
        return false;
    }
    if (m_daemon.isRunning()) {
        *error = QStringLiteral("the private bus still runs");
        return false;
    }
    return startDaemons(error, timeout);
}

bool PrivateSystemBus::isRunning() const
{
    return m_daemon.pid() != 0 && m_polkit.pid() != 0;
}

QDBusConnection PrivateSystemBus::connection() const
{
    return QDBusConnection(m_connectionName);
}

bool PrivateSystemBus::waitForPolkitRules(bool markerLoaded, QString *error) const
{
    const QDeadlineTimer deadline(10s);
    Command::Result check;
    do {
        check = runAs(QStringLiteral("nobody"),
                      {TestNetwork::toolPath(QStringLiteral("nfqmon-test-busprobe")),
                       QStringLiteral("check"), QStringLiteral("org.freedesktop.policykit.exec"),
                       QStringLiteral("--no-interaction")});
        if (check.output.contains(markerLoaded ? "authorized=true" : "authorized=false"))
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    *error = QStringLiteral("polkitd did not reload its rules: ") + check.describe();
    return false;
}

bool PrivateSystemBus::addPolkitRules(const QString &name, const QByteArray &text, QString *error)
{
    if (!m_directory.exists())
        return false;
    // The marker makes polkitd's answer for "nobody" tell whether it has loaded the file.
    const std::optional<QByteArray> marker =
        BusDataFile::read(QStringLiteral("reload-marker.rules"), {}, error);
    return marker &&
           m_directory.writeFile(QLatin1String(PrivateBusFiles::PolkitRules) + QLatin1Char('/') +
                                     name,
                                 text + *marker, error) &&
           waitForPolkitRules(true, error);
}

bool PrivateSystemBus::removePolkitRules(const QString &name, QString *error)
{
    if (!m_directory.exists() || !QFile::remove(path(QLatin1String(PrivateBusFiles::PolkitRules) +
                                                     QLatin1Char('/') + name))) {
        *error = QStringLiteral("no polkit rules file %1").arg(name);
        return false;
    }
    return waitForPolkitRules(false, error);
}

QString PrivateSystemBus::output() const
{
    if (!m_directory.exists())
        return {};
    return QStringLiteral("--- dbus-daemon and the services it activated\n") +
           QString::fromUtf8(PrivateBusDirectory::readFile(path(QStringLiteral("bus.log")))) +
           QStringLiteral("--- polkitd\n") +
           QString::fromUtf8(PrivateBusDirectory::readFile(path(QStringLiteral("polkitd.log"))));
}

bool PrivateSystemBus::waitForName(const QString &name, std::chrono::milliseconds timeout) const
{
    const QDeadlineTimer deadline(timeout);
    while (pidOfName(name) == 0) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

bool PrivateSystemBus::waitForNameGone(const QString &name, std::chrono::milliseconds timeout) const
{
    const QDeadlineTimer deadline(timeout);
    while (pidOfName(name) != 0) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

qint64 PrivateSystemBus::pidOfName(const QString &name) const
{
    const QDBusConnection bus = connection();
    if (!bus.isConnected())
        return 0;
    const QDBusReply<uint> pid = bus.interface()->servicePid(name);
    return pid.isValid() ? qint64(pid.value()) : 0;
}

bool PrivateSystemBus::stopHelper(std::chrono::milliseconds timeout)
{
    const qint64 pid = helperPid();
    if (pid == 0)
        return true;
    ::kill(pid_t(pid), SIGTERM);
    const QDeadlineTimer deadline(timeout);
    while (!ProcessTree::hasEnded(pid) && !deadline.hasExpired())
        QThread::msleep(20);
    if (!ProcessTree::hasEnded(pid)) {
        ::kill(pid_t(pid), SIGKILL);
        const QDeadlineTimer killed(2s);
        while (!ProcessTree::hasEnded(pid) && !killed.hasExpired())
            QThread::msleep(20);
    }
    // The bus drops the name when the connection closes, a moment after the process ends.
    return ProcessTree::hasEnded(pid) && waitForNameGone(QLatin1String(HelperService), 2s);
}

} // namespace nfqmon::test
