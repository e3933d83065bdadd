// Something that receives packet records from the queue threads: a dump writer or a client's
// stream. Each queue thread has its own ring into each consumer, so producers never share
// a lock; when a ring is full the record is lost for this consumer only, and counted.
#pragma once

#include "helper/engine/RecordRing.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace nfqmon {

class RecordConsumer
{
public:
    struct Options {
        std::uint32_t snapLength = 65535; // bytes of each packet this consumer keeps
        bool acceptedOnly = false;        // only packets whose verdict is accept
        std::size_t ringBytes = 8u << 20; // per queue thread
    };

    RecordConsumer(int producers, Options options);
    virtual ~RecordConsumer();
    RecordConsumer(const RecordConsumer &) = delete;
    RecordConsumer &operator=(const RecordConsumer &) = delete;

    // Queue thread `producer`: never blocks.
    void offer(int producer, const PacketRecord &record, const std::uint8_t *packet);
    // Queue thread, after a batch: wakes the consumer if it sleeps (one write(2) at most).
    void wake();

    std::uint64_t lost() const { return m_lost.load(std::memory_order_relaxed); }
    bool active() const { return m_active.load(std::memory_order_relaxed); }
    const Options &options() const { return m_options; }

protected:
    // Consumer thread: drains every ring, calling f(record, bytes); returns entries handled.
    // An f that returns bool may refuse an entry (see RecordRing::consume()).
    template <typename F> std::size_t drain(F &&f, std::size_t maxPerRing = 4096)
    {
        std::size_t total = 0;
        for (auto &ring : m_rings)
            total += ring->consume(f, maxPerRing);
        return total;
    }
    virtual bool allEmpty() const;
    // Queue thread `producer`: keeps the record and `bytes` (the snap length applied: the kept
    // record's capturedLength is bytes.size()); false when there is no room. The default keeps
    // them in the producer's RecordRing.
    virtual bool push(int producer, const PacketRecord &record,
                      std::span<const std::uint8_t> bytes);
    // Before the producers start: a consumer that keeps records its own way (push()) frees the
    // rings it does not use.
    void releaseRings() { m_rings.clear(); }
    // Consumer thread: sleeps until wake() or the timeout; returns at once if data arrived.
    void waitForData(int timeoutMs) { waitFor(-1, 0, true, timeoutMs); }
    // Consumer thread: sleeps until `fd` reports one of `events` (POLLHUP and POLLERR always),
    // interrupt(), the timeout, or, when `onData`, wake() or data already waiting. A consumer
    // whose output is full passes onData = false, so that new records do not wake it in vain.
    // Returns the fd's revents (0 when something else woke it).
    short waitFor(int fd, short events, bool onData, int timeoutMs);
    // Stops offers from reaching the rings (e.g. after a write error); they count as lost.
    void deactivate() { m_active.store(false, std::memory_order_relaxed); }
    void interrupt(); // wakes the consumer thread regardless of data (for stopping)

private:
    Options m_options;
    std::vector<std::unique_ptr<RecordRing>> m_rings;
    std::atomic<std::uint64_t> m_lost{0};
    std::atomic<bool> m_active{true};
    std::atomic<bool> m_sleeping{false};
    int m_wakeFd = -1; // eventfd
};

} // namespace nfqmon
