#include "helper/engine/ByteRing.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace nfqmon {

ByteRing::ByteRing(std::size_t capacity)
    : m_capacity(std::bit_ceil(std::max<std::size_t>(capacity, 64 * 1024))), m_mask(m_capacity - 1),
      m_data(new std::uint8_t[m_capacity])
{}

void ByteRing::copyIn(std::uint64_t at, std::span<const std::uint8_t> bytes)
{
    if (bytes.empty())
        return;
    const std::size_t offset = at & m_mask;
    const std::size_t before = std::min(bytes.size(), m_capacity - offset);
    std::memcpy(m_data.get() + offset, bytes.data(), before);
    if (before < bytes.size())
        std::memcpy(m_data.get(), bytes.data() + before, bytes.size() - before);
}

bool ByteRing::tryAppend(std::span<const std::uint8_t> first, std::span<const std::uint8_t> second)
{
    const std::size_t size = first.size() + second.size();
    const std::uint64_t head = m_head.load(std::memory_order_relaxed);
    if (head + size - m_cachedTail > m_capacity) {
        m_cachedTail = m_tail.load(std::memory_order_acquire);
        if (head + size - m_cachedTail > m_capacity)
            return false;
    }
    copyIn(head, first);
    copyIn(head + first.size(), second);
    m_head.store(head + size, std::memory_order_release);
    return true;
}

ByteRing::Readable ByteRing::readable() const
{
    const std::uint64_t tail = m_tail.load(std::memory_order_relaxed);
    const std::uint64_t head = m_head.load(std::memory_order_acquire);
    const std::size_t size = head - tail;
    const std::size_t offset = tail & m_mask;
    const std::size_t before = std::min(size, m_capacity - offset);
    return {{m_data.get() + offset, before}, {m_data.get(), size - before}};
}

void ByteRing::copyOut(std::size_t offset, void *target, std::size_t length) const
{
    if (length == 0)
        return; // the target may then be null, which memcpy must not get
    const std::uint64_t at = m_tail.load(std::memory_order_relaxed) + offset;
    const std::size_t start = at & m_mask;
    const std::size_t before = std::min(length, m_capacity - start);
    std::memcpy(target, m_data.get() + start, before);
    if (before < length)
        std::memcpy(static_cast<std::uint8_t *>(target) + before, m_data.get(), length - before);
}

void ByteRing::release(std::size_t length)
{
    m_tail.store(m_tail.load(std::memory_order_relaxed) + length, std::memory_order_release);
}

} // namespace nfqmon
