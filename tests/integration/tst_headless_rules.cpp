// Headless capture, issue 2 integration item 3: a drop rule drops exactly the traffic it matches
// and nothing else, over IPv4 and IPv6, for UDP and TCP; its interface and direction restrict
// it; the first matching rule decides; the totals and rule hits say what happened.
#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QtTest>

#include <algorithm>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

QList<QByteArray> payloadsOf(const Flow &flow)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < flow.count; ++i)
        payloads.append(QByteArray::fromStdString(
            TestPayload::make(std::uint16_t(flow.seed), std::uint32_t(i), std::size_t(flow.size))));
    std::sort(payloads.begin(), payloads.end());
    return payloads;
}

QList<QByteArray> sorted(QList<QByteArray> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

class tst_HeadlessRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dropsExactlyTheMatchingTraffic_data();
    void dropsExactlyTheMatchingTraffic();
    void interfaceAndDirectionRestrictARule();
    void firstMatchingRuleDecides();
    void aProgramNotInstalledIsWarnedAbout();
    void cleanupTestCase();

private:
    bool startHelper(HelperProcess *helper, const QString &rules, QString *error);

    TestNetwork m_network;
};

void tst_HeadlessRules::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 2);
}

void tst_HeadlessRules::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

bool tst_HeadlessRules::startHelper(HelperProcess *helper, const QString &rules, QString *error)
{
    return helper->writeConfig(QStringLiteral("interfaces = \"vethA, vethB\"\n"
                                              "status_interval = 1\n") +
                                   rules,
                               error) &&
           helper->start(error);
}

void tst_HeadlessRules::dropsExactlyTheMatchingTraffic_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<bool>("tcp");
    QTest::newRow("UDP over IPv4") << 4 << false;
    QTest::newRow("UDP over IPv6") << 6 << false;
    QTest::newRow("TCP over IPv4") << 4 << true;
    QTest::newRow("TCP over IPv6") << 6 << true;
}

void tst_HeadlessRules::dropsExactlyTheMatchingTraffic()
{
    QFETCH(int, family);
    QFETCH(bool, tcp);
    const auto protocol = tcp ? TrafficReceiver::Protocol::Tcp : TrafficReceiver::Protocol::Udp;
    const std::uint16_t droppedPort = tcp ? 7000 : 5353;
    const std::uint16_t otherPort = droppedPort + 1;
    TrafficReceiver droppedReceiver(protocol, family, droppedPort);
    TrafficReceiver otherReceiver(protocol, family, otherPort);
    QString error;
    QVERIFY2(droppedReceiver.open(&error) && otherReceiver.open(&error), qPrintable(error));

    HelperProcess helper;
    QVERIFY2(startHelper(&helper,
                         QStringLiteral("rule = \"drop udp and dst port 5353\"\n"
                                        "rule = \"drop tcp and dst port 7000\"\n"),
                         &error),
             qPrintable(error));

    const QString local = m_network.peer(0).address(family);
    const Flow matching{local, droppedPort, tcp ? 1 : 4, 300, 11};
    const Flow other{local, otherPort, 4, 300, 12};
    if (tcp) {
        // The SYN is dropped: the connection cannot be made.
        const Command::Result refused = m_network.sendTcp(0, matching, 700ms);
        QVERIFY2(!refused.succeeded(), qPrintable(refused.describe()));
        const Command::Result sent = m_network.sendTcp(0, other, 3s);
        QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    } else {
        QVERIFY(m_network.sendUdp(0, matching).succeeded());
        QVERIFY(m_network.sendUdp(0, other).succeeded());
    }
    // The rest of the traffic is untouched, in both directions and on the other link.
    NFQMON_VERIFY_HELPER(m_network.ping(0, local, 3) == 3, helper);
    NFQMON_VERIFY_HELPER(m_network.ping(1, m_network.peer(1).address(family), 3) == 3, helper);
    const QList<QByteArray> arrived = otherReceiver.receive(other.count, 2s);
    const QList<QByteArray> stopped = droppedReceiver.receive(0, 300ms);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QCOMPARE(stopped.size(), 0);
    QCOMPARE(sorted(arrived), payloadsOf(other));

    const HelperRuleHits *udpRule = report.rule(1);
    const HelperRuleHits *tcpRule = report.rule(2);
    QVERIFY2(udpRule && tcpRule && report.totals, qPrintable(report.describe()));
    QCOMPARE(udpRule->action, QStringLiteral("drop"));
    QCOMPARE(udpRule->expression, QStringLiteral("udp and dst port 5353"));
    QCOMPARE(tcpRule->expression, QStringLiteral("tcp and dst port 7000"));
    if (tcp) {
        QCOMPARE(udpRule->hits, 0);
        QVERIFY2(tcpRule->hits >= 1, qPrintable(report.describe())); // the SYN, maybe retried
        QCOMPARE(report.totals->dropped, tcpRule->hits);
    } else {
        QCOMPARE(udpRule->hits, qint64(matching.count));
        QCOMPARE(tcpRule->hits, 0);
        QCOMPARE(report.totals->dropped, qint64(matching.count));
    }
    QCOMPARE(report.totals->accepted + report.totals->dropped, report.totals->received);
}

void tst_HeadlessRules::interfaceAndDirectionRestrictARule()
{
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 5353);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    HelperProcess helper;
    QVERIFY2(startHelper(&helper,
                         QStringLiteral("rule = \"drop in on vethB udp and dst port 5353\"\n"),
                         &error),
             qPrintable(error));

    const Flow fromA{m_network.peer(0).ipv4, 5353, 3, 100, 21};
    const Flow fromB{m_network.peer(1).ipv4, 5353, 3, 100, 22};
    const Flow toB{m_network.peer(1).peerIpv4, 5353, 3, 100, 23}; // leaves through vethB
    QVERIFY(m_network.sendUdp(0, fromA).succeeded());
    QVERIFY(m_network.sendUdp(1, fromB).succeeded());
    QVERIFY(m_network.sendUdp(TestNetwork::Local, toB).succeeded());
    const QList<QByteArray> arrived = receiver.receive(fromA.count, 2s);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    // Only what came in on vethB was dropped: not vethA's, not what went out on vethB.
    QCOMPARE(sorted(arrived), payloadsOf(fromA));
    QVERIFY2(report.rule(1) && report.totals, qPrintable(report.describe()));
    QCOMPARE(report.rule(1)->hits, qint64(fromB.count));
    QCOMPARE(report.totals->dropped, qint64(fromB.count));
}

void tst_HeadlessRules::firstMatchingRuleDecides()
{
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 6, 5353);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    HelperProcess helper;
    const QString trusted = m_network.peer(0).peerIpv6;
    QVERIFY2(startHelper(&helper,
                         QStringLiteral("rule = \"accept udp and src host %1\"\n"
                                        "rule = \"drop udp and dst port 5353\"\n")
                             .arg(trusted),
                         &error),
             qPrintable(error));

    const Flow fromA{m_network.peer(0).ipv6, 5353, 3, 100, 31};
    const Flow fromB{m_network.peer(1).ipv6, 5353, 2, 100, 32};
    QVERIFY(m_network.sendUdp(0, fromA).succeeded());
    QVERIFY(m_network.sendUdp(1, fromB).succeeded());
    const QList<QByteArray> arrived = receiver.receive(fromA.count, 2s);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QCOMPARE(sorted(arrived), payloadsOf(fromA));
    QVERIFY2(report.rule(1) && report.rule(2) && report.totals, qPrintable(report.describe()));
    QCOMPARE(report.rule(1)->action, QStringLiteral("accept"));
    QCOMPARE(report.rule(1)->hits, qint64(fromA.count));
    QCOMPARE(report.rule(2)->hits, qint64(fromB.count));
    QCOMPARE(report.totals->dropped, qint64(fromB.count));
}

// Accepted with a warning (it may be installed later); it matches nothing meanwhile, and the
// rule after it still decides.
void tst_HeadlessRules::aProgramNotInstalledIsWarnedAbout()
{
    QString error;
    HelperProcess helper;
    QVERIFY2(startHelper(&helper,
                         QStringLiteral("rule = \"drop out program /opt/not-installed/app udp\"\n"
                                        "rule = \"drop udp and dst port 5353\"\n"),
                         &error),
             qPrintable(error));
    const Flow local{m_network.peer(0).peerIpv4, 5353, 2, 100, 41};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, local).succeeded());

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QVERIFY2(report.standardError.contains("nfqmon-helper: warning: rule 1: "
                                           "/opt/not-installed/app does not exist (yet)"),
             qPrintable(report.describe()));
    QVERIFY2(report.rule(1) && report.rule(2), qPrintable(report.describe()));
    QCOMPARE(report.rule(1)->hits, qint64(0));
    QCOMPARE(report.rule(2)->hits, qint64(local.count));
}

void tst_HeadlessRules::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessRules)
#include "tst_headless_rules.moc"
