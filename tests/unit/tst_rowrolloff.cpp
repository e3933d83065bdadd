// RowRollOff: when the store rolls its oldest packets off, the table loses exactly their rows
// and keeps the others in their order. In arrival order they leave from one end; sorted by a
// column they are gathered at the end first, and a selected row stays on its packet.
#include "app/store/PacketTableModel.h"
#include "app/store/RowRollOff.h"

#include <QTest>

using namespace nfqmon;

class tst_RowRollOff : public QObject
{
    Q_OBJECT

private slots:
    void rowsOfRolledOffPacketsGo_data();
    void rowsOfRolledOffPacketsGo();
    void aRangeIndexStaysARange();
};

void tst_RowRollOff::rowsOfRolledOffPacketsGo_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QList<qint64>>("rows");       // packet numbers, in the order shown
    QTest::addColumn<qint64>("firstNumber");       // the oldest packet the store keeps
    QTest::addColumn<int>("firstRemoved");         // -1: nothing goes
    QTest::addColumn<int>("lastRemoved");          //
    QTest::addColumn<QList<qint64>>("left");       // what the table shows afterwards
    QTest::addColumn<QList<int>>("rowAfterwards"); // of each row before; -1: gone
    const int length = PacketTableModel::Length;
    const auto A = Qt::AscendingOrder;
    const auto D = Qt::DescendingOrder;

    QTest::newRow("arrival: the top rows go")
        << -1 << A << QList<qint64>{5, 6, 7, 8, 9, 10} << qint64(8) << 0 << 2
        << QList<qint64>{8, 9, 10} << QList<int>{-1, -1, -1, 0, 1, 2};
    QTest::newRow("arrival, filtered") << -1 << A << QList<qint64>{3, 7, 12, 20} << qint64(10) << 0
                                       << 1 << QList<qint64>{12, 20} << QList<int>{-1, -1, 0, 1};
    QTest::newRow("newest first: the bottom rows go")
        << int(PacketTableModel::Number) << D << QList<qint64>{10, 9, 8, 7, 6, 5} << qint64(8) << 3
        << 5 << QList<qint64>{10, 9, 8} << QList<int>{0, 1, 2, -1, -1, -1};
    QTest::newRow("sorted: gone rows anywhere")
        << length << A << QList<qint64>{9, 3, 11, 5, 4, 10} << qint64(6) << 3 << 5
        << QList<qint64>{9, 11, 10} << QList<int>{0, -1, 1, -1, -1, 2};
    QTest::newRow("sorted descending, the first row goes")
        << length << D << QList<qint64>{1, 9, 8, 2} << qint64(3) << 2 << 3 << QList<qint64>{9, 8}
        << QList<int>{-1, 0, 1, -1};
    QTest::newRow("nothing rolled off that is shown")
        << length << A << QList<qint64>{9, 11, 10} << qint64(6) << -1 << -1
        << QList<qint64>{9, 11, 10} << QList<int>{0, 1, 2};
    QTest::newRow("arrival, everything goes")
        << -1 << A << QList<qint64>{1, 2, 3} << qint64(50) << 0 << 2 << QList<qint64>{}
        << QList<int>{-1, -1, -1};
    QTest::newRow("sorted, everything goes") << length << D << QList<qint64>{2, 3, 1} << qint64(50)
                                             << 0 << 2 << QList<qint64>{} << QList<int>{-1, -1, -1};
    QTest::newRow("empty table") << -1 << A << QList<qint64>{} << qint64(50) << -1 << -1
                                 << QList<qint64>{} << QList<int>{};
}

void tst_RowRollOff::rowsOfRolledOffPacketsGo()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QList<qint64>, rows);
    QFETCH(qint64, firstNumber);
    QFETCH(int, firstRemoved);
    QFETCH(int, lastRemoved);
    QFETCH(QList<qint64>, left);
    QFETCH(QList<int>, rowAfterwards);
    RowIndex index;
    index.assign(rows);
    const RowRollOff rollOff(index, PacketOrder(column, order, {}), firstNumber);
    QCOMPARE(rollOff.isEmpty(), firstRemoved < 0);
    if (rollOff.isEmpty()) {
        QCOMPARE(index.toList(), left);
        return;
    }
    // Every row of the table is selected: where each ends up, once gathered (a layout change)
    // and once the rows that go are removed (which moves the rows after them up).
    QList<int> all;
    for (int row = 0; row < rows.size(); ++row)
        all.append(row);
    const QList<int> gathered = rollOff.rowsAfterGathering(index, all);
    rollOff.gather(index);
    QCOMPARE(index.size(), rows.size()); // gathering removes nothing
    QCOMPARE(rollOff.firstRow(), firstRemoved);
    QCOMPARE(rollOff.lastRow(), lastRemoved);
    const int removed = lastRemoved - firstRemoved + 1;
    for (int row = 0; row < rows.size(); ++row) {
        QCOMPARE(index[gathered[row]], rows[row]); // the same packet
        const bool goes = gathered[row] >= firstRemoved && gathered[row] <= lastRemoved;
        const int afterwards =
            goes ? -1 : (gathered[row] > lastRemoved ? gathered[row] - removed : gathered[row]);
        QCOMPARE(afterwards, rowAfterwards[row]);
    }
    rollOff.remove(index);
    QCOMPARE(index.toList(), left);
}

// Unfiltered in arrival order the index costs no memory per packet, also after a roll-off.
void tst_RowRollOff::aRangeIndexStaysARange()
{
    RowIndex index;
    index.assign({1, 2, 3, 4, 5, 6, 7, 8});
    QVERIFY(index.isRange());
    const RowRollOff rollOff(index, PacketOrder(), 4);
    QVERIFY(!rollOff.needsGathering());
    rollOff.remove(index);
    QVERIFY(index.isRange());
    QCOMPARE(index.toList(), (QList<qint64>{4, 5, 6, 7, 8}));
}

QTEST_GUILESS_MAIN(tst_RowRollOff)
#include "tst_rowrolloff.moc"
