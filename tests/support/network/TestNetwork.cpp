#include "tests/support/network/TestNetwork.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon::test {

namespace {

using namespace std::chrono_literals;

// Inode of the namespace the process was in before unshare(), 0 until then.
ino_t g_originalNamespace = 0;
ino_t g_privateNamespace = 0;

ino_t namespaceInode(const char *path)
{
    struct stat info {};
    if (::stat(path, &info) != 0)
        return 0;
    return info.st_ino;
}

bool writeSysctl(const QString &path, const QByteArray &value, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(value) != value.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString namespacePrefix()
{
    return QStringLiteral("nfqmon-%1-").arg(::getpid());
}

// Named namespaces whose creator (the pid in the name) is gone: leftovers of a crashed run.
void removeStaleNamespaces()
{
    static const QRegularExpression pattern(QStringLiteral("^nfqmon-(\\d+)-\\d+$"));
    const QStringList names = QDir(QStringLiteral("/run/netns")).entryList(QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        const pid_t pid = pid_t(match.captured(1).toLongLong());
        if (::kill(pid, 0) != 0 && errno == ESRCH)
            Command::run(
                {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("del"), name});
    }
}

} // namespace

bool TestNetwork::enterPrivateNamespace(QString *error)
{
    if (g_privateNamespace != 0) {
        if (inPrivateNamespace())
            return true;
        *error = QStringLiteral("the process left its private network namespace");
        return false;
    }
    g_originalNamespace = namespaceInode("/proc/self/ns/net");
    if (g_originalNamespace == 0) {
        *error = QStringLiteral("cannot read /proc/self/ns/net");
        return false;
    }
    if (::unshare(CLONE_NEWNET) != 0) {
        *error = QStringLiteral("unshare(CLONE_NEWNET): %1").arg(qt_error_string(errno));
        return false;
    }
    g_privateNamespace = namespaceInode("/proc/self/ns/net");
    if (!inPrivateNamespace()) {
        g_privateNamespace = 0;
        *error = QStringLiteral("unshare(CLONE_NEWNET) did not give a new network namespace");
        return false;
    }
    // Net sysctls are per namespace: these change the private namespace only. With DAD off,
    // IPv6 addresses are usable at once; no router solicitations means less noise on the links.
    for (const char *conf : {"all", "default"}) {
        const QString base = QStringLiteral("/proc/sys/net/ipv6/conf/%1/").arg(QLatin1String(conf));
        if (!writeSysctl(base + QStringLiteral("accept_dad"), "0", error) ||
            !writeSysctl(base + QStringLiteral("router_solicitations"), "0", error))
            return false;
    }
    const Command::Result up =
        Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"),
                      QStringLiteral("lo"), QStringLiteral("up")});
    if (!up.succeeded()) {
        *error = up.describe();
        return false;
    }
    removeStaleNamespaces();
    return true;
}

bool TestNetwork::inPrivateNamespace()
{
    if (g_privateNamespace == 0)
        return false;
    const ino_t current = namespaceInode("/proc/self/ns/net");
    if (current != g_privateNamespace || current == g_originalNamespace)
        return false;
    // In case the process was already in a namespace of its own: never pid 1's (the machine's).
    const ino_t machine = namespaceInode("/proc/1/ns/net");
    return machine == 0 || current != machine;
}

bool TestNetwork::resetFirewall(QString *error)
{
    if (!inPrivateNamespace()) {
        *error = QStringLiteral("refusing to reset iptables outside the private namespace");
        return false;
    }
    for (const QString &family : {QStringLiteral("iptables"), QStringLiteral("ip6tables")}) {
        const Command::Result save = Command::run({family + QStringLiteral("-save")});
        if (!save.succeeded()) {
            *error = save.describe();
            return false;
        }
        // iptables-restore without --noflush empties each table it names and deletes the
        // user chains; the built-in chains are listed to reset their policies.
        QByteArray script;
        for (const QByteArray &line : save.output.split('\n')) {
            if (line.startsWith('*')) {
                script += line + '\n';
            } else if (line.startsWith(':')) {
                const QList<QByteArray> fields = line.split(' ');
                if (fields.size() >= 2 && fields.at(1) != "-")
                    script += fields.at(0) + " ACCEPT [0:0]\n";
            } else if (line == "COMMIT") {
                script += "COMMIT\n";
            }
        }
        if (script.isEmpty())
            continue;
        const Command::Result restore =
            Command::run({family + QStringLiteral("-restore")}, 15s, script);
        if (!restore.succeeded()) {
            *error = restore.describe();
            return false;
        }
    }
    return true;
}

Command::Result TestNetwork::iptables(int family, const QStringList &arguments)
{
    const QString program = family == 6 ? QStringLiteral("ip6tables") : QStringLiteral("iptables");
    if (!inPrivateNamespace()) {
        Command::Result refused;
        refused.command = program;
        refused.errorOutput = "refused outside the test's private network namespace";
        return refused;
    }
    return Command::run(QStringList{program} + arguments);
}

Command::Result TestNetwork::iptablesRestore(int family, const QByteArray &restoreScript)
{
    const QString program =
        family == 6 ? QStringLiteral("ip6tables-restore") : QStringLiteral("iptables-restore");
    if (!inPrivateNamespace()) {
        Command::Result refused;
        refused.command = program;
        refused.errorOutput = "refused outside the test's private network namespace";
        return refused;
    }
    return Command::run({program, QStringLiteral("--noflush")}, 15s, restoreScript);
}

bool TestNetwork::addOtherToolsRules(QString *error)
{
    static const char script[] = "*raw\n"
                                 ":OTHER-TOOL - [0:0]\n"
                                 "-A PREROUTING -p tcp --dport 9 -j CT --notrack\n"
                                 "-A PREROUTING -j OTHER-TOOL\n"
                                 "-A OUTPUT -m comment --comment \"other tool\" -j ACCEPT\n"
                                 "-A OTHER-TOOL -s %1 -j DROP\n"
                                 "COMMIT\n"
                                 "*filter\n"
                                 "-A INPUT -p tcp --dport 9 -j DROP\n"
                                 "COMMIT\n"
                                 "*mangle\n"
                                 "-A PREROUTING -p udp --dport 9 -j MARK --set-mark 1\n"
                                 "COMMIT\n";
    // Documentation prefixes: no test traffic ever comes from them.
    const Command::Result v4 =
        iptablesRestore(4, QString::fromLatin1(script).arg(QLatin1String("192.0.2.0/24")).toUtf8());
    const Command::Result v6 = iptablesRestore(
        6, QString::fromLatin1(script).arg(QLatin1String("2001:db8::/32")).toUtf8());
    if (!v4.succeeded() || !v6.succeeded()) {
        *error = v4.describe() + QLatin1Char('\n') + v6.describe();
        return false;
    }
    return true;
}

QString TestNetwork::toolPath(const QString &name)
{
    return QStringLiteral(NFQMON_TEST_TOOLS_DIR) + QLatin1Char('/') + name;
}

QStringList TestNetwork::ownNamespaces()
{
    QStringList own;
    const Command::Result list =
        Command::run({QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("list")});
    for (const QByteArray &line : list.output.split('\n')) {
        // Lines look like "nfqmon-123-0 (id: 4)" or just the name.
        const QString name = QString::fromUtf8(line.split(' ').first()).trimmed();
        if (name.startsWith(namespacePrefix()))
            own.append(name);
    }
    return own;
}

TestNetwork::~TestNetwork()
{
    removeAll();
}

bool TestNetwork::addPeers(int count, QString *error)
{
    if (!inPrivateNamespace()) {
        *error = QStringLiteral("enter the private network namespace before adding peers");
        return false;
    }
    if (count > 26) {
        *error = QStringLiteral("at most 26 peers (vethA..vethZ)");
        return false;
    }
    for (int index = peerCount(); index < count; ++index) {
        if (!addPeer(index, error))
            return false;
    }
    for (const Peer &peer : std::as_const(m_peers)) {
        if (!waitReachable(peer, error))
            return false;
    }
    return true;
}

bool TestNetwork::addPeer(int index, QString *error)
{
    Peer peer;
    peer.index = index;
    peer.nameSpace = namespacePrefix() + QString::number(index);
    peer.interface = QStringLiteral("veth") + QChar(u'A' + index);
    peer.peerInterface = QStringLiteral("eth0");
    peer.ipv4 = QStringLiteral("10.77.%1.1").arg(index + 1);
    peer.peerIpv4 = QStringLiteral("10.77.%1.2").arg(index + 1);
    peer.ipv6 = QStringLiteral("fd00:77:%1::1").arg(index + 1);
    peer.peerIpv6 = QStringLiteral("fd00:77:%1::2").arg(index + 1);

    const QString ip = QStringLiteral("ip");
    const QString ns = peer.nameSpace;
    const Command::Result created =
        Command::run({ip, QStringLiteral("netns"), QStringLiteral("add"), ns});
    if (!created.succeeded()) {
        *error = created.describe();
        return false;
    }
    m_peers.append(peer); // from here on removeAll() cleans it up, whatever fails next

    const QList<QStringList> steps = {
        // Before the veth end moves in, so that its addresses skip DAD too.
        {ip, QStringLiteral("netns"), QStringLiteral("exec"), ns, QStringLiteral("sysctl"),
         QStringLiteral("-q"), QStringLiteral("-w"),
         QStringLiteral("net.ipv6.conf.all.accept_dad=0"),
         QStringLiteral("net.ipv6.conf.default.accept_dad=0"),
         QStringLiteral("net.ipv6.conf.default.router_solicitations=0")},
        {ip, QStringLiteral("link"), QStringLiteral("add"), peer.interface, QStringLiteral("type"),
         QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), peer.peerInterface,
         QStringLiteral("netns"), ns},
        {ip, QStringLiteral("addr"), QStringLiteral("add"), peer.ipv4 + QStringLiteral("/24"),
         QStringLiteral("dev"), peer.interface},
        {ip, QStringLiteral("addr"), QStringLiteral("add"), peer.ipv6 + QStringLiteral("/64"),
         QStringLiteral("dev"), peer.interface, QStringLiteral("nodad")},
        {ip, QStringLiteral("link"), QStringLiteral("set"), peer.interface, QStringLiteral("up")},
        {ip, QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
         QStringLiteral("lo"), QStringLiteral("up")},
        {ip, QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"),
         peer.peerIpv4 + QStringLiteral("/24"), QStringLiteral("dev"), peer.peerInterface},
        {ip, QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"),
         peer.peerIpv6 + QStringLiteral("/64"), QStringLiteral("dev"), peer.peerInterface,
         QStringLiteral("nodad")},
        {ip, QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
         peer.peerInterface, QStringLiteral("up")},
    };
    for (const QStringList &step : steps) {
        const Command::Result result = Command::run(step);
        if (!result.succeeded()) {
            *error = result.describe();
            return false;
        }
    }
    return true;
}

bool TestNetwork::waitReachable(const Peer &peer, QString *error) const
{
    // A fresh link needs a moment before its first packets pass; bounded to ~5 s.
    for (int family : {4, 6}) {
        int replies = 0;
        for (int attempt = 0; attempt < 25 && replies < 1; ++attempt) {
            replies = ping(Local, peer.peerAddress(family), 1);
            if (replies < 1)
                QThread::msleep(200);
        }
        if (replies < 1) {
            *error = QStringLiteral("peer %1 (%2) does not answer ping on %3")
                         .arg(peer.index)
                         .arg(peer.nameSpace, peer.peerAddress(family));
            return false;
        }
    }
    return true;
}

void TestNetwork::removeAll()
{
    for (const Peer &peer : std::as_const(m_peers)) {
        // Deleting the link first frees the name at once, even while a process still runs in
        // the peer namespace and keeps that namespace alive.
        Command::run(
            {QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("del"), peer.interface});
        Command::run(
            {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("del"), peer.nameSpace});
    }
    m_peers.clear();
}

QStringList TestNetwork::commandIn(int where, const QStringList &argv) const
{
    if (where == Local)
        return argv;
    return QStringList{QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"),
                       peer(where).nameSpace} +
           argv;
}

Command::Result TestNetwork::run(int where, const QStringList &argv,
                                 std::chrono::milliseconds timeout) const
{
    return Command::run(commandIn(where, argv), timeout);
}

int TestNetwork::ping(int where, const QString &address, int count) const
{
    // No test expects an echo to be lost, so a generous wait costs nothing when replies come,
    // and a machine busy with a parallel build (a reply after a second) does not fail a test.
    const Command::Result result =
        run(where, {QStringLiteral("ping"), QStringLiteral("-n"), QStringLiteral("-q"),
                    QStringLiteral("-c"), QString::number(count), QStringLiteral("-i"),
                    QStringLiteral("0.01"), QStringLiteral("-W"), QStringLiteral("3"), address});
    // ping exits 1 when replies are missing; the summary says how many came back.
    static const QRegularExpression received(QStringLiteral("(\\d+) received"));
    const QRegularExpressionMatch match = received.match(QString::fromLocal8Bit(result.output));
    if (!result.finished || !match.hasMatch())
        return -1;
    return match.captured(1).toInt();
}

Command::Result TestNetwork::sendUdp(int where, const Flow &flow) const
{
    return run(where,
               {toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("udp"), flow.address,
                QString::number(flow.port), QStringLiteral("--count"), QString::number(flow.count),
                QStringLiteral("--size"), QString::number(flow.size), QStringLiteral("--seed"),
                QString::number(flow.seed)});
}

Command::Result TestNetwork::sendTcp(int where, const Flow &flow,
                                     std::chrono::milliseconds connectTimeout) const
{
    return run(where,
               {toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("tcp"), flow.address,
                QString::number(flow.port), QStringLiteral("--count"), QString::number(flow.count),
                QStringLiteral("--size"), QString::number(flow.size), QStringLiteral("--seed"),
                QString::number(flow.seed), QStringLiteral("--timeout-ms"),
                QString::number(connectTimeout.count())},
               connectTimeout * flow.count + 10s);
}

} // namespace nfqmon::test
