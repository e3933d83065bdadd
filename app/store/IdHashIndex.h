// A hash index of 32-bit ids whose keys live elsewhere (an id names its key in its owner's
// array): open addressing with linear probing and deletion by backward shift, so an entry costs
// four bytes, nothing is allocated per entry and an erased slot leaves no tombstone. The owner
// passes the hash of the key it looks for and, to move or rehash entries, how to hash an id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nfqmon {

class IdHashIndex
{
public:
    static constexpr std::uint32_t None = 0xffffffffu;

    // Slots: `wanted` rounded up to a power of 2.
    explicit IdHashIndex(std::size_t wanted = 16) { reset(wanted); }

    std::size_t size() const { return m_size; }
    std::size_t slotCount() const { return m_slots.size(); }
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(std::uint32_t); }

    // The id whose key `matches(id)` says is the one with `hash`, or None.
    template <typename Matches> std::uint32_t find(std::size_t hash, Matches &&matches) const
    {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const std::uint32_t id = m_slots[i];
            if (id == None || matches(id))
                return id;
        }
    }

    // Adds `id` (not there yet) under `hash`; doubles the slots when more than half are used.
    template <typename HashOf> void insert(std::size_t hash, std::uint32_t id, HashOf &&hashOf)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.size() * 2, hashOf);
        place(hash, id);
        ++m_size;
    }

    // Removes `id`, which is there under `hash`.
    template <typename HashOf> void erase(std::size_t hash, std::uint32_t id, HashOf &&hashOf)
    {
        std::size_t hole = hash & m_mask;
        while (m_slots[hole] != id)
            hole = (hole + 1) & m_mask;
        // Pull back every later entry of the run that may not be skipped over by a search.
        for (std::size_t next = (hole + 1) & m_mask; m_slots[next] != None;
             next = (next + 1) & m_mask) {
            const std::size_t home = hashOf(m_slots[next]) & m_mask;
            const bool reachable =
                hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (reachable)
                continue;
            m_slots[hole] = m_slots[next];
            hole = next;
        }
        m_slots[hole] = None;
        --m_size;
    }

    template <typename HashOf> void rehash(std::size_t wanted, HashOf &&hashOf)
    {
        std::vector<std::uint32_t> old;
        old.swap(m_slots);
        const std::size_t size = m_size;
        reset(wanted);
        for (const std::uint32_t id : old) {
            if (id != None)
                place(hashOf(id), id);
        }
        m_size = size;
    }

    void clear(std::size_t wanted)
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        reset(wanted);
    }

private:
    void reset(std::size_t wanted)
    {
        std::size_t n = 2;
        while (n < wanted)
            n *= 2;
        m_slots.assign(n, None);
        m_mask = n - 1;
        m_size = 0;
    }
    void place(std::size_t hash, std::uint32_t id)
    {
        std::size_t i = hash & m_mask;
        while (m_slots[i] != None)
            i = (i + 1) & m_mask;
        m_slots[i] = id;
    }

    std::vector<std::uint32_t> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace nfqmon
