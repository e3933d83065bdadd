// How often a person types a password, in a session polkit does not count as active (no logind
// session here at all: a remote X session, a container, a second seat), where the policy's
// allow_any/allow_inactive apply. An administrator (group sudo) runs a client with a real polkit
// agent registered for that client's process; the agent answers with the user's real password,
// which polkit-agent-helper-1 checks with PAM against the (private) /etc/shadow. The whole life of
// a capture with rule changes costs two prompts: one to capture, one for the first rule change.
// Stopping one's own capture and opening its stream never ask again, even where polkit keeps no
// authorisation at all (an administrator's rule returning AUTH_ADMIN); another program, even of
// the same user, still has to ask polkit.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"

#include <QProcess>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

class tst_ServicePasswordPrompts : public ServiceTest
{
    Q_OBJECT

private slots:
    void onePromptToCaptureOneForRules();
    void ownerNeedsNoSecondCheck();

private:
    std::unique_ptr<QProcess> startAgent(qint64 clientPid, QByteArray *said);
};

std::unique_ptr<QProcess> tst_ServicePasswordPrompts::startAgent(qint64 clientPid, QByteArray *said)
{
    QString error;
    auto agent =
        m_bed.bus().startAs(QLatin1String(PrivateSystemBus::AdminUser),
                            TestNetwork::toolPath(QStringLiteral("nfqmon-test-agent")),
                            {QStringLiteral("--answer"), QString::number(clientPid)}, &error);
    if (!agent) {
        *said = error.toUtf8();
        return nullptr;
    }
    agent->write(QByteArray(PrivateSystemBus::AdminPassword) + '\n');
    return agent;
}

void tst_ServicePasswordPrompts::onePromptToCaptureOneForRules()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AdminUser), &error);
    QVERIFY2(client, qPrintable(error));
    QByteArray said;
    const auto agent = startAgent(client->pid(), &said);
    QVERIFY2(agent, said.constData());
    // What the agent printed until it has been quiet for a moment (it prints before it
    // answers polkitd, so a call's prompt is there by the time the call returned).
    const auto drain = [&] {
        while (agent->waitForReadyRead(300))
            said += agent->readAllStandardOutput();
        said += agent->readAllStandardOutput();
    };
    const auto saw = [&](const char *text) {
        drain();
        return said.contains(text);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(saw("registered"),
                              qPrintable(QString::fromUtf8(said + agent->readAllStandardError())),
                              10000);
    const auto prompts = [&](const QString &action) {
        drain();
        return said.count("begin " + action.toUtf8());
    };

    // Capture: one prompt, answered with the password.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    QVERIFY2(saw("authenticated nfqmon-admin"), said.constData());
    QCOMPARE(prompts(nfqmon::Contract::PolkitAction::Capture), 1);
    // Its stream: no prompt, and packets arrive.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
    const QJsonObject read = client->read(4, 5000);
    NFQMON_VERIFY_REPLY(read);
    QVERIFY(read.value(QStringLiteral("records")).toArray().size() >= 4);

    // Rules: one prompt for the first change, none for the next ones.
    const QJsonObject added = client->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression, BusClient::s("udp and dst port 9")}})});
    NFQMON_VERIFY_REPLY(added);
    const qint64 id = added.value(QStringLiteral("result")).toArray().first().toInteger();
    NFQMON_VERIFY_REPLY(
        client->call(QStringLiteral("SetRuleEnabled"), {BusClient::u(id), BusClient::b(false)}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("RemoveRule"), {BusClient::u(id)}));
    QCOMPARE(prompts(nfqmon::Contract::PolkitAction::Rules), 1);

    // Another program of the same user has no agent and no authorisation of its own: it may
    // neither take over the stream nor stop the capture.
    const auto other = m_bed.client(QLatin1String(PrivateSystemBus::AdminUser), &error);
    QVERIFY2(other, qPrintable(error));
    for (const QString &method : {QStringLiteral("OpenStream"), QStringLiteral("StopCapture")}) {
        const QJsonObject refused = other->call(method);
        QCOMPARE(refused.value(QStringLiteral("error")).toString(),
                 nfqmon::Contract::Error::NotAuthorized);
    }
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);

    // Stopping one's own capture asks nothing, and neither does the next capture of this
    // program (polkit keeps the authorisation a few minutes: auth_admin_keep).
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));

    qInfo("the agent: %s", said.simplified().constData());
    QCOMPARE(prompts(nfqmon::Contract::PolkitAction::Capture), 1);
    QCOMPARE(prompts(nfqmon::Contract::PolkitAction::Rules), 1);
    QCOMPARE(prompts(""), 2);
    QVERIFY2(!saw("failed"), said.constData());
    agent->kill();
    agent->waitForFinished(5000);
}

void tst_ServicePasswordPrompts::ownerNeedsNoSecondCheck()
{
    const QString noKeep = QStringLiteral("40-nfqmon-no-keep.rules");
    QString error;
    QVERIFY2(m_bed.bus().addPolkitRules(noKeep, R"(
polkit.addRule(function(action, subject) {
    if (action.id === "org.nfqmon.capture" && subject.user === "nfqmon-admin")
        return polkit.Result.AUTH_ADMIN;
});
)",
                                        &error),
             qPrintable(error));
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AdminUser), &error);
    QVERIFY2(client, qPrintable(error));
    QByteArray said;
    const auto agent = startAgent(client->pid(), &said);
    QVERIFY2(agent, said.constData());
    const auto prompts = [&] {
        while (agent->waitForReadyRead(300))
            said += agent->readAllStandardOutput();
        return said.count("begin org.nfqmon.capture");
    };
    QTRY_VERIFY_WITH_TIMEOUT(prompts() >= 0 && said.contains("registered"), 10000);

    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    QCOMPARE(prompts(), 1);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QCOMPARE(prompts(), 1);
    // polkit kept nothing: the next capture asks again, so the owner's stream and stop above
    // were spared by the helper, not by polkit.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    QCOMPARE(prompts(), 2);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QCOMPARE(prompts(), 2);
    agent->kill();
    agent->waitForFinished(5000);
    QVERIFY2(m_bed.bus().removePolkitRules(noKeep, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ServicePasswordPrompts)
#include "tst_service_passwordprompts.moc"
