// The byte ring a pcap dump's queue thread writes the file's records into: appends all or
// nothing, what is readable across the wrap (two spans), copying out across it, refusal when
// full, and a real producer/consumer pair on two threads whose bytes come out in order.
#include "helper/engine/ByteRing.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace nfqmon;

namespace {

std::vector<std::uint8_t> bytesFor(std::uint64_t n, std::size_t size)
{
    std::vector<std::uint8_t> b(size);
    for (std::size_t i = 0; i < size; ++i)
        b[i] = std::uint8_t(n * 31 + i);
    return b;
}

std::vector<std::uint8_t> readAll(const ByteRing &ring)
{
    const ByteRing::Readable r = ring.readable();
    std::vector<std::uint8_t> all(r.first.begin(), r.first.end());
    all.insert(all.end(), r.second.begin(), r.second.end());
    return all;
}

} // namespace

class TestByteRing : public QObject
{
    Q_OBJECT
private slots:
    void appendsBothParts_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::newRow("header and bytes") << 16 << 46;
        QTest::newRow("header only") << 16 << 0;
        QTest::newRow("large packet") << 16 << 65535;
    }
    void appendsBothParts()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        ByteRing ring(1 << 20);
        const auto a = bytesFor(1, std::size_t(first));
        const auto b = bytesFor(2, std::size_t(second));
        QVERIFY(ring.tryAppend(a, b));
        std::vector<std::uint8_t> want = a;
        want.insert(want.end(), b.begin(), b.end());
        QCOMPARE(readAll(ring), want);
        QCOMPARE(ring.readable().second.size(), std::size_t(0));
        ring.release(want.size());
        QVERIFY(ring.empty());
    }

    void refusesWholeWhenFull()
    {
        ByteRing ring(64 * 1024);
        QCOMPARE(ring.capacity(), std::size_t(64 * 1024));
        const auto b = bytesFor(0, 1000);
        int appended = 0;
        while (ring.tryAppend(b, b))
            ++appended;
        QCOMPARE(appended, 64 * 1024 / 2000);
        // Nothing of the refused append went in: the ring holds whole appends only.
        QCOMPARE(ring.readable().size(), std::size_t(appended) * 2000);
        ring.release(2000);
        QVERIFY(ring.tryAppend(b, b));
        QVERIFY(!ring.tryAppend(b, b));
    }

    void wrapsIntoTwoSpans()
    {
        ByteRing ring(64 * 1024);
        const auto filler = bytesFor(0, 60 * 1024);
        QVERIFY(ring.tryAppend(filler, {}));
        ring.release(filler.size());
        // 4 KiB to the end: this append goes 4 KiB there and the rest to the start.
        const auto header = bytesFor(1, 16);
        const auto packet = bytesFor(2, 6000);
        QVERIFY(ring.tryAppend(header, packet));
        const ByteRing::Readable r = ring.readable();
        QCOMPARE(r.first.size(), std::size_t(4 * 1024));
        QCOMPARE(r.second.size(), std::size_t(16 + 6000 - 4 * 1024));
        std::vector<std::uint8_t> want = header;
        want.insert(want.end(), packet.begin(), packet.end());
        QCOMPARE(readAll(ring), want);
        // A record header read across the wrap.
        std::vector<std::uint8_t> part(32);
        ring.copyOut(4 * 1024 - 16, part.data(), part.size());
        QVERIFY(std::equal(part.begin(), part.end(), want.begin() + (4 * 1024 - 16)));
        ring.release(want.size());
        QVERIFY(ring.empty());
    }

    void producerAndConsumerThreads()
    {
        ByteRing ring(256 * 1024);
        constexpr std::uint64_t total = 200000;
        std::thread producer([&] {
            for (std::uint64_t i = 0; i < total; ++i) {
                const std::uint64_t number = i;
                const auto bytes = bytesFor(i, i % 300);
                const std::span<const std::uint8_t> header(
                    reinterpret_cast<const std::uint8_t *>(&number), sizeof number);
                while (!ring.tryAppend(header, bytes))
                    std::this_thread::yield();
            }
        });
        std::uint64_t expected = 0;
        bool ordered = true;
        while (expected < total) {
            const std::size_t size = ring.readable().size();
            std::size_t at = 0;
            while (at < size) {
                std::uint64_t number = 0;
                ring.copyOut(at, &number, sizeof number);
                const std::size_t length = number % 300;
                std::vector<std::uint8_t> bytes(length);
                ring.copyOut(at + sizeof number, bytes.data(), length);
                ordered = ordered && number == expected && bytes == bytesFor(expected, length);
                at += sizeof number + length;
                ++expected;
            }
            QCOMPARE(at, size); // only whole appends are readable
            ring.release(size);
        }
        producer.join();
        QVERIFY(ordered);
        QCOMPARE(expected, total);
        QVERIFY(ring.empty());
    }
};

QTEST_GUILESS_MAIN(TestByteRing)
#include "tst_bytering.moc"
