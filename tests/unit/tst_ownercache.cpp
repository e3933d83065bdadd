// A queue thread's memory of attribution answers: an answer is found for the same flow, the
// same direction and the table's generation it was read at, and for nothing else; a flow that
// falls in the same slot replaces it.
#include "helper/attribution/OwnerCache.h"

#include <QTest>

using namespace nfqmon;

namespace {

FlowKey flow(std::uint16_t localPort, std::uint8_t remoteLast = 10)
{
    FlowKey key;
    key.raw.family = 4;
    key.raw.protocol = 17;
    key.raw.local[0] = 192;
    key.raw.local[3] = 1;
    key.raw.remote[0] = 192;
    key.raw.remote[3] = remoteLast;
    key.raw.local_port = localPort;
    key.raw.remote_port = 53;
    return key;
}

Attribution owner(std::uint32_t processId)
{
    return {Origin::Process, processId, false};
}

} // namespace

class TestOwnerCache : public QObject
{
    Q_OBJECT
private slots:
    void findsOnlyWhatWasStored_data()
    {
        QTest::addColumn<int>("localPort");
        QTest::addColumn<bool>("outgoing");
        QTest::addColumn<int>("generation");
        QTest::addColumn<bool>("found");
        QTest::newRow("the same flow, direction and generation") << 4000 << true << 5 << true;
        QTest::newRow("the table changed since") << 4000 << true << 6 << false;
        QTest::newRow("the other direction") << 4000 << false << 5 << false;
        QTest::newRow("another flow") << 4001 << true << 5 << false;
    }
    void findsOnlyWhatWasStored()
    {
        QFETCH(int, localPort);
        QFETCH(bool, outgoing);
        QFETCH(int, generation);
        QFETCH(bool, found);
        OwnerCache cache;
        cache.store(flow(4000), true, 5, owner(42));
        OwnerCache::Answer *answer =
            cache.find(flow(std::uint16_t(localPort)), outgoing, std::uint64_t(generation));
        QCOMPARE(answer != nullptr, found);
        if (answer) {
            QCOMPARE(answer->attribution.processId, 42u);
            QCOMPARE(answer->attribution.origin, Origin::Process);
            QVERIFY(!answer->process); // none was asked for
        }
    }

    void emptyCacheFindsNothing()
    {
        OwnerCache cache(16);
        // Generations start at 1: an empty slot (generation 0) never answers a zeroed key.
        QVERIFY(!cache.find(FlowKey{}, false, 1));
        QVERIFY(!cache.find(flow(1), true, 1));
    }

    void keepsManyFlowsAndTheProcess()
    {
        OwnerCache cache(1024);
        for (std::uint16_t port = 1; port <= 200; ++port)
            cache.store(flow(port), false, 1, owner(port));
        // The last flow stored is surely there (the hash is seeded anew in each process, so
        // which earlier ones collided varies).
        auto process = std::make_shared<ProcessInfo>();
        OwnerCache::Answer *last = cache.find(flow(200), false, 1);
        QVERIFY(last);
        last->process = process;
        int kept = 0;
        for (std::uint16_t port = 1; port <= 200; ++port) {
            const OwnerCache::Answer *answer = cache.find(flow(port), false, 1);
            if (answer) {
                QCOMPARE(answer->attribution.processId, std::uint32_t(port));
                ++kept;
            }
        }
        // Direct-mapped: 200 flows in 1,024 slots lose a few to collisions, not most.
        QVERIFY2(kept > 150, qPrintable(QString::number(kept)));
        QCOMPARE(cache.find(flow(200), false, 1)->process,
                 std::shared_ptr<const ProcessInfo>(process));
    }

    void aCollidingFlowReplacesTheSlot()
    {
        OwnerCache cache(1); // one slot: every flow falls in it
        cache.store(flow(1), false, 1, owner(1));
        cache.store(flow(2), false, 1, owner(2));
        QVERIFY(!cache.find(flow(1), false, 1));
        QCOMPARE(cache.find(flow(2), false, 1)->attribution.processId, 2u);
    }
};

QTEST_GUILESS_MAIN(TestOwnerCache)
#include "tst_ownercache.moc"
