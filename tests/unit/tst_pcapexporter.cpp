// PcapExporter writes the chosen rows of a snapshot to a pcap or pcapng file in a worker: read
// back with libpcap the file holds exactly those packets, byte for byte, with their times and
// lengths, in arrival order; tcpdump reads it; a pcapng file read by tshark also has each
// packet's interface, direction and verdict, and the names of the exported packets' remote
// addresses (`tshark -z hosts`); progress ends at the total; a cancelled or failed export says
// so and leaves no file.
#include "app/store/PacketStore.h"
#include "app/store/PcapExporter.h"
#include "helper/protocol/PcapReader.h"
#include "helper/protocol/PcapngWriter.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/Tshark.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

QList<TestPacket> exportPackets()
{
    QList<TestPacket> packets = mixedPackets(500);
    // A long one (cut by the store at 262,144 bytes) and one cut by the helper's snap length.
    packets[10] = testPacket(PacketBuilder::ipv4("10.9.9.9", "10.9.9.8", PacketBuilder::Udp,
                                                 PacketBuilder::udp(1, 2, QByteArray(60'000, 'z'))),
                             1'700'000'000'000'000'010);
    packets[20].record.packetLength += 1000;
    // Every third packet has a host name, of four.
    for (qsizetype i = 0; i < packets.size(); i += 3)
        packets[i].record.hostId = 1 + std::uint64_t(i % 4);
    return packets;
}

QString hostNameOf(std::uint64_t id)
{
    return QStringLiteral("h%1.test").arg(id);
}

// The store with the packets, the helper's host entries before the first.
void appendWithNames(PacketStore &store, const QList<TestPacket> &packets)
{
    for (qsizetype i = 0; i < packets.size(); i += 64) {
        QList<StreamBatch> batches = streamBatches(packets.mid(i, 64));
        if (i == 0) {
            for (std::uint64_t id = 1; id <= 4; ++id)
                batches[0].hosts.append({id, HostSource::Dns, hostNameOf(id)});
        }
        for (const StreamBatch &batch : batches)
            store.append(batch);
    }
}

// The remote end of a packet, as its host name names it.
QString remoteAddress(const PacketRecord &r)
{
    const auto &address = r.hook == Hook::Output ? r.summary.destination : r.summary.source;
    char text[INET6_ADDRSTRLEN] = {};
    const bool v6 = r.summary.network == NetworkProtocol::IPv6;
    inet_ntop(v6 ? AF_INET6 : AF_INET, address.data(), text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

class tst_PcapExporter : public QObject
{
    Q_OBJECT

private slots:
    void exportsTheChosenPackets_data();
    void exportsTheChosenPackets();
    void cancelRemovesTheFile();
    void unwritablePathFails();
};

void tst_PcapExporter::exportsTheChosenPackets_data()
{
    QTest::addColumn<QString>("fileName");   // the format by its extension
    QTest::addColumn<QList<qint64>>("rows"); // empty with all = true: every packet
    QTest::addColumn<bool>("all");
    QTest::addColumn<QList<qint64>>("expected");
    QList<qint64> every(500);
    std::iota(every.begin(), every.end(), 0);
    for (const char *name : {"export.pcap", "export.pcapng"}) {
        const QString file = QString::fromLatin1(name);
        QTest::addRow("%s %s", name, "all") << file << QList<qint64>{} << true << every;
        QTest::addRow("%s %s", name, "one")
            << file << QList<qint64>{10} << false << QList<qint64>{10};
        QTest::addRow("%s %s", name, "run and single ones")
            << file << QList<qint64>{3, 4, 5, 6, 99, 20, 499} << false
            << QList<qint64>{3, 4, 5, 6, 20, 99, 499};
        QTest::addRow("%s %s", name, "repeats and out of range")
            << file << QList<qint64>{7, 7, 2, -1, 500, 2} << false << QList<qint64>{2, 7};
        QTest::addRow("%s %s", name, "none") << file << QList<qint64>{} << false << QList<qint64>{};
    }
}

void tst_PcapExporter::exportsTheChosenPackets()
{
    QFETCH(QString, fileName);
    QFETCH(QList<qint64>, rows);
    QFETCH(bool, all);
    QFETCH(QList<qint64>, expected);
    const bool pcapng = fileName.endsWith(QLatin1String(".pcapng"));
    const QList<TestPacket> packets = exportPackets();
    PacketStore store;
    appendWithNames(store, packets);
    const PacketStore::Snapshot snapshot = store.snapshot();
    // What the store does after the snapshot does not matter.
    appendInBatches(store, mixedPackets(10, 500));

    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    PcapExporter exporter;
    QSignalSpy progress(&exporter, &PcapExporter::progress);
    QSignalSpy finished(&exporter, &PcapExporter::finished);
    QVERIFY(all ? exporter.startAll(snapshot, path) : exporter.start(snapshot, rows, path));
    QVERIFY(exporter.isRunning());
    QVERIFY(!exporter.startAll(snapshot, path)); // one at a time
    store.clear();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QVERIFY(!exporter.isRunning());
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());

    PcapReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.linkType(), 101);
    QCOMPARE(reader.nanosecondFile(), !pcapng); // pcapng: if_tsresol says nanoseconds
    PcapPacket read;
    for (qint64 row : expected) {
        QVERIFY2(reader.next(&read),
                 qPrintable(QString::number(row) + u' ' + reader.errorString()));
        const TestPacket &sent = packets[row];
        QCOMPARE(read.timestampNs, sent.record.timestampNs);
        QCOMPARE(read.wireLength, sent.record.packetLength);
        QCOMPARE(read.data, sent.bytes);
    }
    QVERIFY(!reader.next(&read));
    QCOMPARE(reader.errorString(), QString());

    const QString tcpdump = QStandardPaths::findExecutable("tcpdump");
    if (tcpdump.isEmpty()) {
        // packaging/install-deps.sh --tests installs it: CI must read the file back with it.
        if (nfqmon::test::runningInCi())
            QFAIL("CI must read the export back with tcpdump, but tcpdump is not installed");
        QSKIP("tcpdump is not installed");
    }
    QProcess process;
    process.start(tcpdump, {"-n", "-r", path});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray output = process.readAllStandardOutput();
    QCOMPARE(output.count('\n'), expected.size());

    // tshark: the interface, direction and verdict of each packet, and the names.
    QList<QStringList> fields;
    QVERIFY2(Tshark::fields(path,
                            {QStringLiteral("frame.interface_name"),
                             QStringLiteral("frame.packet_flags_direction"),
                             QStringLiteral("frame.comment")},
                            &fields, &error),
             qPrintable(error));
    QCOMPARE(fields.size(), expected.size());
    QStringList names;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const PacketRecord &r = packets[expected[i]].record;
        const bool out = r.hook == Hook::Output;
        const QString verdict =
            QLatin1String(r.verdict == Verdict::Drop ? "dropped" : "accepted") +
            (r.ruleId >= 0 ? QStringLiteral(" by rule %1").arg(r.ruleId) : QString());
        // The store saw eth0 and eth1: the file's one interface stands for both, and the
        // comment names the packet's.
        const QStringList want =
            pcapng ? QStringList{QString::fromLatin1(PcapngWriter::SeveralInterfaces.data(),
                                                     PcapngWriter::SeveralInterfaces.size()),
                                 QLatin1String(out ? "0x00000002" : "0x00000001"),
                                 verdict + QStringLiteral(", on ") +
                                     QString::fromLatin1(out ? r.outInterface : r.inInterface)}
                   : QStringList{QString(), QString(), QString()};
        QCOMPARE(fields[i], want);
        const QString entry = remoteAddress(r) + u' ' + hostNameOf(r.hostId);
        if (pcapng && r.hostId != 0 && !names.contains(entry))
            names.append(entry);
    }
    // Wireshark keeps one name per address (the last the file gave): every named address is
    // listed, with one of its names.
    QStringList hosts;
    QVERIFY2(Tshark::hosts(path, &hosts, &error), qPrintable(error));
    QSet<QString> namedAddresses;
    for (const QString &entry : names)
        namedAddresses.insert(entry.section(u' ', 0, 0));
    QSet<QString> listedAddresses;
    for (const QString &entry : hosts) {
        QVERIFY2(names.contains(entry), qPrintable(entry));
        listedAddresses.insert(entry.section(u' ', 0, 0));
    }
    QCOMPARE(listedAddresses, namedAddresses);
    // And every (address, name) pair is in the file, once.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (std::uint64_t id = 1; id <= 4; ++id) {
        const QByteArray name = hostNameOf(id).toLatin1() + '\0';
        const auto pairs = std::count_if(names.cbegin(), names.cend(), [&](const QString &e) {
            return e.endsWith(u' ' + hostNameOf(id));
        });
        QCOMPARE(bytes.count(name), qsizetype(pairs));
    }
}

void tst_PcapExporter::cancelRemovesTheFile()
{
    PacketStore store;
    const QList<TestPacket> packets = mixedPackets(1000);
    for (int i = 0; i < 200; ++i)
        appendInBatches(store, packets, 1000);
    QTemporaryDir dir;
    const QString path = dir.filePath("cancelled.pcap");
    PcapExporter exporter;
    QSignalSpy finished(&exporter, &PcapExporter::finished);
    QVERIFY(exporter.startAll(store.snapshot(), path));
    exporter.cancel();
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("The export was cancelled."));
    QVERIFY(!QFile::exists(path));
}

void tst_PcapExporter::unwritablePathFails()
{
    PacketStore store;
    appendInBatches(store, mixedPackets(10));
    PcapExporter exporter;
    QSignalSpy finished(&exporter, &PcapExporter::finished);
    QVERIFY(exporter.startAll(store.snapshot(), "/nonexistent/dir/x.pcap"));
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(finished.at(0).at(1).toString(),
             QStringLiteral("Cannot create /nonexistent/dir/x.pcap: No such file or directory"));
}

QTEST_GUILESS_MAIN(tst_PcapExporter)
#include "tst_pcapexporter.moc"
