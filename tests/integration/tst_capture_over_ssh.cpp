// nfqmon-capture on another host, as a person runs it: `ssh HOST nfqmon-capture -w - > FILE`
// (what `| wireshark -k -i -` and Wireshark's sshdump read) on a real sshd host of
// RemoteHostBed, as a member of the host's groups nfqmon and nfqmon-rules (no password prompt
// over SSH). The file tshark reads back has the packets sent to that host, each with its verdict
// comment, the dropped ones naming the host's own rule; its summary comes back on ssh's standard
// error, and no packet of the SSH connection itself is in it (it passes unseen: the capture would
// otherwise capture its own output). A user in neither group is refused in one sentence naming the
// way in.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/RemoteHostBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/Tshark.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_CaptureOverSsh : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_hosts.stop(); }
    void pcapngThroughSshWithVerdicts();
    void aUserInNeitherGroupIsToldTheWayIn();

private:
    void sendTo(int port, int count);

    RemoteHostBed m_hosts;
    QTemporaryDir m_files;
};

void tst_CaptureOverSsh::initTestCase()
{
    NFQMON_REQUIRE_PRIVILEGES();
    RemoteHostBed::Options options;
    options.user = QStringLiteral("nfqmon-steward");
    QString error;
    QVERIFY2(m_hosts.start(1, &error, options), qPrintable(error));
    QVERIFY(m_files.isValid());
}

void tst_CaptureOverSsh::sendTo(int port, int count)
{
    QUdpSocket socket;
    for (int i = 0; i < count; ++i) {
        socket.writeDatagram(QByteArray("over ssh"), QHostAddress(m_hosts.host(0).address),
                             quint16(port));
        QTest::qWait(50);
    }
}

void tst_CaptureOverSsh::pcapngThroughSshWithVerdicts()
{
    // The host's own rule, added as the steward over D-Bus through ssh.
    const QString name = QStringLiteral("tst_capture_over_ssh");
    uint ruleId = 0;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_hosts.dbusAddress(0), name);
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        // A plain call: QDBusInterface would introspect, and QtDBus keeps what it learns.
        QDBusMessage call =
            QDBusMessage::createMethodCall(Contract::ServiceName, Contract::ObjectPath,
                                           Contract::InterfaceName, QStringLiteral("AddRule"));
        call << QVariantMap{
            {Contract::RuleField::Expression, QStringLiteral("udp and dst port 9")}};
        const QDBusReply<uint> added = bus.call(call, QDBus::Block, 30000);
        QVERIFY2(added.isValid(), qPrintable(added.error().message()));
        ruleId = added.value();
    }
    QDBusConnection::disconnectFromBus(name);

    const QString file = m_files.filePath(QStringLiteral("remote.pcapng"));
    QProcess ssh;
    const QStringList command = m_hosts.sshCommand(
        0, {QStringLiteral("nfqmon-capture"), QStringLiteral("-i"), m_hosts.host(0).interface,
            QStringLiteral("-a"), QStringLiteral("4"), QStringLiteral("-w"), QStringLiteral("-")});
    ssh.setProgram(command.first());
    ssh.setArguments(command.mid(1));
    ssh.setStandardOutputFile(file);
    ssh.start();
    QVERIFY(ssh.waitForStarted());
    // Until the capture runs there (its start line on standard error), then 3 + 3 datagrams.
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += ssh.readAllStandardError()).contains("apturing") ||
                                  ssh.state() == QProcess::NotRunning,
                              said.constData(), 20000);
    QTest::qWait(500);
    sendTo(7, 3);
    sendTo(9, 3);
    const bool finished = ssh.state() == QProcess::NotRunning || ssh.waitForFinished(20000);
    said += ssh.readAllStandardError();
    QVERIFY2(finished, said.constData());
    QCOMPARE(ssh.exitCode(), 0);

    // The six datagrams with their verdicts (and the host's ICMP answers to port 7), and not one
    // packet of the SSH connection that carried the file: it passed unseen.
    QList<QStringList> rows;
    QString error;
    QVERIFY2(Tshark::fields(file,
                            {QStringLiteral("udp.dstport"), QStringLiteral("tcp.port"),
                             QStringLiteral("frame.comment"), QStringLiteral("icmp.type")},
                            &rows, &error),
             qPrintable(error));
    int accepted = 0;
    int dropped = 0;
    for (const QStringList &row : rows) {
        QVERIFY2(row.at(1).isEmpty(), qPrintable(row.join(u' '))); // no TCP: no SSH
        if (!row.at(3).isEmpty())
            continue; // an ICMP answer (which quotes the datagram's UDP header)
        if (row.at(0) == QLatin1String("9")) {
            QVERIFY2(row.at(2).contains(QStringLiteral("dropped by rule %1").arg(ruleId)),
                     qPrintable(row.join(u' ')));
            ++dropped;
        } else if (row.at(0) == QLatin1String("7")) {
            QVERIFY2(row.at(2).startsWith(u"accepted"), qPrintable(row.join(u' ')));
            ++accepted;
        }
    }
    QCOMPARE(accepted, 3);
    QCOMPARE(dropped, 3);
    QVERIFY2(said.contains(QStringLiteral("%1 packets captured").arg(rows.size()).toUtf8()),
             said.constData());
}

void tst_CaptureOverSsh::aUserInNeitherGroupIsToldTheWayIn()
{
    // The administrator test user: in group sudo, in neither nfqmon group, no agent over SSH.
    const Command::Result refused =
        m_hosts.ssh(0,
                    {QStringLiteral("nfqmon-capture"), QStringLiteral("-c"), QStringLiteral("1"),
                     QStringLiteral("-w"), QStringLiteral("/dev/null")},
                    std::chrono::seconds(20), QStringLiteral("nfqmon-admin"));
    QVERIFY2(!refused.succeeded(), qPrintable(refused.describe()));
    QVERIFY2(refused.errorOutput.contains("sudo adduser nfqmon-admin nfqmon"),
             qPrintable(refused.describe()));
}

QTEST_GUILESS_MAIN(tst_CaptureOverSsh)
#include "tst_capture_over_ssh.moc"
