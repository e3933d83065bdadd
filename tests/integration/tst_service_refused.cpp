// A user polkit refuses: every method that needs an action answers org.nfqmon.Error.NotAuthorized
// and changes nothing (not the capture another user started, not the rules, not the firewall);
// reading status and rules needs no password; reading the firewall (GetChains) is an action of
// its own, org.nfqmon.read, which polkit refuses this user too.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/IptablesSnapshot.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

class tst_ServiceRefused : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedAndNothingChanges_data();
    void refusedAndNothingChanges();
    void readingNeedsNoPassword_data();
    void readingNeedsNoPassword();
    void readingTheFirewallNeedsItsAction();

private:
    QJsonArray listRules();

    ServiceTestBed m_bed;
    std::unique_ptr<BusClient> m_allowed;
    std::unique_ptr<BusClient> m_refused;
    qint64 m_ruleId = 0;
};

void tst_ServiceRefused::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
    QString error;
    m_allowed = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(m_allowed, qPrintable(error));
    m_refused = m_bed.client(QLatin1String(PrivateSystemBus::RefusedUser), &error);
    QVERIFY2(m_refused, qPrintable(error));
    // The allowed user's capture and rule, which the refused user must not be able to touch.
    const QJsonObject added = m_allowed->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression, BusClient::s("udp and dst port 53")}})});
    NFQMON_VERIFY_REPLY(added);
    m_ruleId = added.value(QStringLiteral("result")).toArray().first().toInteger();
    NFQMON_VERIFY_REPLY(m_allowed->call(
        QStringLiteral("StartCapture"),
        {BusClient::map({{Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")})},
                         {Contract::Option::KeepRunning, BusClient::b(true)}})}));
}

void tst_ServiceRefused::cleanupTestCase()
{
    m_refused.reset();
    m_allowed.reset();
    m_bed.stop();
}

QJsonArray tst_ServiceRefused::listRules()
{
    return m_allowed->call(QStringLiteral("ListRules"))
        .value(QStringLiteral("result"))
        .toArray()
        .first()
        .toArray();
}

void tst_ServiceRefused::refusedAndNothingChanges_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonArray>("args");
    const QJsonObject rule =
        BusClient::map({{Contract::RuleField::Expression, BusClient::s("icmp")}});
    const QJsonObject options =
        BusClient::map({{Contract::Option::Interfaces, BusClient::as({QStringLiteral("any")})}});
    // Ids are filled in by the test: -1 stands for the allowed user's rule.
    QTest::newRow("StartCapture") << "StartCapture" << QJsonArray{options};
    QTest::newRow("StopCapture") << "StopCapture" << QJsonArray{};
    QTest::newRow("OpenStream") << "OpenStream" << QJsonArray{};
    QTest::newRow("AddRule") << "AddRule" << QJsonArray{rule};
    QTest::newRow("ChangeRule") << "ChangeRule" << QJsonArray{BusClient::u(-1), rule};
    QTest::newRow("SetRuleEnabled")
        << "SetRuleEnabled" << QJsonArray{BusClient::u(-1), BusClient::b(false)};
    QTest::newRow("MoveRule") << "MoveRule" << QJsonArray{BusClient::u(-1), BusClient::u(0)};
    QTest::newRow("RemoveRule") << "RemoveRule" << QJsonArray{BusClient::u(-1)};
}

void tst_ServiceRefused::refusedAndNothingChanges()
{
    QFETCH(QString, method);
    QFETCH(QJsonArray, args);
    for (auto &&arg : args)
        if (arg.toObject() == BusClient::u(-1))
            arg = BusClient::u(m_ruleId);

    const QJsonArray rulesBefore = listRules();
    const IptablesSnapshot firewallBefore = IptablesSnapshot::take();
    const QJsonObject statusBefore = m_bed.status();
    const QString stateFile = m_bed.bus().helperStateDirectory() + QStringLiteral("/rules.json");
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray savedBefore = file.readAll();
    file.close();

    const QJsonObject reply = m_refused->call(method, args);
    QCOMPARE(reply.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(reply.value(QStringLiteral("error")).toString(),
             nfqmon::Contract::Error::NotAuthorized);
    QVERIFY2(reply.value(QStringLiteral("message")).toString().contains(QStringLiteral("polkit")),
             QJsonDocument(reply).toJson().constData());

    QCOMPARE(listRules(), rulesBefore);
    const IptablesSnapshot firewallAfter = IptablesSnapshot::take();
    QVERIFY2(firewallAfter == firewallBefore,
             qPrintable(firewallAfter.differenceFrom(firewallBefore)));
    const QJsonObject statusAfter = m_bed.status();
    QCOMPARE(statusAfter.value(Contract::Status::State).toString(), Contract::Status::Running);
    QCOMPARE(statusAfter.value(Contract::Status::StartedBy),
             statusBefore.value(Contract::Status::StartedBy));
    QCOMPARE(statusAfter.value(Contract::Status::Streams).toInt(), 0);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), savedBefore);
}

void tst_ServiceRefused::readingNeedsNoPassword_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("key"); // something the answer must hold
    QTest::newRow("GetStatus") << "GetStatus"
                               << "state";
    QTest::newRow("ListRules") << "ListRules"
                               << "";
}

void tst_ServiceRefused::readingNeedsNoPassword()
{
    QFETCH(QString, method);
    QFETCH(QString, key);
    const QJsonObject reply = m_refused->call(method);
    NFQMON_VERIFY_REPLY(reply);
    const QJsonValue answer = reply.value(QStringLiteral("result")).toArray().first();
    if (key.isEmpty())
        QCOMPARE(answer.toArray().size(), 1); // the allowed user's rule
    else
        QVERIFY2(answer.toObject().contains(key), QJsonDocument(reply).toJson().constData());
}

void tst_ServiceRefused::readingTheFirewallNeedsItsAction()
{
    const QJsonObject refused = m_refused->call(QStringLiteral("GetChains"));
    QCOMPARE(refused.value(QStringLiteral("error")).toString(),
             nfqmon::Contract::Error::NotAuthorized);
    QVERIFY2(refused.value(QStringLiteral("message"))
                 .toString()
                 .contains(nfqmon::Contract::PolkitAction::Read),
             QJsonDocument(refused).toJson().constData());
    QVERIFY(!refused.value(QStringLiteral("result"))
                 .toArray()
                 .first()
                 .toObject()
                 .contains(QStringLiteral("ipv4")));

    const QJsonObject allowed = m_allowed->call(QStringLiteral("GetChains"));
    NFQMON_VERIFY_REPLY(allowed);
    QVERIFY(allowed.value(QStringLiteral("result"))
                .toArray()
                .first()
                .toObject()
                .contains(QStringLiteral("ipv4")));
}

QTEST_GUILESS_MAIN(tst_ServiceRefused)
#include "tst_service_refused.moc"
