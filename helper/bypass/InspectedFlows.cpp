#include "helper/bypass/InspectedFlows.h"

#include "helper/protocol/SeededHash.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace nfqmon {

InspectedFlows::InspectedFlows(std::uint32_t depth, std::size_t slots)
    : m_depth(std::max<std::uint32_t>(depth, 1)),
      m_slots(std::bit_ceil(std::max<std::size_t>(slots, 1))), m_mask(m_slots.size() - 1)
{}

InspectedFlows::Slot &InspectedFlows::slotOf(const BypassKey &key)
{
    return m_slots[seededHash(&key.raw, sizeof key.raw) & m_mask];
}

bool InspectedFlows::count(const BypassKey &key, std::uint32_t generation, std::int64_t nowNs)
{
    Slot &slot = slotOf(key);
    const bool same = slot.packets != 0 && std::memcmp(&slot.key, &key.raw, sizeof slot.key) == 0;
    const bool idle = nowNs - slot.lastNs > std::int64_t(NFQ_BYPASS_IDLE_NS);
    if (!same || idle || key.opening) {
        slot.key = key.raw;
        slot.packets = 0;
        slot.generation = 0;
    }
    slot.lastNs = nowNs;
    if (slot.packets < m_depth)
        ++slot.packets;
    // A SYN is never passed by the kernel: its connection's decision comes with a later packet.
    return slot.packets >= m_depth && slot.generation != generation && !key.opening;
}

void InspectedFlows::stored(const BypassKey &key, std::uint32_t generation)
{
    Slot &slot = slotOf(key);
    if (std::memcmp(&slot.key, &key.raw, sizeof slot.key) == 0)
        slot.generation = generation;
}

} // namespace nfqmon
