// The integration fixture itself: private namespace, peers, traffic tools, receivers, iptables
// snapshots and the parsing of the helper's report. If these fail, the headless tests' verdicts
// mean nothing.
#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QtTest>

#include <sys/stat.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_HeadlessFixture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void privateNamespace();
    void peersAnswerPing_data();
    void peersAnswerPing();
    void trafficArrivesByteForByte_data();
    void trafficArrivesByteForByte();
    void blockedTrafficIsSeenAsMissing();
    void snapshotShowsRuleChangesButNotCounters();
    void helperReportParsing();
    void removeAllLeavesNothing();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessFixture::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 2);
}

void tst_HeadlessFixture::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessFixture::privateNamespace()
{
    QVERIFY(TestNetwork::inPrivateNamespace());
    struct stat ours {};
    struct stat machine {};
    QCOMPARE(::stat("/proc/self/ns/net", &ours), 0);
    if (::stat("/proc/1/ns/net", &machine) == 0) // not readable in every sandbox
        QVERIFY(ours.st_ino != machine.st_ino);

    // Children (the helper, iptables) inherit it.
    const Command::Result child =
        Command::run({QStringLiteral("readlink"), QStringLiteral("/proc/self/ns/net")});
    QCOMPARE(child.output.trimmed(),
             QByteArray("net:[" + QByteArray::number(quint64(ours.st_ino)) + "]"));

    // Only lo and our veth ends: the machine's interfaces are not visible here.
    const Command::Result links =
        Command::run({QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("link")});
    QVERIFY2(links.succeeded(), qPrintable(links.describe()));
    QStringList names;
    for (const QByteArray &line : links.output.split('\n')) {
        if (!line.isEmpty())
            names.append(QString::fromUtf8(line.split(':').at(1).trimmed().split('@').first()));
    }
    names.sort();
    QCOMPARE(names,
             (QStringList{QStringLiteral("lo"), QStringLiteral("vethA"), QStringLiteral("vethB")}));
    QCOMPARE(TestNetwork::ownNamespaces().size(), 2);
}

void tst_HeadlessFixture::peersAnswerPing_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("peer");
    QTest::newRow("IPv4 peer 0") << 4 << 0;
    QTest::newRow("IPv6 peer 0") << 6 << 0;
    QTest::newRow("IPv4 peer 1") << 4 << 1;
    QTest::newRow("IPv6 peer 1") << 6 << 1;
}

void tst_HeadlessFixture::peersAnswerPing()
{
    QFETCH(int, family);
    QFETCH(int, peer);
    const Peer &p = m_network.peer(peer);
    QCOMPARE(m_network.ping(TestNetwork::Local, p.peerAddress(family), 3), 3);
    QCOMPARE(m_network.ping(peer, p.address(family), 3), 3);
    // Peers are separate hosts: the other peer's link is not reachable from this one.
    const Peer &other = m_network.peer(1 - peer);
    QVERIFY(m_network.ping(peer, other.peerAddress(family), 1) < 1);
}

void tst_HeadlessFixture::trafficArrivesByteForByte_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<bool>("tcp");
    QTest::newRow("UDP over IPv4") << 4 << false;
    QTest::newRow("UDP over IPv6") << 6 << false;
    QTest::newRow("TCP over IPv4") << 4 << true;
    QTest::newRow("TCP over IPv6") << 6 << true;
}

void tst_HeadlessFixture::trafficArrivesByteForByte()
{
    QFETCH(int, family);
    QFETCH(bool, tcp);
    const std::uint16_t port = 6100;
    TrafficReceiver receiver(tcp ? TrafficReceiver::Protocol::Tcp : TrafficReceiver::Protocol::Udp,
                             family, port);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));

    const Flow flow{m_network.peer(1).address(family), port, 3, 1200, 42};
    const Command::Result sent = tcp ? m_network.sendTcp(1, flow, 2s) : m_network.sendUdp(1, flow);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));

    QList<QByteArray> received = receiver.receive(flow.count, 2s);
    QCOMPARE(received.size(), flow.count);
    std::sort(received.begin(), received.end());
    QList<QByteArray> expected;
    for (int i = 0; i < flow.count; ++i)
        expected.append(QByteArray::fromStdString(
            TestPayload::make(std::uint16_t(flow.seed), std::uint32_t(i), std::size_t(flow.size))));
    std::sort(expected.begin(), expected.end());
    QCOMPARE(received, expected);
}

void tst_HeadlessFixture::blockedTrafficIsSeenAsMissing()
{
    // The check every drop test relies on: traffic that is stopped is reported as missing,
    // and a TCP connection that cannot be made fails the sender.
    const std::uint16_t port = 6200;
    TrafficReceiver udp(TrafficReceiver::Protocol::Udp, 4, port);
    TrafficReceiver tcp(TrafficReceiver::Protocol::Tcp, 4, port);
    QString error;
    QVERIFY2(udp.open(&error) && tcp.open(&error), qPrintable(error));
    for (const QString &protocol : {QStringLiteral("udp"), QStringLiteral("tcp")}) {
        const Command::Result added =
            Command::run({QStringLiteral("iptables"), QStringLiteral("-A"), QStringLiteral("INPUT"),
                          QStringLiteral("-p"), protocol, QStringLiteral("--dport"),
                          QString::number(port), QStringLiteral("-j"), QStringLiteral("DROP")});
        QVERIFY2(added.succeeded(), qPrintable(added.describe()));
    }
    const Flow flow{m_network.peer(0).address(4), port, 2, 100, 7};
    QVERIFY(m_network.sendUdp(0, flow).succeeded());
    QCOMPARE(udp.receive(0, 300ms).size(), 0);
    QVERIFY(!m_network.sendTcp(0, flow, 500ms).succeeded());
    QCOMPARE(tcp.receive(0, 100ms).size(), 0);
}

void tst_HeadlessFixture::snapshotShowsRuleChangesButNotCounters()
{
    const IptablesSnapshot empty = IptablesSnapshot::take();
    QVERIFY2(empty.isValid(), qPrintable(empty.error()));
    QVERIFY2(empty.ipv4().isEmpty() && empty.ipv6().isEmpty(), qPrintable(empty.text()));

    const Command::Result added = Command::run(
        {QStringLiteral("ip6tables"), QStringLiteral("-t"), QStringLiteral("raw"),
         QStringLiteral("-A"), QStringLiteral("PREROUTING"), QStringLiteral("-m"),
         QStringLiteral("comment"), QStringLiteral("--comment"), QStringLiteral("other tool"),
         QStringLiteral("-j"), QStringLiteral("ACCEPT")});
    QVERIFY2(added.succeeded(), qPrintable(added.describe()));
    const IptablesSnapshot withRule = IptablesSnapshot::take();
    QVERIFY(!(withRule == empty));
    QCOMPARE(withRule.linesContaining(QStringLiteral("other tool")).size(), 1);
    QVERIFY(withRule.differenceFrom(empty).contains(QStringLiteral("ip6tables: + -A PREROUTING")));

    // Traffic through the rule changes its counters, not the snapshot.
    QCOMPARE(m_network.ping(0, m_network.peer(0).ipv6, 2), 2);
    QCOMPARE(IptablesSnapshot::take(), withRule);
    QCOMPARE(IptablesSnapshot::normalise(
                 QStringLiteral("# Generated by iptables-save\n*raw\n:PREROUTING ACCEPT [12:345]\n"
                                "-A PREROUTING -j ACCEPT\nCOMMIT\n# Completed\n")),
             QStringLiteral("*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j ACCEPT\nCOMMIT\n"));

    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
    QCOMPARE(IptablesSnapshot::take(), empty);
}

void tst_HeadlessFixture::helperReportParsing()
{
    const HelperReport report = HelperReport::parse(
        "nfqmon-helper: capturing on vethA, vethB (queue 0, iptables rules: automatic)\n"
        "status: received=3 accepted=2 dropped=1 lost=0 kernel_dropped=0\n"
        "totals: received=10 accepted=7 dropped=3 lost=1 kernel_dropped=2\n"
        "rule 1: hits=3 action=drop expression=udp and dst port 5353\n"
        "rule 2: hits=0 action=accept expression=host 10.0.0.5\n"
        "dump input: packets=10 file=/tmp/in.pcap\n"
        "dump output: packets=7 file=/tmp/out put.pcap\n");
    QCOMPARE(report.statuses.size(), 1);
    QCOMPARE(report.statuses.first().dropped, 1);
    QVERIFY(report.totals.has_value());
    QCOMPARE(report.totals->received, 10);
    QCOMPARE(report.totals->accepted, 7);
    QCOMPARE(report.totals->dropped, 3);
    QCOMPARE(report.totals->lost, 1);
    QCOMPARE(report.totals->kernelDropped, 2);
    QCOMPARE(report.rules.size(), 2);
    QVERIFY(report.rule(1));
    QCOMPARE(report.rule(1)->hits, 3);
    QCOMPARE(report.rule(1)->action, QStringLiteral("drop"));
    QCOMPARE(report.rule(1)->expression, QStringLiteral("udp and dst port 5353"));
    QCOMPARE(report.rule(2)->action, QStringLiteral("accept"));
    QVERIFY(!report.rule(3));
    QCOMPARE(report.dumpInput->packets, 10);
    QCOMPARE(report.dumpInput->file, QStringLiteral("/tmp/in.pcap"));
    QCOMPARE(report.dumpOutput->file, QStringLiteral("/tmp/out put.pcap"));
}

void tst_HeadlessFixture::removeAllLeavesNothing()
{
    m_network.removeAll();
    QCOMPARE(TestNetwork::ownNamespaces(), QStringList());
    const Command::Result link = Command::run({QStringLiteral("ip"), QStringLiteral("link"),
                                               QStringLiteral("show"), QStringLiteral("vethA")});
    QVERIFY(link.finished && link.exitCode != 0);

    // And a new set can be made at once (names are free again).
    QString error;
    QVERIFY2(m_network.addPeers(1, &error), qPrintable(error));
    QCOMPARE(TestNetwork::ownNamespaces().size(), 1);
}

void tst_HeadlessFixture::cleanupTestCase()
{
    m_network.removeAll();
    QCOMPARE(TestNetwork::ownNamespaces(), QStringList());
}

QTEST_GUILESS_MAIN(tst_HeadlessFixture)
#include "tst_headless_fixture.moc"
