// The lock-free ring between a queue thread and a consumer: order, bytes, wrap-around, refusal
// when full (the caller counts the loss), and a real producer/consumer pair on two threads.
#include "helper/engine/RecordRing.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace nfqmon;

namespace {
PacketRecord recordNumber(std::uint64_t n, std::uint32_t bytes)
{
    PacketRecord r;
    r.sequence = n;
    r.packetLength = bytes;
    r.capturedLength = bytes;
    return r;
}
std::vector<std::uint8_t> bytesFor(std::uint64_t n, std::uint32_t size)
{
    std::vector<std::uint8_t> b(size);
    for (std::uint32_t i = 0; i < size; ++i)
        b[i] = std::uint8_t(n * 31 + i);
    return b;
}
} // namespace

class TestRecordRing : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("size");
        QTest::newRow("empty payloads") << 100 << 0;
        QTest::newRow("small") << 1000 << 60;
        QTest::newRow("odd sizes force padding") << 999 << 61;
        QTest::newRow("large packets") << 10 << 9000;
    }
    void roundTrip()
    {
        QFETCH(int, entries);
        QFETCH(int, size);
        RecordRing ring(1 << 20);
        for (int i = 0; i < entries; ++i) {
            const auto b = bytesFor(i, size);
            QVERIFY(ring.tryPush(recordNumber(i, size), b));
        }
        int seen = 0;
        ring.consume([&](const PacketRecord &r, std::span<const std::uint8_t> b) {
            QCOMPARE(r.sequence, std::uint64_t(seen));
            QCOMPARE(b.size(), std::size_t(size));
            const auto expected = bytesFor(seen, size);
            QVERIFY(std::equal(b.begin(), b.end(), expected.begin()));
            ++seen;
        });
        QCOMPARE(seen, entries);
        QVERIFY(ring.empty());
    }

    // A consumer keeps fewer bytes than the packet had (its snap length): the record it reads
    // back says so, whatever the queue thread's record said.
    void keptLengthIsTheBytesGiven()
    {
        RecordRing ring(64 * 1024);
        PacketRecord record = recordNumber(1, 1500);
        const auto b = bytesFor(1, 96);
        QVERIFY(ring.tryPush(record, b));
        ring.consume([&](const PacketRecord &r, std::span<const std::uint8_t> bytes) {
            QCOMPARE(r.capturedLength, 96u);
            QCOMPARE(r.packetLength, 1500u);
            QCOMPARE(bytes.size(), std::size_t(96));
        });
    }

    void refusesWhenFullAndRecovers()
    {
        RecordRing ring(64 * 1024);
        const auto b = bytesFor(1, 1000);
        int pushed = 0;
        while (ring.tryPush(recordNumber(pushed, 1000), b))
            ++pushed;
        QVERIFY(pushed > 10);
        QVERIFY(pushed < 64); // 64 KiB cannot hold 64 entries of over 1 KiB
        QCOMPARE(ring.consume([](const PacketRecord &, std::span<const std::uint8_t>) {}, 5),
                 std::size_t(5));
        QVERIFY(ring.tryPush(recordNumber(pushed, 1000), b));
    }

    void refusesEntryLargerThanHalf()
    {
        RecordRing ring(64 * 1024);
        const auto b = bytesFor(0, 40 * 1024);
        QVERIFY(!ring.tryPush(recordNumber(0, 40 * 1024), b));
        QVERIFY(ring.empty());
    }

    void wrapsAroundManyTimes()
    {
        RecordRing ring(64 * 1024);
        std::uint64_t next = 0, expected = 0;
        for (int round = 0; round < 2000; ++round) {
            const std::uint32_t size = 100 + (round * 37) % 3000;
            for (int k = 0; k < 3; ++k, ++next)
                QVERIFY(ring.tryPush(recordNumber(next, size), bytesFor(next, size)));
            ring.consume([&](const PacketRecord &r, std::span<const std::uint8_t> b) {
                QCOMPARE(r.sequence, expected);
                const auto want = bytesFor(expected, r.capturedLength);
                QVERIFY(std::equal(b.begin(), b.end(), want.begin(), want.end()));
                ++expected;
            });
        }
        QCOMPARE(expected, next);
    }

    void producerAndConsumerThreads()
    {
        RecordRing ring(256 * 1024);
        constexpr std::uint64_t total = 200000;
        std::uint64_t refused = 0;
        std::thread producer([&] {
            for (std::uint64_t i = 0; i < total; ++i) {
                const std::uint32_t size = i % 200;
                while (!ring.tryPush(recordNumber(i, size), bytesFor(i, size)))
                    ++refused, std::this_thread::yield();
            }
        });
        std::uint64_t expected = 0;
        bool ordered = true;
        while (expected < total) {
            ring.consume([&](const PacketRecord &r, std::span<const std::uint8_t> b) {
                const auto want = bytesFor(expected, r.capturedLength);
                ordered = ordered && r.sequence == expected &&
                          std::equal(b.begin(), b.end(), want.begin(), want.end());
                ++expected;
            });
        }
        producer.join();
        QVERIFY(ordered);
        QCOMPARE(expected, total);
        QVERIFY(ring.empty());
    }
};

QTEST_GUILESS_MAIN(TestRecordRing)
#include "tst_recordring.moc"
