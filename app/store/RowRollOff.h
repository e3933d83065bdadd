// The packet table's side of the store rolling its oldest packets off: which rows go (those of
// packets numbered below `firstNumber`) and where the rows kept end up. In arrival order the
// rows that go are at one end of the table. Sorted by a column they are anywhere: they are first
// gathered at the end (a layout change in which the rows kept stay in their order and move up
// by the rows gone before them) and removed from there, so that a view's selection and current
// row stay on their packets.
#pragma once

#include "app/store/PacketOrder.h"
#include "app/store/RowIndex.h"

#include <QList>

namespace nfqmon {

class RowRollOff
{
public:
    // `rows` are the table's packet numbers in `order`.
    RowRollOff(const RowIndex &rows, const PacketOrder &order, qint64 firstNumber);

    bool isEmpty() const { return m_count == 0; }
    // The rows removed (after gather()): firstRow() to lastRow(), both included.
    int firstRow() const { return int(m_firstRow); }
    int lastRow() const { return int(m_firstRow + m_count - 1); }

    // Whether the rows that go must be gathered at the end before they are removed.
    bool needsGathering() const { return m_scattered; }
    // Where the rows `before` (of `rows` as given to the constructor) are after gather(), in
    // the same order.
    QList<int> rowsAfterGathering(const RowIndex &rows, const QList<int> &before) const;
    void gather(RowIndex &rows) const;
    // Removes firstRow() to lastRow().
    void remove(RowIndex &rows) const;

private:
    bool gone(qint64 number) const { return number < m_firstNumber; }

    qint64 m_firstNumber;
    qsizetype m_firstRow = 0;
    qsizetype m_count = 0;
    bool m_scattered = false;
};

} // namespace nfqmon
