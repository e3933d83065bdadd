#include "app/store/RowRollOff.h"

#include <QHash>

#include <algorithm>

namespace nfqmon {

RowRollOff::RowRollOff(const RowIndex &rows, const PacketOrder &order, qint64 firstNumber)
    : m_firstNumber(firstNumber)
{
    if (order.isArrival() && !order.isDescending()) {
        m_count = rows.partitionPoint([this](qint64 n) { return gone(n); });
        return;
    }
    if (order.isArrival()) {
        m_firstRow = rows.partitionPoint([this](qint64 n) { return !gone(n); });
        m_count = rows.size() - m_firstRow;
        return;
    }
    for (qsizetype row = 0; row < rows.size(); ++row) {
        if (gone(rows[row]))
            ++m_count;
    }
    m_firstRow = rows.size() - m_count;
    m_scattered = m_count > 0;
}

QList<int> RowRollOff::rowsAfterGathering(const RowIndex &rows, const QList<int> &before) const
{
    if (!m_scattered)
        return before;
    // One pass up to the last row asked for: a kept row moves up by the rows gone before it,
    // a row that goes follows the kept ones in its order.
    QList<int> wanted = before;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    QHash<int, int> newRow;
    newRow.reserve(wanted.size());
    qsizetype goneBefore = 0;
    qsizetype next = 0;
    for (qsizetype row = 0; row < rows.size() && next < wanted.size(); ++row) {
        const bool goes = gone(rows[row]);
        if (row == wanted[next]) {
            newRow.insert(int(row), int(goes ? m_firstRow + goneBefore : row - goneBefore));
            ++next;
        }
        if (goes)
            ++goneBefore;
    }
    QList<int> after;
    after.reserve(before.size());
    for (const int row : before)
        after.append(newRow.value(row));
    return after;
}

void RowRollOff::gather(RowIndex &rows) const
{
    if (!m_scattered)
        return;
    QList<qint64> &numbers = rows.list();
    std::stable_partition(numbers.begin(), numbers.end(), [this](qint64 n) { return !gone(n); });
}

void RowRollOff::remove(RowIndex &rows) const
{
    if (m_count == 0)
        return;
    if (m_firstRow == 0)
        rows.removeFront(m_count);
    else
        rows.truncate(m_firstRow);
}

} // namespace nfqmon
