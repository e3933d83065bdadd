// ChainStatus turns GetChains into the settings dialog's text: missing chains with the commands
// that create them (the helper's own, ChainScript::createCommands), present chains with the
// user's jumps, or the helper's error. (The reply as D-Bus delivers it, nested maps as
// QDBusArgument, is read in tst_capturecontroller against the real helper.)
#include "app/client/ChainStatus.h"
#include "helper/engine/ChainScript.h"
#include "helper/protocol/HelperContract.h"

#include <QTest>

using namespace nfqmon;

namespace {

QVariantMap family(bool pre, bool out, const QStringList &jumps)
{
    return {{Contract::Chains::PreExists, pre},
            {Contract::Chains::OutExists, out},
            {Contract::Chains::Jumps, jumps}};
}

} // namespace

class tst_ChainStatus : public QObject
{
    Q_OBJECT

private slots:
    void sameCommandsAsTheHelper();
    void describes_data();
    void describes();
};

void tst_ChainStatus::sameCommandsAsTheHelper()
{
    QCOMPARE(ChainStatus::createCommands(), ChainScript::createCommands());
    for (const QString &tool : {QStringLiteral("iptables"), QStringLiteral("ip6tables")})
        QCOMPARE(ChainStatus::createCommands(tool), ChainScript::createCommands(tool));
}

void tst_ChainStatus::describes_data()
{
    QTest::addColumn<QVariantMap>("reply");
    QTest::addColumn<bool>("exist");
    QTest::addColumn<bool>("jumps");
    QTest::addColumn<bool>("canCapture");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("lacks");
    const QString jump = QStringLiteral("-A PREROUTING -p udp -j HAKA-PRE");
    QTest::newRow("missing") << QVariantMap{{"ipv4", family(false, false, {})},
                                            {"ipv6", family(false, false, {})}}
                             << false << false << false
                             << QStringList{"missing", "iptables -t raw -N HAKA-PRE",
                                            "ip6tables -t raw -N HAKA-OUT"}
                             << QStringList{"ready"};
    // The Haka documentation's set-up: the helper captures IPv4 and says how to add IPv6, in
    // the same words as its own notice.
    QTest::newRow("only IPv4") << QVariantMap{{"ipv4", family(true, true, {jump})},
                                              {"ipv6", family(false, true, {})}}
                               << false << true << true
                               << QStringList{"IPv4 will be captured",
                                              "IPv6 will not be captured: table raw (IPv6) has "
                                              "no chain HAKA-PRE",
                                              "IPv6: HAKA-PRE missing, HAKA-OUT exists",
                                              jump,
                                              "ip6tables -t raw -N HAKA-PRE",
                                              "ip6tables -t raw -A PREROUTING -j HAKA-PRE"}
                               << QStringList{"ready", "iptables -t raw -N HAKA-PRE"};
    QTest::newRow("only IPv6") << QVariantMap{{"ipv4", family(false, false, {})},
                                              {"ipv6", family(true, true, {jump})}}
                               << false << true << true
                               << QStringList{"IPv6 will be captured",
                                              "IPv4 will not be captured: table raw (IPv4) has "
                                              "no chain HAKA-PRE or HAKA-OUT",
                                              "iptables -t raw -N HAKA-OUT"}
                               << QStringList{"ready", "ip6tables -t raw -N"};
    QTest::newRow("one chain in each")
        << QVariantMap{{"ipv4", family(true, false, {})}, {"ipv6", family(false, true, {})}}
        << false << false << false
        << QStringList{"missing", "iptables -t raw -N HAKA-OUT", "ip6tables -t raw -N HAKA-PRE"}
        << QStringList{"will be captured", "ready"};
    QTest::newRow("no jumps") << QVariantMap{{"ipv4", family(true, true, {})},
                                             {"ipv6", family(true, true, {})}}
                              << true << false << true
                              << QStringList{"no rule sends traffic", "no rule jumps"}
                              << QStringList{"-N HAKA-PRE"};
    QTest::newRow("ready") << QVariantMap{{"ipv4", family(true, true, {jump})},
                                          {"ipv6", family(true, true, {jump})}}
                           << true << true << true << QStringList{"ready", jump}
                           << QStringList{"-N HAKA-PRE", "missing"};
    QTest::newRow("error") << QVariantMap{{"ipv4", family(false, false, {})},
                                          {"ipv6", family(false, false, {})},
                                          {"error", "ip6tables: iptables-save not found."}}
                           << false << false << false
                           << QStringList{"could not read", "iptables-save not found"}
                           << QStringList{"ready"};
}

void tst_ChainStatus::describes()
{
    QFETCH(QVariantMap, reply);
    QFETCH(bool, exist);
    QFETCH(bool, jumps);
    QFETCH(bool, canCapture);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, lacks);
    const ChainStatus status = ChainStatus::fromReply(reply);
    QCOMPARE(status.chainsExist(), exist);
    QCOMPARE(status.hasJumps(), jumps);
    QCOMPARE(status.canCapture(), canCapture);
    const QString text = status.text();
    for (const QString &part : contains)
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in:\n") + text));
    for (const QString &part : lacks)
        QVERIFY2(!text.contains(part), qPrintable(part + QStringLiteral(" in:\n") + text));
}

QTEST_GUILESS_MAIN(tst_ChainStatus)
#include "tst_chainstatus.moc"
