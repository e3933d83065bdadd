// RowIndex: the same numbers as a plain list through every change the table model makes, and a
// range (no memory per row) exactly while the numbers are consecutive and ascending.
#include "app/store/RowIndex.h"

#include <QTest>

#include <numeric>

using namespace nfqmon;

namespace {

QList<qint64> numbers(qint64 from, qint64 count)
{
    QList<qint64> list(count);
    std::iota(list.begin(), list.end(), from);
    return list;
}

} // namespace

class tst_RowIndex : public QObject
{
    Q_OBJECT

private slots:
    void changes_data();
    void changes();
    void partitionPoint();
};

void tst_RowIndex::changes_data()
{
    QTest::addColumn<QStringList>("steps"); // "assign a b", "append a b", "prepend a b",
                                            // "front n", "truncate n", "list", "clear"
    QTest::addColumn<bool>("range");
    QTest::newRow("live capture") << QStringList{"append 1 100", "append 101 50", "front 30"}
                                  << true;
    QTest::newRow("rebuild to all") << QStringList{"assign 5 1000"} << true;
    QTest::newRow("filtered: a gap") << QStringList{"append 1 10", "append 20 5"} << false;
    QTest::newRow("descending view") << QStringList{"prepend 1 3", "prepend 4 3"} << false;
    QTest::newRow("rolled off to empty, then new")
        << QStringList{"append 1 5", "front 5", "append 9 2"} << true;
    QTest::newRow("truncate") << QStringList{"assign 1 10", "truncate 4"} << true;
    QTest::newRow("edited in place") << QStringList{"assign 1 10", "list", "front 2"} << false;
    QTest::newRow("cleared") << QStringList{"append 1 10", "append 30 1", "clear", "append 7 3"}
                             << true;
}

void tst_RowIndex::changes()
{
    QFETCH(QStringList, steps);
    QFETCH(bool, range);
    RowIndex index;
    QList<qint64> expected;
    for (const QString &step : steps) {
        const QStringList w = step.split(u' ');
        const qint64 a = w.value(1).toLongLong();
        const qint64 b = w.value(2).toLongLong();
        if (w[0] == QLatin1String("assign")) {
            index.assign(numbers(a, b));
            expected = numbers(a, b);
        } else if (w[0] == QLatin1String("append")) {
            index.append(numbers(a, b));
            expected.append(numbers(a, b));
        } else if (w[0] == QLatin1String("prepend")) {
            QList<qint64> reversed = numbers(a, b);
            std::reverse(reversed.begin(), reversed.end());
            index.prepend(reversed);
            expected = reversed + expected;
        } else if (w[0] == QLatin1String("front")) {
            index.removeFront(a);
            expected.remove(0, a);
        } else if (w[0] == QLatin1String("truncate")) {
            index.truncate(a);
            expected.resize(a);
        } else if (w[0] == QLatin1String("list")) {
            index.list();
        } else if (w[0] == QLatin1String("clear")) {
            index.clear();
            expected.clear();
        }
    }
    QCOMPARE(index.size(), expected.size());
    QCOMPARE(index.toList(), expected);
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(index[i], expected[i]);
    QCOMPARE(index.isRange(), range);
}

void tst_RowIndex::partitionPoint()
{
    RowIndex index;
    index.assign(numbers(100, 50));
    QCOMPARE(index.partitionPoint([](qint64 n) { return n < 120; }), 20);
    QCOMPARE(index.partitionPoint([](qint64 n) { return n < 99; }), 0);
    QCOMPARE(index.partitionPoint([](qint64 n) { return n < 1000; }), 50);
}

QTEST_GUILESS_MAIN(tst_RowIndex)
#include "tst_rowindex.moc"
