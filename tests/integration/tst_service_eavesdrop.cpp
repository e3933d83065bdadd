// The bus policy keeps packet data to the client that polkit allowed: another process, of another
// user or of the same one, that asks the bus for every signal, for eavesdropping on every message
// and for a monitor connection, receives the helper's StateChanged/RulesChanged signals (so it
// does listen) and nothing that carries a packet: no payload bytes, no address of the traffic,
// no method call or reply between the helper and its client. Packets reach a client only through
// the socket OpenStream hands out.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QProcess>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

QByteArray hexOf(const QByteArray &bytes)
{
    return bytes.toHex();
}

struct Heard {
    QStringList messages; // "TYPE SENDER INTERFACE MEMBER HEX"
    QString monitor;      // "ok" or "error NAME MESSAGE"
    QString output;
};

Heard parse(const QByteArray &output)
{
    Heard heard;
    heard.output = QString::fromUtf8(output);
    for (const QString &line : heard.output.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("message ")))
            heard.messages.append(line.mid(8));
        else if (line.startsWith(QLatin1String("monitor BecomeMonitor ")))
            heard.monitor = line.mid(22);
    }
    return heard;
}

} // namespace

class tst_ServiceEavesdrop : public ServiceTest
{
    Q_OBJECT

private slots:
    void otherProcessesReceiveNoPacketData_data();
    void otherProcessesReceiveNoPacketData();
};

void tst_ServiceEavesdrop::otherProcessesReceiveNoPacketData_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("nobody") << QStringLiteral("nobody");
    QTest::newRow("user polkit refuses") << QString::fromLatin1(PrivateSystemBus::RefusedUser);
    QTest::newRow("the capturing user, another process")
        << QString::fromLatin1(PrivateSystemBus::AllowedUser);
}

void tst_ServiceEavesdrop::otherProcessesReceiveNoPacketData()
{
    QFETCH(QString, user);
    QString error;
    const auto listener =
        m_bed.bus().startAs(user, TestNetwork::toolPath(QStringLiteral("nfqmon-test-eavesdrop")),
                            {QStringLiteral("60")}, &error);
    QVERIFY2(listener, qPrintable(error));
    QByteArray heardSoFar;
    QTRY_VERIFY_WITH_TIMEOUT(
        (heardSoFar += listener->readAllStandardOutput()).contains("listening"), 5000);

    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("AddRule"),
                                     {BusClient::map({{Contract::RuleField::Expression,
                                                       BusClient::s("udp and dst port 6001")}})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    const Peer &peer = m_bed.network().peer(0);
    const Flow kept{peer.ipv4, 6000, 5, 300, 71};
    const Flow dropped{peer.ipv4, 6001, 2, 300, 72};
    QVERIFY(m_bed.network().sendUdp(0, kept).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, dropped).succeeded());
    QCOMPARE(receiver.receive(kept.count, 2s).size(), kept.count);
    // The allowed client did get the packets, through its stream.
    const QJsonObject read = client->read(kept.count + dropped.count, 5000);
    NFQMON_VERIFY_REPLY(read);
    QVERIFY(read.value(QStringLiteral("records")).toArray().size() >= kept.count + dropped.count);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("GetStatus")));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QTest::qWait(500); // the last StateChanged on its way
    listener->closeWriteChannel();

    QVERIFY(listener->waitForFinished(20000));
    const Heard heard = parse(heardSoFar + listener->readAllStandardOutput());
    QVERIFY2(listener->exitCode() == 0 && heard.output.contains(QLatin1String("done")),
             qPrintable(heard.output + QString::fromUtf8(listener->readAllStandardError())));
    QVERIFY2(heard.monitor.startsWith(QLatin1String("error ")), qPrintable(heard.output));

    // It listened: the helper's broadcasts reached it.
    const auto fromHelper = [&](const char *member) {
        return std::count_if(heard.messages.cbegin(), heard.messages.cend(), [&](const QString &m) {
            const QStringList f = m.split(QLatin1Char(' '));
            return f.size() == 5 && f[0] == QLatin1String("signal") &&
                   f[2] == QLatin1String("org.nfqmon.Helper1") && f[3] == QLatin1String(member);
        });
    };
    QVERIFY2(fromHelper("StateChanged") >= 2, qPrintable(heard.output));
    QVERIFY2(fromHelper("RulesChanged") >= 1, qPrintable(heard.output));

    // What it must never see: the payloads, the addresses of the traffic, and the calls and
    // replies of the helper and its client (OpenStream's reply carries the stream's socket).
    QList<QByteArray> secrets;
    for (const Flow &flow : {kept, dropped})
        for (int i = 0; i < flow.count; ++i)
            secrets.append(hexOf(QByteArray::fromStdString(TestPayload::make(
                                     std::uint16_t(flow.seed), std::uint32_t(i), 300)))
                               .mid(64, 64));
    secrets.append(hexOf(peer.ipv4.toLatin1()));
    secrets.append(hexOf(peer.peerIpv4.toLatin1()));
    for (const QString &message : heard.messages) {
        QVERIFY2(message.startsWith(QLatin1String("signal ")), qPrintable(message.left(200)));
        for (const QByteArray &secret : secrets)
            QVERIFY2(!message.toLatin1().contains(secret), qPrintable(message.left(200)));
    }
}

QTEST_GUILESS_MAIN(tst_ServiceEavesdrop)
#include "tst_service_eavesdrop.moc"
