// The packet numbers a table shows, in the order shown. Unfiltered and in arrival order (the
// usual view of a live capture) they are every number from the first held on: then the index is
// just that range and costs no memory per packet. Any other view keeps the numbers in a list.
#pragma once

#include <QList>

namespace nfqmon {

class RowIndex
{
public:
    qsizetype size() const { return m_range ? m_count : m_list.size(); }
    bool isEmpty() const { return size() == 0; }
    qint64 operator[](qsizetype i) const { return m_range ? m_first + i : m_list[i]; }
    bool isRange() const { return m_range; }

    // The whole index; consecutive ascending numbers become a range.
    void assign(QList<qint64> numbers);
    void clear();
    QList<qint64> toList() const;

    void append(const QList<qint64> &numbers); // a range stays one if they continue it
    void prepend(const QList<qint64> &numbers);
    void removeFront(qsizetype count);
    void truncate(qsizetype count);
    // The numbers as a list, for changes in place (the index stops being a range).
    QList<qint64> &list();

    // The first position whose number does not satisfy `before` (which holds for a prefix).
    template <typename Before> qsizetype partitionPoint(Before &&before) const
    {
        qsizetype low = 0;
        qsizetype high = size();
        while (low < high) {
            const qsizetype middle = low + (high - low) / 2;
            if (before((*this)[middle]))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

private:
    static bool consecutive(const QList<qint64> &numbers, qint64 from);

    bool m_range = true;
    qint64 m_first = 0;
    qsizetype m_count = 0;
    QList<qint64> m_list;
};

} // namespace nfqmon
