// The most frequent keys of a stream in fixed memory: the Space-Saving summary (Metwally,
// Agrawal and El Abbadi, 2005) with `counters` counters. While no more distinct keys than
// counters have come, every count is exact. After that a new key takes the counter of the least
// counted one, starting from that count plus one; so, with N keys added and the smallest
// counter at m (m <= N / counters):
//   - a key that is not kept occurred at most m times: every key that occurred more is kept;
//   - a kept key's count is at most `error` (<= m) above the truth, never below it.
// errorBound() says m once a counter was ever taken over, 0 before. Each key also sums a weight
// (bytes) from when it took its counter: a lower bound. O(log counters) per key (a min-heap).
#pragma once

#include "app/store/IdHashIndex.h"

#include <QtGlobal>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace nfqmon {

template <typename Key, typename Hash> class HeavyHitters
{
public:
    struct Entry {
        Key key{};
        quint64 count = 0;  // an overestimate by at most `error`
        quint64 error = 0;  // the count the key took over (0: counted since its first time)
        quint64 weight = 0; // since the key took its counter
    };

    explicit HeavyHitters(int counters)
        : m_counters(std::max(counters, 1)), m_index(std::size_t(m_counters) * 2)
    {
        m_entries.reserve(std::size_t(m_counters));
        m_positions.reserve(std::size_t(m_counters));
        m_heap.reserve(std::size_t(m_counters));
    }

    int counters() const { return m_counters; }
    quint64 total() const { return m_total; } // keys added
    quint64 errorBound() const
    {
        return m_replaced && !m_heap.empty() ? m_entries[m_heap.front()].count : 0;
    }
    // At most `count` of the counted keys, highest count first, equal counts in `keyLess` order.
    template <typename KeyLess> std::vector<Entry> top(int count, KeyLess &&keyLess) const
    {
        std::vector<Entry> list(m_entries);
        const auto n = std::min(list.size(), std::size_t(std::max(count, 0)));
        std::partial_sort(list.begin(), list.begin() + std::ptrdiff_t(n), list.end(),
                          [&](const Entry &a, const Entry &b) {
                              return a.count != b.count ? a.count > b.count : keyLess(a.key, b.key);
                          });
        list.resize(n);
        return list;
    }

    void add(const Key &key, quint64 weight)
    {
        ++m_total;
        const std::size_t hash = Hash{}(key);
        std::uint32_t id =
            m_index.find(hash, [&](std::uint32_t i) { return m_entries[i].key == key; });
        if (id != IdHashIndex::None) {
            Entry &e = m_entries[id];
            e.count += 1;
            e.weight += weight;
            siftDown(m_positions[id]);
            return;
        }
        const auto hashOf = [this](std::uint32_t i) { return Hash{}(m_entries[i].key); };
        if (m_entries.size() < std::size_t(m_counters)) {
            id = std::uint32_t(m_entries.size());
            m_entries.push_back({key, 1, 0, weight});
            m_positions.push_back(std::uint32_t(m_heap.size()));
            m_heap.push_back(id);
            siftUp(m_heap.size() - 1);
        } else {
            id = m_heap.front(); // the least counted key gives up its counter
            Entry &e = m_entries[id];
            m_index.erase(hashOf(id), id, hashOf);
            e.key = key;
            e.error = e.count;
            e.count += 1;
            e.weight = weight;
            m_replaced = true;
            siftDown(0);
        }
        m_index.insert(hash, id, hashOf);
    }

    void clear()
    {
        m_entries.clear();
        m_positions.clear();
        m_heap.clear();
        m_index.clear(std::size_t(m_counters) * 2);
        m_total = 0;
        m_replaced = false;
    }

private:
    quint64 countAt(std::size_t position) const { return m_entries[m_heap[position]].count; }
    void swapAt(std::size_t a, std::size_t b)
    {
        std::swap(m_heap[a], m_heap[b]);
        m_positions[m_heap[a]] = std::uint32_t(a);
        m_positions[m_heap[b]] = std::uint32_t(b);
    }
    void siftUp(std::size_t position)
    {
        while (position > 0) {
            const std::size_t parent = (position - 1) / 2;
            if (countAt(parent) <= countAt(position))
                return;
            swapAt(parent, position);
            position = parent;
        }
    }
    void siftDown(std::size_t position)
    {
        for (;;) {
            std::size_t least = position;
            for (const std::size_t child : {2 * position + 1, 2 * position + 2}) {
                if (child < m_heap.size() && countAt(child) < countAt(least))
                    least = child;
            }
            if (least == position)
                return;
            swapAt(least, position);
            position = least;
        }
    }

    int m_counters;
    std::vector<Entry> m_entries;           // by id; at most m_counters
    std::vector<std::uint32_t> m_positions; // in m_heap, by id
    std::vector<std::uint32_t> m_heap;      // ids, least count first
    IdHashIndex m_index;                    // slots: twice the counters, so it never grows
    quint64 m_total = 0;
    bool m_replaced = false;
};

} // namespace nfqmon
