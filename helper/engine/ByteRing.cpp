#include "helper/engine/ByteRing.h"

#include <algorithm>
#include <cstring>

namespace nfqmon {

ByteRing::ByteRing(std::size_t capacity)
    : m_capacity(RingPositions::capacityFor(capacity)), m_mask(m_capacity - 1),
      m_data(new std::uint8_t[m_capacity]), m_positions(m_capacity)
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
    const std::uint64_t head = m_positions.head();
    if (!m_positions.fits(head, size))
        return false;
    copyIn(head, first);
    copyIn(head + first.size(), second);
    m_positions.publish(head + size);
    return true;
}

ByteRing::Readable ByteRing::readable() const
{
    const std::uint64_t tail = m_positions.tail();
    const std::uint64_t head = m_positions.published();
    const std::size_t size = head - tail;
    const std::size_t offset = tail & m_mask;
    const std::size_t before = std::min(size, m_capacity - offset);
    return {{m_data.get() + offset, before}, {m_data.get(), size - before}};
}

void ByteRing::copyOut(std::size_t offset, void *target, std::size_t length) const
{
    if (length == 0)
        return; // the target may then be null, which memcpy must not get
    const std::uint64_t at = m_positions.tail() + offset;
    const std::size_t start = at & m_mask;
    const std::size_t before = std::min(length, m_capacity - start);
    std::memcpy(target, m_data.get() + start, before);
    if (before < length)
        std::memcpy(static_cast<std::uint8_t *>(target) + before, m_data.get(), length - before);
}

void ByteRing::release(std::size_t length)
{
    m_positions.giveBack(m_positions.tail() + length);
}

} // namespace nfqmon
