// The helper as a D-Bus service, driven by an unprivileged user whom polkit allows: a capture
// started over the bus shows exactly the traffic sent in the stream, and writes it to dump files
// the user opened and still owns: pcap, or pcapng for files the user named *.pcapng (the helper
// gets only descriptors, and picks the format by the name the kernel gives them).
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

#include <sys/stat.h>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

// Records of one UDP flow to `port`.
QJsonArray recordsTo(const QJsonArray &records, int port)
{
    QJsonArray matching;
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("protocol")).toString() == QLatin1String("UDP") &&
            record.value(QStringLiteral("destinationPort")).toInt() == port)
            matching.append(record);
    }
    return matching;
}

} // namespace

class tst_ServiceCapture : public ServiceTest
{
    Q_OBJECT

private slots:
    void streamCarriesExactlyTheTraffic_data();
    void streamCarriesExactlyTheTraffic();
    void dumpsGoToTheUsersFiles_data();
    void dumpsGoToTheUsersFiles();
    void statusSaysWhoStartedIt();
};

void tst_ServiceCapture::streamCarriesExactlyTheTraffic_data()
{
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << 4;
    QTest::newRow("IPv6") << 6;
}

void tst_ServiceCapture::streamCarriesExactlyTheTraffic()
{
    QFETCH(int, family);
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, family, 6000);
    QVERIFY2(receiver.open(&error), qPrintable(error));

    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));

    const Peer &peer = m_bed.network().peer(0);
    const Flow flow{peer.address(family), 6000, 5, 200, 41};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(receiver.receive(flow.count, 2s).size(), flow.count);

    const QJsonObject read = client->read(flow.count, 5000);
    NFQMON_VERIFY_REPLY(read);
    const QJsonArray records = recordsTo(read.value(QStringLiteral("records")).toArray(), 6000);
    QVERIFY2(records.size() == flow.count, QJsonDocument(read).toJson().constData());
    const int headers = family == 4 ? 28 : 48;
    for (const QJsonValue &value : records) {
        const QJsonObject r = value.toObject();
        QCOMPARE(r.value(QStringLiteral("source")).toString(), peer.peerAddress(family));
        QCOMPARE(r.value(QStringLiteral("destination")).toString(), peer.address(family));
        QCOMPARE(r.value(QStringLiteral("length")).toInt(), flow.size + headers);
        QCOMPARE(r.value(QStringLiteral("captured")).toInt(), flow.size + headers);
        QCOMPARE(r.value(QStringLiteral("in")).toString(), QStringLiteral("vethA"));
        QCOMPARE(r.value(QStringLiteral("verdict")).toString(), QStringLiteral("accept"));
    }
    QCOMPARE(read.value(QStringLiteral("lost")).toInt(), 0);

    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

void tst_ServiceCapture::dumpsGoToTheUsersFiles_data()
{
    QTest::addColumn<QString>("extension");
    QTest::addColumn<quint32>("magic");
    QTest::newRow("pcap") << QStringLiteral("pcap") << quint32(DumpFile::NanosecondMagic);
    QTest::newRow("pcapng") << QStringLiteral("pcapng") << quint32(0x0a0d0d0a); // the SHB
}

void tst_ServiceCapture::dumpsGoToTheUsersFiles()
{
    QFETCH(QString, extension);
    QFETCH(quint32, magic);
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver kept(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 6001);
    QVERIFY2(kept.open(&error) && dropped.open(&error), qPrintable(error));

    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("AddRule"),
                                     {BusClient::map({{Contract::RuleField::Expression,
                                                       BusClient::s("udp and dst port 6001")}})}));
    const QString input = m_bed.userDirectory() + QStringLiteral("/input.") + extension;
    const QString output = m_bed.userDirectory() + QStringLiteral("/output.") + extension;
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn(
            {QStringLiteral("vethA")},
            {{Contract::Option::DumpInput, BusClient::fd(input, QStringLiteral("w"))},
             {Contract::Option::DumpOutput, BusClient::fd(output, QStringLiteral("w"))}})}));

    const QString local = m_bed.network().peer(0).ipv4;
    const Flow keptFlow{local, 6000, 3, 120, 51};
    const Flow droppedFlow{local, 6001, 2, 120, 52};
    QVERIFY(m_bed.network().sendUdp(0, keptFlow).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, droppedFlow).succeeded());
    QCOMPARE(kept.receive(keptFlow.count, 2s).size(), keptFlow.count);
    QCOMPARE(dropped.receive(0, 300ms).size(), 0);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));

    for (const QString &path : {input, output}) {
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(uint(st.st_uid), PrivateSystemBus::AllowedUid); // the user's file, not root's
        QProcess tcpdump;
        tcpdump.start(QStringLiteral("tcpdump"),
                      {QStringLiteral("-r"), path, QStringLiteral("-n")});
        QVERIFY(tcpdump.waitForFinished(10000));
        QVERIFY2(tcpdump.exitCode() == 0, tcpdump.readAllStandardError().constData());
    }
    DumpFile in, out;
    QVERIFY2(in.load(input, &error) && out.load(output, &error), qPrintable(error));
    QCOMPARE(in.magic(), magic);
    QCOMPARE(out.magic(), magic);
    const auto toPort = [](int port) {
        return [port](const DumpedPacket &p) { return p.isUdp() && p.destinationPort == port; };
    };
    QCOMPARE(in.count(toPort(6000)), keptFlow.count);
    QCOMPARE(in.count(toPort(6001)), droppedFlow.count);
    QCOMPARE(out.count(toPort(6000)), keptFlow.count);
    QVERIFY2(out.count(toPort(6001)) == 0, qPrintable(out.describe()));
}

void tst_ServiceCapture::statusSaysWhoStartedIt()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(
        client->call(QStringLiteral("StartCapture"),
                     {BusClient::captureOn({QStringLiteral("any")},
                                           {{Contract::Option::Queue, BusClient::u(3)}})}));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
    const QJsonObject status = m_bed.status();
    QCOMPARE(status.value(Contract::Status::State).toString(), Contract::Status::Running);
    QCOMPARE(status.value(Contract::Status::StartedBy).toString(), client->uniqueName());
    QCOMPARE(status.value(Contract::Status::StartedByUid).toInt(),
             int(PrivateSystemBus::AllowedUid));
    QCOMPARE(status.value(Contract::Status::Interfaces).toArray(),
             QJsonArray{QStringLiteral("any")});
    QCOMPARE(status.value(Contract::Status::Queue).toInt(), 3);
    QVERIFY(status.value(Contract::Status::FailOpen).toBool());
    QVERIFY2(status.value(Contract::Status::Received).toInt() >= 4,
             QJsonDocument(status).toJson().constData());
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
}

QTEST_GUILESS_MAIN(tst_ServiceCapture)
#include "tst_service_capture.moc"
