// PacketStore keeps what was appended (records, interface names, bytes) in arrival order with
// numbers from 1, rolls whole chunks off the front at the limit (saying so before they go), and
// hands out snapshots that stay valid and unchanged while the store appends, rolls off and
// clears. A packet file that fails keeps the records without their bytes and says so once.
// Addresses go with the last packet that can be read with them: a flood of spoofed sources
// costs memory bounded by the limit, and a snapshot reads its packets' own addresses however
// much came after.
#include "app/store/PacketStore.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent>

#include <arpa/inet.h>
#include <csignal>
#include <optional>
#include <set>
#include <sys/resource.h>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

// The summary without what only the decoder needs again (the store reads it from the bytes).
PacketSummary kept(PacketSummary s)
{
    s.fragmentId = 0;
    s.fragmentOffset = 0;
    s.transportOffset = 0;
    s.reserved = 0;
    return s;
}

void compareRecord(qint64 row, const TestPacket &sent, const PacketStore &store)
{
    const StoredPacket stored = store.at(row);
    const PacketRecord &r = sent.record;
    QCOMPARE(stored.timestampNs, r.timestampNs);
    QCOMPARE(stored.packetLength, r.packetLength);
    QCOMPARE(stored.capturedLength, quint32(sent.bytes.size()));
    QCOMPARE(stored.verdict, r.verdict);
    QCOMPARE(stored.ruleId, r.ruleId);
    QCOMPARE(stored.hook, r.hook);
    QCOMPARE(stored.flags, r.flags);
    QCOMPARE(stored.uid, r.uid);
    QCOMPARE(stored.gid, r.gid);
    const PacketSummary expected = kept(r.summary);
    QCOMPARE(std::memcmp(&stored.summary, &expected, sizeof expected), 0);
    const PacketSummary full = store.fullSummary(row);
    QCOMPARE(std::memcmp(&full, &r.summary, sizeof r.summary), 0);
    QCOMPARE(store.interfaceName(stored.inInterface), QString::fromUtf8(r.inInterface));
    QCOMPARE(store.interfaceName(stored.outInterface), QString::fromUtf8(r.outInterface));
}

// The source of flood packet `index`: a different IPv6 address for each.
QString floodSourceText(qint64 index)
{
    return QStringLiteral("2001:db8:%1:%2::1")
        .arg((index >> 16) & 0xffff, 0, 16)
        .arg(index & 0xffff, 0, 16);
}

std::array<std::uint8_t, 16> floodSource(qint64 index)
{
    std::array<std::uint8_t, 16> a{};
    inet_pton(AF_INET6, qPrintable(floodSourceText(index)), a.data());
    return a;
}

// Flood packets [first, first + count): IPv6/UDP to one host, each from its own source.
QList<TestPacket> floodPackets(qint64 first, qint64 count)
{
    QList<TestPacket> packets;
    packets.reserve(count);
    for (qint64 i = first; i < first + count; ++i) {
        const QByteArray bytes =
            PacketBuilder::ipv6(qPrintable(floodSourceText(i)), "2001:db8::2", PacketBuilder::Udp,
                                PacketBuilder::udp(4000, 53, "x"));
        packets.append(testPacket(bytes, 1'700'000'000'000'000'000 + i));
    }
    return packets;
}

// The distinct addresses of the packets `store` holds, the all-zero one included.
quint32 addressesHeld(const PacketStore &store)
{
    std::set<std::array<std::uint8_t, 16>> addresses{{}};
    for (qint64 row = 0; row < store.size(); ++row) {
        const StoredPacket p = store.at(row);
        addresses.insert(p.summary.source);
        addresses.insert(p.summary.destination);
    }
    return quint32(addresses.size());
}

void flood(PacketStore &store, qint64 first, qint64 count)
{
    for (qint64 i = first; i < first + count; i += 10'000)
        appendInBatches(store, floodPackets(i, std::min<qint64>(10'000, first + count - i)), 500);
}

} // namespace

class tst_PacketStore : public QObject
{
    Q_OBJECT

private slots:
    void appendKeepsEverything_data();
    void appendKeepsEverything();
    void importKeepsEverything();
    void limitRollsOffWholeChunks_data();
    void limitRollsOffWholeChunks();
    void loweringTheLimitRollsOffAtOnce();
    void snapshotWhileAppending();
    void clearStartsAgain();
    void failingFileKeepsRecordsWithoutBytes();
    void spoofedSourcesCostBoundedMemory();
    void snapshotKeepsItsAddressesDuringAFlood();
};

void tst_PacketStore::appendKeepsEverything_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("batchSize");
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("one batch") << 100 << 100;
    QTest::newRow("small batches") << 1000 << 7;
    QTest::newRow("across chunks") << 9000 << 500;
}

void tst_PacketStore::appendKeepsEverything()
{
    QFETCH(int, count);
    QFETCH(int, batchSize);
    PacketStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QSignalSpy appended(&store, &PacketStore::packetsAppended);
    const QList<TestPacket> packets = mixedPackets(count);
    appendInBatches(store, packets, batchSize);

    QCOMPARE(store.size(), count);
    QCOMPARE(store.firstNumber(), 1);
    QCOMPARE(store.rolledOff(), 0);
    QCOMPARE(appended.size(), (count + batchSize - 1) / batchSize);
    qint64 announced = 0;
    for (const auto &signal : appended)
        announced += signal.at(0).toLongLong();
    QCOMPARE(announced, count);
    for (int row = 0; row < count; ++row) {
        QCOMPARE(store.at(row).number, row + 1);
        compareRecord(row, packets[row], store);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("row %1").arg(row)));
        QCOMPARE(store.bytes(row), packets[row].bytes);
    }
    const QStringList names{QString(), "eth0", "eth1"};
    QCOMPARE(store.interfaceNames(), names.first(count == 1 ? 2 : 3)); // packet 2 goes out eth1
}

void tst_PacketStore::importKeepsEverything()
{
    // Imported packets are written in pieces of 1 MiB: reads must see unwritten ones too.
    PacketStore store;
    QSignalSpy appended(&store, &PacketStore::packetsAppended);
    QList<TestPacket> packets = mixedPackets(3000);
    packets.append(testPacket(QByteArray(300'000, 'x'), 5)); // longer than the store keeps
    for (const TestPacket &p : packets)
        store.appendPacket(p.record, p.bytes);
    QCOMPARE(appended.size(), packets.size());
    QCOMPARE(store.size(), packets.size());
    QCOMPARE(store.bytes(1), packets[1].bytes); // before anything was written
    for (int row = 0; row < 3000; ++row)
        QCOMPARE(store.bytes(row), packets[row].bytes);
    const StoredPacket &longOne = store.at(3000);
    QCOMPARE(longOne.capturedLength, PacketStore::MaximumCapturedLength);
    QCOMPARE(longOne.packetLength, 300'000u);
    QCOMPARE(store.bytes(3000), packets.last().bytes.left(PacketStore::MaximumCapturedLength));
}

void tst_PacketStore::limitRollsOffWholeChunks_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("chunkCapacity");
    QTest::addColumn<qint64>("expectedSize");
    QTest::newRow("below the limit") << qint64(1000) << 1000 << 32 << qint64(1000);
    QTest::newRow("one over") << qint64(1000) << 1001 << 32 << qint64(969);
    QTest::newRow("far over") << qint64(1000) << 5000 << 32 << qint64(1000);
    QTest::newRow("tiny limit") << qint64(10) << 100 << 16 << qint64(4);
    QTest::newRow("default") << PacketStore::DefaultLimit << 10000 << 4096 << qint64(10000);
    QTest::newRow("big chunks") << qint64(100'000) << 120'000 << 4096 << qint64(99'520);
}

void tst_PacketStore::limitRollsOffWholeChunks()
{
    QFETCH(qint64, limit);
    QFETCH(int, count);
    QFETCH(int, chunkCapacity);
    QFETCH(qint64, expectedSize);
    PacketStore store;
    store.setLimit(limit);
    const QList<TestPacket> packets = mixedPackets(200);
    // Roll-off is announced before the rows go: the store still holds them in the slot.
    qint64 announced = 0;
    connect(&store, &PacketStore::packetsRolledOff, this, [&](qint64 n) {
        QCOMPARE(n % chunkCapacity, 0);
        QVERIFY(store.size() > limit);
        QCOMPARE(store.firstNumber(), announced + 1);
        QVERIFY(store.bytes(n - 1) == packets[(store.at(n - 1).number - 1) % 200].bytes);
        announced += n;
    });
    for (int i = 0; i < count; i += 200) {
        QList<TestPacket> part;
        for (int j = i; j < std::min(count, i + 200); ++j) {
            TestPacket p = packets[j % 200];
            p.record.timestampNs = j;
            part.append(p);
        }
        appendInBatches(store, part, 100);
    }
    QCOMPARE(store.chunkCapacity(), chunkCapacity);
    QCOMPARE(store.size(), expectedSize);
    QCOMPARE(store.rolledOff(), count - expectedSize);
    QCOMPARE(announced, store.rolledOff());
    QCOMPARE(store.firstNumber(), store.rolledOff() + 1);
    for (qint64 row : {qint64(0), expectedSize / 2, expectedSize - 1}) {
        const qint64 number = store.rolledOff() + row + 1;
        QCOMPARE(store.at(row).number, number);
        QCOMPARE(store.at(row).timestampNs, number - 1);
        QCOMPARE(store.bytes(row), packets[(number - 1) % 200].bytes);
    }
}

void tst_PacketStore::loweringTheLimitRollsOffAtOnce()
{
    PacketStore store;
    store.setLimit(1000); // chunks of 32
    appendInBatches(store, mixedPackets(1000));
    QSignalSpy rolled(&store, &PacketStore::packetsRolledOff);
    store.setLimit(500);
    QCOMPARE(rolled.size(), 1);
    QCOMPARE(rolled.at(0).at(0).toLongLong(), 512);
    QCOMPARE(store.size(), 488);
    QCOMPARE(store.at(0).number, 513);
    store.setLimit(5000);
    QCOMPARE(rolled.size(), 1);
}

void tst_PacketStore::snapshotWhileAppending()
{
    // A worker reads a snapshot while the store appends, rolls its chunks off and clears.
    PacketStore store;
    store.setLimit(2000); // chunks of 64
    const QList<TestPacket> packets = mixedPackets(3000);
    appendInBatches(store, packets.first(1500));
    const PacketStore::Snapshot snapshot = store.snapshot();
    QCOMPARE(snapshot.size(), 1500);
    QCOMPARE(snapshot.firstNumber(), 1);

    auto reader = QtConcurrent::run([snapshot, packets] {
        int wrong = 0;
        for (int round = 0; round < 20; ++round) {
            snapshot.forEachWithBytes(0, snapshot.size(),
                                      [&](qint64 row, const StoredPacket &p, const uint8_t *data) {
                                          const QByteArray &sent = packets[row].bytes;
                                          if (p.number != row + 1 || !data ||
                                              QByteArrayView(data, p.capturedLength) != sent)
                                              ++wrong;
                                      });
            if (snapshot.bytes(round) != packets[round].bytes)
                ++wrong;
        }
        return wrong;
    });
    for (int round = 0; round < 10; ++round)
        appendInBatches(store, packets.mid(1500 + round * 150, 150), 10);
    QVERIFY(store.rolledOff() > 0); // the snapshot's first chunks left the store
    store.clear();
    appendInBatches(store, packets.first(100));
    QCOMPARE(reader.result(), 0);
    QCOMPARE(snapshot.at(1499).number, 1500);
    QCOMPARE(snapshot.bytes(0), packets[0].bytes);
}

void tst_PacketStore::clearStartsAgain()
{
    PacketStore store;
    QVERIFY(store.open(nullptr));
    appendInBatches(store, mixedPackets(100));
    QSignalSpy cleared(&store, &PacketStore::cleared);
    store.clear();
    QCOMPARE(cleared.size(), 1);
    QCOMPARE(store.size(), 0);
    QVERIFY(store.isOpen());
    const QList<TestPacket> again = mixedPackets(10, 50);
    appendInBatches(store, again);
    QCOMPARE(store.firstNumber(), 1);
    QCOMPARE(store.at(9).number, 10);
    QCOMPARE(store.bytes(9), again[9].bytes);
}

void tst_PacketStore::failingFileKeepsRecordsWithoutBytes()
{
    // A file size limit makes the packet file fail as a full disk would (EFBIG, not a signal).
    PacketStore store;
    QVERIFY(store.open(nullptr));
    const QList<TestPacket> packets = mixedPackets(400);
    appendInBatches(store, packets.first(100));
    qint64 written = 0;
    for (int row = 0; row < 100; ++row)
        written += store.at(row).capturedLength;

    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    auto *previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = before;
    small.rlim_cur = rlim_t(written + 3000);
    setrlimit(RLIMIT_FSIZE, &small);
    QSignalSpy failed(&store, &PacketStore::errorOccurred);
    appendInBatches(store, packets.mid(100), 50);
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, previous);

    QCOMPARE(failed.size(), 1);
    QVERIFY2(store.errorString().startsWith("packet file: "), qPrintable(store.errorString()));
    QCOMPARE(store.size(), 400);
    for (int row = 0; row < 100; ++row)
        QCOMPARE(store.bytes(row), packets[row].bytes);
    int kept = 0;
    for (int row = 100; row < 400; ++row) {
        const StoredPacket &p = store.at(row);
        QCOMPARE(p.packetLength, packets[row].record.packetLength);
        if (p.capturedLength != 0) {
            QCOMPARE(store.bytes(row), packets[row].bytes);
            ++kept;
        }
    }
    QVERIFY(kept > 0 && kept < 300);
}

void tst_PacketStore::spoofedSourcesCostBoundedMemory()
{
    // 25 times the limit, each packet from a new source: the table holds the addresses of the
    // packets held (and the one destination), and its memory stops growing once the store is
    // full.
    PacketStore store;
    store.setLimit(8192); // chunks of 512
    flood(store, 0, 2 * 8192);
    QVERIFY(store.rolledOff() >= 8192);
    const std::size_t memoryWhenFull = store.addressMemory();
    flood(store, 2 * 8192, 23 * 8192);
    QCOMPARE(store.size() + store.rolledOff(), 25 * 8192);
    QCOMPARE(store.addressCount(), quint32(store.size() + 2)); // + the destination and 0
    QCOMPARE(store.addressCount(), addressesHeld(store));
    QCOMPARE(store.addressMemory(), memoryWhenFull);
    // Reused ids name the right addresses.
    for (qint64 row = 0; row < store.size(); row += 97) {
        const StoredPacket p = store.at(row);
        QVERIFY(p.summary.source == floodSource(p.number - 1));
        QCOMPARE(p.summary.destinationPort, 53);
    }
    QVERIFY(store.at(store.size() - 1).summary.source == floodSource(25 * 8192 - 1));
    // The flood stops, the usual few hosts come back: their addresses are all that is left.
    appendInBatches(store, mixedPackets(9000));
    QVERIFY(store.firstNumber() > 25 * 8192);
    QCOMPARE(store.addressCount(), addressesHeld(store));
    QVERIFY2(store.addressCount() < 1000, qPrintable(QString::number(store.addressCount())));
}

void tst_PacketStore::snapshotKeepsItsAddressesDuringAFlood()
{
    // A worker reads a snapshot while a flood rolls its chunks off: the ids of its addresses
    // are not given to new ones while it can read them, and are once it has gone.
    PacketStore store;
    store.setLimit(4096); // chunks of 256
    flood(store, 0, 4096);
    std::optional<PacketStore::Snapshot> snapshot = store.snapshot();
    std::atomic<bool> done{false};
    auto reader = QtConcurrent::run([snapshot = *snapshot, &done]() mutable {
        int wrong = 0;
        for (int round = 0; round < 2 || !done.load(); ++round) {
            for (qint64 row = 0; row < snapshot.size(); ++row) {
                const StoredPacket p = snapshot.at(row);
                if (p.number != row + 1 || p.summary.source != floodSource(row))
                    ++wrong;
            }
        }
        snapshot = {}; // let go here, in the worker thread
        return wrong;
    });
    flood(store, 4096, 10 * 4096);
    done.store(true);
    QCOMPARE(reader.result(), 0);
    QVERIFY(store.firstNumber() > 4096); // every packet of the snapshot left the store
    for (qint64 row = 0; row < 4096; row += 7)
        QVERIFY(snapshot->at(row).summary.source == floodSource(row));
    QVERIFY(store.addressCount() >= store.size() + snapshot->size());
    snapshot.reset(); // the reader's copy went with the reader
    flood(store, 11 * 4096, 256);
    QCOMPARE(store.addressCount(), quint32(store.size() + 2));
    QCOMPARE(store.addressCount(), addressesHeld(store));
}

QTEST_GUILESS_MAIN(tst_PacketStore)
#include "tst_packetstore.moc"
