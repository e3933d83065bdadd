#include "helper/attribution/PacketOwners.h"

#include "helper/attribution/OwnerCache.h"
#include "helper/attribution/OwnerProbe.h"

#include <cerrno>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace nfqmon {

PacketOwners::PacketOwners() : m_stopFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

PacketOwners::~PacketOwners()
{
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] ssize_t written = ::write(m_stopFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_stopFd >= 0)
        ::close(m_stopFd);
}

std::shared_ptr<PacketOwners> PacketOwners::start(std::string *error)
{
    std::shared_ptr<PacketOwners> owners(new PacketOwners);
    owners->m_probe = OwnerProbe::start(owners->m_table, error);
    if (!owners->m_probe)
        return nullptr;
    // Without the addresses, servers on the wildcard address claim forwarded packets to their
    // port too, which is all that is lost.
    std::string unused;
    if (owners->m_localAddresses.open(&unused))
        owners->m_table.setLocalAddresses(&owners->m_localAddresses);
    owners->m_thread = std::thread([raw = owners.get()] { raw->watchRing(); });
    return owners;
}

void PacketOwners::drainLocked()
{
    if (m_probe->drain() > 0)
        changed();
    std::vector<FlowKey> evicted = m_table.takeEvicted();
    if (!evicted.empty())
        m_probe->forget(evicted);
}

void PacketOwners::watchRing()
{
    pollfd fds[3] = {{m_probe->readyFd(), POLLIN, 0},
                     {m_stopFd, POLLIN, 0},
                     {m_localAddresses.fd(), POLLIN, 0}}; // ignored while it is -1
    for (;;) {
        // The kernel wakes this thread only once the ring fills (the queue threads read it
        // before each lookup), so it reads the ring every 100 ms as well.
        const int ready = ::poll(fds, 3, 100);
        if (ready < 0 && errno != EINTR)
            return;
        if (fds[1].revents)
            return;
        if (ready == 0 && !m_probe->hasPending())
            continue;
        std::unique_lock lock(m_mutex);
        if (fds[2].revents) {
            m_localAddresses.update();
            changed();
        }
        drainLocked();
    }
}

Attribution PacketOwners::ownerOf(const PacketSummary &summary,
                                  std::span<const std::uint8_t> packet, Hook hook,
                                  std::shared_ptr<const ProcessInfo> *process, OwnerCache *cache)
{
    const bool outgoing = hook == Hook::Output;
    const auto key = FlowKey::fromPacket(summary, packet, outgoing);
    if (!key)
        return {};
    if (m_probe->hasPending()) {
        std::unique_lock lock(m_mutex);
        drainLocked();
    }
    const bool wantsProcess = process != nullptr;
    if (cache) {
        OwnerCache::Answer *answer =
            cache->find(*key, outgoing, m_generation.load(std::memory_order_acquire));
        if (answer &&
            (!wantsProcess || answer->attribution.origin != Origin::Process || answer->process)) {
            if (wantsProcess)
                *process = answer->process;
            return answer->attribution;
        }
    }
    std::shared_lock lock(m_mutex);
    const Attribution found = m_table.find(*key, outgoing);
    std::shared_ptr<const ProcessInfo> owner;
    if (wantsProcess && found.origin == Origin::Process)
        owner = m_table.process(found.processId);
    if (cache) // the generation cannot move while the lock is held
        cache->store(*key, outgoing, m_generation.load(std::memory_order_relaxed), found).process =
            owner;
    if (wantsProcess)
        *process = std::move(owner);
    return found;
}

std::shared_ptr<const ProcessInfo> PacketOwners::process(std::uint32_t id) const
{
    std::shared_lock lock(m_mutex);
    return m_table.process(id);
}

std::uint64_t PacketOwners::lostEvents() const
{
    return m_probe->lostEvents();
}

} // namespace nfqmon
