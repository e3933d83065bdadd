#include "PrivateSystemBus.h"

#include "HelperProcess.h"
#include "TestNetwork.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace nfqmon::test {

namespace {

using namespace std::chrono_literals;

ino_t g_privateMountNamespace = 0;
// The namespace the process had before, kept open: the machine's view of the files, for
// commandOutside() (pid 1's namespace is not always readable, even by root).
int g_originalMountNamespace = -1;
ino_t g_originalMountNamespaceInode = 0;

const QString DirectoryPrefix = QStringLiteral("/tmp/nfqmon-bus-");
const QString DaemonProgram = QStringLiteral("/usr/bin/dbus-daemon");
const QString PolkitProgram = QStringLiteral("/usr/lib/polkit-1/polkitd");
const QString SystemPolicyDirectory = QStringLiteral("/usr/share/dbus-1/system.d");
const QString PolkitActions = QStringLiteral("/usr/share/polkit-1/actions");
const QString PolkitRules = QStringLiteral("/etc/polkit-1/rules.d");
const QString PolkitVendorRules = QStringLiteral("/usr/share/polkit-1/rules.d");
const QString SystemBusDirectory = QStringLiteral("/run/dbus");
constexpr QFile::Permissions WorldReadableDirectory =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
    QFile::ReadOther | QFile::ExeOther;
constexpr QFile::Permissions WorldReadableFile =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;

ino_t namespaceInode(const char *path)
{
    struct stat info {};
    if (::stat(path, &info) != 0)
        return 0;
    return info.st_ino;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size() || !file.setPermissions(WorldReadableFile)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool makeDirectory(const QString &path, QString *error)
{
    if (!QDir().mkpath(path) || !QFile::setPermissions(path, WorldReadableDirectory)) {
        *error = QStringLiteral("cannot create %1").arg(path);
        return false;
    }
    return true;
}

bool copyInto(const QString &source, const QString &directory, QString *error)
{
    const QString target = directory + QLatin1Char('/') + QFileInfo(source).fileName();
    // The project's file wins over one of the same name already there (an installed nfqmon's).
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        *error = QStringLiteral("cannot replace %1").arg(target);
        return false;
    }
    if (!QFile::copy(source, target) || !QFile::setPermissions(target, WorldReadableFile)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(source, directory);
        return false;
    }
    return true;
}

// Parent pid from /proc/PID/stat ("pid (comm) state ppid ..."; comm may hold spaces), and
// whether the process has ended (gone, or a zombie nobody reaped yet).
qint64 parentOf(qint64 pid, bool *ended = nullptr)
{
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (ended)
        *ended = close < 0 || fields.value(0) == "Z" || fields.value(0) == "X";
    return close < 0 ? 0 : fields.value(1).toLongLong();
}

bool processEnded(qint64 pid)
{
    bool ended = true;
    parentOf(pid, &ended);
    return ended;
}

QList<qint64> descendantsOf(qint64 ancestor)
{
    QList<qint64> found{ancestor};
    bool grew = true;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    while (grew) {
        grew = false;
        for (const QString &entry : entries) {
            bool number = false;
            const qint64 pid = entry.toLongLong(&number);
            if (number && !found.contains(pid) && found.contains(parentOf(pid))) {
                found.append(pid);
                grew = true;
            }
        }
    }
    found.removeFirst();
    return found;
}

// Temporary directories of test processes that died without stop() (their mounts went with
// their namespace; the files stay).
void removeStaleDirectories()
{
    static const QRegularExpression pattern(QStringLiteral("^nfqmon-bus-(\\d+)-"));
    const QStringList names = QDir(QStringLiteral("/tmp")).entryList(QDir::Dirs);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch() && ::kill(pid_t(match.captured(1).toLongLong()), 0) != 0 &&
            errno == ESRCH)
            QDir(QStringLiteral("/tmp/") + name).removeRecursively();
    }
}

QByteArray addUsers(const QByteArray &original, const QByteArray &lines)
{
    QByteArray text = original;
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text + lines;
}

// The policy part of /usr/share/dbus-1/system.conf: deny owning and calling by default, allow
// signals, replies and the bus driver; the <includedir> punches the holes.
QByteArray busConfiguration(const QString &socket, const QString &serviceDirectory,
                            const QString &policyDirectory)
{
    return QStringLiteral(
               R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<!-- nfqmon tests: a private system bus. No <user> and no <servicehelper>: the daemon stays
     root and forks activated services itself, as root. -->
<busconfig>
  <type>system</type>
  <auth>EXTERNAL</auth>
  <listen>unix:path=%1</listen>
  <servicedir>%2</servicedir>

  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"
          send_member="UpdateActivationEnvironment"/>
    <deny send_destination="org.freedesktop.DBus"
          send_interface="org.freedesktop.DBus.Debug.Stats"/>
  </policy>
  <policy user="root">
    <allow send_destination="org.freedesktop.DBus"
           send_interface="org.freedesktop.DBus.Monitoring"/>
  </policy>

  <includedir>%3</includedir>
</busconfig>
)")
        .arg(socket.toHtmlEscaped(), serviceDirectory.toHtmlEscaped(),
             policyDirectory.toHtmlEscaped())
        .toUtf8();
}

const QByteArray RulesFile =
    R"(// nfqmon tests: the only polkit rules on the private bus (the machine's are hidden).
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.nfqmon.") !== 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user === "nfqmon-allowed")
        return polkit.Result.YES;
    if (subject.user === "nfqmon-refused")
        return polkit.Result.NO;
    return polkit.Result.NOT_HANDLED;
});
polkit.addAdminRule(function(action, subject) {
    return ["unix-group:sudo"];
});
)";

// AdminPassword, hashed (SHA-512 crypt, fixed salt).
const QByteArray AdminPasswordHash = "$6$nfqmontestsalt$yKt8u9U54tATaX/wb0PTfqCO0o2TSRizIyXvWTojkb3"
                                     "OQxgyDl8BrTOKF4W.Re2Hbaj7FYDgoGjfp4ovgJoCN1";

// /etc/group with `user` added to group sudo (the group made when the machine has none).
QByteArray addToSudo(const QByteArray &original, const QByteArray &user)
{
    QList<QByteArray> lines = original.split('\n');
    for (QByteArray &line : lines) {
        if (!line.startsWith("sudo:"))
            continue;
        line += line.endsWith(':') ? user : ',' + user;
        return lines.join('\n');
    }
    return addUsers(original, "sudo:x:27:" + user + '\n');
}

} // namespace

std::optional<uint> PrivateSystemBus::uidOf(const QString &user)
{
    if (user == QLatin1String(AllowedUser))
        return AllowedUid;
    if (user == QLatin1String(RefusedUser))
        return RefusedUid;
    if (user == QLatin1String(AdminUser))
        return AdminUid;
    if (user == QLatin1String("root"))
        return 0;
    if (user == QLatin1String("nobody"))
        return 65534;
    return std::nullopt;
}

bool PrivateSystemBus::enterPrivateMountNamespace(QString *error)
{
    if (g_privateMountNamespace != 0) {
        if (inPrivateMountNamespace())
            return true;
        *error = QStringLiteral("the process left its private mount namespace");
        return false;
    }
    if (g_originalMountNamespace < 0) {
        g_originalMountNamespace = ::open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
        struct stat info {};
        if (g_originalMountNamespace < 0 || ::fstat(g_originalMountNamespace, &info) != 0) {
            *error =
                QStringLiteral("cannot open /proc/self/ns/mnt: %1").arg(qt_error_string(errno));
            return false;
        }
        g_originalMountNamespaceInode = info.st_ino;
    }
    // Like CLONE_NEWNET in TestNetwork, this moves the calling thread only: the main thread,
    // which starts every child.
    if (::unshare(CLONE_NEWNS) != 0) {
        *error = QStringLiteral("unshare(CLONE_NEWNS): %1").arg(qt_error_string(errno));
        return false;
    }
    // The copied mounts are still shared with the machine's: without this, the bind mounts
    // below would appear (and stay) in the machine's namespace too.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        *error = QStringLiteral("mount(/, MS_REC | MS_PRIVATE): %1").arg(qt_error_string(errno));
        return false;
    }
    g_privateMountNamespace = namespaceInode("/proc/self/ns/mnt");
    if (!inPrivateMountNamespace()) {
        g_privateMountNamespace = 0;
        *error = QStringLiteral("unshare(CLONE_NEWNS) did not give a new mount namespace");
        return false;
    }
    return true;
}

bool PrivateSystemBus::inPrivateMountNamespace()
{
    if (g_privateMountNamespace == 0)
        return false;
    const ino_t current = namespaceInode("/proc/self/ns/mnt");
    const ino_t machine = namespaceInode("/proc/1/ns/mnt");
    return current == g_privateMountNamespace && current != g_originalMountNamespaceInode &&
           (machine == 0 || current != machine);
}

QStringList PrivateSystemBus::commandOutside(const QStringList &argv)
{
    if (g_privateMountNamespace == 0)
        return argv;
    return QStringList{QStringLiteral("nsenter"),
                       QStringLiteral("--mount=/proc/%1/fd/%2")
                           .arg(::getpid())
                           .arg(g_originalMountNamespace),
                       QStringLiteral("--")} +
           argv;
}

PrivateSystemBus::PrivateSystemBus() : m_helperProgram(HelperProcess::program()) {}

PrivateSystemBus::~PrivateSystemBus()
{
    stop();
}

QString PrivateSystemBus::path(const QString &name) const
{
    return m_directory ? m_directory->filePath(name) : QString();
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
    if (!m_directory) {
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
    const QByteArray service = "# nfqmon tests: activation of the helper under test, as root.\n"
                               "[D-BUS Service]\n"
                               "Name=org.nfqmon.Helper\n"
                               "Exec=" +
                               command.join(QLatin1Char(' ')).toUtf8() +
                               "\n"
                               "User=root\n";
    if (!writeFile(path(QStringLiteral("bus/services/org.nfqmon.Helper.service")), service, error))
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
    removeStaleDirectories();
    m_directory = std::make_unique<QTemporaryDir>(DirectoryPrefix + QString::number(::getpid()) +
                                                  QStringLiteral("-XXXXXX"));
    // The test users reach the socket, polkitd (user polkitd) its actions and rules.
    if (!m_directory->isValid() ||
        !QFile::setPermissions(m_directory->path(), WorldReadableDirectory)) {
        *error =
            QStringLiteral("cannot create a temporary directory: ") + m_directory->errorString();
        return false;
    }
    QByteArray users;
    QByteArray groups;
    const std::pair<const char *, uint> testUsers[] = {
        {AllowedUser, AllowedUid}, {RefusedUser, RefusedUid}, {AdminUser, AdminUid}};
    for (const auto &[name, uid] : testUsers) {
        users += QStringLiteral("%1:x:%2:%2:nfqmon test user:/nonexistent:/usr/sbin/nologin\n")
                     .arg(QLatin1String(name))
                     .arg(uid)
                     .toUtf8();
        groups += QStringLiteral("%1:x:%2:\n").arg(QLatin1String(name)).arg(uid).toUtf8();
    }
    const QByteArray shadow =
        QByteArray(AdminUser) + ':' + AdminPasswordHash + ":19000:0:99999:7:::\n";
    if (!writeFile(path(QStringLiteral("passwd")),
                   addUsers(readFile(QStringLiteral("/etc/passwd")), users), error) ||
        !writeFile(path(QStringLiteral("group")),
                   addToSudo(addUsers(readFile(QStringLiteral("/etc/group")), groups), AdminUser),
                   error) ||
        !writeFile(path(QStringLiteral("shadow")),
                   addUsers(readFile(QStringLiteral("/etc/shadow")), shadow), error) ||
        !QFile::setPermissions(path(QStringLiteral("shadow")),
                               QFile::ReadOwner | QFile::WriteOwner))
        return false;
    // Where programs that ignore DBUS_SYSTEM_BUS_ADDRESS look for the system bus.
    if (!makeDirectory(path(QStringLiteral("run-dbus")), error) ||
        !QFile::link(path(QStringLiteral("bus/system_bus_socket")),
                     path(QStringLiteral("run-dbus/system_bus_socket")))) {
        if (error->isEmpty())
            *error = QStringLiteral("cannot link the bus socket into ") +
                     path(QStringLiteral("run-dbus"));
        return false;
    }

    const QString actions = path(QStringLiteral("polkit-actions"));
    const QString rules = path(QStringLiteral("polkit-rules"));
    if (!makeDirectory(actions, error) || !makeDirectory(rules, error) ||
        !makeDirectory(path(QStringLiteral("polkit-vendor-rules")), error))
        return false;
    const QDir machineActions(PolkitActions);
    for (const QString &name :
         machineActions.entryList({QStringLiteral("*.policy")}, QDir::Files)) {
        if (!copyInto(machineActions.filePath(name), actions, error))
            return false;
    }
    if (!copyInto(QStringLiteral(NFQMON_SOURCE_DIR "/packaging/polkit/org.nfqmon.policy"), actions,
                  error) ||
        !writeFile(rules + QStringLiteral("/50-nfqmon-tests.rules"), RulesFile, error))
        return false;

    const QString policies = path(QStringLiteral("bus/system.d"));
    const QString services = path(QStringLiteral("bus/services"));
    if (!makeDirectory(policies, error) || !makeDirectory(services, error) ||
        !copyInto(SystemPolicyDirectory + QStringLiteral("/org.freedesktop.PolicyKit1.conf"),
                  policies, error) ||
        !copyInto(QStringLiteral(NFQMON_SOURCE_DIR "/packaging/dbus/org.nfqmon.Helper.conf"),
                  policies, error) ||
        !writeFile(
            path(QStringLiteral("bus/system.conf")),
            busConfiguration(path(QStringLiteral("bus/system_bus_socket")), services, policies),
            error))
        return false;
    if (m_helperStateDirectory.isEmpty() && !QDir().mkpath(helperStateDirectory())) {
        *error = QStringLiteral("cannot create ") + helperStateDirectory();
        return false;
    }
    return writeHelperService(error);
}

bool PrivateSystemBus::mountOver(const QString &source, const QString &target, QString *error)
{
    // Never in the machine's namespace, whatever happened before.
    if (!inPrivateMountNamespace()) {
        *error = QStringLiteral("refusing to mount over %1 outside the private mount namespace")
                     .arg(target);
        return false;
    }
    if (::mount(QFile::encodeName(source).constData(), QFile::encodeName(target).constData(),
                nullptr, MS_BIND, nullptr) != 0) {
        *error = QStringLiteral("bind mount of %1 over %2: %3")
                     .arg(source, target, qt_error_string(errno));
        return false;
    }
    m_mounts.append(target);
    return true;
}

bool PrivateSystemBus::startDaemon(QString *error, std::chrono::milliseconds timeout)
{
    const qsizetype logStart = readFile(path(QStringLiteral("bus.log"))).size();
    m_daemon = std::make_unique<QProcess>();
    m_daemon->setProgram(DaemonProgram);
    m_daemon->setArguments(
        {QStringLiteral("--config-file=") + path(QStringLiteral("bus/system.conf")),
         QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    // To files, not pipes: a test that does not read them must never block the daemon or the
    // helpers it activates (they inherit its stdout and stderr).
    m_daemon->setStandardInputFile(QProcess::nullDevice());
    m_daemon->setStandardOutputFile(path(QStringLiteral("bus.log")), QIODevice::Append);
    m_daemon->setStandardErrorFile(path(QStringLiteral("bus.log")), QIODevice::Append);
    m_daemon->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_daemon->start();
    if (!m_daemon->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(DaemonProgram, m_daemon->errorString());
        return false;
    }
    // --print-address prints once the socket listens (after what an earlier daemon printed).
    const QDeadlineTimer deadline(timeout);
    while (!readFile(path(QStringLiteral("bus.log")))
                .mid(logStart)
                .contains(m_address.toUtf8() + ",guid=")) {
        if (m_daemon->state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = QStringLiteral("dbus-daemon did not start listening on %1\n%2")
                         .arg(m_address, output());
            return false;
        }
        m_daemon->waitForFinished(50);
    }
    const QDBusConnection bus = QDBusConnection::connectToBus(m_address, m_connectionName);
    if (!bus.isConnected()) {
        *error =
            QStringLiteral("cannot connect to %1: %2").arg(m_address, bus.lastError().message());
        return false;
    }
    return true;
}

bool PrivateSystemBus::startPolkit(QString *error, std::chrono::milliseconds timeout)
{
    m_polkit = std::make_unique<QProcess>();
    m_polkit->setProgram(PolkitProgram);
    m_polkit->setArguments({QStringLiteral("--no-debug")});
    m_polkit->setStandardInputFile(QProcess::nullDevice());
    m_polkit->setStandardOutputFile(path(QStringLiteral("polkitd.log")), QIODevice::Append);
    m_polkit->setStandardErrorFile(path(QStringLiteral("polkitd.log")), QIODevice::Append);
    // polkitd becomes user polkitd, which clears this; it also exits when its bus goes away.
    m_polkit->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_polkit->start();
    if (!m_polkit->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(PolkitProgram, m_polkit->errorString());
        return false;
    }
    // polkitd loads its rules before it asks for its name: once on the bus, it answers.
    const QDeadlineTimer deadline(timeout);
    while (pidOfName(QLatin1String(PolkitService)) == 0) {
        if (m_polkit->state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = QStringLiteral("polkitd did not appear on the private bus\n") + output();
            return false;
        }
        m_polkit->waitForFinished(50);
    }
    return true;
}

bool PrivateSystemBus::start(QString *error, std::chrono::milliseconds timeout)
{
    if (isRunning() || m_directory) {
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
        // The dbus package's own directory, to mount over (made where no bus ever ran).
        QDir().mkpath(SystemBusDirectory);
        if (!prepareFiles(error) ||
            !mountOver(path(QStringLiteral("passwd")), QStringLiteral("/etc/passwd"), error) ||
            !mountOver(path(QStringLiteral("group")), QStringLiteral("/etc/group"), error) ||
            !mountOver(path(QStringLiteral("shadow")), QStringLiteral("/etc/shadow"), error) ||
            !mountOver(path(QStringLiteral("run-dbus")), SystemBusDirectory, error) ||
            !mountOver(path(QStringLiteral("polkit-actions")), PolkitActions, error) ||
            !mountOver(path(QStringLiteral("polkit-rules")), PolkitRules, error) ||
            !mountOver(path(QStringLiteral("polkit-vendor-rules")), PolkitVendorRules, error))
            return false;
        m_address = QStringLiteral("unix:path=") + path(QStringLiteral("bus/system_bus_socket"));
        m_connectionName = QStringLiteral("nfqmon-private-system-bus-") +
                           QFileInfo(m_directory->path()).fileName();
        // Before any child starts: polkitd, the activated helper and the test's own
        // QDBusConnection::systemBus() all find this bus, never the machine's.
        if (qEnvironmentVariableIsSet("DBUS_SYSTEM_BUS_ADDRESS"))
            m_previousAddress = qgetenv("DBUS_SYSTEM_BUS_ADDRESS");
        else
            m_previousAddress = std::nullopt;
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        return startDaemon(error, std::chrono::milliseconds(deadline.remainingTime())) &&
               startPolkit(error, std::chrono::milliseconds(deadline.remainingTime()));
    }();
    if (!ok)
        stop();
    return ok;
}

void PrivateSystemBus::killActivatedChildren()
{
    // Whatever the daemon forked and is still there: a helper being activated, its babysitter.
    if (!m_daemon || m_daemon->state() == QProcess::NotRunning)
        return;
    for (const qint64 pid : descendantsOf(m_daemon->processId()))
        ::kill(pid_t(pid), SIGKILL);
}

void PrivateSystemBus::stop()
{
    if (m_daemon && m_daemon->state() != QProcess::NotRunning && !m_connectionName.isEmpty()) {
        stopHelper();
        killActivatedChildren();
    }
    Command::stop(m_polkit, std::chrono::seconds(5));
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
    Command::stop(m_daemon, std::chrono::seconds(5));
    for (auto target = m_mounts.crbegin(); target != m_mounts.crend(); ++target)
        ::umount2(QFile::encodeName(*target).constData(), MNT_DETACH);
    m_mounts.clear();
    if (!m_address.isEmpty()) {
        if (m_previousAddress)
            qputenv("DBUS_SYSTEM_BUS_ADDRESS", *m_previousAddress);
        else
            qunsetenv("DBUS_SYSTEM_BUS_ADDRESS");
    }
    m_address.clear();
    m_connectionName.clear();
    m_directory.reset();
}

bool PrivateSystemBus::killDaemon(std::chrono::milliseconds timeout)
{
    if (!m_daemon || m_daemon->state() == QProcess::NotRunning)
        return false;
    const auto waitForEnd = [timeout](QProcess &process) {
        return process.state() == QProcess::NotRunning ||
               process.waitForFinished(int(timeout.count()));
    };
    m_daemon->kill();
    const bool ended = waitForEnd(*m_daemon);
    // Our connection is dead; the name must be free for the next daemon's.
    QDBusConnection::disconnectFromBus(m_connectionName);
    const bool polkitEnded = m_polkit && waitForEnd(*m_polkit);
    Command::stop(m_polkit, std::chrono::seconds(2));
    return ended && polkitEnded;
}

bool PrivateSystemBus::restartDaemon(QString *error, std::chrono::milliseconds timeout)
{
    if (!m_directory || m_address.isEmpty()) {
        *error = QStringLiteral("the private bus was never started");
        return false;
    }
    if (m_daemon && m_daemon->state() != QProcess::NotRunning) {
        *error = QStringLiteral("the private bus still runs");
        return false;
    }
    const QDeadlineTimer deadline(timeout);
    return startDaemon(error, std::chrono::milliseconds(deadline.remainingTime())) &&
           startPolkit(error, std::chrono::milliseconds(deadline.remainingTime()));
}

qint64 PrivateSystemBus::daemonPid() const
{
    return m_daemon && m_daemon->state() == QProcess::Running ? m_daemon->processId() : 0;
}

bool PrivateSystemBus::isRunning() const
{
    return m_daemon && m_daemon->state() == QProcess::Running && m_polkit &&
           m_polkit->state() == QProcess::Running;
}

QDBusConnection PrivateSystemBus::connection() const
{
    return QDBusConnection(m_connectionName);
}

namespace {

// Added to every file of addPolkitRules(): "nobody" may run pkexec on this bus. What polkitd
// answers for it tells whether it has loaded the file.
const QByteArray ReloadMarker = R"(
polkit.addRule(function(action, subject) {
    if (action.id === "org.freedesktop.policykit.exec" && subject.user === "nobody")
        return polkit.Result.YES;
});
)";

} // namespace

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
    return m_directory &&
           writeFile(path(QStringLiteral("polkit-rules/")) + name, text + ReloadMarker, error) &&
           waitForPolkitRules(true, error);
}

bool PrivateSystemBus::removePolkitRules(const QString &name, QString *error)
{
    if (!m_directory || !QFile::remove(path(QStringLiteral("polkit-rules/")) + name)) {
        *error = QStringLiteral("no polkit rules file %1").arg(name);
        return false;
    }
    return waitForPolkitRules(false, error);
}

QString PrivateSystemBus::output() const
{
    if (!m_directory)
        return {};
    return QStringLiteral("--- dbus-daemon and the services it activated\n") +
           QString::fromUtf8(readFile(path(QStringLiteral("bus.log")))) +
           QStringLiteral("--- polkitd\n") +
           QString::fromUtf8(readFile(path(QStringLiteral("polkitd.log"))));
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
    while (!processEnded(pid) && !deadline.hasExpired())
        QThread::msleep(20);
    if (!processEnded(pid)) {
        ::kill(pid_t(pid), SIGKILL);
        const QDeadlineTimer killed(2s);
        while (!processEnded(pid) && !killed.hasExpired())
            QThread::msleep(20);
    }
    // The bus drops the name when the connection closes, a moment after the process ends.
    return processEnded(pid) && waitForNameGone(QLatin1String(HelperService), 2s);
}

QStringList PrivateSystemBus::commandAs(const QString &user, const QStringList &argv) const
{
    const std::optional<uint> uid = uidOf(user);
    if (!uid || argv.isEmpty())
        return {};
    QStringList command;
    if (*uid != 0) {
        // --reuid sets the saved uid too, so the program keeps no way back to root (and, not
        // root, no capabilities). The credential change clears the parent-death signal:
        // --pdeathsig sets it again.
        command = {QStringLiteral("setpriv"),
                   QStringLiteral("--reuid=%1").arg(*uid),
                   QStringLiteral("--regid=%1").arg(*uid),
                   QStringLiteral("--clear-groups"),
                   QStringLiteral("--pdeathsig=SIGKILL"),
                   QStringLiteral("--")};
    }
    command += {QStringLiteral("env"),
                QStringLiteral("-u"),
                QStringLiteral("XDG_RUNTIME_DIR"),
                QStringLiteral("-u"),
                QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                QStringLiteral("HOME=") +
                    (*uid == 0 ? QStringLiteral("/root") : QStringLiteral("/nonexistent")),
                QStringLiteral("USER=") + user,
                QStringLiteral("LOGNAME=") + user,
                QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + m_address};
    return command + argv;
}

Command::Result PrivateSystemBus::runAs(const QString &user, const QStringList &argv,
                                        std::chrono::milliseconds timeout,
                                        const QByteArray &input) const
{
    const QStringList command = commandAs(user, argv);
    if (command.isEmpty()) {
        Command::Result result;
        result.command = argv.join(QLatin1Char(' '));
        result.errorOutput = QStringLiteral("no test user \"%1\"").arg(user).toUtf8();
        return result;
    }
    return Command::run(command, timeout, input);
}

std::unique_ptr<QProcess> PrivateSystemBus::startAs(const QString &user, const QString &program,
                                                    const QStringList &arguments,
                                                    QString *error) const
{
    const QStringList command = commandAs(user, QStringList{program} + arguments);
    if (command.isEmpty()) {
        *error = QStringLiteral("no test user \"%1\"").arg(user);
        return nullptr;
    }
    auto process = std::make_unique<QProcess>();
    process->setProgram(command.first());
    process->setArguments(command.mid(1));
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process->start();
    if (!process->waitForStarted(5000)) {
        *error =
            QStringLiteral("cannot start %1 as %2: %3").arg(program, user, process->errorString());
        return nullptr;
    }
    return process;
}

} // namespace nfqmon::test
