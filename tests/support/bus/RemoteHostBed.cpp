#include "tests/support/bus/RemoteHostBed.h"

#include "tests/support/bus/PrivateBusDirectory.h"
#include "tests/support/bus/TestUsers.h"
#include "tests/support/network/TestNetwork.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nfqmon::test {

namespace {

using namespace std::chrono_literals;

constexpr char Tool[] = "nfqmon-test-remotehost";

// The link numbers of this process's running hosts: two beds at once never share a link name or
// an address.
QSet<int> g_numbersInUse;

int takeNumber()
{
    int number = 1;
    while (g_numbersInUse.contains(number))
        ++number;
    g_numbersInUse.insert(number);
    return number;
}

// A value in a D-Bus address: bytes outside [-0-9A-Za-z_/.\*] as %XX.
QString escapeAddressValue(const QString &value)
{
    QString escaped;
    for (const char byte : value.toUtf8()) {
        const bool plain = (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= 'A' && byte <= 'Z') || byte == '-' || byte == '_' ||
                           byte == '/' || byte == '.' || byte == '\\' || byte == '*';
        escaped += plain ? QString(QLatin1Char(byte))
                         : QStringLiteral("%%1").arg(uchar(byte), 2, 16, QLatin1Char('0'));
    }
    return escaped;
}

bool writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions permissions,
               QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size() || !file.setPermissions(permissions)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// True when a TCP connection to address:port is made within `timeout`. The socket is made in
// the calling (main) thread: in our network namespace.
bool acceptsConnections(const QString &address, int port, int timeoutMs)
{
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(quint16(port));
    if (::inet_pton(AF_INET, qPrintable(address), &target.sin_addr) != 1)
        return false;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    bool connected = ::connect(fd, reinterpret_cast<const sockaddr *>(&target), sizeof target) == 0;
    if (!connected && errno == EINPROGRESS) {
        pollfd waiting{fd, POLLOUT, 0};
        int problem = 0;
        socklen_t length = sizeof problem;
        connected = ::poll(&waiting, 1, timeoutMs) == 1 &&
                    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &problem, &length) == 0 && problem == 0;
    }
    ::close(fd);
    return connected;
}

constexpr QFile::Permissions ReadableByAll =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;

} // namespace

RemoteHostBed::~RemoteHostBed()
{
    stop();
}

QString RemoteHostBed::path(const QString &name) const
{
    return m_directory ? m_directory->filePath(name) : QString();
}

QString RemoteHostBed::sshWrapper() const
{
    return path(QStringLiteral("ssh-wrapper"));
}

QString RemoteHostBed::sshConfig() const
{
    return path(QStringLiteral("ssh_config"));
}

QString RemoteHostBed::knownHostsFile() const
{
    return path(QStringLiteral("known_hosts"));
}

QString RemoteHostBed::identityFile() const
{
    return path(QStringLiteral("id_ed25519"));
}

bool RemoteHostBed::start(int count, QString *error, const Options &options,
                          std::chrono::milliseconds timeout)
{
    if (m_directory) {
        *error = QStringLiteral("the remote hosts are already started");
        return false;
    }
    if (count < 1 || count > 9) {
        *error = QStringLiteral("1 to 9 remote hosts");
        return false;
    }
    const std::optional<uint> clientUid = TestUsers::uidOf(options.clientUser);
    if (!clientUid) {
        *error = QStringLiteral("no test user \"%1\"").arg(options.clientUser);
        return false;
    }
    // The hosts' veth ends appear in our namespace: never the machine's.
    if (!TestNetwork::enterPrivateNamespace(error))
        return false;
    m_options = options;
    const QDeadlineTimer deadline(timeout);
    const bool ok = [&] {
        m_directory = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/nfqmon-remote-XXXXXX"));
        if (!m_directory->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: ") +
                     m_directory->errorString();
            return false;
        }
        // The client user must reach its key and config; the hosts, the public key.
        QFile::setPermissions(m_directory->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                       QFile::ExeOwner | QFile::ReadGroup |
                                                       QFile::ExeGroup | QFile::ReadOther |
                                                       QFile::ExeOther);
        const Command::Result key = Command::run(
            {QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
             QStringLiteral("ed25519"), QStringLiteral("-N"), QString(), QStringLiteral("-C"),
             QStringLiteral("nfqmon-test-client"), QStringLiteral("-f"), identityFile()});
        if (!key.succeeded()) {
            *error = key.describe();
            return false;
        }
        if (*clientUid != 0 && (::chown(qPrintable(identityFile()), *clientUid, *clientUid) != 0 ||
                                ::chown(qPrintable(identityFile() + QStringLiteral(".pub")),
                                        *clientUid, *clientUid) != 0)) {
            *error = QStringLiteral("cannot give the client key to ") + options.clientUser;
            return false;
        }
        for (int index = 0; index < count; ++index) {
            if (!startHost(index, error))
                return false;
        }
        for (const std::shared_ptr<Host> &host : std::as_const(m_hosts)) {
            if (!waitReady(*host, error, std::chrono::milliseconds(deadline.remainingTime())))
                return false;
        }
        return trustHostKeys(error) && writeClientFiles(error);
    }();
    if (!ok)
        stop();
    return ok;
}

bool RemoteHostBed::startHost(int index, QString *error)
{
    auto host = std::make_shared<Host>();
    RemoteHost &info = host->info;
    const int number = takeNumber();
    host->number = number;
    info.index = index;
    info.alias = QStringLiteral("remote%1").arg(index + 1);
    info.address = QStringLiteral("10.78.%1.2").arg(number);
    info.localAddress = QStringLiteral("10.78.%1.1").arg(number);
    info.address6 = QStringLiteral("fd00:78:%1::2").arg(number);
    info.localAddress6 = QStringLiteral("fd00:78:%1::1").arg(number);
    info.link = QStringLiteral("nfqremote%1").arg(number);

    host->process = std::make_unique<QProcess>();
    QProcess &process = *host->process;
    process.setProgram(TestNetwork::toolPath(QLatin1String(Tool)));
    process.setArguments({QStringLiteral("--name"), info.alias, QStringLiteral("--link"), info.link,
                          QStringLiteral("--local"), info.localAddress + QStringLiteral("/24"),
                          QStringLiteral("--address"), info.address + QStringLiteral("/24"),
                          QStringLiteral("--local6"), info.localAddress6 + QStringLiteral("/64"),
                          QStringLiteral("--address6"), info.address6 + QStringLiteral("/64"),
                          QStringLiteral("--port"), QString::number(info.port),
                          QStringLiteral("--authorized-keys"),
                          identityFile() + QStringLiteral(".pub"), QStringLiteral("--path"),
                          QStringLiteral(NFQMON_REMOTE_PATH)});
    // A file, never a pipe: nobody may have to read sshd's log for the host to go on.
    process.setStandardErrorFile(path(info.alias + QStringLiteral(".log")));
    process.setWorkingDirectory(QStringLiteral("/"));
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_hosts.append(host);
    process.start();
    if (!process.waitForStarted(5000)) {
        *error =
            QStringLiteral("cannot start %1: %2").arg(process.program(), process.errorString());
        return false;
    }
    return true;
}

bool RemoteHostBed::waitReady(Host &host, QString *error, std::chrono::milliseconds timeout)
{
    QProcess &process = *host.process;
    const QDeadlineTimer deadline(timeout);
    while (!process.canReadLine() && process.state() == QProcess::Running && !deadline.hasExpired())
        process.waitForReadyRead(200);
    const QJsonObject ready = QJsonDocument::fromJson(process.readLine()).object();
    if (!ready.value(QStringLiteral("ready")).toBool()) {
        const QString why =
            ready.contains(QStringLiteral("error"))
                ? ready.value(QStringLiteral("error")).toString()
                : (process.state() == QProcess::Running ? QStringLiteral("not ready in time")
                                                        : QStringLiteral("it ended"));
        *error = QStringLiteral("remote host %1: %2\n%3")
                     .arg(host.info.alias, why, log(host.info.index));
        return false;
    }
    RemoteHost &info = host.info;
    info.interface = ready.value(QStringLiteral("interface")).toString();
    info.hostKey = ready.value(QStringLiteral("hostKey")).toString();
    info.pid = ready.value(QStringLiteral("pid")).toInteger();
    info.sshdPid = ready.value(QStringLiteral("sshdPid")).toInteger();
    info.busAddress = ready.value(QStringLiteral("busAddress")).toString();
    info.helperStateDirectory = ready.value(QStringLiteral("helperStateDirectory")).toString();
    return true;
}

bool RemoteHostBed::writeClientFiles(QString *error) const
{
    // Host blocks give each alias its address; `Host *` (last: the first value found wins)
    // everything else. Nothing of ~/.ssh or /etc/ssh is read (-F) or written.
    QByteArray config = "# nfqmon's remote host bed (tests/support/bus/RemoteHostBed)\n";
    for (const std::shared_ptr<Host> &host : m_hosts) {
        config += QStringLiteral("Host %1\n    HostName %2\n    Port %3\n")
                      .arg(host->info.alias, host->info.address)
                      .arg(host->info.port)
                      .toUtf8();
    }
    config += QStringLiteral("Host *\n"
                             "    User %1\n"
                             "    IdentityFile %2\n"
                             "    IdentitiesOnly yes\n"
                             "    IdentityAgent none\n"
                             "    UserKnownHostsFile %3\n"
                             "    GlobalKnownHostsFile /dev/null\n"
                             "    StrictHostKeyChecking yes\n"
                             "    UpdateHostKeys no\n"
                             "    CheckHostIP no\n"
                             "    VerifyHostKeyDNS no\n"
                             "    BatchMode yes\n"
                             "    PasswordAuthentication no\n"
                             "    KbdInteractiveAuthentication no\n"
                             "    ControlMaster no\n"
                             "    ControlPath none\n"
                             "    ForwardAgent no\n"
                             "    ForwardX11 no\n"
                             "    ConnectTimeout 5\n"
                             "    ServerAliveInterval 1\n"
                             "    ServerAliveCountMax 3\n"
                             "    LogLevel ERROR\n")
                  .arg(m_options.user, identityFile(), knownHostsFile())
                  .toUtf8();
    const QByteArray wrapper = "#!/bin/sh\n"
                               "# The user's ssh with the remote host bed's configuration only.\n"
                               "exec /usr/bin/ssh -F " +
                               sshConfig().toUtf8() + " \"$@\"\n";
    return writeFile(sshConfig(), config, ReadableByAll, error) &&
           writeFile(sshWrapper(), wrapper,
                     ReadableByAll | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther, error);
}

QString RemoteHostBed::dbusAddress(int n, const QString &user) const
{
    const QString target = user.isEmpty() ? alias(n) : user + QLatin1Char('@') + alias(n);
    return QStringLiteral("unixexec:path=%1,argv1=-xT,argv2=%2,argv3=systemd-stdio-bridge")
        .arg(escapeAddressValue(sshWrapper()), escapeAddressValue(target));
}

QStringList RemoteHostBed::sshCommand(int n, const QStringList &remote, const QString &user) const
{
    const QString target = user.isEmpty() ? alias(n) : user + QLatin1Char('@') + alias(n);
    return QStringList{sshWrapper(), target} + remote;
}

Command::Result RemoteHostBed::ssh(int n, const QStringList &remote,
                                   std::chrono::milliseconds timeout, const QString &user) const
{
    return Command::run(sshCommand(n, remote, user), timeout);
}

QStringList RemoteHostBed::commandIn(int n, const QStringList &argv) const
{
    return QStringList{QStringLiteral("nsenter"),    QStringLiteral("--target"),
                       QString::number(host(n).pid), QStringLiteral("--net"),
                       QStringLiteral("--mount"),    QStringLiteral("--")} +
           argv;
}

Command::Result RemoteHostBed::runIn(int n, const QStringList &argv,
                                     std::chrono::milliseconds timeout) const
{
    return Command::run(commandIn(n, argv), timeout);
}

QByteArray RemoteHostBed::knownHostsLine(int n) const
{
    const RemoteHost &info = host(n);
    const auto name = [&info](const QString &address) {
        return info.port == 22 ? address : QStringLiteral("[%1]:%2").arg(address).arg(info.port);
    };
    return (name(info.address) + QLatin1Char(',') + name(info.address6) + QLatin1Char(' ') +
            info.hostKey)
        .toUtf8();
}

bool RemoteHostBed::setKnownHosts(const QByteArray &text, QString *error) const
{
    return writeFile(knownHostsFile(), text, ReadableByAll, error);
}

bool RemoteHostBed::trustHostKeys(QString *error) const
{
    QByteArray text;
    for (int n = 0; n < hostCount(); ++n)
        text += knownHostsLine(n) + '\n';
    return setKnownHosts(text, error);
}

QJsonObject RemoteHostBed::request(int n, const QByteArray &command, QString *error) const
{
    QProcess &process = *m_hosts.at(n)->process;
    process.write(command + '\n');
    const QDeadlineTimer deadline(20s);
    while (!process.canReadLine() && process.state() == QProcess::Running && !deadline.hasExpired())
        process.waitForReadyRead(200);
    const QJsonObject answer = QJsonDocument::fromJson(process.readLine()).object();
    if (answer.isEmpty() || answer.contains(QStringLiteral("error"))) {
        *error = QStringLiteral("remote host %1, %2: %3")
                     .arg(alias(n), QString::fromUtf8(command),
                          answer.isEmpty() ? QStringLiteral("no answer")
                                           : answer.value(QStringLiteral("error")).toString());
        return {};
    }
    return answer;
}

bool RemoteHostBed::changeHostKey(int n, QString *error)
{
    const QJsonObject answer = request(n, "rekey", error);
    if (answer.isEmpty())
        return false;
    RemoteHost &info = m_hosts.at(n)->info;
    info.hostKey = answer.value(QStringLiteral("hostKey")).toString();
    info.sshdPid = answer.value(QStringLiteral("sshdPid")).toInteger();
    return true;
}

int RemoteHostBed::dropSessions(int n, QString *error)
{
    const QJsonObject answer = request(n, "drop", error);
    return answer.isEmpty() ? -1 : answer.value(QStringLiteral("dropped")).toInt();
}

bool RemoteHostBed::cutLink(int n, QString *error)
{
    const Command::Result down =
        Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"),
                      host(n).link, QStringLiteral("down")});
    if (!down.succeeded()) {
        *error = down.describe();
        return false;
    }
    return true;
}

bool RemoteHostBed::waitForSshd(int n, std::chrono::milliseconds timeout) const
{
    const QDeadlineTimer deadline(timeout);
    do {
        if (acceptsConnections(host(n).address, host(n).port, 500))
            return true;
        QThread::msleep(50);
    } while (!deadline.hasExpired());
    return false;
}

bool RemoteHostBed::restoreLink(int n, QString *error, std::chrono::milliseconds timeout)
{
    const Command::Result up =
        Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"),
                      host(n).link, QStringLiteral("up")});
    if (!up.succeeded()) {
        *error = up.describe();
        return false;
    }
    if (!waitForSshd(n, timeout)) {
        *error = QStringLiteral("%1's sshd does not accept connections on %2 after the link came "
                                "back")
                     .arg(alias(n), host(n).address);
        return false;
    }
    return true;
}

QString RemoteHostBed::log(int n) const
{
    const std::shared_ptr<Host> &host = m_hosts.at(n);
    QString text =
        QStringLiteral("--- %1: nfqmon-test-remotehost and sshd\n").arg(host->info.alias) +
        QString::fromUtf8(
            PrivateBusDirectory::readFile(path(host->info.alias + QStringLiteral(".log"))));
    if (host->process && host->process->state() == QProcess::Running) {
        QString error;
        const QJsonObject answer = request(n, "log", &error);
        text += answer.isEmpty() ? error : answer.value(QStringLiteral("log")).toString();
    }
    return text;
}

void RemoteHostBed::stop()
{
    // Closing their stdin ends them all at once; each tears its host down.
    for (const std::shared_ptr<Host> &host : std::as_const(m_hosts)) {
        if (host->process && host->process->state() == QProcess::Running)
            host->process->closeWriteChannel();
    }
    for (const std::shared_ptr<Host> &host : std::as_const(m_hosts)) {
        if (!host->process)
            continue;
        if (!host->process->waitForFinished(15000)) {
            host->process->kill();
            host->process->waitForFinished(3000);
        }
    }
    // The kernel deletes a namespace, and the veth pair with it, a moment after its last
    // process ended: a bed started next must find the names free.
    const QDeadlineTimer deadline(5s);
    for (const std::shared_ptr<Host> &host : std::as_const(m_hosts)) {
        while (::if_nametoindex(qPrintable(host->info.link)) != 0 && !deadline.hasExpired())
            QThread::msleep(20);
    }
    for (const std::shared_ptr<Host> &host : std::as_const(m_hosts))
        g_numbersInUse.remove(host->number);
    m_hosts.clear();
    m_directory.reset();
}

} // namespace nfqmon::test
