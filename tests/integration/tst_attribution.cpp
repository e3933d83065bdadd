// Which program sent a packet, learned by the kernel programs (helper/attribution) and carried in
// the engine's records: real senders run as an unprivileged user in the test's namespace — a
// Python one-shot UDP sender that exits at once, curl, ping (IPv4 and IPv6), a process in a cgroup
// of its own, a process in a PID namespace of its own — each with its pid, executable, command
// line, uid and cgroup; a local server's incoming packets; and the kernel's own replies.
#include "helper/attribution/CgroupTree.h"
#include "helper/engine/CaptureEngine.h"
#include "helper/protocol/CgroupPlace.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/RecordCollector.h"
#include "tests/support/network/SenderCommands.h"
#include "tests/support/network/TestNetwork.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace nfqmon::test::SenderCommands;
using namespace std::chrono_literals;

namespace {

std::uint64_t inodeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestAttribution : public QObject
{
    Q_OBJECT
    TestNetwork m_network;
    std::unique_ptr<CaptureEngine> m_engine;
    std::shared_ptr<RecordCollector> m_records;

    QList<RecordCollector::Item> m_seen; // every record since init()

    // The records that `wanted` accepts, waiting a few seconds for at least `atLeast` of them.
    template <typename Predicate>
    QList<RecordCollector::Item> records(int atLeast, Predicate wanted)
    {
        QList<RecordCollector::Item> found;
        QDeadlineTimer deadline(5s);
        for (;;) {
            found.clear();
            for (const auto &item : std::as_const(m_seen))
                if (wanted(item.record))
                    found.append(item);
            if (found.size() >= atLeast || deadline.hasExpired())
                return found;
            m_seen += m_records->collect(1, 100ms);
        }
    }
    // Packets to or from `port` (either end) at `hook`.
    QList<RecordCollector::Item> packetsOf(std::uint16_t port, Hook hook, int atLeast)
    {
        return records(atLeast, [&](const PacketRecord &r) {
            return r.hook == hook &&
                   (r.summary.sourcePort == port || r.summary.destinationPort == port);
        });
    }
    // Echo requests or replies of `family` at `hook`.
    QList<RecordCollector::Item> pings(Hook hook, int family, int atLeast)
    {
        return records(atLeast, [&](const PacketRecord &r) {
            const std::uint8_t type = r.summary.icmpType;
            const bool echo = family == 4 ? (type == 8 || type == 0) : (type == 128 || type == 129);
            return r.hook == hook && (r.summary.flags & SummaryFlag::HasIcmp) &&
                   int(r.summary.network) == family && echo;
        });
    }
    std::shared_ptr<const ProcessInfo> processOf(const PacketRecord &record)
    {
        return record.origin == Origin::Process ? m_engine->owners()->process(record.processId)
                                                : nullptr;
    }

    bool startCapture(QString *error)
    {
        CaptureOptions options;
        options.interfaces = {m_network.peer(0).interface};
        options.statusIntervalSeconds = 0;
        m_engine = std::make_unique<CaptureEngine>(options);
        if (!m_engine->start(error))
            return false;
        if (!m_engine->owners()) {
            *error = m_engine->notice();
            return false;
        }
        m_records = std::make_shared<RecordCollector>(m_engine->producerCount());
        m_engine->attach(m_records);
        return true;
    }

private slots:
    void initTestCase()
    {
        NFQMON_ENTER_TEST_NETWORK(m_network, 1);
        QString error;
        QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
        QVERIFY2(QFileInfo(Python).isExecutable(),
                 "python3 is missing (packaging/install-deps.sh)");
        // Ping sockets for everyone in this namespace, as many distributions set it.
        QVERIFY(
            m_network
                .run(TestNetwork::Local, {QStringLiteral("sysctl"), QStringLiteral("-qw"),
                                          QStringLiteral("net.ipv4.ping_group_range=0 2147483647")})
                .succeeded());
        QVERIFY2(startCapture(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        if (m_engine)
            m_engine->stop();
        m_engine.reset();
        m_network.removeAll();
    }
    void init()
    {
        m_records->take();
        m_seen.clear();
    }

    // A sender that exits right after its one datagram: the kernel named it while it ran.
    void oneShotUdpSender_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("port");
        QTest::newRow("IPv4") << 4 << 7101;
        QTest::newRow("IPv6") << 6 << 7102;
    }
    void oneShotUdpSender()
    {
        QFETCH(int, family);
        QFETCH(int, port);
        QString error;
        const qint64 pid =
            runToEnd(asNobody(udpOneShot(m_network.peer(0).peerAddress(family), port)), &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto packets = packetsOf(std::uint16_t(port), Hook::Output, 1);
        QCOMPARE(packets.size(), 1);
        const auto process = processOf(packets.first().record);
        QVERIFY2(process, "the datagram is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->uid, Nobody);
        QCOMPARE(process->gid, Nobody);
        QCOMPARE(QString::fromStdString(process->executable),
                 QFileInfo(Python).canonicalFilePath());
        QVERIFY2(QString::fromStdString(process->arguments).contains(QStringLiteral("one shot")),
                 process->arguments.c_str());
        QCOMPARE(QString::fromStdString(process->command), QStringLiteral("python3"));
    }

    // TCP: the first SYN already names curl (nothing listens: the peer answers with a reset).
    void curlFirstSyn()
    {
        QString error;
        const QString url = QStringLiteral("http://%1:7103/").arg(m_network.peer(0).peerIpv4);
        const qint64 pid =
            runToEnd(asNobody({QStringLiteral("curl"), QStringLiteral("-s"),
                               QStringLiteral("--max-time"), QStringLiteral("2"), url}),
                     &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto packets = packetsOf(7103, Hook::Output, 1);
        QVERIFY(!packets.isEmpty());
        const PacketRecord &syn = packets.first().record;
        QCOMPARE(syn.summary.tcpFlags & (TcpFlag::Syn | TcpFlag::Ack), int(TcpFlag::Syn));
        const auto process = processOf(syn);
        QVERIFY2(process, "the SYN is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->uid, Nobody);
        QCOMPARE(QString::fromStdString(process->executable), QStringLiteral("/usr/bin/curl"));
        // The peer's reset coming back belongs to the same flow, so to curl as well.
        const auto replies = packetsOf(7103, Hook::PreRouting, 1);
        QVERIFY(!replies.isEmpty());
        QCOMPARE(replies.first().record.origin, Origin::Process);
        QCOMPARE(replies.first().record.processId, syn.processId);
    }

    // Echo requests of ping (a ping socket or a raw one), and the replies that come back.
    void ping_data()
    {
        QTest::addColumn<int>("family");
        QTest::newRow("IPv4") << 4;
        QTest::newRow("IPv6") << 6;
    }
    void ping()
    {
        QFETCH(int, family);
        QString error;
        const qint64 pid =
            runToEnd(asNobody({QStringLiteral("ping"),
                               family == 6 ? QStringLiteral("-6") : QStringLiteral("-4"),
                               QStringLiteral("-c1"), QStringLiteral("-W2"),
                               m_network.peer(0).peerAddress(family)}),
                     &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto requests = pings(Hook::Output, family, 1);
        QVERIFY(!requests.isEmpty());
        const auto process = processOf(requests.first().record);
        QVERIFY2(process, "the echo request is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(QString::fromStdString(process->executable), QStringLiteral("/usr/bin/ping"));
        const auto replies = pings(Hook::PreRouting, family, 1);
        QVERIFY(!replies.isEmpty());
        QCOMPARE(replies.first().record.processId, requests.first().record.processId);
    }

    // The peer pings us: our reply is the kernel's own, and says so.
    void kernelReply()
    {
        QCOMPARE(m_network.ping(0, m_network.peer(0).ipv4, 1), 1);
        const auto replies = pings(Hook::Output, 4, 1);
        QVERIFY(!replies.isEmpty());
        QCOMPARE(replies.first().record.origin, Origin::Kernel);
        QCOMPARE(replies.first().record.processId, 0u);
    }

    // Sockets a program opened before the capture started: a UDP socket connected to the peer,
    // a UDP server, a TCP server (IPv6 wildcard, taking IPv4 too) and a ping socket. Their
    // packets name the program from the first one, in and out.
    void socketsOpenedBeforeTheCapture()
    {
        m_engine->stop();
        QProcess program;
        const QStringList argv = asNobody(
            {Python, QStringLiteral("-c"),
             QStringLiteral(
                 "import socket,sys\n"
                 "c=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c.connect(('%1', 7120))\n"
                 "u=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('%2', 7121))\n"
                 "t=socket.socket(socket.AF_INET6, socket.SOCK_STREAM); t.bind(('::', 7122))\n"
                 "t.listen()\n"
                 "p=socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)\n"
                 "p.bind(('', 0))\n"
                 "print('ready', flush=True); sys.stdin.readline()\n"
                 "c.send(b'opened before'); p.sendto(b'\\x08\\0\\0\\0\\0\\0\\0\\1', ('%1', 0))\n"
                 "u.recvfrom(100); t.accept()[0].recv(100)\n")
                 .arg(m_network.peer(0).peerIpv4, m_network.peer(0).ipv4)});
        program.start(argv.first(), argv.mid(1));
        QVERIFY(program.waitForReadyRead(5000));
        const auto end = qScopeGuard([&] { program.kill(), program.waitForFinished(); });
        QString error;
        QVERIFY2(startCapture(&error), qPrintable(error));
        init();
        const qint64 pid = program.processId();

        program.write("go\n");
        QVERIFY(program.waitForBytesWritten(5000));
        const auto sent = packetsOf(7120, Hook::Output, 1);
        QVERIFY2(sent.size() == 1, program.readAll().constData());
        const auto process = processOf(sent.first().record);
        QVERIFY2(process, "the datagram of a socket opened before the capture has no program");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->uid, Nobody);
        QCOMPARE(QString::fromStdString(process->executable),
                 QFileInfo(Python).canonicalFilePath());
        QVERIFY2(QString::fromStdString(process->arguments).contains(QStringLiteral("7122")),
                 process->arguments.c_str());
        const auto echo = pings(Hook::Output, 4, 1);
        QCOMPARE(echo.size(), 1);
        QCOMPARE(echo.first().record.origin, Origin::Process);
        QCOMPARE(echo.first().record.processId, sent.first().record.processId);
        const auto echoReply = pings(Hook::PreRouting, 4, 1);
        QCOMPARE(echoReply.size(), 1);
        QCOMPARE(echoReply.first().record.processId, sent.first().record.processId);

        QVERIFY(m_network.sendUdp(0, {m_network.peer(0).ipv4, 7121, 1, 32, 2}).succeeded());
        const auto toServer = packetsOf(7121, Hook::PreRouting, 1);
        QCOMPARE(toServer.size(), 1);
        QCOMPARE(toServer.first().record.origin, Origin::Process);
        QCOMPARE(toServer.first().record.processId, sent.first().record.processId);

        QVERIFY(m_network.sendTcp(0, Flow{m_network.peer(0).ipv4, 7122, 1, 32, 3}, 3s).succeeded());
        const auto syn = packetsOf(7122, Hook::PreRouting, 1);
        QVERIFY(!syn.isEmpty());
        QCOMPARE(syn.first().record.summary.tcpFlags & TcpFlag::Syn, int(TcpFlag::Syn));
        QCOMPARE(syn.first().record.origin, Origin::Process);
        QCOMPARE(syn.first().record.processId, sent.first().record.processId);
        QVERIFY(program.waitForFinished(5000));
    }

    // Servers on the IPv6 wildcard bound while capturing: IPv4 datagrams to the port of one that
    // set IPV6_V6ONLY are not its (they name their sender in the peer's namespace instead);
    // those to a dual-stack one are.
    void v6OnlyServerTakesNoIpv4()
    {
        QProcess server;
        const QStringList argv = asNobody(
            {Python, QStringLiteral("-c"),
             QStringLiteral("import socket\n"
                            "def bound(port, only):\n"
                            "  s=socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)\n"
                            "  s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, only)\n"
                            "  s.bind(('::', port)); return s\n"
                            "a=bound(7131, 1); b=bound(7132, 0)\n"
                            "print('ready', flush=True); b.recvfrom(100)\n")});
        server.start(argv.first(), argv.mid(1));
        QVERIFY(server.waitForReadyRead(5000));
        const auto end = qScopeGuard([&] { server.kill(), server.waitForFinished(); });
        const std::uint32_t pid = std::uint32_t(server.processId());
        for (const int port : {7131, 7132})
            QVERIFY(m_network.sendUdp(0, {m_network.peer(0).ipv4, std::uint16_t(port), 1, 32, 4})
                        .succeeded());
        const auto v6Only = packetsOf(7131, Hook::PreRouting, 1);
        const auto dualStack = packetsOf(7132, Hook::PreRouting, 1);
        QCOMPARE(v6Only.size(), 1);
        QCOMPARE(dualStack.size(), 1);
        const auto taken = processOf(dualStack.first().record);
        QVERIFY2(taken, "the datagram to the dual-stack server is not attributed");
        QCOMPARE(taken->pid, pid);
        const auto notTaken = processOf(v6Only.first().record);
        QVERIFY2(!notTaken || notTaken->pid != pid,
                 "an IPv4 datagram is attributed to a server that takes only IPv6");
        QVERIFY(server.waitForFinished(5000));
    }

    // A server here: datagrams coming in to its port belong to it.
    void incomingToLocalServer()
    {
        QProcess server;
        const QStringList argv =
            asNobody({Python, QStringLiteral("-c"),
                      QStringLiteral("import socket,sys; s=socket.socket(socket.AF_INET, "
                                     "socket.SOCK_DGRAM); s.bind(('%1', 7104)); print('ready', "
                                     "flush=True); s.recvfrom(100)")
                          .arg(m_network.peer(0).ipv4)});
        server.start(argv.first(), argv.mid(1));
        QVERIFY(server.waitForReadyRead(5000));
        const qint64 pid = server.processId();
        QVERIFY(m_network.sendUdp(0, {m_network.peer(0).ipv4, 7104, 1, 32, 1}).succeeded());
        QVERIFY(server.waitForFinished(5000));
        const auto packets = packetsOf(7104, Hook::PreRouting, 1);
        QCOMPARE(packets.size(), 1);
        const auto process = processOf(packets.first().record);
        QVERIFY2(process, "the datagram to the server is not attributed to it");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->uid, Nobody);
    }

    // A rule by program drops curl's connection from its first SYN, and not wget's to the same
    // address and port.
    void ruleByProgram()
    {
        Rule rule;
        rule.id = 1;
        rule.expression = QStringLiteral("tcp and dst port 7107");
        rule.program = QStringLiteral("/usr/bin/curl");
        QString error;
        QVERIFY2(m_engine->setRules({rule}, &error), qPrintable(error));
        const auto restore = qScopeGuard([&] { m_engine->setRules({}, &error); });
        const QString url = QStringLiteral("http://%1:7107/").arg(m_network.peer(0).peerIpv4);
        QVERIFY(runToEnd(asNobody({QStringLiteral("curl"), QStringLiteral("-s"),
                                   QStringLiteral("--max-time"), QStringLiteral("1"), url}),
                         &error) > 0);
        const auto curl = packetsOf(7107, Hook::Output, 1);
        QVERIFY(!curl.isEmpty());
        for (const auto &item : curl) {
            QCOMPARE(item.record.verdict, Verdict::Drop);
            QCOMPARE(item.record.ruleId, 1);
        }
        QVERIFY(packetsOf(7107, Hook::PreRouting, 1).isEmpty()); // nothing reached the peer
        init();
        QVERIFY(runToEnd(asNobody({QStringLiteral("wget"), QStringLiteral("-q"),
                                   QStringLiteral("--tries=1"), QStringLiteral("--timeout=1"),
                                   QStringLiteral("-O"), QStringLiteral("/dev/null"), url}),
                         &error) > 0);
        const auto wget = packetsOf(7107, Hook::Output, 1);
        QVERIFY(!wget.isEmpty());
        QCOMPARE(wget.first().record.verdict, Verdict::Accept);
        QCOMPARE(QString::fromStdString(processOf(wget.first().record)->executable),
                 QStringLiteral("/usr/bin/wget"));
        QVERIFY(!packetsOf(7107, Hook::PreRouting, 1).isEmpty()); // the peer's reset came back
    }

    // A rule by user drops what that user's programs send, and not root's.
    void ruleByUser()
    {
        Rule rule;
        rule.id = 2;
        rule.expression = QStringLiteral("udp and dst port 7108");
        rule.user = Nobody;
        QString error;
        QVERIFY2(m_engine->setRules({rule}, &error), qPrintable(error));
        const auto restore = qScopeGuard([&] { m_engine->setRules({}, &error); });
        QVERIFY(runToEnd(asNobody(udpOneShot(m_network.peer(0).peerIpv4, 7108)), &error) > 0);
        QVERIFY(runToEnd(udpOneShot(m_network.peer(0).peerIpv4, 7108), &error) > 0);
        const auto packets = packetsOf(7108, Hook::Output, 2);
        QCOMPARE(packets.size(), 2);
        for (const auto &item : packets) {
            const auto process = processOf(item.record);
            QVERIFY(process);
            QCOMPARE(item.record.verdict, process->uid == Nobody ? Verdict::Drop : Verdict::Accept);
        }
        QVERIFY(processOf(packets.at(0).record)->uid != processOf(packets.at(1).record)->uid);
    }

    // A rule by unit drops what a scope's programs send, and not the same program outside it.
    void ruleByUnit()
    {
        const QString root = QString::fromStdString(CgroupTree::root());
        QVERIFY2(!root.isEmpty(), "no cgroup v2 tree is mounted");
        const QString cgroup =
            root +
            QStringLiteral("/nfqmon-test-unit-%1.scope").arg(QCoreApplication::applicationPid());
        QVERIFY(QDir().mkpath(cgroup));
        const auto removeCgroup = qScopeGuard([&] { QDir().rmdir(cgroup); });
        Rule rule;
        rule.id = 3;
        rule.expression = QStringLiteral("udp and dst port 7109");
        rule.unit = QStringLiteral("nfqmon-test-unit-*.scope");
        QString error;
        QVERIFY2(m_engine->setRules({rule}, &error), qPrintable(error));
        const auto restore = qScopeGuard([&] { m_engine->setRules({}, &error); });
        const QStringList sender = asNobody(udpOneShot(m_network.peer(0).peerIpv4, 7109));
        const qint64 inside = runToEnd(inCgroup(cgroup, sender), &error);
        QVERIFY2(inside > 0, qPrintable(error));
        QVERIFY(runToEnd(sender, &error) > 0);
        const auto packets = packetsOf(7109, Hook::Output, 2);
        QCOMPARE(packets.size(), 2);
        for (const auto &item : packets) {
            const auto process = processOf(item.record);
            QVERIFY(process);
            QCOMPARE(item.record.verdict,
                     process->pid == std::uint32_t(inside) ? Verdict::Drop : Verdict::Accept);
        }
    }

    // A process in a cgroup of its own, as systemd makes a scope for an application.
    void ownCgroup()
    {
        const QString root = QString::fromStdString(CgroupTree::root());
        QVERIFY2(!root.isEmpty(), "no cgroup v2 tree is mounted");
        const QString cgroup =
            root + QStringLiteral("/nfqmon-test-%1.scope").arg(QCoreApplication::applicationPid());
        QVERIFY(QDir().mkpath(cgroup));
        QString error;
        const qint64 pid = runToEnd(
            inCgroup(cgroup, asNobody(udpOneShot(m_network.peer(0).peerIpv4, 7105))), &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const std::uint64_t cgroupId = inodeOf(cgroup);
        const auto packets = packetsOf(7105, Hook::Output, 1);
        QDir().rmdir(cgroup);
        QCOMPARE(packets.size(), 1);
        const auto process = processOf(packets.first().record);
        QVERIFY2(process, "the datagram is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->cgroupId, cgroupId);
        // The kernel's path is from the root of the whole tree; where this test runs in a cgroup
        // namespace of its own, that root is above the tree it sees.
        const QString scope = QFileInfo(cgroup).fileName();
        QVERIFY2(QString::fromStdString(process->cgroup).endsWith(u'/' + scope),
                 process->cgroup.c_str());
        QCOMPARE(QString::fromStdString(CgroupPlace::of(process->cgroup).unit), scope);
    }

    // A process in a PID namespace of its own (a container sharing the host's network): the
    // host's pid, and its pid inside.
    void ownPidNamespace()
    {
        QString error;
        const qint64 unsharePid =
            runToEnd(QStringList{QStringLiteral("unshare"), QStringLiteral("--pid"),
                                 QStringLiteral("--fork")} +
                         asNobody(udpOneShot(m_network.peer(0).peerIpv4, 7106)),
                     &error);
        QVERIFY2(unsharePid > 0, qPrintable(error));
        const auto packets = packetsOf(7106, Hook::Output, 1);
        QCOMPARE(packets.size(), 1);
        const auto process = processOf(packets.first().record);
        QVERIFY2(process, "the datagram is not attributed to a process");
        QCOMPARE(process->namespacePid, 1u); // the first process of its namespace
        QVERIFY(process->pid != 1u);
        QVERIFY(process->pid != std::uint32_t(unsharePid)); // unshare's child, not unshare
        QCOMPARE(QString::fromStdString(process->executable),
                 QFileInfo(Python).canonicalFilePath());
    }

    // Thousands of processes that each send one datagram and exit at once, the case that
    // firewalls scanning /proc miss: the share of them whose only packet names its sender.
    // Forked in batches of 100, which the queue (4096 packets) holds whole.
    void thousandsOfOneShotSenders()
    {
        constexpr int Senders = 2000;
        constexpr int Batch = 100;
        constexpr std::uint16_t Port = 7111;
        sockaddr_in to = {};
        to.sin_family = AF_INET;
        to.sin_port = htons(Port);
        QCOMPARE(inet_pton(AF_INET, qPrintable(m_network.peer(0).peerIpv4), &to.sin_addr), 1);
        QSet<std::uint32_t> senders;
        for (int started = 0; started < Senders; started += Batch) {
            std::vector<pid_t> batch;
            for (int i = 0; i < Batch; ++i) {
                const pid_t child = fork();
                if (child == 0) { // only async-signal-safe calls in the child of a threaded test
                    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
                    sendto(fd, "one shot", 8, 0, reinterpret_cast<const sockaddr *>(&to),
                           sizeof to);
                    _exit(0);
                }
                QVERIFY2(child > 0, "fork failed");
                batch.push_back(child);
                senders.insert(std::uint32_t(child));
            }
            for (pid_t child : batch)
                waitpid(child, nullptr, 0);
        }
        const auto packets = packetsOf(Port, Hook::Output, Senders);
        int attributed = 0;
        for (const auto &item : packets) {
            const auto process = processOf(item.record);
            attributed += process && senders.contains(process->pid) ? 1 : 0;
        }
        const double share = packets.isEmpty() ? 0 : 100.0 * attributed / packets.size();
        qInfo("%d one-shot senders: %lld datagrams queued, %d attributed to their sender "
              "(%.2f %%; target >= 99 %%)",
              Senders, qlonglong(packets.size()), attributed, share);
        QVERIFY2(packets.size() >= Senders * 9 / 10, "most datagrams were not queued");
        QVERIFY2(share >= 99.0, "fewer than 99 % of the one-shot senders were attributed");
    }

    // Last: after every sender above, the status says attribution ran and lost no report.
    void statusCountsLostReports()
    {
        QCOMPARE(m_engine->statistics().attributionLost, std::optional<std::uint64_t>(0));
        QCOMPARE(m_engine->status().attributionLost, std::optional<quint64>(0));
    }
};

QTEST_GUILESS_MAIN(TestAttribution)
#include "tst_attribution.moc"
