// What the queue threads ask: whose packet is this? Owns the kernel programs and the table they
// fill. Before each answer it reads whatever the kernel has put in the ring (when there is
// anything: a check without a lock), and the kernel puts a flow's owner there before the flow's
// first packet reaches the queue, so a new flow's first packet is attributed without waiting for
// anything. A thread of its own reads the ring when no
// packets come (traffic nfqmon does not queue), so the ring does not fill up meanwhile, and
// follows the namespace's addresses (LocalAddresses).
#pragma once

#include "helper/attribution/LocalAddresses.h"
#include "helper/attribution/OwnerTable.h"
#include "helper/protocol/PacketRecord.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <thread>

namespace nfqmon {

class OwnerCache;
class OwnerProbe;

class PacketOwners
{
public:
    // nullptr and a sentence when attribution cannot run here; capture works without it.
    static std::shared_ptr<PacketOwners> start(std::string *error);
    ~PacketOwners();
    PacketOwners(const PacketOwners &) = delete;
    PacketOwners &operator=(const PacketOwners &) = delete;

    // With `process`: also the process itself (for rules that name a program or a user).
    // With `cache` (the calling thread's own): answers the table has not changed since are
    // taken from it, without the lock.
    Attribution ownerOf(const PacketSummary &summary, std::span<const std::uint8_t> packet,
                        Hook hook, std::shared_ptr<const ProcessInfo> *process = nullptr,
                        OwnerCache *cache = nullptr);
    std::shared_ptr<const ProcessInfo> process(std::uint32_t id) const;
    std::uint64_t lostEvents() const;

private:
    PacketOwners();
    void drainLocked();
    void changed() { m_generation.fetch_add(1, std::memory_order_release); }
    void watchRing();

    // Shared by the lookups of the queue threads, exclusive while the ring is read into the
    // table: the lookups of several queues do not wait on each other, only on new events.
    mutable std::shared_mutex m_mutex;
    // Raised, under the exclusive lock, whenever an answer may change (OwnerCache).
    std::atomic<std::uint64_t> m_generation{1};
    LocalAddresses m_localAddresses;
    OwnerTable m_table;
    std::unique_ptr<OwnerProbe> m_probe;
    int m_stopFd = -1;
    std::thread m_thread;
};

} // namespace nfqmon
