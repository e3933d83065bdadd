// PcapImporter opens pcap files of the common link types into the store as the IP packets the
// helper would have seen (link headers removed, frames without IP skipped), with their times
// and lengths and without verdict; files it cannot show are refused with a sentence, and a
// damaged file keeps the packets before the damage.
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "app/store/PcapExporter.h"
#include "app/store/PcapImporter.h"
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

constexpr qint64 T0 = 1'700'000'000'123'456'789;

struct Frame {
    qint64 timestampNs = 0;
    QByteArray data;
    quint32 wireLength = 0; // 0: data.size()
};

// A classic pcap file, little endian, nanosecond or microsecond timestamps.
QByteArray pcapFile(quint32 linkType, const QList<Frame> &frames, bool nano = true)
{
    QByteArray file;
    const auto put32 = [&file](quint32 v) {
        v = qToLittleEndian(v);
        file.append(reinterpret_cast<const char *>(&v), 4);
    };
    const auto put16 = [&file](quint16 v) {
        v = qToLittleEndian(v);
        file.append(reinterpret_cast<const char *>(&v), 2);
    };
    put32(nano ? 0xa1b23c4d : 0xa1b2c3d4);
    put16(2);
    put16(4);
    put32(0);
    put32(0);
    put32(262144);
    put32(linkType);
    for (const Frame &f : frames) {
        put32(quint32(f.timestampNs / 1'000'000'000));
        put32(quint32(f.timestampNs % 1'000'000'000 / (nano ? 1 : 1000)));
        put32(quint32(f.data.size()));
        put32(f.wireLength ? f.wireLength : quint32(f.data.size()));
        file.append(f.data);
    }
    return file;
}

QByteArray be16(quint16 v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}

QList<QByteArray> ipPackets()
{
    using namespace PacketBuilder;
    return {ipv4("10.0.0.1", "10.0.0.2", Udp, udp(5353, 53, "query")),
            ipv6("2001:db8::1", "2001:db8::2", Tcp, tcp(443, 5512, TcpFlag::Syn | TcpFlag::Ack)),
            ipv4("10.0.0.2", "10.0.0.1", Icmp, icmpEcho(true, 1, 2, "ping"))};
}

using Framing = QByteArray (*)(const QByteArray &ip);

QByteArray ethernet(const QByteArray &ip)
{
    const bool v6 = (quint8(ip[0]) >> 4) == 6;
    return QByteArray(12, '\x11') + be16(v6 ? 0x86dd : 0x0800) + ip;
}
QByteArray vlanEthernet(const QByteArray &ip)
{
    const bool v6 = (quint8(ip[0]) >> 4) == 6;
    return QByteArray(12, '\x11') + be16(0x88a8) + be16(5) + be16(0x8100) + be16(7) +
           be16(v6 ? 0x86dd : 0x0800) + ip;
}
QByteArray cooked(const QByteArray &ip)
{
    const bool v6 = (quint8(ip[0]) >> 4) == 6;
    return QByteArray(14, '\x22') + be16(v6 ? 0x86dd : 0x0800) + ip;
}
QByteArray cooked2(const QByteArray &ip)
{
    const bool v6 = (quint8(ip[0]) >> 4) == 6;
    return be16(v6 ? 0x86dd : 0x0800) + QByteArray(18, '\x33') + ip;
}
QByteArray nullFamily(const QByteArray &ip)
{
    return QByteArray("\x02\x00\x00\x00", 4) + ip;
}
QByteArray raw(const QByteArray &ip)
{
    return ip;
}

} // namespace

Q_DECLARE_METATYPE(Framing)

class tst_PcapImporter : public QObject
{
    Q_OBJECT

private slots:
    void opensLinkTypes_data();
    void opensLinkTypes();
    void refusesWhatItCannotShow_data();
    void refusesWhatItCannotShow();
    void damagedFileKeepsWhatCameBefore();
    void exportedFileComesBackTheSame_data();
    void exportedFileComesBackTheSame();

private:
    QTemporaryDir m_dir;
};

void tst_PcapImporter::opensLinkTypes_data()
{
    QTest::addColumn<quint32>("linkType");
    QTest::addColumn<Framing>("framing");
    QTest::addColumn<bool>("nano");
    QTest::newRow("raw") << 101u << Framing(raw) << true;
    QTest::newRow("raw, microseconds") << 101u << Framing(raw) << false;
    QTest::newRow("ipv4/ipv6 link types") << 228u << Framing(raw) << true;
    QTest::newRow("ethernet") << 1u << Framing(ethernet) << true;
    QTest::newRow("ethernet with VLAN tags") << 1u << Framing(vlanEthernet) << true;
    QTest::newRow("linux cooked") << 113u << Framing(cooked) << true;
    QTest::newRow("linux cooked v2") << 276u << Framing(cooked2) << false;
    QTest::newRow("null") << 0u << Framing(nullFamily) << true;
    QTest::newRow("loop") << 108u << Framing(nullFamily) << true;
}

void tst_PcapImporter::opensLinkTypes()
{
    QFETCH(quint32, linkType);
    QFETCH(Framing, framing);
    QFETCH(bool, nano);
    const QList<QByteArray> ip = ipPackets();
    QList<Frame> frames;
    for (int i = 0; i < ip.size(); ++i)
        frames.append({T0 + i * 1'000'000'000LL, framing(ip[i]), 0});
    frames[1].wireLength = quint32(frames[1].data.size() + 500); // snapped
    if (linkType == 1)                                           // an ARP frame: no IP
        frames.insert(1, {T0, QByteArray(12, '\x11') + be16(0x0806) + QByteArray(28, '\0'), 0});
    const QString path = m_dir.filePath(QStringLiteral("link-%1-%2.pcap").arg(linkType).arg(nano));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pcapFile(linkType, frames, nano));
    file.close();

    PacketStore store;
    store.appendPacket(PacketRecord{}, QByteArray("earlier")); // the file's packets come after
    QString error;
    qint64 skipped = -1;
    QVERIFY2(PcapImporter::load(path, &store, &error, &skipped), qPrintable(error));
    QCOMPARE(skipped, linkType == 1 ? 1 : 0);
    QCOMPARE(store.size(), 1 + ip.size());
    for (int i = 0; i < ip.size(); ++i) {
        const StoredPacket &p = store.at(1 + i);
        const qint64 ns = T0 + i * 1'000'000'000LL;
        QCOMPARE(p.timestampNs, nano ? ns : ns / 1000 * 1000);
        QCOMPARE(store.bytes(1 + i), ip[i]);
        QCOMPARE(p.packetLength, quint32(ip[i].size() + (i == 1 ? 500 : 0)));
        QVERIFY(p.flags & StoredFlag::NoVerdict);
        QCOMPARE(p.inInterface, 0);
        const PacketSummary expected = PacketDecoder::summarize(PacketBuilder::bytes(ip[i]));
        const PacketSummary full = store.fullSummary(1 + i);
        QCOMPARE(std::memcmp(&full, &expected, sizeof expected), 0);
        QCOMPARE(p.summary.source, expected.source);
        QCOMPARE(p.summary.destinationPort, expected.destinationPort);
    }
    // The table shows no verdict or direction for them.
    PacketTableModel model(&store);
    QCOMPARE(model.index(1, PacketTableModel::Verdict).data().toString(), QString());
    QCOMPARE(model.index(1, PacketTableModel::Direction).data().toString(), QString());
    QVERIFY(
        !model.index(1, 0).data(PacketTableModel::DroppedRole).toBool()); // not shown as dropped
}

void tst_PcapImporter::refusesWhatItCannotShow_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message"); // %1: the path
    QTest::newRow("802.11") << pcapFile(105, {{T0, QByteArray(30, 'x'), 0}})
                            << QStringLiteral("%1 holds packets of link type 105, which nfqmon "
                                              "cannot show (it shows IP packets: raw IP, "
                                              "Ethernet, Linux cooked or loopback captures).");
    QTest::newRow("not pcap") << QByteArray("hello, this is text and not a capture file")
                              << QStringLiteral("Cannot read %1: ");
}

void tst_PcapImporter::refusesWhatItCannotShow()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    const QString path = m_dir.filePath("refused.pcap");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(contents);
    file.close();
    PacketStore store;
    QString error;
    QVERIFY(!PcapImporter::load(path, &store, &error));
    QVERIFY2(error.startsWith(message.arg(path)), qPrintable(error));
    QCOMPARE(store.size(), 0);
    QVERIFY(!PcapImporter::load(m_dir.filePath("missing.pcap"), &store, &error));
    QVERIFY2(error.contains("No such file or directory"), qPrintable(error));
}

void tst_PcapImporter::damagedFileKeepsWhatCameBefore()
{
    const QList<QByteArray> ip = ipPackets();
    QByteArray contents = pcapFile(101, {{T0, ip[0], 0}, {T0 + 1, ip[1], 0}, {T0 + 2, ip[2], 0}});
    contents.chop(5); // the last packet cut short
    const QString path = m_dir.filePath("damaged.pcap");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    PacketStore store;
    QString error;
    QVERIFY(!PcapImporter::load(path, &store, &error));
    QVERIFY2(error.startsWith(path + " is damaged after packet 2: "), qPrintable(error));
    QCOMPARE(store.size(), 2);
    QCOMPARE(store.bytes(1), ip[1]);
}

void tst_PcapImporter::exportedFileComesBackTheSame_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("pcap") << "roundtrip.pcap";
    QTest::newRow("pcapng (File → Open reads it too)") << "roundtrip.pcapng";
}

void tst_PcapImporter::exportedFileComesBackTheSame()
{
    QFETCH(QString, fileName);
    PacketStore store;
    const QList<TestPacket> packets = mixedPackets(3000);
    appendInBatches(store, packets);
    const QString path = m_dir.filePath(fileName);
    PcapExporter exporter;
    QSignalSpy finished(&exporter, &PcapExporter::finished);
    exporter.startAll(store.snapshot(), path);
    QVERIFY(finished.wait(30'000));
    QVERIFY(finished.at(0).at(0).toBool());

    PacketStore opened;
    QString error;
    QVERIFY2(PcapImporter::load(path, &opened, &error), qPrintable(error));
    QCOMPARE(opened.size(), 3000);
    for (int row = 0; row < 3000; ++row) {
        QCOMPARE(opened.at(row).timestampNs, packets[row].record.timestampNs);
        QCOMPARE(opened.bytes(row), packets[row].bytes);
    }
}

QTEST_GUILESS_MAIN(tst_PcapImporter)
#include "tst_pcapimporter.moc"
