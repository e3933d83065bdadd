// The opt-in groups of packaging/polkit/49-nfqmon-groups.rules, as an SSH caller meets them: no
// authentication agent anywhere, so polkit's password defaults can only refuse. A member of group
// nfqmon captures and reads the chains but may not change rules; a member of group nfqmon-rules
// also changes rules; a user in neither is refused with a sentence naming the group and the
// command that adds the user to it. The rules file is the package's own, read by the real polkitd.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"

#include <QJsonDocument>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

class tst_ServiceGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void membersActWithoutAPrompt_data();
    void membersActWithoutAPrompt();
    void theRefusalNamesTheWayIn_data();
    void theRefusalNamesTheWayIn();

private:
    ServiceTestBed m_bed;
};

namespace {

QJsonObject interfacesOption()
{
    return BusClient::map(
        {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")})}});
}

QJsonObject aRule()
{
    return BusClient::map({{Contract::RuleField::Expression, BusClient::s("udp and dst port 9")}});
}

QString text(const QJsonObject &reply)
{
    return QString::fromUtf8(QJsonDocument(reply).toJson());
}

} // namespace

void tst_ServiceGroups::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_ServiceGroups::cleanupTestCase()
{
    m_bed.stop();
}

void tst_ServiceGroups::membersActWithoutAPrompt_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("mayChangeRules");
    QTest::newRow("group nfqmon") << QString::fromLatin1(PrivateSystemBus::MemberUser) << false;
    QTest::newRow("groups nfqmon and nfqmon-rules")
        << QString::fromLatin1(PrivateSystemBus::StewardUser) << true;
}

void tst_ServiceGroups::membersActWithoutAPrompt()
{
    QFETCH(QString, user);
    QFETCH(bool, mayChangeRules);
    QString error;
    const std::unique_ptr<BusClient> client = m_bed.client(user, &error);
    QVERIFY2(client, qPrintable(error));

    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"), {interfacesOption()}));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("GetChains")));

    const QJsonObject added = client->call(QStringLiteral("AddRule"), {aRule()});
    if (mayChangeRules) {
        NFQMON_VERIFY_REPLY(added);
        const qint64 id = added.value(QStringLiteral("result")).toArray().first().toInteger();
        NFQMON_VERIFY_REPLY(client->call(QStringLiteral("RemoveRule"), {BusClient::u(id)}));
    } else {
        QCOMPARE(added.value(QStringLiteral("error")).toString(), Contract::Error::NotAuthorized);
        const QString message = added.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("sudo adduser %1 nfqmon-rules").arg(user)),
                 qPrintable(text(added)));
    }
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

void tst_ServiceGroups::theRefusalNamesTheWayIn_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonArray>("args");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("group");
    QTest::newRow("StartCapture") << "StartCapture" << QJsonArray{interfacesOption()}
                                  << Contract::PolkitAction::Capture
                                  << Contract::PolkitGroup::Capture;
    QTest::newRow("GetChains") << "GetChains" << QJsonArray{} << Contract::PolkitAction::Read
                               << Contract::PolkitGroup::Capture;
    QTest::newRow("AddRule") << "AddRule" << QJsonArray{aRule()} << Contract::PolkitAction::Rules
                             << Contract::PolkitGroup::Rules;
}

void tst_ServiceGroups::theRefusalNamesTheWayIn()
{
    QFETCH(QString, method);
    QFETCH(QJsonArray, args);
    QFETCH(QString, action);
    QFETCH(QString, group);
    // The administrator: in group sudo, in neither nfqmon group, and no agent to ask it for its
    // password, as over SSH.
    const QString user = QString::fromLatin1(PrivateSystemBus::AdminUser);
    QString error;
    const std::unique_ptr<BusClient> client = m_bed.client(user, &error);
    QVERIFY2(client, qPrintable(error));
    const QJsonObject reply = client->call(method, args);
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), Contract::Error::NotAuthorized);
    const QString message = reply.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("polkit refused %1 to user %2").arg(action, user)),
             qPrintable(text(reply)));
    QVERIFY2(message.contains(
                 QStringLiteral("an administrator runs: sudo adduser %1 %2").arg(user, group)),
             qPrintable(text(reply)));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

QTEST_GUILESS_MAIN(tst_ServiceGroups)
#include "tst_service_groups.moc"
