// A password prompt left open: polkit asked the caller's authentication agent (a test agent that
// never answers, registered with the real polkitd) and nobody types the password. Meanwhile the
// helper serves everyone else and the running capture's packets keep flowing and streaming: the
// packet path never waits on polkit. SIGTERM then stops the helper cleanly: the chains go, the
// waiting caller is answered at once, polkit closes the prompt.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/network/IptablesSnapshot.h"

#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

class tst_ServicePrompt : public ServiceTest
{
    Q_OBJECT

private slots:
    void sigtermWhileAPromptIsOpen();
};

void tst_ServicePrompt::sigtermWhileAPromptIsOpen()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));

    // "nobody": no polkit rule speaks for this user, so the policy's auth_admin_keep applies
    // and polkit asks for a password through the agent.
    const auto agent = m_bed.bus().startAs(
        QStringLiteral("nobody"), TestNetwork::toolPath(QStringLiteral("nfqmon-test-agent")),
        {QStringLiteral("StopCapture")}, &error);
    QVERIFY2(agent, qPrintable(error));
    QByteArray said;
    const auto saw = [&](const char *line) {
        said += agent->readAllStandardOutput();
        return said.contains(line);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(saw("begin org.nfqmon.capture"),
                              qPrintable(QString::fromUtf8(said + agent->readAllStandardError())),
                              15000);

    // The prompt is open; the capture goes on and others are answered.
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 3), 3);
    const QJsonObject read = client->read(6, 5000);
    NFQMON_VERIFY_REPLY(read);
    QVERIFY(read.value(QStringLiteral("records")).toArray().size() >= 6);
    const QJsonObject status = m_bed.status();
    QCOMPARE(status.value(Contract::Status::State).toString(), Contract::Status::Running);
    QVERIFY(!saw("reply"));

    const qint64 helper = m_bed.bus().helperPid();
    QCOMPARE(::kill(pid_t(helper), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(helper), 0) != 0, 5000);
    QVERIFY(IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).isEmpty());
    // Answered by the helper itself (not the bus's "no reply"), and the prompt closed.
    QTRY_VERIFY2_WITH_TIMEOUT(saw("reply error"), said.constData(), 5000);
    QVERIFY2(said.contains("org.nfqmon.Error.Failed the helper is stopping"), said.constData());
    QTRY_VERIFY2_WITH_TIMEOUT(saw("cancel"), said.constData(), 5000);
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
}

QTEST_GUILESS_MAIN(tst_ServicePrompt)
#include "tst_service_prompt.moc"
