// Where a single-producer single-consumer ring of bytes stands (RecordRing, ByteRing): the
// producer's head and the consumer's tail, as counts of bytes ever written and given back, each
// on its own cache line, and the producer's copy of the tail, so that it reads the consumer's
// line only when the ring looks full. The ring's own capacity is a power of two of at least
// 64 KiB (capacityFor()).
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace nfqmon {

class RingPositions
{
public:
    static std::size_t capacityFor(std::size_t asked)
    {
        return std::bit_ceil(std::max<std::size_t>(asked, 64 * 1024));
    }
    explicit RingPositions(std::size_t capacity) : m_capacity(capacity) {}

    // Producer: where the next bytes go.
    std::uint64_t head() const { return m_head.load(std::memory_order_relaxed); }
    // Producer: whether `size` more bytes fit after `head`.
    bool fits(std::uint64_t head, std::size_t size)
    {
        if (head + size - m_cachedTail <= m_capacity)
            return true;
        m_cachedTail = m_tail.load(std::memory_order_acquire);
        return head + size - m_cachedTail <= m_capacity;
    }
    // Producer: everything before `head` is written and may be read.
    void publish(std::uint64_t head) { m_head.store(head, std::memory_order_release); }

    // Consumer: what it may read is [tail(), published()).
    std::uint64_t tail() const { return m_tail.load(std::memory_order_relaxed); }
    std::uint64_t published() const { return m_head.load(std::memory_order_acquire); }
    // Consumer: everything before `tail` is read and its room given back.
    void giveBack(std::uint64_t tail) { m_tail.store(tail, std::memory_order_release); }

    bool empty() const { return published() == tail(); }

private:
    std::size_t m_capacity;
    alignas(64) std::atomic<std::uint64_t> m_head{0}; // written by the producer
    alignas(64) std::atomic<std::uint64_t> m_tail{0}; // written by the consumer
    alignas(64) std::uint64_t m_cachedTail = 0;       // the producer's copy
};

} // namespace nfqmon
