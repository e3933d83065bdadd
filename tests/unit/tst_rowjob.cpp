// RowJob: the packet table's work on a snapshot of the store, as a worker thread runs it. A
// rebuild finds the packets the display filter matches, in the table's order; a reorder sorts
// the rows shown and no others; an incremental job matches only the packets that arrived since,
// and merges them into the rows of a sorted table; a cancelled job says so.
#include "app/store/DisplayFilter.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "app/store/RowJob.h"
#include "helper/protocol/CompiledFilter.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QTest>

#include <algorithm>
#include <limits>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

using Kind = RowJob::Kind;

// The numbers from `from` to before `end` of the packets of `store` that `expression` matches.
QList<qint64> matching(const PacketStore &store, const QString &expression, qint64 from = 1,
                       qint64 end = std::numeric_limits<qint64>::max())
{
    const auto filter = CompiledFilter::compile(expression, nullptr);
    Q_ASSERT(filter);
    QList<qint64> numbers;
    for (qint64 row = 0; row < store.size(); ++row) {
        const StoredPacket p = store.at(row);
        const QByteArray bytes = store.bytes(row);
        if (p.number >= from && p.number < end &&
            filter->matches(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                            p.capturedLength, p.packetLength))
            numbers.append(p.number);
    }
    return numbers;
}

// The test's own idea of the order: arrival (by number) or by length, ties by number.
QList<qint64> sorted(QList<qint64> numbers, const PacketStore &store, int column,
                     Qt::SortOrder order)
{
    const auto key = [&](qint64 n) {
        const qint64 length =
            column == PacketTableModel::Length ? store.byNumber(n).packetLength : 0;
        return std::pair(length, n);
    };
    std::sort(numbers.begin(), numbers.end(), [&](qint64 a, qint64 b) {
        return order == Qt::AscendingOrder ? key(a) < key(b) : key(b) < key(a);
    });
    return numbers;
}

RowQuery query(const QString &expression, int column, Qt::SortOrder order, const PacketStore &store)
{
    RowQuery q;
    if (!expression.isEmpty())
        q.selection.setFilter(DisplayFilter::compile(expression, nullptr));
    q.order = PacketOrder(column, order, store.interfaceNames());
    return q;
}

} // namespace

class tst_RowJob : public QObject
{
    Q_OBJECT

private slots:
    void rebuildFindsTheMatchingPacketsInOrder_data();
    void rebuildFindsTheMatchingPacketsInOrder();
    void reorderSortsTheRowsShownAndNoOthers();
    void incrementalMatchesOnlyTheNewPackets_data();
    void incrementalMatchesOnlyTheNewPackets();
    void cancelledJobSaysSo();
    void workIsThePacketsToLookAt();
};

void tst_RowJob::rebuildFindsTheMatchingPacketsInOrder_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("everything, arrival") << QString() << -1 << Qt::AscendingOrder;
    QTest::newRow("udp, arrival") << QStringLiteral("udp") << -1 << Qt::AscendingOrder;
    QTest::newRow("udp, newest first")
        << QStringLiteral("udp") << int(PacketTableModel::Number) << Qt::DescendingOrder;
    QTest::newRow("tcp, by length")
        << QStringLiteral("tcp") << int(PacketTableModel::Length) << Qt::AscendingOrder;
    QTest::newRow("everything, longest first")
        << QString() << int(PacketTableModel::Length) << Qt::DescendingOrder;
    QTest::newRow("nothing") << QStringLiteral("host 192.0.2.99") << -1 << Qt::AscendingOrder;
}

void tst_RowJob::rebuildFindsTheMatchingPacketsInOrder()
{
    QFETCH(QString, filter);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    PacketStore store;
    appendInBatches(store, mixedPackets(500));
    RowJob job;
    job.kind = Kind::Rebuild;
    job.query = query(filter, column, order, store);
    job.snapshot = store.snapshot();
    appendInBatches(store, mixedPackets(50, 500)); // after the snapshot: not the job's
    const RowJobResult result = job.run();
    QVERIFY(!result.cancelled);
    QCOMPARE(result.kind, Kind::Rebuild);
    QCOMPARE(result.firstNumber, 1);
    QCOMPARE(result.end, 501);
    const QString expression = filter.isEmpty() ? QStringLiteral("ip or ip6") : filter;
    QCOMPARE(result.rows, sorted(matching(store, expression, 1, 501), store, column, order));
}

void tst_RowJob::reorderSortsTheRowsShownAndNoOthers()
{
    PacketStore store;
    appendInBatches(store, mixedPackets(400));
    QList<qint64> shown;
    for (qint64 n = 1; n <= 400; n += 3)
        shown.append(n);
    RowJob job;
    job.kind = Kind::Reorder;
    job.query = query({}, PacketTableModel::Length, Qt::DescendingOrder, store);
    job.snapshot = store.snapshot();
    job.rows = shown;
    const RowJobResult result = job.run();
    QCOMPARE(result.rows, sorted(shown, store, PacketTableModel::Length, Qt::DescendingOrder));
    // And back to arrival order.
    job.query = query({}, -1, Qt::AscendingOrder, store);
    job.rows = result.rows;
    QCOMPARE(job.run().rows, shown);
}

void tst_RowJob::incrementalMatchesOnlyTheNewPackets_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("arrival") << QString() << -1 << Qt::AscendingOrder;
    QTest::newRow("filtered") << QStringLiteral("icmp or ip6") << -1 << Qt::AscendingOrder;
    QTest::newRow("sorted") << QString() << int(PacketTableModel::Length) << Qt::AscendingOrder;
    QTest::newRow("sorted and filtered")
        << QStringLiteral("udp") << int(PacketTableModel::Length) << Qt::DescendingOrder;
}

void tst_RowJob::incrementalMatchesOnlyTheNewPackets()
{
    QFETCH(QString, filter);
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    const QString expression = filter.isEmpty() ? QStringLiteral("ip or ip6") : filter;
    PacketStore store;
    appendInBatches(store, mixedPackets(300));
    RowJob job;
    job.kind = Kind::Incremental;
    job.query = query(filter, column, order, store);
    job.from = 201; // the table has matched the first 200
    const bool arrival = column < 0;
    if (!arrival)
        job.rows = sorted(matching(store, expression, 1, 201), store, column, order);
    job.snapshot = store.snapshot();
    const RowJobResult result = job.run();
    QCOMPARE(result.end, 301);
    QCOMPARE(result.added, matching(store, expression, 201)); // in arrival order
    if (arrival)
        QVERIFY(result.rows.isEmpty()); // the table appends them
    else
        QCOMPARE(result.rows, sorted(matching(store, expression), store, column, order));
}

void tst_RowJob::cancelledJobSaysSo()
{
    PacketStore store;
    appendInBatches(store, mixedPackets(100));
    RowJob job;
    job.kind = Kind::Rebuild;
    job.snapshot = store.snapshot();
    QVERIFY(!job.run().cancelled);
    *job.cancel = true;
    QVERIFY(job.run().cancelled);
}

void tst_RowJob::workIsThePacketsToLookAt()
{
    PacketStore store;
    appendInBatches(store, mixedPackets(1000));
    RowJob job;
    job.snapshot = store.snapshot();
    job.kind = Kind::Rebuild;
    QCOMPARE(job.work(), 1000);
    job.kind = Kind::Reorder;
    job.rows = QList<qint64>(300, 1);
    QCOMPARE(job.work(), 300);
    job.kind = Kind::Incremental;
    job.from = 901;
    job.rows.clear();
    QCOMPARE(job.work(), 100); // arrival order: the new packets
    job.rows = QList<qint64>(300, 1);
    QCOMPARE(job.work(), 400); // sorted: and the rows they are merged into
}

QTEST_GUILESS_MAIN(tst_RowJob)
#include "tst_rowjob.moc"
