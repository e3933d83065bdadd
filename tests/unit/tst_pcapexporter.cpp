// PcapExporter writes the chosen rows of a snapshot to a pcap file in a worker: read back with
// libpcap the file holds exactly those packets, byte for byte, with their times and lengths, in
// arrival order; tcpdump reads it; progress ends at the total; a cancelled or failed export
// says so and leaves no file.
#include "app/store/PacketStore.h"
#include "app/store/PcapExporter.h"
#include "helper/protocol/PcapReader.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/TestEnvironment.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
    return packets;
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
    QTest::addColumn<QList<qint64>>("rows"); // empty with all = true: every packet
    QTest::addColumn<bool>("all");
    QTest::addColumn<QList<qint64>>("expected");
    QList<qint64> every(500);
    std::iota(every.begin(), every.end(), 0);
    QTest::newRow("all") << QList<qint64>{} << true << every;
    QTest::newRow("one") << QList<qint64>{10} << false << QList<qint64>{10};
    QTest::newRow("run and single ones") << QList<qint64>{3, 4, 5, 6, 99, 20, 499} << false
                                         << QList<qint64>{3, 4, 5, 6, 20, 99, 499};
    QTest::newRow("repeats and out of range")
        << QList<qint64>{7, 7, 2, -1, 500, 2} << false << QList<qint64>{2, 7};
    QTest::newRow("none") << QList<qint64>{} << false << QList<qint64>{};
}

void tst_PcapExporter::exportsTheChosenPackets()
{
    QFETCH(QList<qint64>, rows);
    QFETCH(bool, all);
    QFETCH(QList<qint64>, expected);
    const QList<TestPacket> packets = exportPackets();
    PacketStore store;
    appendInBatches(store, packets, 64);
    const PacketStore::Snapshot snapshot = store.snapshot();
    // What the store does after the snapshot does not matter.
    appendInBatches(store, mixedPackets(10, 500));

    QTemporaryDir dir;
    const QString path = dir.filePath("export.pcap");
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
    QVERIFY(reader.nanosecondFile());
    PcapPacket read;
    for (qint64 row : expected) {
        QVERIFY2(reader.next(&read), qPrintable(QString::number(row)));
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
