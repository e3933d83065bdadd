// The order of the packet table's rows when sorted by a column: by the values behind the shown
// text, not the text (addresses numerically, IPv4 before IPv6; protocols, interfaces and host
// names by name), then by number, so that every order is total and a row can be found by binary
// search. Arrival order (by number) is the default. Thread-safe once made: workers sort with a
// copy.
#pragma once

#include "app/store/PacketSnapshot.h"
#include "app/store/StoredPacket.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace nfqmon {

class PacketStore;

class PacketOrder
{
public:
    PacketOrder() = default; // arrival order
    // `column` is a PacketTableModel::Column (-1 = arrival order); `interfaceNames` the store's
    // table (interfaces added later sort after these, by id).
    PacketOrder(int column, Qt::SortOrder order, const QStringList &interfaceNames);

    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }
    bool isArrival() const; // by number, either way: new packets go to one end
    bool isDescending() const { return m_order == Qt::DescendingOrder; }

    // Strict and total: only a packet with itself compares equal. `packets` (a PacketSnapshot
    // or a PacketStore holding both) names their hosts and machines, for the Host and Machine
    // columns.
    template <typename Packets>
    bool less(const StoredPacket &a, const StoredPacket &b, const Packets &packets) const
    {
        int c = m_column == HostColumn ? packets.hostName(a.host).compare(packets.hostName(b.host))
                : m_column == MachineColumn
                    ? packets.machineNameOf(a).compare(packets.machineNameOf(b))
                    : compareKeys(a, b);
        if (c == 0)
            c = a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
        return isDescending() ? c > 0 : c < 0;
    }

    // Sorts packet numbers held by `packets` (a PacketSnapshot or a PacketStore).
    template <typename Packets> void sort(QList<qint64> &numbers, const Packets &packets) const;
    // Merges two lists sorted in this order.
    template <typename Packets>
    QList<qint64> merge(const QList<qint64> &a, const QList<qint64> &b,
                        const Packets &packets) const;
    // Where `number` is, or would go, in numbers sorted in this order (a QList or a RowIndex:
    // anything with size() and operator[]).
    template <typename Rows, typename Packets>
    qsizetype lowerBound(const Rows &numbers, qint64 number, const Packets &packets) const;

    // The column's value as three words whose order (word by word) is compareKeys()'s, for
    // the columns where that fits (all but Info): sorting a million packets by such keys
    // touches each record once instead of at every comparison.
    using Key = std::array<std::uint64_t, 3>;
    bool hasKey() const;
    Key keyOf(const StoredPacket &p) const;

private:
    static const int HostColumn;    // PacketTableModel::Host
    static const int MachineColumn; // PacketTableModel::Machine

    int compareKeys(const StoredPacket &a, const StoredPacket &b) const;
    int interfaceRank(const StoredPacket &p) const;

    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    QList<int> m_interfaceRank; // by interface id
};

template <typename Packets>
void PacketOrder::sort(QList<qint64> &numbers, const Packets &packets) const
{
    if (isArrival()) {
        if (isDescending())
            std::sort(numbers.begin(), numbers.end(), std::greater<>());
        else
            std::sort(numbers.begin(), numbers.end());
        return;
    }
    if (!hasKey()) {
        std::sort(numbers.begin(), numbers.end(), [&](qint64 a, qint64 b) {
            return less(packets.byNumber(a), packets.byNumber(b), packets);
        });
        return;
    }
    struct Entry {
        Key key;
        qint64 number;
        bool operator<(const Entry &o) const
        {
            return key != o.key ? key < o.key : number < o.number;
        }
    };
    std::vector<Entry> entries;
    entries.reserve(std::size_t(numbers.size()));
    for (const qint64 number : numbers)
        entries.push_back({keyOf(packets.byNumber(number)), number});
    if (isDescending())
        std::sort(entries.begin(), entries.end(),
                  [](const Entry &a, const Entry &b) { return b < a; });
    else
        std::sort(entries.begin(), entries.end());
    for (qsizetype i = 0; i < numbers.size(); ++i)
        numbers[i] = entries[std::size_t(i)].number;
}

template <typename Packets>
QList<qint64> PacketOrder::merge(const QList<qint64> &a, const QList<qint64> &b,
                                 const Packets &packets) const
{
    QList<qint64> merged;
    merged.resize(a.size() + b.size());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), merged.begin(), [&](qint64 x, qint64 y) {
        return less(packets.byNumber(x), packets.byNumber(y), packets);
    });
    return merged;
}

template <typename Rows, typename Packets>
qsizetype PacketOrder::lowerBound(const Rows &numbers, qint64 number, const Packets &packets) const
{
    const auto search = [&numbers](auto &&before) {
        qsizetype low = 0;
        qsizetype high = numbers.size();
        while (low < high) {
            const qsizetype middle = low + (high - low) / 2;
            if (before(numbers[middle]))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    if (isArrival()) {
        return isDescending() ? search([number](qint64 x) { return x > number; })
                              : search([number](qint64 x) { return x < number; });
    }
    const StoredPacket packet = packets.byNumber(number);
    return search([&](qint64 x) { return less(packets.byNumber(x), packet, packets); });
}

} // namespace nfqmon
