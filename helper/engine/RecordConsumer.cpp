#include "helper/engine/RecordConsumer.h"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace nfqmon {

RecordConsumer::RecordConsumer(int producers, Options options)
    : m_options(options), m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    for (int i = 0; i < producers; ++i)
        m_rings.push_back(std::make_unique<RecordRing>(options.ringBytes));
}

RecordConsumer::~RecordConsumer()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void RecordConsumer::offer(int producer, const PacketRecord &record, const std::uint8_t *packet)
{
    if (m_options.acceptedOnly && record.verdict != Verdict::Accept)
        return;
    if (!m_active.load(std::memory_order_relaxed)) {
        m_lost.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    // The record goes as it is (no copy on the packet path): the bytes' length is what is kept.
    const std::uint32_t kept = std::min(record.capturedLength, m_options.snapLength);
    if (!push(producer, record, {packet, kept}))
        m_lost.fetch_add(1, std::memory_order_relaxed);
}

bool RecordConsumer::push(int producer, const PacketRecord &record,
                          std::span<const std::uint8_t> bytes)
{
    return m_rings[producer]->tryPush(record, bytes);
}

void RecordConsumer::wake()
{
    // Pairs with the seq_cst store in waitForData(): either we see it sleeping, or it sees data.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (m_sleeping.load(std::memory_order_relaxed) && m_sleeping.exchange(false))
        interrupt();
}

void RecordConsumer::interrupt()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(m_wakeFd, &one, sizeof one);
}

bool RecordConsumer::allEmpty() const
{
    return std::all_of(m_rings.begin(), m_rings.end(), [](const auto &r) { return r->empty(); });
}

short RecordConsumer::waitFor(int fd, short events, bool onData, int timeoutMs)
{
    pollfd p[2] = {{m_wakeFd, POLLIN, 0}, {fd, events, 0}};
    if (onData) {
        m_sleeping.store(true);
        std::atomic_thread_fence(std::memory_order_seq_cst);
    }
    if (!onData || allEmpty()) {
        while (::poll(p, 2, timeoutMs) < 0 && errno == EINTR) {
        }
    }
    m_sleeping.store(false);
    std::uint64_t value;
    [[maybe_unused]] ssize_t got = ::read(m_wakeFd, &value, sizeof value);
    return p[1].revents;
}

} // namespace nfqmon
