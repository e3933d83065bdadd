// nfqmon-test-remotehost: one "remote host" for the tests of nfqmon over SSH (RemoteHostBed).
// Run as root by a test, inside the test's network namespace (never the machine's), it makes a
// host of its own:
//
//   network   a new network namespace, joined to the caller's by a veth pair: LINK (there) with
//             the addresses --local and --local6, eth0 (here) with --address and --address6
//   mounts    a new mount namespace with a PrivateSystemBus: its own passwd, group and shadow
//             with the test users, polkit's files, /run/dbus; dbus-daemon, the real polkitd and
//             nfqmon-helper activated as root on that bus, with a state directory of its own
//   sshd      the real /usr/sbin/sshd -D -e, listening only on eth0's addresses, with an
//             ed25519 host key made here, the public keys of --authorized-keys for every user,
//             and PATH (--path, then /usr/bin:/bin) and DBUS_SYSTEM_BUS_ADDRESS (this bus) in
//             every session, so that `ssh HOST systemd-stdio-bridge` reaches this bus and
//             `ssh HOST nfqmon-capture --relay` runs the build's program
//
//   nfqmon-test-remotehost --name NAME --link LINK --local A/N --address A/N
//                          [--local6 A/N --address6 A/N] [--port PORT]
//                          --authorized-keys FILE [--path DIRS]
//
// When ready it prints one JSON line on stdout:
//   {"ready":true,"name":..,"pid":..,"sshdPid":..,"address":..,"address6":..,"port":..,
//    "interface":"eth0","link":..,"hostKey":"ssh-ed25519 AAAA...","busAddress":..,
//    "helperStateDirectory":..}
// or {"error":"..."} and exits 1. Then it reads commands, one a line, and answers each with one
// JSON line:
//   rekey     a new host key; sshd restarts with it (sessions under way stay) -> {"hostKey":..}
//   drop      kills every SSH session (their TCP connections close at once)  -> {"dropped":N}
//   log       what the bus, polkitd and the helper printed so far            -> {"log":..}
// It ends when its stdin closes, on SIGTERM or SIGINT, or when the process that started it dies:
// sshd and its sessions, the helper, polkitd and dbus-daemon end, and the namespaces (the veth
// pair with them) vanish. sshd's own log goes to stderr.
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/core/Command.h"
#include "tests/support/core/ProcessTree.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

constexpr char Interface[] = "eth0";
constexpr char PrivilegeSeparationDirectory[] = "/run/sshd"; // built into Debian's sshd

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
}

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

ino_t namespaceInode(const char *path)
{
    struct stat info {};
    return ::stat(path, &info) == 0 ? info.st_ino : 0;
}

bool run(const QStringList &argv, QString *error)
{
    const Command::Result result = Command::run(argv);
    if (!result.succeeded()) {
        *error = result.describe();
        return false;
    }
    return true;
}

class RemoteHost
{
public:
    struct Settings {
        QString name;
        QString link;
        QString local;
        QString address;
        QString local6;
        QString address6;
        int port = 22;
        QString authorizedKeys;
        QString path;
    };

    explicit RemoteHost(Settings settings) : m_settings(std::move(settings)) {}
    ~RemoteHost() { stop(); }

    bool start(QString *error);
    void stop();
    QJsonObject ready() const;
    QJsonObject command(const QByteArray &line);

private:
    static QString withoutPrefix(const QString &address) { return address.section('/', 0, 0); }
    QString file(const QString &name) const { return m_directory->filePath(name); }
    // `argv` run in the caller's network namespace.
    QStringList outside(const QStringList &argv) const
    {
        return QStringList{QStringLiteral("nsenter"),
                           QStringLiteral("--net=/proc/%1/fd/%2").arg(::getpid()).arg(m_callerNet),
                           QStringLiteral("--")} +
               argv;
    }
    bool makeLink(QString *error);
    bool prepareSshd(QString *error);
    bool makeHostKey(QString *error);
    bool startSshd(QString *error);
    void stopSshd();
    int dropSessions();

    Settings m_settings;
    int m_callerNet = -1;
    PrivateSystemBus m_bus;
    std::unique_ptr<QTemporaryDir> m_directory;
    bool m_mountedPrivilegeSeparation = false;
    std::unique_ptr<QProcess> m_sshd;
    QByteArray m_sshdOutput; // its first 64 KiB of log
};

bool RemoteHost::start(QString *error)
{
    const ino_t here = namespaceInode("/proc/self/ns/net");
    if (here == 0 || here == namespaceInode("/proc/1/ns/net")) {
        *error = QStringLiteral("refusing to run in the machine's network namespace: start me "
                                "from a test's (TestNetwork::enterPrivateNamespace)");
        return false;
    }
    m_callerNet = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (m_callerNet < 0) {
        *error = QStringLiteral("cannot open /proc/self/ns/net: ") + qt_error_string(errno);
        return false;
    }
    // New network and mount namespaces (the network first: the daemons inherit both), the bus,
    // polkitd, the helper's activation.
    m_bus.setHelperIdleTimeout(PrivateSystemBus::DefaultIdleTimeout);
    if (!m_bus.start(error))
        return false;
    return makeLink(error) && prepareSshd(error) && makeHostKey(error) && startSshd(error);
}

bool RemoteHost::makeLink(QString *error)
{
    const QString ip = QStringLiteral("ip");
    const QString link = m_settings.link;
    const QString pid = QString::number(::getpid());
    QList<QStringList> steps = {
        outside({ip, QStringLiteral("link"), QStringLiteral("add"), link, QStringLiteral("type"),
                 QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                 QLatin1String(Interface), QStringLiteral("netns"), pid}),
        outside({ip, QStringLiteral("addr"), QStringLiteral("add"), m_settings.local,
                 QStringLiteral("dev"), link}),
        {ip, QStringLiteral("addr"), QStringLiteral("add"), m_settings.address,
         QStringLiteral("dev"), QLatin1String(Interface)},
    };
    if (!m_settings.address6.isEmpty()) {
        steps += {
            // The caller cuts the link by setting its end down: its IPv6 address must stay.
            outside({QStringLiteral("sysctl"), QStringLiteral("-q"), QStringLiteral("-w"),
                     QStringLiteral("net.ipv6.conf.%1.keep_addr_on_down=1").arg(link),
                     QStringLiteral("net.ipv6.conf.%1.accept_dad=0").arg(link)}),
            outside({ip, QStringLiteral("-6"), QStringLiteral("addr"), QStringLiteral("add"),
                     m_settings.local6, QStringLiteral("dev"), link, QStringLiteral("nodad")}),
            {ip, QStringLiteral("-6"), QStringLiteral("addr"), QStringLiteral("add"),
             m_settings.address6, QStringLiteral("dev"), QLatin1String(Interface),
             QStringLiteral("nodad")},
        };
    }
    steps += {
        outside({ip, QStringLiteral("link"), QStringLiteral("set"), link, QStringLiteral("up")}),
        {ip, QStringLiteral("link"), QStringLiteral("set"), QLatin1String(Interface),
         QStringLiteral("up")},
    };
    for (const QStringList &step : std::as_const(steps)) {
        if (!run(step, error))
            return false;
    }
    // A fresh link needs a moment before its first packets pass.
    const QDeadlineTimer deadline(10s);
    while (!Command::run({QStringLiteral("ping"), QStringLiteral("-n"), QStringLiteral("-q"),
                          QStringLiteral("-c1"), QStringLiteral("-W1"),
                          withoutPrefix(m_settings.local)})
                .succeeded()) {
        if (deadline.hasExpired()) {
            *error = QStringLiteral("the caller's end %1 does not answer ping")
                         .arg(withoutPrefix(m_settings.local));
            return false;
        }
        QThread::msleep(100);
    }
    return true;
}

bool RemoteHost::prepareSshd(QString *error)
{
    // sshd chroots its pre-authentication children into this empty, root-owned directory. It is
    // made where the package would have made it at boot, and a tmpfs of this mount namespace
    // covers it: nothing of ours is left in the machine's.
    if (!PrivateSystemBus::inPrivateMountNamespace()) {
        *error = QStringLiteral("not in the private mount namespace");
        return false;
    }
    QDir().mkpath(QLatin1String(PrivilegeSeparationDirectory));
    if (::mount("tmpfs", PrivilegeSeparationDirectory, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                "mode=0755,size=64k") != 0) {
        *error = QStringLiteral("mount tmpfs on %1: %2")
                     .arg(QLatin1String(PrivilegeSeparationDirectory), qt_error_string(errno));
        return false;
    }
    m_mountedPrivilegeSeparation = true;

    m_directory = std::make_unique<QTemporaryDir>(
        QStringLiteral("/tmp/nfqmon-remotehost-%1-XXXXXX").arg(m_settings.name));
    if (!m_directory->isValid()) {
        *error =
            QStringLiteral("cannot create a temporary directory: ") + m_directory->errorString();
        return false;
    }
    // sshd reads the authorized keys as the user who logs in.
    QFile::setPermissions(m_directory->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                   QFile::ExeOwner | QFile::ReadGroup |
                                                   QFile::ExeGroup | QFile::ReadOther |
                                                   QFile::ExeOther);
    const QByteArray keys = PrivateBusDirectory::readFile(m_settings.authorizedKeys);
    if (keys.isEmpty()) {
        *error = QStringLiteral("no keys in ") + m_settings.authorizedKeys;
        return false;
    }
    QFile authorized(file(QStringLiteral("authorized_keys")));
    if (!authorized.open(QIODevice::WriteOnly) || authorized.write(keys) != keys.size()) {
        *error = QStringLiteral("cannot write ") + authorized.fileName();
        return false;
    }
    authorized.close();
    authorized.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                              QFile::ReadOther);

    QStringList listen = {QStringLiteral("ListenAddress %1:%2")
                              .arg(withoutPrefix(m_settings.address))
                              .arg(m_settings.port)};
    if (!m_settings.address6.isEmpty())
        listen += QStringLiteral("ListenAddress [%1]:%2")
                      .arg(withoutPrefix(m_settings.address6))
                      .arg(m_settings.port);
    const QString sessionPath =
        (m_settings.path.isEmpty() ? QString() : m_settings.path + QLatin1Char(':')) +
        QStringLiteral("/usr/bin:/bin");
    // Only this file: nothing of /etc/ssh. No PAM: the test users exist in the files of this
    // mount namespace only, and sshd checks the account itself (shell, a locked password).
    const QString config =
        listen.join(QLatin1Char('\n')) + QLatin1Char('\n') +
        QStringLiteral("HostKey %1\n"
                       "PidFile none\n"
                       "AuthorizedKeysFile %2\n"
                       "AuthorizedPrincipalsFile none\n"
                       "AuthenticationMethods publickey\n"
                       "PubkeyAuthentication yes\n"
                       "PasswordAuthentication no\n"
                       "KbdInteractiveAuthentication no\n"
                       "HostbasedAuthentication no\n"
                       "PermitRootLogin no\n"
                       "UsePAM no\n"
                       "StrictModes no\n"
                       "PermitUserRC no\n"
                       "PermitUserEnvironment no\n"
                       "X11Forwarding no\n"
                       "AllowAgentForwarding no\n"
                       "AllowTcpForwarding no\n"
                       "AllowStreamLocalForwarding no\n"
                       "PermitTunnel no\n"
                       "PrintMotd no\n"
                       "PrintLastLog no\n"
                       "UseDNS no\n"
                       "MaxStartups 50\n"
                       "MaxSessions 20\n"
                       "LogLevel INFO\n"
                       "SetEnv DBUS_SYSTEM_BUS_ADDRESS=%3 PATH=%4\n")
            .arg(file(QStringLiteral("ssh_host_ed25519_key")),
                 file(QStringLiteral("authorized_keys")), m_bus.address(), sessionPath);
    QFile configFile(file(QStringLiteral("sshd_config")));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write ") + configFile.fileName();
        return false;
    }
    configFile.close();
    return true;
}

bool RemoteHost::makeHostKey(QString *error)
{
    const QString key = file(QStringLiteral("ssh_host_ed25519_key"));
    QFile::remove(key);
    QFile::remove(key + QStringLiteral(".pub"));
    return run({QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
                QStringLiteral("ed25519"), QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                QStringLiteral("root@") + m_settings.name, QStringLiteral("-f"), key},
               error);
}

bool RemoteHost::startSshd(QString *error)
{
    const QString config = file(QStringLiteral("sshd_config"));
    // The configuration and the keys first, for a clear message.
    if (!run({QStringLiteral("/usr/sbin/sshd"), QStringLiteral("-t"), QStringLiteral("-f"), config},
             error))
        return false;
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProgram(QStringLiteral("/usr/sbin/sshd"));
    m_sshd->setArguments(
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    m_sshd->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    // Its log goes to our stderr; until it listens on every address, it is also kept.
    m_sshdOutput.clear();
    QObject::connect(m_sshd.get(), &QProcess::readyRead, m_sshd.get(), [this] {
        const QByteArray text = m_sshd->readAll();
        std::fputs(text.constData(), stderr);
        if (m_sshdOutput.size() < 65536)
            m_sshdOutput += text;
    });
    const int wanted = m_settings.address6.isEmpty() ? 1 : 2;
    const auto listening = [this, wanted] {
        return m_sshdOutput.count("Server listening on") >= wanted;
    };
    m_sshd->start();
    if (!m_sshd->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start /usr/sbin/sshd: ") + m_sshd->errorString();
        return false;
    }
    const QDeadlineTimer deadline(10s);
    while (!listening() && m_sshd->state() == QProcess::Running && !deadline.hasExpired())
        m_sshd->waitForReadyRead(100);
    if (!listening()) {
        *error = QStringLiteral("sshd does not listen: ") + QString::fromUtf8(m_sshdOutput);
        return false;
    }
    return true;
}

int RemoteHost::dropSessions()
{
    if (!m_sshd || m_sshd->state() != QProcess::Running)
        return 0;
    // Every connection's processes: the privileged monitor, the user's session, its command.
    const QList<qint64> sessions = ProcessTree::descendantsOf(m_sshd->processId());
    for (const qint64 pid : sessions)
        ::kill(pid_t(pid), SIGKILL);
    for (const qint64 pid : sessions) {
        const QDeadlineTimer deadline(5s);
        while (!ProcessTree::hasEnded(pid) && !deadline.hasExpired())
            QThread::msleep(10);
    }
    return int(sessions.size());
}

void RemoteHost::stopSshd()
{
    if (!m_sshd)
        return;
    QObject::disconnect(m_sshd.get(), nullptr, nullptr, nullptr);
    if (m_sshd->state() == QProcess::Running) {
        ::kill(pid_t(m_sshd->processId()), SIGTERM);
        if (!m_sshd->waitForFinished(3000)) {
            m_sshd->kill();
            m_sshd->waitForFinished(2000);
        }
    }
    m_sshd.reset();
}

void RemoteHost::stop()
{
    dropSessions();
    stopSshd();
    m_bus.stop();
    if (m_mountedPrivilegeSeparation)
        ::umount2(PrivilegeSeparationDirectory, MNT_DETACH);
    m_mountedPrivilegeSeparation = false;
    m_directory.reset();
    if (m_callerNet >= 0)
        ::close(m_callerNet);
    m_callerNet = -1;
}

QJsonObject RemoteHost::ready() const
{
    return {{QStringLiteral("ready"), true},
            {QStringLiteral("name"), m_settings.name},
            {QStringLiteral("pid"), qint64(::getpid())},
            {QStringLiteral("sshdPid"), m_sshd ? m_sshd->processId() : 0},
            {QStringLiteral("address"), withoutPrefix(m_settings.address)},
            {QStringLiteral("address6"), withoutPrefix(m_settings.address6)},
            {QStringLiteral("port"), m_settings.port},
            {QStringLiteral("interface"), QLatin1String(Interface)},
            {QStringLiteral("link"), m_settings.link},
            {QStringLiteral("hostKey"),
             QString::fromUtf8(
                 PrivateBusDirectory::readFile(file(QStringLiteral("ssh_host_ed25519_key.pub")))
                     .trimmed())},
            {QStringLiteral("busAddress"), m_bus.address()},
            {QStringLiteral("helperStateDirectory"), m_bus.helperStateDirectory()}};
}

QJsonObject RemoteHost::command(const QByteArray &line)
{
    QString error;
    if (line == "rekey") {
        // The sessions under way keep the old sshd's processes; new connections meet the key.
        stopSshd();
        if (!makeHostKey(&error) || !startSshd(&error))
            return {{QStringLiteral("error"), error}};
        return {{QStringLiteral("hostKey"), ready().value(QStringLiteral("hostKey"))},
                {QStringLiteral("sshdPid"), m_sshd->processId()}};
    }
    if (line == "drop")
        return {{QStringLiteral("dropped"), dropSessions()}};
    if (line == "log")
        return {{QStringLiteral("log"), m_bus.output()}};
    return {{QStringLiteral("error"),
             QStringLiteral("unknown command \"%1\"").arg(QString::fromUtf8(line))}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A remote host for nfqmon's SSH tests."));
    parser.addHelpOption();
    const auto option = [&parser](const char *name, const char *help) {
        const QCommandLineOption added(QLatin1String(name), QLatin1String(help),
                                       QStringLiteral("value"));
        parser.addOption(added);
        return added;
    };
    const QCommandLineOption name = option("name", "the host's name (in logs and key comments)");
    const QCommandLineOption link = option("link", "the veth end in the caller's namespace");
    const QCommandLineOption local = option("local", "its address, ADDRESS/PREFIX");
    const QCommandLineOption address = option("address", "eth0's address here, ADDRESS/PREFIX");
    const QCommandLineOption local6 = option("local6", "its IPv6 address, ADDRESS/PREFIX");
    const QCommandLineOption address6 = option("address6", "eth0's IPv6 address, ADDRESS/PREFIX");
    const QCommandLineOption port = option("port", "sshd's port (22)");
    const QCommandLineOption keys = option("authorized-keys", "the keys that may log in");
    const QCommandLineOption path = option("path", "directories first on the sessions' PATH");
    parser.process(app);

    RemoteHost::Settings settings;
    settings.name = parser.value(name);
    settings.link = parser.value(link);
    settings.local = parser.value(local);
    settings.address = parser.value(address);
    settings.local6 = parser.value(local6);
    settings.address6 = parser.value(address6);
    settings.port = parser.isSet(port) ? parser.value(port).toInt() : 22;
    settings.authorizedKeys = parser.value(keys);
    settings.path = parser.value(path);
    if (settings.name.isEmpty() || settings.link.isEmpty() || settings.local.isEmpty() ||
        settings.address.isEmpty() || settings.authorizedKeys.isEmpty() ||
        settings.local6.isEmpty() != settings.address6.isEmpty() || settings.port <= 0) {
        printJson({{QStringLiteral("error"),
                    QStringLiteral("usage: --name, --link, --local, --address and "
                                   "--authorized-keys are needed; --local6 with --address6")}});
        return 2;
    }

    if (::pipe2(g_signalPipe, O_CLOEXEC) != 0)
        return 1;
    struct sigaction action {};
    action.sa_handler = onSignal;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    // Ends with the test that started it (and closes our stdin anyway).
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);

    RemoteHost host(settings);
    QString error;
    if (!host.start(&error)) {
        host.stop();
        printJson({{QStringLiteral("error"), error}});
        return 1;
    }
    printJson(host.ready());

    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray buffer;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char chunk[4096];
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        buffer.append(chunk, got);
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(end).trimmed();
            buffer.remove(0, end + 1);
            if (!line.isEmpty())
                printJson(host.command(line));
        }
    });
    app.exec();
    host.stop();
    return 0;
}
