// RowJobScheduler: a small job is done before start() returns; a big one runs in a worker while
// the event loop goes on and is delivered once, in the calling thread; only the latest job's
// result arrives (a newer job or cancel() drops the one running), so the table never swaps in
// rows it no longer wants.
#include "app/store/PacketStore.h"
#include "app/store/RowJobScheduler.h"
#include "tests/support/app/StoreTestData.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

struct Delivered {
    QList<RowJobResult> results;
    QList<QThread *> threads;
};

RowJob rebuild(const PacketStore &store)
{
    RowJob job;
    job.kind = RowJob::Kind::Rebuild;
    job.snapshot = store.snapshot();
    return job;
}

// Lets every worker finish and their results reach the event loop.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

class tst_RowJobScheduler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void smallJobIsDoneAtOnce();
    void bigJobRunsInAWorker();
    void newerJobSupersedesTheRunningOne_data();
    void newerJobSupersedesTheRunningOne();
    void cancelledJobIsNeverDelivered();

private:
    PacketStore m_small;
    PacketStore m_big;
};

void tst_RowJobScheduler::initTestCase()
{
    appendInBatches(m_small, mixedPackets(100));
    appendInBatches(m_big, mixedPackets(RowJobScheduler::SynchronousLimit + 10'000), 1000);
}

void tst_RowJobScheduler::smallJobIsDoneAtOnce()
{
    Delivered d;
    RowJobScheduler scheduler([&](RowJobResult r) {
        d.results.append(r);
        d.threads.append(QThread::currentThread());
    });
    QVERIFY(!scheduler.start(rebuild(m_small)));
    QCOMPARE(d.results.size(), 1);
    QCOMPARE(d.results[0].rows.size(), 100);
    QCOMPARE(d.threads[0], QThread::currentThread());
    QVERIFY(!scheduler.isRunning());
    settle();
    QCOMPARE(d.results.size(), 1); // once
}

void tst_RowJobScheduler::bigJobRunsInAWorker()
{
    Delivered d;
    RowJobScheduler scheduler([&](RowJobResult r) {
        d.results.append(r);
        d.threads.append(QThread::currentThread());
    });
    QVERIFY(scheduler.start(rebuild(m_big)));
    QVERIFY(scheduler.isRunning());
    QCOMPARE(d.results.size(), 0); // not yet: the caller goes on
    QTRY_COMPARE_WITH_TIMEOUT(d.results.size(), 1, 60'000);
    QVERIFY(!scheduler.isRunning());
    QCOMPARE(d.results[0].rows.size(), m_big.size());
    QCOMPARE(d.threads[0], QThread::currentThread()); // delivered in the caller's thread
    settle();
    QCOMPARE(d.results.size(), 1);
}

void tst_RowJobScheduler::newerJobSupersedesTheRunningOne_data()
{
    QTest::addColumn<bool>("newerIsBig");
    QTest::newRow("a big job after a big one") << true;
    QTest::newRow("a small job after a big one") << false;
}

void tst_RowJobScheduler::newerJobSupersedesTheRunningOne()
{
    QFETCH(bool, newerIsBig);
    Delivered d;
    RowJobScheduler scheduler([&](RowJobResult r) { d.results.append(r); });
    RowJob first = rebuild(m_big);
    QVERIFY(scheduler.start(first));
    RowJob newer = rebuild(newerIsBig ? m_big : m_small);
    newer.kind = RowJob::Kind::Incremental; // told apart from the first by its kind
    newer.from = newer.snapshot.firstNumber();
    QCOMPARE(scheduler.start(newer), newerIsBig);
    settle();
    QTRY_COMPARE_WITH_TIMEOUT(d.results.size(), 1, 60'000);
    settle();
    QCOMPARE(d.results.size(), 1);
    QCOMPARE(d.results[0].kind, RowJob::Kind::Incremental);
    QCOMPARE(d.results[0].added.size(), newerIsBig ? m_big.size() : m_small.size());
    QVERIFY(!scheduler.isRunning());
}

void tst_RowJobScheduler::cancelledJobIsNeverDelivered()
{
    Delivered d;
    RowJobScheduler scheduler([&](RowJobResult r) { d.results.append(r); });
    QVERIFY(scheduler.start(rebuild(m_big)));
    scheduler.cancel();
    QVERIFY(!scheduler.isRunning());
    settle();
    QCOMPARE(d.results.size(), 0);
    // The scheduler goes on with the next job.
    QVERIFY(!scheduler.start(rebuild(m_small)));
    QCOMPARE(d.results.size(), 1);
}

QTEST_GUILESS_MAIN(tst_RowJobScheduler)
#include "tst_rowjobscheduler.moc"
