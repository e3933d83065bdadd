#include "helper/attribution/OwnerCache.h"

#include <bit>

namespace nfqmon {

OwnerCache::OwnerCache(std::size_t slots)
    : m_slots(std::bit_ceil(std::max<std::size_t>(slots, 1))), m_mask(m_slots.size() - 1)
{}

OwnerCache::Slot &OwnerCache::slotOf(const FlowKey &key, bool outgoing)
{
    return m_slots[(m_hash(key) ^ std::size_t(outgoing)) & m_mask];
}

OwnerCache::Answer *OwnerCache::find(const FlowKey &key, bool outgoing, std::uint64_t generation)
{
    Slot &slot = slotOf(key, outgoing);
    if (slot.generation != generation || slot.outgoing != outgoing || !(slot.key == key))
        return nullptr;
    return &slot.answer;
}

OwnerCache::Answer &OwnerCache::store(const FlowKey &key, bool outgoing, std::uint64_t generation,
                                      const Attribution &attribution)
{
    Slot &slot = slotOf(key, outgoing);
    slot.key = key;
    slot.outgoing = outgoing;
    slot.generation = generation;
    slot.answer = {attribution, nullptr};
    return slot.answer;
}

} // namespace nfqmon
