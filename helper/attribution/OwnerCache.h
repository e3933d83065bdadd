// One queue thread's latest answers of PacketOwners, by flow, so that the packets after a flow's
// first are attributed without the table's lock and its several hash lookups (a forwarded
// packet tries four keys). An answer is good while the table's generation is the one it was
// read at: PacketOwners raises the generation whenever the table or the local addresses change.
// Direct-mapped and fixed in size: a flow that collides with another only costs a lookup.
// Not thread-safe: each queue thread has its own.
#pragma once

#include "helper/attribution/FlowKey.h"
#include "helper/attribution/OwnerTable.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace nfqmon {

class OwnerCache
{
public:
    struct Answer {
        Attribution attribution;
        // Kept once a caller wanted it (rules that name a program); null until then.
        std::shared_ptr<const ProcessInfo> process;
    };

    explicit OwnerCache(std::size_t slots = 1024);

    // The answer for the flow read at `generation`, or null.
    Answer *find(const FlowKey &key, bool outgoing, std::uint64_t generation);
    Answer &store(const FlowKey &key, bool outgoing, std::uint64_t generation,
                  const Attribution &attribution);

private:
    struct Slot {
        FlowKey key;
        std::uint64_t generation = 0; // 0: empty (generations start at 1)
        bool outgoing = false;
        Answer answer;
    };
    Slot &slotOf(const FlowKey &key, bool outgoing);

    std::vector<Slot> m_slots;
    std::size_t m_mask;
    FlowKeyHash m_hash;
};

} // namespace nfqmon
