// Headless capture, issue 2 integration item 4: with enable_iptables = no the helper only
// fills and empties the user's HAKA-PRE/HAKA-OUT chains. Missing chains are an error that says
// how to create them; the user's own jumps decide what is captured (here: only UDP); at exit the
// chains remain, empty, and every rule of the user is as it was. Issue 11 item 2: the Haka
// documentation's set-up, IPv4 chains only, captures IPv4 and names what IPv6 lacks.
#include "tests/support/core/Command.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"

#include <QtTest>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

// The snapshot without the contents of HAKA-PRE/HAKA-OUT: all the helper may change.
QString withoutChainContents(const QString &save)
{
    QStringList kept;
    for (const QString &line : save.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("-A HAKA-PRE ")) &&
            !line.startsWith(QLatin1String("-A HAKA-OUT ")))
            kept.append(line);
    }
    return kept.join(QLatin1Char('\n'));
}

} // namespace

class tst_HeadlessUnmanaged : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void missingChainsAreAnErrorThatSaysHowToCreateThem_data();
    void missingChainsAreAnErrorThatSaysHowToCreateThem();
    void ipv4ChainsOnlyCaptureIPv4();
    void userRulesSelectTheTraffic();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessUnmanaged::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 1);
}

void tst_HeadlessUnmanaged::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessUnmanaged::missingChainsAreAnErrorThatSaysHowToCreateThem_data()
{
    QTest::addColumn<QByteArray>("ipv4Chains"); // iptables-restore text made beforehand
    QTest::addColumn<QStringList>("expectedCommands");

    QTest::newRow("no chains") << QByteArray()
                               << QStringList{QStringLiteral("iptables -t raw -N HAKA-PRE"),
                                              QStringLiteral("iptables -t raw -N HAKA-OUT")};
    // Neither family has both chains: nothing could be captured.
    QTest::newRow("only HAKA-PRE") << QByteArray("*raw\n:HAKA-PRE - [0:0]\nCOMMIT\n")
                                   << QStringList{QStringLiteral("iptables -t raw -N HAKA-OUT"),
                                                  QStringLiteral("ip6tables -t raw -N HAKA-PRE"),
                                                  QStringLiteral("ip6tables -t raw -N HAKA-OUT")};
}

void tst_HeadlessUnmanaged::missingChainsAreAnErrorThatSaysHowToCreateThem()
{
    QFETCH(QByteArray, ipv4Chains);
    QFETCH(QStringList, expectedCommands);
    if (!ipv4Chains.isEmpty()) {
        const Command::Result made = TestNetwork::iptablesRestore(4, ipv4Chains);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    }
    const IptablesSnapshot before = IptablesSnapshot::take();

    HelperProcess helper;
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"vethA\"\n"
                                               "enable_iptables = no\n"),
                                &error),
             qPrintable(error));
    const HelperReport report = helper.runUntilExit();
    QVERIFY2(report.exited && report.exitCode == 1, qPrintable(report.describe()));
    QVERIFY2(!report.errorMessage().isEmpty(), qPrintable(report.describe()));
    for (const QString &command : expectedCommands)
        QVERIFY2(report.standardError.contains(command.toUtf8()),
                 qPrintable(command + QStringLiteral(" missing from:\n") + report.describe()));

    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == before, qPrintable(after.differenceFrom(before)));
}

void tst_HeadlessUnmanaged::ipv4ChainsOnlyCaptureIPv4()
{
    // Exactly the commands of the module's documentation: IPv4 chains and jumps, nothing for
    // IPv6.
    for (const QStringList &arguments :
         {QStringList{"-t", "raw", "-N", "HAKA-PRE"}, QStringList{"-t", "raw", "-N", "HAKA-OUT"},
          QStringList{"-t", "raw", "-A", "PREROUTING", "-j", "HAKA-PRE"},
          QStringList{"-t", "raw", "-A", "OUTPUT", "-j", "HAKA-OUT"}}) {
        const Command::Result made = TestNetwork::iptables(4, arguments);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    }
    const IptablesSnapshot before = IptablesSnapshot::take();
    const Peer &a = m_network.peer(0);

    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("input.pcap"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "enable_iptables = no\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n")
                                    .arg(a.interface, input),
                                &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));
    // IPv6 is left as it was.
    QCOMPARE(IptablesSnapshot::take().ipv6(), before.ipv6());

    const QList<Flow> udp = {{a.ipv4, 6000, 3, 120, 41}, {a.ipv6, 6000, 3, 120, 42}};
    for (const Flow &flow : udp)
        QVERIFY(m_network.sendUdp(0, flow).succeeded());
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    // A warning, not an error, that names IPv6 and the exact commands that add it.
    const QString warning = QString::fromUtf8(report.standardError);
    QVERIFY2(warning.contains(QLatin1String("nfqmon-helper: warning: IPv6 is not captured: table "
                                            "raw (IPv6) has no chain HAKA-PRE or HAKA-OUT")),
             qPrintable(report.describe()));
    const QStringList lines = warning.split(u'\n');
    for (const char *command :
         {"ip6tables -t raw -N HAKA-PRE", "ip6tables -t raw -N HAKA-OUT",
          "ip6tables -t raw -A PREROUTING -j HAKA-PRE", "ip6tables -t raw -A OUTPUT -j HAKA-OUT"})
        QVERIFY2(lines.contains(QLatin1String(command)), qPrintable(report.describe()));
    QVERIFY2(report.errorMessage().isEmpty(), qPrintable(report.describe()));

    // IPv4 was captured, IPv6 was not.
    DumpFile dump;
    QVERIFY2(dump.load(input, &error), qPrintable(error));
    const auto ours = [&dump](int family) {
        return dump.count([family](const DumpedPacket &packet) {
            return packet.isUdp() && packet.payload.startsWith("NQ") && packet.ipVersion == family;
        });
    };
    QVERIFY2(ours(4) == 3, qPrintable(dump.describe()));
    QVERIFY2(ours(6) == 0, qPrintable(dump.describe()));

    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == before, qPrintable(after.differenceFrom(before)));
}

void tst_HeadlessUnmanaged::userRulesSelectTheTraffic()
{
    // What the module documentation tells the user to do, for both families: own chains, and
    // jumps that send only UDP to them.
    const QByteArray userRules = "*raw\n"
                                 ":HAKA-PRE - [0:0]\n"
                                 ":HAKA-OUT - [0:0]\n"
                                 "-A PREROUTING -p udp -j HAKA-PRE\n"
                                 "-A OUTPUT -p udp -j HAKA-OUT\n"
                                 "-A OUTPUT -m comment --comment \"user rule\" -j ACCEPT\n"
                                 "COMMIT\n";
    for (int family : {4, 6}) {
        const Command::Result made = TestNetwork::iptablesRestore(family, userRules);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    }
    const IptablesSnapshot before = IptablesSnapshot::take();
    const Peer &a = m_network.peer(0);

    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("input.pcap"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "enable_iptables = no\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n"
                                               "status_interval = 1\n")
                                    .arg(a.interface, input),
                                &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));

    // While it runs, only the contents of the two chains differ, and they are filled.
    const IptablesSnapshot during = IptablesSnapshot::take();
    QCOMPARE(withoutChainContents(during.ipv4()), withoutChainContents(before.ipv4()));
    QCOMPARE(withoutChainContents(during.ipv6()), withoutChainContents(before.ipv6()));
    QVERIFY2(during.ipv4().contains(QLatin1String("-A HAKA-PRE ")) &&
                 during.ipv6().contains(QLatin1String("-A HAKA-PRE ")),
             qPrintable(during.text()));

    NFQMON_VERIFY_HELPER(m_network.ping(0, a.ipv4, 2) == 2, helper);
    NFQMON_VERIFY_HELPER(m_network.ping(0, a.ipv6, 2) == 2, helper);
    const QList<Flow> udp = {{a.ipv4, 6000, 3, 120, 41}, {a.ipv6, 6000, 3, 120, 42}};
    for (const Flow &flow : udp)
        QVERIFY(m_network.sendUdp(0, flow).succeeded());
    QVERIFY(m_network.sendUdp(TestNetwork::Local, {a.peerIpv4, 6001, 2, 120, 43}).succeeded());

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    DumpFile dump;
    QVERIFY2(dump.load(input, &error), qPrintable(error));
    const int ours = dump.count([](const DumpedPacket &packet) {
        return packet.isUdp() && packet.payload.startsWith("NQ");
    });
    QVERIFY2(ours == 3 + 3 + 2, qPrintable(dump.describe()));
    // Only UDP went to the chains: no echo, no neighbour discovery, nothing else.
    QVERIFY2(dump.count([](const DumpedPacket &packet) { return !packet.isUdp(); }) == 0,
             qPrintable(dump.describe()));

    // The chains remain, empty; everything else is untouched.
    for (int family : {4, 6}) {
        for (const QString &chain : {QStringLiteral("HAKA-PRE"), QStringLiteral("HAKA-OUT")}) {
            const Command::Result listed = TestNetwork::iptables(
                family, {QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-S"), chain});
            QVERIFY2(listed.succeeded(), qPrintable(listed.describe()));
            QCOMPARE(listed.output.trimmed(), ("-N " + chain).toUtf8());
        }
    }
    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == before, qPrintable(after.differenceFrom(before)));
}

void tst_HeadlessUnmanaged::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessUnmanaged)
#include "tst_headless_unmanaged.moc"
