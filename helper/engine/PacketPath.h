// What the queue threads need to decide on and hand out a packet: the rules with their hit
// counters and the attached consumers. It is replaced as a whole (copy, change, publish) and the
// queue threads pick up a new one between batches, so the packet path takes no lock per packet.
#pragma once

#include "helper/engine/RecordConsumer.h"
#include "helper/protocol/RuleSet.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace nfqmon {

struct PacketPath {
    std::shared_ptr<const RuleSet> rules;
    std::shared_ptr<std::vector<std::atomic<std::uint64_t>>> hits; // one per rule in `rules`
    std::vector<std::shared_ptr<RecordConsumer>> consumers;
};

class PacketPathHolder
{
public:
    std::shared_ptr<const PacketPath> current() const
    {
        std::lock_guard lock(m_mutex);
        return m_path;
    }
    void publish(std::shared_ptr<const PacketPath> path)
    {
        std::lock_guard lock(m_mutex);
        m_path = std::move(path);
        m_generation.fetch_add(1, std::memory_order_release);
    }
    // Queue thread, once per batch: one relaxed load when nothing changed.
    void refresh(std::shared_ptr<const PacketPath> &local, std::uint64_t &seen) const
    {
        const std::uint64_t generation = m_generation.load(std::memory_order_acquire);
        if (generation == seen)
            return;
        local = current();
        seen = generation;
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const PacketPath> m_path = std::make_shared<PacketPath>();
    std::atomic<std::uint64_t> m_generation{1};
};

} // namespace nfqmon
