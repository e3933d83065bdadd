// Bad calls from an allowed user: each gets a named D-Bus error with a sentence, nothing is
// installed or saved, and the helper (the same process) goes on serving.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/IptablesSnapshot.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

namespace {

QJsonObject capture(QJsonObject options)
{
    if (!options.contains(Contract::Option::Interfaces))
        options.insert(Contract::Option::Interfaces, BusClient::as({QStringLiteral("vethA")}));
    return BusClient::map(options);
}

QJsonObject rule(const QJsonObject &fields)
{
    return BusClient::map(fields);
}

} // namespace

class tst_ServiceBadCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithAName_data();
    void refusedWithAName();

private:
    ServiceTestBed m_bed;
    std::unique_ptr<BusClient> m_client;
};

void tst_ServiceBadCalls::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
    QString error;
    m_client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(m_client, qPrintable(error));
    // Files the user made: one it may only read, for the descriptor cases.
    QFile readOnly(m_bed.userDirectory() + QStringLiteral("/read-only.pcap"));
    QVERIFY(readOnly.open(QIODevice::WriteOnly));
}

void tst_ServiceBadCalls::cleanupTestCase()
{
    m_client.reset();
    m_bed.stop();
}

void tst_ServiceBadCalls::refusedWithAName_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonArray>("args");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("message");
    const QString invalid = QStringLiteral("org.nfqmon.Error.InvalidArgument");
    const QString badFd = QStringLiteral("org.nfqmon.Error.BadDescriptor");
    const auto s = &BusClient::s;
    const QString dir = QStringLiteral("%DIR%"); // replaced by the user's directory

    QTest::newRow("newline in an interface")
        << "StartCapture"
        << QJsonArray{capture({{Contract::Option::Interfaces,
                                BusClient::as({QStringLiteral("vethA\n-A INPUT")})}})}
        << invalid << "vethA\\n-A INPUT";
    QTest::newRow("rule text as an interface")
        << "StartCapture"
        << QJsonArray{capture(
               {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("lo -j DROP")})}})}
        << invalid << "lo -j DROP";
    QTest::newRow("over-long interface")
        << "StartCapture"
        << QJsonArray{capture(
               {{Contract::Option::Interfaces, BusClient::as({QString(70000, u'x')})}})}
        << invalid << "longer than 64";
    QTest::newRow("unknown interface")
        << "StartCapture"
        << QJsonArray{capture(
               {{Contract::Option::Interfaces, BusClient::as({QStringLiteral("nosuch0")})}})}
        << invalid << "unknown interface(s): nosuch0";
    QTest::newRow("interfaces of the wrong type")
        << "StartCapture"
        << QJsonArray{capture({{Contract::Option::Interfaces, s(QStringLiteral("vethA"))}})}
        << invalid << "D-Bus type as, not s";
    QTest::newRow("queue of the wrong type")
        << "StartCapture" << QJsonArray{capture({{Contract::Option::Queue, BusClient::i(1)}})}
        << invalid << "D-Bus type u, not i";
    QTest::newRow("unknown option key")
        << "StartCapture" << QJsonArray{capture({{"dump_input", s(QStringLiteral("/etc/shadow"))}})}
        << invalid << "unknown capture option \"dump_input\"";
    QTest::newRow("wrong signature") << "StartCapture" << QJsonArray{s(QStringLiteral("vethA"))}
                                     << "org.freedesktop.DBus.Error.UnknownMethod"
                                     << "signature";
    QTest::newRow("dump descriptor of a directory")
        << "StartCapture"
        << QJsonArray{capture(
               {{Contract::Option::DumpInput, BusClient::fd(dir, QStringLiteral("dir"))}})}
        << badFd << "this descriptor is a directory";
    QTest::newRow("dump descriptor of a read-only file")
        << "StartCapture"
        << QJsonArray{capture(
               {{Contract::Option::DumpOutput,
                 BusClient::fd(dir + QStringLiteral("/read-only.pcap"), QStringLiteral("r"))}})}
        << badFd << "open for reading only";
    QTest::newRow("expression that does not compile")
        << "AddRule"
        << QJsonArray{rule(
               {{Contract::RuleField::Expression, s(QStringLiteral("udp and prot 53"))}})}
        << "org.nfqmon.Error.BadRule"
        << "syntax error";
    QTest::newRow("over-long expression")
        << "AddRule"
        << QJsonArray{rule({{Contract::RuleField::Expression, s(QString(5000, u'x'))}})} << invalid
        << "longer than 1024";
    QTest::newRow("rule text in a rule's interface")
        << "AddRule"
        << QJsonArray{rule({{Contract::RuleField::Expression, s(QStringLiteral("udp"))},
                            {Contract::RuleField::Interface, s(QStringLiteral("eth0\nCOMMIT"))}})}
        << invalid << "control characters";
    QTest::newRow("unknown rule field")
        << "AddRule"
        << QJsonArray{rule({{Contract::RuleField::Expression, s(QStringLiteral("udp"))},
                            {Contract::RuleField::Id, BusClient::u(9)}})}
        << invalid << "unknown rule field \"id\"";
    QTest::newRow("change of a rule that does not exist")
        << "ChangeRule"
        << QJsonArray{BusClient::u(4242),
                      rule({{Contract::RuleField::Enabled, BusClient::b(false)}})}
        << "org.nfqmon.Error.NoSuchRule"
        << "no rule 4242";
    QTest::newRow("removal of a rule that does not exist")
        << "RemoveRule" << QJsonArray{BusClient::u(4243)} << "org.nfqmon.Error.NoSuchRule"
        << "no rule 4243";
    QTest::newRow("stream without a capture")
        << "OpenStream" << QJsonArray{} << "org.nfqmon.Error.NotRunning"
        << "no capture";
    QTest::newRow("stop without a capture")
        << "StopCapture" << QJsonArray{} << "org.nfqmon.Error.NotRunning"
        << "no capture";
}

void tst_ServiceBadCalls::refusedWithAName()
{
    QFETCH(QString, method);
    QFETCH(QJsonArray, args);
    QFETCH(QString, error);
    QFETCH(QString, message);
    const QByteArray text = QJsonDocument(args)
                                .toJson(QJsonDocument::Compact)
                                .replace("%DIR%", m_bed.userDirectory().toUtf8());
    args = QJsonDocument::fromJson(text).array();

    const qint64 helperBefore = m_bed.bus().helperPid();
    const IptablesSnapshot firewallBefore = IptablesSnapshot::take();
    const QJsonObject reply = m_client->call(method, args);
    QVERIFY2(!reply.value(QStringLiteral("ok")).toBool(),
             QJsonDocument(reply).toJson().constData());
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), error);
    QVERIFY2(reply.value(QStringLiteral("message")).toString().contains(message),
             QJsonDocument(reply).toJson().constData());

    // Nothing installed, nothing saved, and the same helper still answers.
    QVERIFY(IptablesSnapshot::take() == firewallBefore);
    const QJsonObject status = m_bed.status();
    QCOMPARE(status.value(Contract::Status::State).toString(), Contract::Status::Idle);
    const QJsonObject rules = m_client->call(QStringLiteral("ListRules"));
    QCOMPARE(rules.value(QStringLiteral("result")).toArray().first().toArray().size(), 0);
    if (helperBefore > 0)
        QCOMPARE(m_bed.bus().helperPid(), helperBefore);
}

QTEST_GUILESS_MAIN(tst_ServiceBadCalls)
#include "tst_service_badcalls.moc"
