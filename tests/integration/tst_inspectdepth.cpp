// An inspection depth (inspect_packets = N) with the engine in-process, in a network namespace of
// the test's own: the helper sees the first N packets of a UDP flow or a TCP connection (both
// directions), and the kernel passes, or drops, the rest itself through the bypass programs in
// nfqmon's chains, counting them: seen + decided by the kernel = sent. A rule added in the middle
// of a flow drops its next packet, and a removed rule stops dropping at once. Without a depth no
// bpf rule is installed, and once stopped the pinned programs are gone.
#include "helper/engine/CaptureEngine.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/RecordCollector.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QDir>

#include <QTest>
#include <arpa/inet.h>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

CaptureOptions optionsFor(const QString &interface, std::uint32_t depth,
                          std::vector<Rule> rules = {})
{
    CaptureOptions o;
    o.interfaces = {interface};
    o.statusIntervalSeconds = 0;
    o.inspectPackets = depth;
    o.rules = std::move(rules);
    for (std::size_t i = 0; i < o.rules.size(); ++i)
        o.rules[i].id = int(i) + 1;
    return o;
}

Rule dropRule(const QString &expression)
{
    Rule rule;
    rule.action = RuleAction::Drop;
    rule.expression = expression;
    return rule;
}

// The records of packets to or from `port` (either direction of the flow).
int recordsOf(const QList<RecordCollector::Item> &items, std::uint16_t port, Verdict verdict)
{
    int n = 0;
    for (const auto &item : items) {
        const PacketSummary &s = item.record.summary;
        if ((s.destinationPort == port || s.sourcePort == port) && item.record.verdict == verdict)
            ++n;
    }
    return n;
}

// `count` datagrams of `size` bytes from peer 0's port `sourcePort` to `address`:`port`, 20 ms
// apart: each reaches the helper after the previous one's decision (a burst would be in the queue
// before it, and be seen too).
Command::Result sendPaced(const TestNetwork &network, const QString &address, std::uint16_t port,
                          int count, int size, std::uint16_t sourcePort)
{
    return network.run(
        0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("udp"),
            address, QString::number(port), QStringLiteral("--count"), QString::number(count),
            QStringLiteral("--size"), QString::number(size), QStringLiteral("--interval-ms"),
            QStringLiteral("20"), QStringLiteral("--source-port"), QString::number(sourcePort)});
}

// Waits until the engine has handed out `count` records of the port; what arrived by then.
QList<RecordCollector::Item> awaitRecords(RecordCollector &collector,
                                          QList<RecordCollector::Item> *all, std::uint16_t port,
                                          int count)
{
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        all->append(collector.take());
        if (recordsOf(*all, port, Verdict::Accept) + recordsOf(*all, port, Verdict::Drop) >= count)
            break;
        QThread::msleep(20);
    }
    QThread::msleep(200); // and nothing more comes
    all->append(collector.take());
    return *all;
}

} // namespace

class tst_InspectDepth : public QObject
{
    Q_OBJECT
    TestNetwork m_network;

private slots:
    void initTestCase() { NFQMON_ENTER_TEST_NETWORK(m_network, 1); }
    void cleanupTestCase() { m_network.removeAll(); }
    void init()
    {
        QString error;
        QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
    }

    void theKernelDecidesTheRestOfAFlow_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<bool>("drop");
        QTest::newRow("IPv4, passed") << 4 << false;
        QTest::newRow("IPv6, passed") << 6 << false;
        QTest::newRow("IPv4, dropped") << 4 << true;
        QTest::newRow("IPv6, dropped") << 6 << true;
    }
    void theKernelDecidesTheRestOfAFlow()
    {
        QFETCH(int, family);
        QFETCH(bool, drop);
        const Peer &peer = m_network.peer(0);
        const std::uint16_t port = 7101;
        std::vector<Rule> rules;
        if (drop)
            rules.push_back(dropRule(QStringLiteral("udp and dst port 7101")));
        CaptureEngine engine(optionsFor(peer.interface, 4, rules));
        auto collector = std::make_shared<RecordCollector>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(collector);
        // The programs are matched before the queue, in this family's chains.
        const QByteArray chains =
            TestNetwork::iptables(
                family, {QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-S")})
                .output;
        const qsizetype pass = chains.indexOf("-m bpf --object-pinned");
        QVERIFY2(pass >= 0 && pass < chains.indexOf("NFQUEUE"), chains.constData());

        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, family, port);
        QVERIFY2(receiver.open(&error), qPrintable(error));
        const int sent = 20;
        const int size = 200;
        const auto result = sendPaced(m_network, peer.address(family), port, sent, size, 41001);
        QVERIFY2(result.succeeded(), qPrintable(result.describe()));
        const int arrived = int(receiver.receive(drop ? 0 : sent, 3s).size());
        QList<RecordCollector::Item> all;
        awaitRecords(*collector, &all, port, 4);
        const EngineStatistics running = engine.statistics();
        // Per connection: the kernel's count for this flow, its verdict and its two ends.
        const std::vector<FlowBypass::Decision> connections = engine.decidedConnections(100);
        engine.stop();

        QCOMPARE(connections.size(), std::size_t(1));
        const FlowBypass::Decision &c = connections.front();
        QCOMPARE(c.accept, !drop);
        QVERIFY(c.current);
        QCOMPARE(int(c.key.protocol), 17);
        QCOMPARE(int(c.key.family), family);
        QVERIFY(ntohs(c.key.low_port) == port || ntohs(c.key.high_port) == port);
        QVERIFY(ntohs(c.key.low_port) == 41001 || ntohs(c.key.high_port) == 41001);
        QVERIFY(c.idleNs < 10'000'000'000ull);

        QCOMPARE(arrived, drop ? 0 : sent);
        const Verdict verdict = drop ? Verdict::Drop : Verdict::Accept;
        const int seen = recordsOf(all, port, verdict);
        QCOMPARE(seen, 4); // the first four; the kernel decided the rest
        QVERIFY(running.decided);
        const std::uint64_t decided =
            drop ? running.decided->droppedPackets : running.decided->passedPackets;
        QCOMPARE(decided, std::uint64_t(sent - seen));
        QCOMPARE(c.packets, decided); // seen + this connection's kernel count = sent
        QCOMPARE(c.bytes, std::uint64_t(sent - seen) * ((family == 4 ? 28 : 48) + size));
        const std::uint64_t decidedBytes =
            drop ? running.decided->droppedBytes : running.decided->passedBytes;
        QCOMPARE(decidedBytes, std::uint64_t(sent - seen) * ((family == 4 ? 28 : 48) + size));
        QCOMPARE(drop ? running.decided->passedPackets : running.decided->droppedPackets, 0u);
        // Once stopped: the final figures stay, and no pinned program is left behind.
        QCOMPARE(engine.statistics().decided->passedPackets, running.decided->passedPackets);
        QVERIFY(!QDir(QString::fromStdString(FlowBypass::directoryFor(getpid(), 0))).exists());
    }

    void aRuleChangedMidFlowDecidesItsNextPacket()
    {
        const Peer &peer = m_network.peer(0);
        const std::uint16_t port = 7102;
        CaptureEngine engine(optionsFor(peer.interface, 2));
        auto collector = std::make_shared<RecordCollector>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(collector);
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, port);
        QVERIFY2(receiver.open(&error), qPrintable(error));
        QList<RecordCollector::Item> all;
        // One flow throughout: each round leaves from the same port.
        const auto send = [&](int count, int) {
            return sendPaced(m_network, peer.ipv4, port, count, 64, 41002).succeeded();
        };

        QVERIFY(send(5, 51));
        QCOMPARE(receiver.receive(5, 3s).size(), 5);
        awaitRecords(*collector, &all, port, 2);
        QCOMPARE(recordsOf(all, port, Verdict::Accept), 2);
        QCOMPARE(engine.statistics().decided->passedPackets, 3u);

        // A rule added now drops the flow's next packet: inspected again under the new rules,
        // and the kernel drops what follows.
        QVERIFY2(engine.setRules({dropRule(QStringLiteral("udp and dst port 7102"))}, &error),
                 qPrintable(error));
        QVERIFY(send(4, 52));
        QCOMPARE(receiver.receive(0, 500ms).size(), 0);
        awaitRecords(*collector, &all, port, 3);
        QCOMPARE(recordsOf(all, port, Verdict::Drop), 1);
        QCOMPARE(engine.statistics().decided->droppedPackets, 3u);
        // One connection throughout: decided anew, its count going on (3 passed, 3 dropped).
        const auto connections = engine.decidedConnections(100);
        QCOMPARE(connections.size(), std::size_t(1));
        QVERIFY(!connections.front().accept);
        QCOMPARE(connections.front().packets, 6u);

        // The rule removed: it stops dropping at once.
        QVERIFY(engine.setRules({}, &error));
        QVERIFY(send(3, 53));
        QCOMPARE(receiver.receive(3, 3s).size(), 3);
        awaitRecords(*collector, &all, port, 4);
        QCOMPARE(recordsOf(all, port, Verdict::Accept), 3);
        const EngineStatistics s = engine.statistics();
        QCOMPARE(s.decided->passedPackets, 3u + 2u);
        // Everything sent is seen or decided by the kernel.
        QCOMPARE(recordsOf(all, port, Verdict::Accept) + recordsOf(all, port, Verdict::Drop) +
                     int(s.decided->passedPackets + s.decided->droppedPackets),
                 5 + 4 + 3);
        engine.stop();
    }

    void aTcpConnectionIsInspectedFromItsSyn()
    {
        const Peer &peer = m_network.peer(0);
        const std::uint16_t port = 7103;
        // Every packet of the connection that nfqmon let through, counted after the raw table.
        for (const QStringList &rule :
             {QStringList{"-t", "mangle", "-A", "PREROUTING", "-i", peer.interface, "-p", "tcp",
                          "--dport", "7103"},
              QStringList{"-t", "mangle", "-A", "OUTPUT", "-o", peer.interface, "-p", "tcp",
                          "--sport", "7103"}})
            QVERIFY(TestNetwork::iptables(4, rule).succeeded());
        CaptureEngine engine(optionsFor(peer.interface, 3));
        auto collector = std::make_shared<RecordCollector>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(collector);
        TrafficReceiver receiver(TrafficReceiver::Protocol::Tcp, 4, port);
        QVERIFY2(receiver.open(&error), qPrintable(error));
        const auto result = m_network.sendTcp(0, {peer.ipv4, port, 40, 1000, 61}, 5s);
        QVERIFY2(result.succeeded(), qPrintable(result.describe()));
        QCOMPARE(receiver.receive(40, 5s).size(), 40);
        QList<RecordCollector::Item> all;
        awaitRecords(*collector, &all, port, 3);
        QThread::msleep(300); // the connection's last packets
        all.append(collector->take());
        const EngineStatistics s = engine.statistics();
        engine.stop();

        const int seen = recordsOf(all, port, Verdict::Accept);
        // The SYN, the SYN-ACK and the ACK, and what was already queued when the decision was
        // stored (the sender does not wait).
        QVERIFY2(seen >= 3, qPrintable(QString::number(seen)));
        QVERIFY(s.decided->passedPackets > 0);
        const QByteArray counters =
            TestNetwork::iptables(4, {"-t", "mangle", "-L", "-v", "-x", "-n"}).output;
        qint64 total = 0;
        for (const QByteArray &line : counters.split('\n')) {
            if (line.contains("7103"))
                total += line.simplified().split(' ').value(0).toLongLong();
        }
        QCOMPARE(qint64(seen) + qint64(s.decided->passedPackets), total);
    }

    void withoutADepthEveryPacketIsQueued()
    {
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor(peer.interface, 0));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QByteArray chains =
            TestNetwork::iptables(
                4, {QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-S")})
                .output;
        QVERIFY2(!chains.contains("bpf"), chains.constData());
        QVERIFY(!engine.statistics().decided);
        QVERIFY(!engine.status().decided);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(tst_InspectDepth)
#include "tst_inspectdepth.moc"
