#include "helper/bypass/InspectedFlows.h"

#include "helper/protocol/SeededHash.h"

#include <algorithm>
#include <bit>

namespace nfqmon {

InspectedFlows::InspectedFlows(std::uint32_t depth, std::size_t slots)
    : m_depth(std::max<std::uint32_t>(depth, 1)),
      m_slots(std::bit_ceil(std::max<std::size_t>(slots, 1))), m_mask(m_slots.size() - 1)
{}

std::uint64_t InspectedFlows::hashOf(const BypassKey &key)
{
    return std::uint64_t(seededHash(&key.raw, sizeof key.raw)) | 1; // never 0: an empty slot
}

bool InspectedFlows::count(std::uint64_t hash, bool opening, std::uint32_t generation,
                           std::int64_t nowNs)
{
    Slot &slot = m_slots[hash & m_mask];
    const bool same = slot.packets != 0 && slot.hash == hash;
    const bool idle = nowNs - slot.lastNs > std::int64_t(NFQ_BYPASS_IDLE_NS);
    if (!same || idle || opening) {
        slot.hash = hash;
        slot.packets = 0;
        slot.generation = 0;
    }
    slot.lastNs = nowNs;
    if (slot.packets < m_depth)
        ++slot.packets;
    // A SYN is never passed by the kernel: its connection's decision comes with a later packet.
    return slot.packets >= m_depth && slot.generation != generation && !opening;
}

void InspectedFlows::stored(std::uint64_t hash, std::uint32_t generation)
{
    Slot &slot = m_slots[hash & m_mask];
    if (slot.hash == hash)
        slot.generation = generation;
}

} // namespace nfqmon
