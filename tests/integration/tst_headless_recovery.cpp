// Headless capture, issue 2 integration items 6 and 7: a helper killed with SIGKILL leaves the
// traffic flowing (--queue-bypass) and its stale chains are removed by the next start; a second
// helper on a queue that is in use fails with a clear error and changes nothing, while the
// first one goes on capturing.
#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QRegularExpression>
#include <QtTest>

using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_HeadlessRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void killedHelperIsCleanedUpByTheNextStart_data();
    void killedHelperIsCleanedUpByTheNextStart();
    void secondHelperOnTheSameQueueFails_data();
    void secondHelperOnTheSameQueueFails();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessRecovery::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 3);
}

void tst_HeadlessRecovery::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessRecovery::killedHelperIsCleanedUpByTheNextStart_data()
{
    QTest::addColumn<QString>("firstInterfaces");
    QTest::addColumn<QString>("secondInterfaces");
    QTest::addColumn<int>("secondPeer"); // a peer behind one of the second run's interfaces

    QTest::newRow("same interfaces") << QStringLiteral("vethA") << QStringLiteral("vethA") << 0;
    QTest::newRow("other interfaces")
        << QStringLiteral("vethA, vethB") << QStringLiteral("vethC") << 2;
    QTest::newRow("any, then a list") << QStringLiteral("any") << QStringLiteral("vethB") << 1;
}

void tst_HeadlessRecovery::killedHelperIsCleanedUpByTheNextStart()
{
    QFETCH(QString, firstInterfaces);
    QFETCH(QString, secondInterfaces);
    QFETCH(int, secondPeer);
    QString error;
    QVERIFY2(TestNetwork::addOtherToolsRules(&error), qPrintable(error));
    const IptablesSnapshot original = IptablesSnapshot::take();
    const Peer &a = m_network.peer(0);

    HelperProcess first;
    QVERIFY2(first.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                              "status_interval = 1\n")
                                   .arg(firstInterfaces),
                               &error),
             qPrintable(error));
    QVERIFY2(first.start(&error), qPrintable(error));
    NFQMON_VERIFY_HELPER(m_network.ping(0, a.ipv4, 2) == 2, first);
    QVERIFY2(first.waitForLines(QStringLiteral("status: "), 1, 3s), "no status line");
    const HelperReport killed = first.kill();
    QVERIFY2(killed.killed, qPrintable(killed.describe()));

    // Its chains are still there (nothing could remove them) ...
    const IptablesSnapshot stale = IptablesSnapshot::take();
    const QString firstOwner = QStringLiteral("nfqmon:pid=%1").arg(first.pid());
    QVERIFY2(!stale.linesContaining(firstOwner).isEmpty(), qPrintable(stale.text()));

    // ... yet traffic flows: nothing listens on the queue any more, and the rules bypass it.
    for (int family : {4, 6}) {
        NFQMON_VERIFY_HELPER(m_network.ping(0, a.address(family), 3) == 3, first);
        NFQMON_VERIFY_HELPER(m_network.ping(TestNetwork::Local, a.peerAddress(family), 3) == 3,
                             first);
    }
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    QVERIFY(m_network.sendUdp(0, {a.ipv4, 6000, 3, 100, 51}).succeeded());
    NFQMON_VERIFY_HELPER(receiver.receive(3, 2s).size() == 3, first);

    // The next start removes the stale chains and jumps before installing its own.
    HelperProcess second;
    QVERIFY2(
        second.writeConfig(QStringLiteral("interfaces = \"%1\"\n").arg(secondInterfaces), &error),
        qPrintable(error));
    QVERIFY2(second.start(&error), qPrintable(error));
    const IptablesSnapshot during = IptablesSnapshot::take();
    QVERIFY2(during.linesContaining(firstOwner).isEmpty(), qPrintable(during.text()));
    QVERIFY2(!during.linesContaining(QStringLiteral("nfqmon:pid=%1").arg(second.pid())).isEmpty(),
             qPrintable(during.text()));
    const Peer &p = m_network.peer(secondPeer);
    NFQMON_VERIFY_HELPER(m_network.ping(secondPeer, p.ipv4, 2) == 2, second);

    const HelperReport report = second.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QVERIFY2(report.totals && report.totals->received >= 4, qPrintable(report.describe()));
    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == original, qPrintable(after.differenceFrom(original)));
}

void tst_HeadlessRecovery::secondHelperOnTheSameQueueFails_data()
{
    QTest::addColumn<QString>("secondConfig");

    QTest::newRow("same configuration") << QStringLiteral("interfaces = \"vethA\"\nqueue = 7\n");
    QTest::newRow("other interface") << QStringLiteral("interfaces = \"vethB\"\nqueue = 7\n");
    // The first run's chains exist, so this one could fill them: it must not.
    QTest::newRow("own chains, enable_iptables = no")
        << QStringLiteral("interfaces = \"vethA\"\nqueue = 7\nenable_iptables = no\n");
}

void tst_HeadlessRecovery::secondHelperOnTheSameQueueFails()
{
    QFETCH(QString, secondConfig);
    QString error;
    const IptablesSnapshot original = IptablesSnapshot::take();
    const Peer &a = m_network.peer(0);

    HelperProcess first;
    QVERIFY2(first.writeConfig(QStringLiteral("interfaces = \"vethA\"\n"
                                              "queue = 7\n"
                                              "status_interval = 1\n"
                                              "rule = \"drop udp and dst port 5353\"\n"),
                               &error),
             qPrintable(error));
    QVERIFY2(first.start(&error), qPrintable(error));
    const IptablesSnapshot running = IptablesSnapshot::take();

    HelperProcess second;
    QVERIFY2(second.writeConfig(secondConfig, &error), qPrintable(error));
    const HelperReport failed = second.runUntilExit();
    QVERIFY2(failed.exited && failed.exitCode == 1, qPrintable(failed.describe()));
    static const QRegularExpression namesTheQueue(QStringLiteral("queue\\D{0,40}\\b7\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(namesTheQueue.match(failed.errorMessage()).hasMatch(), qPrintable(failed.describe()));
    const IptablesSnapshot afterFailure = IptablesSnapshot::take();
    QVERIFY2(afterFailure == running, qPrintable(afterFailure.differenceFrom(running)));

    // The first helper still decides: its rule drops, everything else passes.
    QVERIFY(first.isRunning());
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 5353);
    TrafficReceiver passed(TrafficReceiver::Protocol::Udp, 4, 5354);
    QVERIFY2(dropped.open(&error) && passed.open(&error), qPrintable(error));
    QVERIFY(m_network.sendUdp(0, {a.ipv4, 5353, 3, 100, 61}).succeeded());
    QVERIFY(m_network.sendUdp(0, {a.ipv4, 5354, 3, 100, 62}).succeeded());
    NFQMON_VERIFY_HELPER(passed.receive(3, 2s).size() == 3, first);
    NFQMON_VERIFY_HELPER(dropped.receive(0, 300ms).size() == 0, first);

    const HelperReport report = first.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QVERIFY2(report.rule(1), qPrintable(report.describe()));
    QCOMPARE(report.rule(1)->hits, 3);
    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == original, qPrintable(after.differenceFrom(original)));
}

void tst_HeadlessRecovery::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessRecovery)
#include "tst_headless_recovery.moc"
