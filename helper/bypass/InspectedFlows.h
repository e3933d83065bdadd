// How many packets of each flow one queue thread inspected, so that the one that reaches the
// depth hands the flow to the kernel (FlowBypass::store()). A fixed table of slots chosen by the
// key's hash: a flow whose slot another took starts counting again, so a flood of flows costs
// bounded memory and at worst more inspection, never less. A TCP SYN, or a flow idle as long as
// the kernel's bypass forgets it, starts again too. A slot keeps the key's 64-bit hash, not the
// key: 24 bytes, so that the table stays in the cache (every packet reads a slot). One thread only:
// every packet of a flow reaches the same queue (the queues are balanced by flow).
#pragma once

#include "helper/protocol/BypassKey.h"

#include <cstdint>
#include <vector>

namespace nfqmon {

class InspectedFlows
{
public:
    static constexpr std::size_t DefaultSlots = 32768;

    // depth: packets inspected before the kernel takes over (at least 1).
    explicit InspectedFlows(std::uint32_t depth, std::size_t slots = DefaultSlots);

    // The key's hash, which the calls below take as well; never 0.
    static std::uint64_t hashOf(const BypassKey &key);
    // Asks for the flow's slot ahead of count(): on a new flow it is a miss of the caches, which
    // the queue thread's other lookups can hide.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[hash & m_mask], 1); }

    // Counts an inspected packet of the flow. True when the flow has had `depth` packets
    // inspected and its decision is not stored for `generation` yet: the caller stores it and
    // says so with stored().
    bool count(std::uint64_t hash, bool opening, std::uint32_t generation, std::int64_t nowNs);
    bool count(const BypassKey &key, std::uint32_t generation, std::int64_t nowNs)
    {
        return count(hashOf(key), key.opening, generation, nowNs);
    }
    // The decision for the flow counted last is stored under `generation`.
    void stored(std::uint64_t hash, std::uint32_t generation);
    void stored(const BypassKey &key, std::uint32_t generation) { stored(hashOf(key), generation); }

    std::uint32_t depth() const { return m_depth; }

private:
    struct Slot {
        std::uint64_t hash = 0;       // of the key (seededHash); never 0
        std::uint32_t packets = 0;    // 0: empty
        std::uint32_t generation = 0; // the decision stored under; 0: none
        std::int64_t lastNs = 0;
    };
    static_assert(sizeof(Slot) == 24);

    std::uint32_t m_depth;
    std::vector<Slot> m_slots;
    std::size_t m_mask;
};

} // namespace nfqmon
