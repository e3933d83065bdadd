// Headless capture, issue 2 integration item 1: `interfaces` selects exactly the traffic of the
// interfaces it names ("any", a list written with spaces, one interface, lo), and traffic on lo
// is seen once per packet although it crosses both OUTPUT and PREROUTING.
#include "tests/support/core/Command.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"

#include <QtTest>

using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_HeadlessInterfaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void capturesExactlyTheChosenInterfaces_data();
    void capturesExactlyTheChosenInterfaces();
    void unknownInterfaceIsAnError();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessInterfaces::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 3);
}

void tst_HeadlessInterfaces::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessInterfaces::capturesExactlyTheChosenInterfaces_data()
{
    QTest::addColumn<QString>("interfaces");
    QTest::addColumn<QList<int>>("capturedPeers"); // peers 0..2 sit behind vethA..vethC
    QTest::addColumn<bool>("capturesLoopback");

    QTest::newRow("any") << QStringLiteral("any") << QList<int>{0, 1, 2} << true;
    QTest::newRow("two interfaces written with a space")
        << QStringLiteral("vethA, vethB") << QList<int>{0, 1} << false;
    QTest::newRow("one interface") << QStringLiteral("vethC") << QList<int>{2} << false;
    QTest::newRow("loopback") << QStringLiteral("lo") << QList<int>{} << true;
}

void tst_HeadlessInterfaces::capturesExactlyTheChosenInterfaces()
{
    QFETCH(QString, interfaces);
    QFETCH(QList<int>, capturedPeers);
    QFETCH(bool, capturesLoopback);

    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("input.pcap"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n"
                                               "status_interval = 1\n")
                                    .arg(interfaces, input),
                                &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));
    if (interfaces != QLatin1String("any")) {
        for (const QString &name : interfaces.split(QLatin1Char(','))) {
            QVERIFY2(
                helper.readyLine().contains(name.trimmed()),
                qPrintable(QStringLiteral("%1 not named in: %2").arg(name, helper.readyLine())));
        }
    }

    // Two echoes each way per peer and family; one echo on lo per family.
    for (int peer = 0; peer < m_network.peerCount(); ++peer) {
        for (int family : {4, 6}) {
            NFQMON_VERIFY_HELPER(m_network.ping(peer, m_network.peer(peer).address(family), 2) == 2,
                                 helper);
        }
    }
    NFQMON_VERIFY_HELPER(m_network.ping(TestNetwork::Local, QStringLiteral("127.0.0.1"), 1) == 1,
                         helper);
    NFQMON_VERIFY_HELPER(m_network.ping(TestNetwork::Local, QStringLiteral("::1"), 1) == 1, helper);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    DumpFile dump;
    QVERIFY2(dump.load(input, &error), qPrintable(error));
    const QString listing = dump.describe();

    for (int peer = 0; peer < m_network.peerCount(); ++peer) {
        const Peer &p = m_network.peer(peer);
        const bool captured = capturedPeers.contains(peer);
        for (int family : {4, 6}) {
            const QString local = p.address(family);
            const QString remote = p.peerAddress(family);
            const int requests = dump.count([&](const DumpedPacket &packet) {
                return packet.isIcmpEcho(false) && packet.source == remote &&
                       packet.destination == local;
            });
            const int replies = dump.count([&](const DumpedPacket &packet) {
                return packet.isIcmpEcho(true) && packet.source == local &&
                       packet.destination == remote;
            });
            const QString what =
                QStringLiteral("%1 echoes over IPv%2:\n").arg(p.interface).arg(family) + listing;
            QVERIFY2(requests == (captured ? 2 : 0), qPrintable(what));
            QVERIFY2(replies == (captured ? 2 : 0), qPrintable(what));
        }
        if (!captured) {
            const int any = dump.count([&](const DumpedPacket &packet) {
                return packet.involves(p.ipv4) || packet.involves(p.peerIpv4) ||
                       packet.involves(p.ipv6) || packet.involves(p.peerIpv6);
            });
            QVERIFY2(any == 0,
                     qPrintable(p.interface + QStringLiteral(" was not chosen:\n") + listing));
        }
    }

    // lo: OUTPUT then PREROUTING, yet one record per packet: request + reply per echo.
    for (const QString &loopback : {QStringLiteral("127.0.0.1"), QStringLiteral("::1")}) {
        const int requests = dump.count([&](const DumpedPacket &packet) {
            return packet.isIcmpEcho(false) && packet.source == loopback &&
                   packet.destination == loopback;
        });
        const int replies = dump.count([&](const DumpedPacket &packet) {
            return packet.isIcmpEcho(true) && packet.source == loopback &&
                   packet.destination == loopback;
        });
        const QString what = QStringLiteral("echo on %1:\n").arg(loopback) + listing;
        QVERIFY2(requests == (capturesLoopback ? 1 : 0), qPrintable(what));
        QVERIFY2(replies == (capturesLoopback ? 1 : 0), qPrintable(what));
    }
    if (interfaces == QLatin1String("lo")) {
        // Nothing else talks on lo in this namespace: the totals are exact.
        QVERIFY2(report.totals, qPrintable(report.describe()));
        QCOMPARE(report.totals->received, 4);
    }

    // The report agrees with the file.
    QVERIFY2(report.totals && report.dumpInput, qPrintable(report.describe()));
    QCOMPARE(report.dumpInput->packets, qint64(dump.size()));
    QCOMPARE(report.dumpInput->file, input);
    QCOMPARE(report.totals->received, qint64(dump.size()));
}

void tst_HeadlessInterfaces::unknownInterfaceIsAnError()
{
    const IptablesSnapshot before = IptablesSnapshot::take();
    HelperProcess helper;
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"vethA, nosuch0\"\n"), &error),
             qPrintable(error));
    const HelperReport report = helper.runUntilExit();
    QVERIFY2(report.exited && report.exitCode == 1, qPrintable(report.describe()));
    QVERIFY2(report.errorMessage().contains(QLatin1String("nosuch0")),
             qPrintable(report.describe()));
    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == before, qPrintable(after.differenceFrom(before)));
}

void tst_HeadlessInterfaces::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessInterfaces)
#include "tst_headless_interfaces.moc"
