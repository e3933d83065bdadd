// Forwarded packets of a container with a network namespace of its own: the test's namespace is
// the router between two peers, and the helper watches it. Senders in peer 0 (the "container",
// its own network namespace, in a docker-like cgroup) are named on the packets the router
// queues on their way to peer 1 and back, with the flag that their socket is in another
// namespace; a rule by program decides them there.
#include "helper/attribution/CgroupTree.h"
#include "helper/engine/CaptureEngine.h"
#include "helper/protocol/CgroupPlace.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/RecordCollector.h"
#include "tests/support/network/SenderCommands.h"
#include "tests/support/network/TestNetwork.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <cstring>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace nfqmon::test::SenderCommands;
using namespace std::chrono_literals;

class TestAttributionForwarded : public QObject
{
    Q_OBJECT
    TestNetwork m_network;
    std::unique_ptr<CaptureEngine> m_engine;
    std::shared_ptr<RecordCollector> m_records;
    QList<RecordCollector::Item> m_seen;
    QString m_cgroup; // the container's: .../docker-<64 hex digits>.scope
    QString m_containerId;

    // Queued packets that came in on `interface` with `port` at either end (or IPv4 echo
    // requests and replies), waiting a few seconds for at least `atLeast`.
    QList<PacketRecord> arrivals(const QString &interface, std::uint16_t port, bool echo,
                                 int atLeast)
    {
        QList<PacketRecord> found;
        QDeadlineTimer deadline(5s);
        for (;;) {
            found.clear();
            for (const auto &item : std::as_const(m_seen)) {
                const PacketRecord &r = item.record;
                const bool hasPort =
                    r.summary.sourcePort == port || r.summary.destinationPort == port;
                const bool isEcho = (r.summary.flags & SummaryFlag::HasIcmp) &&
                                    r.summary.network == NetworkProtocol::IPv4 &&
                                    (r.summary.icmpType == 8 || r.summary.icmpType == 0);
                if (r.hook == Hook::PreRouting && interface == QLatin1String(r.inInterface) &&
                    (echo ? isEcho : hasPort))
                    found.append(r);
            }
            if (found.size() >= atLeast || deadline.hasExpired())
                return found;
            m_seen += m_records->collect(1, 100ms);
        }
    }
    std::shared_ptr<const ProcessInfo> processOf(const PacketRecord &record)
    {
        return record.origin == Origin::Process ? m_engine->owners()->process(record.processId)
                                                : nullptr;
    }
    // argv in the container: its network namespace, its cgroup, as nobody.
    QStringList inContainer(const QStringList &argv) const
    {
        return inCgroup(m_cgroup, m_network.commandIn(0, asNobody(argv)));
    }
    bool routeThroughUs(QString *error)
    {
        const Peer &a = m_network.peer(0);
        const Peer &b = m_network.peer(1);
        const QList<QStringList> commands = {
            {QStringLiteral("sysctl"), QStringLiteral("-qw"),
             QStringLiteral("net.ipv4.ip_forward=1")},
            {QStringLiteral("sysctl"), QStringLiteral("-qw"),
             QStringLiteral("net.ipv6.conf.all.forwarding=1")},
        };
        for (const QStringList &command : commands)
            if (!m_network.run(TestNetwork::Local, command).succeeded()) {
                *error = command.join(u' ') + QStringLiteral(" failed");
                return false;
            }
        // Each peer reaches the other's link through us; ping sockets for everyone in peer 0.
        const QList<QPair<int, QStringList>> peerCommands = {
            {0,
             {QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
              QStringLiteral("10.77.2.0/24"), QStringLiteral("via"), a.ipv4}},
            {0,
             {QStringLiteral("ip"), QStringLiteral("-6"), QStringLiteral("route"),
              QStringLiteral("add"), QStringLiteral("fd00:77:2::/64"), QStringLiteral("via"),
              a.ipv6}},
            {1,
             {QStringLiteral("ip"), QStringLiteral("route"), QStringLiteral("add"),
              QStringLiteral("10.77.1.0/24"), QStringLiteral("via"), b.ipv4}},
            {1,
             {QStringLiteral("ip"), QStringLiteral("-6"), QStringLiteral("route"),
              QStringLiteral("add"), QStringLiteral("fd00:77:1::/64"), QStringLiteral("via"),
              b.ipv6}},
            {0,
             {QStringLiteral("sysctl"), QStringLiteral("-qw"),
              QStringLiteral("net.ipv4.ping_group_range=0 2147483647")}},
        };
        for (const auto &[where, command] : peerCommands)
            if (!m_network.run(where, command).succeeded()) {
                *error = command.join(u' ') + QStringLiteral(" failed in peer %1").arg(where);
                return false;
            }
        if (m_network.ping(0, b.peerIpv4, 1) != 1 || m_network.ping(0, b.peerIpv6, 1) != 1) {
            *error = QStringLiteral("peer 0 does not reach peer 1 through the test's namespace");
            return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        NFQMON_ENTER_TEST_NETWORK(m_network, 2);
        QString error;
        QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
        QVERIFY2(routeThroughUs(&error), qPrintable(error));
        const QString root = QString::fromStdString(CgroupTree::root());
        QVERIFY2(!root.isEmpty(), "no cgroup v2 tree is mounted");
        m_containerId = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(QCoreApplication::applicationPid()),
                                     QCryptographicHash::Sha256)
                .toHex());
        m_cgroup = root + QStringLiteral("/nfqmon-test-%1.slice/docker-%2.scope")
                              .arg(QCoreApplication::applicationPid())
                              .arg(m_containerId);
        QVERIFY(QDir().mkpath(m_cgroup));

        CaptureOptions options;
        options.interfaces = {m_network.peer(0).interface, m_network.peer(1).interface};
        options.statusIntervalSeconds = 0;
        m_engine = std::make_unique<CaptureEngine>(options);
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        QVERIFY2(m_engine->owners(), qPrintable(m_engine->notice()));
        m_records = std::make_shared<RecordCollector>(m_engine->producerCount());
        m_engine->attach(m_records);
    }
    void cleanupTestCase()
    {
        if (m_engine)
            m_engine->stop();
        m_engine.reset();
        m_network.removeAll();
        if (!m_cgroup.isEmpty()) {
            QDir().rmdir(m_cgroup);
            QDir().rmdir(QFileInfo(m_cgroup).path());
        }
    }
    void init()
    {
        m_records->take();
        m_seen.clear();
    }

    // A one-shot sender in the container: the router names it on the datagram it forwards.
    void containerDatagram_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("port");
        QTest::newRow("IPv4") << 4 << 7201;
        QTest::newRow("IPv6") << 6 << 7202;
    }
    void containerDatagram()
    {
        QFETCH(int, family);
        QFETCH(int, port);
        QString error;
        const qint64 pid =
            runToEnd(inContainer(udpOneShot(m_network.peer(1).peerAddress(family), port)), &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto packets = arrivals(m_network.peer(0).interface, std::uint16_t(port), false, 1);
        QCOMPARE(packets.size(), 1);
        const PacketRecord &record = packets.first();
        QVERIFY2(record.flags & RecordFlag::OtherNamespace,
                 "the packet does not say its socket is in another network namespace");
        const auto process = processOf(record);
        QVERIFY2(process, "the forwarded datagram is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(process->uid, Nobody);
        QCOMPARE(QString::fromStdString(process->executable),
                 QFileInfo(Python).canonicalFilePath());
        QCOMPARE(QString::fromStdString(CgroupPlace::of(process->cgroup).container), m_containerId);
    }

    // ping in the container: its request on the way out and the reply on the way back.
    void containerPing()
    {
        QString error;
        const qint64 pid = runToEnd(
            inContainer({QStringLiteral("ping"), QStringLiteral("-4"), QStringLiteral("-c1"),
                         QStringLiteral("-W2"), m_network.peer(1).peerIpv4}),
            &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto requests = arrivals(m_network.peer(0).interface, 0, true, 1);
        const auto replies = arrivals(m_network.peer(1).interface, 0, true, 1);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(replies.size(), 1);
        const auto process = processOf(requests.first());
        QVERIFY2(process, "the forwarded echo request is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QCOMPARE(QString::fromStdString(process->executable), QStringLiteral("/usr/bin/ping"));
        QVERIFY(replies.first().flags & RecordFlag::OtherNamespace);
        QCOMPARE(replies.first().origin, Origin::Process);
        QCOMPARE(replies.first().processId, requests.first().processId);
    }

    // The router runs a server on the wildcard address and the port the container's datagram
    // goes to elsewhere: the forwarded datagram is the container's sender's, not the server's.
    void routersWildcardServerClaimsNoForwardedPacket()
    {
        QProcess server;
        server.start(Python,
                     {QStringLiteral("-c"),
                      QStringLiteral("import socket\n"
                                     "s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                     "s.bind(('0.0.0.0', 7204)); print('ready', flush=True)\n"
                                     "s.recvfrom(100)\n")});
        QVERIFY(server.waitForReadyRead(5000));
        const auto end = qScopeGuard([&] { server.kill(), server.waitForFinished(); });
        QString error;
        const qint64 pid =
            runToEnd(inContainer(udpOneShot(m_network.peer(1).peerIpv4, 7204)), &error);
        QVERIFY2(pid > 0, qPrintable(error));
        const auto packets = arrivals(m_network.peer(0).interface, 7204, false, 1);
        QCOMPARE(packets.size(), 1);
        const auto process = processOf(packets.first());
        QVERIFY2(process, "the forwarded datagram is not attributed to a process");
        QCOMPARE(process->pid, std::uint32_t(pid));
        QVERIFY(packets.first().flags & RecordFlag::OtherNamespace);
    }

    // A rule by program decides the container's forwarded packets too: Python's datagram is
    // dropped at the router, another program's to the same port is not.
    void ruleByProgram()
    {
        Rule rule;
        rule.id = 1;
        rule.expression = QStringLiteral("udp and dst port 7203");
        rule.program = QFileInfo(Python).canonicalFilePath();
        QString error;
        QVERIFY2(m_engine->setRules({rule}, &error), qPrintable(error));
        const auto restore = qScopeGuard([&] { m_engine->setRules({}, &error); });
        QVERIFY2(runToEnd(inContainer(udpOneShot(m_network.peer(1).peerIpv4, 7203)), &error) > 0,
                 qPrintable(error));
        QVERIFY2(runToEnd(inContainer({TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")),
                                       QStringLiteral("udp"), m_network.peer(1).peerIpv4,
                                       QStringLiteral("7203")}),
                          &error) > 0,
                 qPrintable(error));
        const auto packets = arrivals(m_network.peer(0).interface, 7203, false, 2);
        QCOMPARE(packets.size(), 2);
        for (const PacketRecord &record : packets) {
            const auto process = processOf(record);
            QVERIFY(process);
            const bool python = process->executable == rule.program.toStdString();
            QCOMPARE(record.verdict, python ? Verdict::Drop : Verdict::Accept);
        }
        QVERIFY(processOf(packets.at(0))->executable != processOf(packets.at(1))->executable);
    }
};

QTEST_GUILESS_MAIN(TestAttributionForwarded)
#include "tst_attribution_forwarded.moc"
