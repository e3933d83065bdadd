// Drop rules over D-Bus: a rule the allowed user adds drops exactly its traffic from the next
// packet on, its hit counter rises, and it is still there after the helper restarted.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QJsonDocument>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

QJsonArray rulesOf(BusClient &client)
{
    return client.call(QStringLiteral("ListRules"))
        .value(QStringLiteral("result"))
        .toArray()
        .first()
        .toArray();
}

QJsonObject ruleWithId(const QJsonArray &rules, qint64 id)
{
    for (const QJsonValue &rule : rules)
        if (rule.toObject().value(Contract::RuleField::Id).toInteger() == id)
            return rule.toObject();
    return {};
}

} // namespace

class tst_ServiceRules : public ServiceTest
{
    Q_OBJECT

private slots:
    void dropRuleDropsAndCounts_data();
    void dropRuleDropsAndCounts();
    void changesTakeEffectAtOnce();
    void rulesSurviveAHelperRestart();
    void orderDecides();
};

void tst_ServiceRules::dropRuleDropsAndCounts_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << 4;
    QTest::newRow("IPv6") << 6;
}

void tst_ServiceRules::dropRuleDropsAndCounts()
{
    QFETCH(int, family);
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver droppedReceiver(TrafficReceiver::Protocol::Udp, family, 6002);
    TrafficReceiver keptReceiver(TrafficReceiver::Protocol::Udp, family, 6003);
    QVERIFY2(droppedReceiver.open(&error) && keptReceiver.open(&error), qPrintable(error));

    const QJsonObject added = client->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression, BusClient::s("udp and dst port 6002")},
                         {Contract::RuleField::Direction, BusClient::s("in")}})});
    NFQMON_VERIFY_REPLY(added);
    const qint64 id = added.value(QStringLiteral("result")).toArray().first().toInteger();
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::map(
            {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")})}})}));

    const QString local = m_bed.network().peer(0).address(family);
    const Flow dropped{local, 6002, 4, 100, 61};
    const Flow kept{local, 6003, 3, 100, 62};
    QVERIFY(m_bed.network().sendUdp(0, dropped).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, kept).succeeded());
    QCOMPARE(keptReceiver.receive(kept.count, 2s).size(), kept.count);
    QCOMPARE(droppedReceiver.receive(0, 300ms).size(), 0);

    const QJsonObject rule = ruleWithId(rulesOf(*client), id);
    QCOMPARE(rule.value(Contract::RuleField::Expression).toString(),
             QStringLiteral("udp and dst port 6002"));
    QCOMPARE(rule.value(Contract::RuleField::Action).toString(), QStringLiteral("drop"));
    QCOMPARE(rule.value(Contract::RuleField::Direction).toString(), QStringLiteral("in"));
    QCOMPARE(rule.value(QStringLiteral("hits")).toInt(), dropped.count);
    QCOMPARE(m_bed.status().value(Contract::Status::Dropped).toInt(), dropped.count);
}

void tst_ServiceRules::changesTakeEffectAtOnce()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6004);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::map(
            {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")})}})}));
    const QString local = m_bed.network().peer(0).ipv4;

    // Added while capturing: the next packet is dropped.
    const QJsonObject added = client->call(
        QStringLiteral("AddRule"), {BusClient::map({{Contract::RuleField::Expression,
                                                     BusClient::s("udp and dst port 6004")}})});
    NFQMON_VERIFY_REPLY(added);
    const qint64 id = added.value(QStringLiteral("result")).toArray().first().toInteger();
    QVERIFY(m_bed.network().sendUdp(0, {local, 6004, 2, 80, 71}).succeeded());
    QCOMPARE(receiver.receive(0, 300ms).size(), 0);

    // Disabled: traffic passes again, and the rule keeps its hits.
    NFQMON_VERIFY_REPLY(
        client->call(QStringLiteral("SetRuleEnabled"), {BusClient::u(id), BusClient::b(false)}));
    QVERIFY(m_bed.network().sendUdp(0, {local, 6004, 2, 80, 72}).succeeded());
    QCOMPARE(receiver.receive(2, 2s).size(), 2);
    QJsonObject rule = ruleWithId(rulesOf(*client), id);
    QCOMPARE(rule.value(Contract::RuleField::Enabled).toBool(), false);
    QCOMPARE(rule.value(QStringLiteral("hits")).toInt(), 2);

    // Changed into an accept rule for another port, enabled again: nothing is dropped.
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("ChangeRule"),
        {BusClient::u(id), BusClient::map({{Contract::RuleField::Action, BusClient::s("accept")},
                                           {Contract::RuleField::Enabled, BusClient::b(true)}})}));
    QVERIFY(m_bed.network().sendUdp(0, {local, 6004, 2, 80, 73}).succeeded());
    QCOMPARE(receiver.receive(2, 2s).size(), 2);
    rule = ruleWithId(rulesOf(*client), id);
    QCOMPARE(rule.value(Contract::RuleField::Action).toString(), QStringLiteral("accept"));
    QCOMPARE(rule.value(QStringLiteral("hits")).toInt(), 4);

    // Removed: gone from the list.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("RemoveRule"), {BusClient::u(id)}));
    QVERIFY(rulesOf(*client).isEmpty());
}

void tst_ServiceRules::rulesSurviveAHelperRestart()
{
    QString error;
    auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression, BusClient::s("tcp and dst port 22")},
                         {Contract::RuleField::Interface, BusClient::s("vethA")},
                         {Contract::RuleField::Action, BusClient::s("accept")}})}));
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression, BusClient::s("icmp6")},
                         {Contract::RuleField::Direction, BusClient::s("out")},
                         {Contract::RuleField::Host, BusClient::s("*.Example.ORG.")}})}));
    const QJsonArray before = rulesOf(*client);
    QVERIFY2(before.size() == 2, QJsonDocument(before).toJson().constData());
    // A host is kept as the helper compares it: lower case, no trailing dot.
    QCOMPARE(before[1].toObject().value(Contract::RuleField::Host).toString(),
             QStringLiteral("*.example.org"));
    const qint64 firstPid = m_bed.bus().helperPid();
    QVERIFY(firstPid > 0);

    QVERIFY(m_bed.bus().stopHelper());
    // The next call starts the helper again through D-Bus activation.
    const QJsonArray after = rulesOf(*client);
    QVERIFY(m_bed.bus().helperPid() != firstPid);
    QCOMPARE(after, before);
}

void tst_ServiceRules::orderDecides()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6005);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    const QString peerAddress = m_bed.network().peer(0).peerIpv4;
    const QJsonObject drop = client->call(
        QStringLiteral("AddRule"), {BusClient::map({{Contract::RuleField::Expression,
                                                     BusClient::s("udp and dst port 6005")}})});
    const QJsonObject accept =
        client->call(QStringLiteral("AddRule"),
                     {BusClient::map({{Contract::RuleField::Expression,
                                       BusClient::s(QStringLiteral("src host ") + peerAddress)},
                                      {Contract::RuleField::Action, BusClient::s("accept")}})});
    NFQMON_VERIFY_REPLY(drop);
    NFQMON_VERIFY_REPLY(accept);
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::map(
            {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")})}})}));
    const QString local = m_bed.network().peer(0).ipv4;
    QVERIFY(m_bed.network().sendUdp(0, {local, 6005, 2, 80, 81}).succeeded());
    QCOMPARE(receiver.receive(0, 300ms).size(), 0); // the drop rule comes first

    // Moved to the top, the accept rule wins.
    const qint64 acceptId = accept.value(QStringLiteral("result")).toArray().first().toInteger();
    NFQMON_VERIFY_REPLY(
        client->call(QStringLiteral("MoveRule"), {BusClient::u(acceptId), BusClient::u(0)}));
    QCOMPARE(rulesOf(*client).first().toObject().value(Contract::RuleField::Id).toInteger(),
             acceptId);
    QVERIFY(m_bed.network().sendUdp(0, {local, 6005, 2, 80, 82}).succeeded());
    QCOMPARE(receiver.receive(2, 2s).size(), 2);
}

QTEST_GUILESS_MAIN(tst_ServiceRules)
#include "tst_service_rules.moc"
