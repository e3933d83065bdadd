#include "helper/engine/RecordRing.h"

#include <cstddef>
#include <cstring>

namespace nfqmon {

RecordRing::RecordRing(std::size_t capacity)
    : m_capacity(RingPositions::capacityFor(capacity)), m_mask(m_capacity - 1),
      m_data(new std::uint8_t[m_capacity]), m_positions(m_capacity)
{}

bool RecordRing::tryPush(const PacketRecord &record, std::span<const std::uint8_t> bytes)
{
    const std::size_t raw = sizeof(EntryHeader) + sizeof(PacketRecord) + bytes.size();
    const std::size_t size = (raw + Align - 1) & ~(Align - 1);
    if (size > m_capacity / 2)
        return false;

    const std::uint64_t head = m_positions.head();
    const std::size_t offset = head & m_mask;
    const std::size_t untilEnd = m_capacity - offset;
    // An entry never wraps: when it does not fit before the end, a marker skips the rest.
    const std::size_t needed = size <= untilEnd ? size : untilEnd + size;
    if (!m_positions.fits(head, needed))
        return false;

    std::uint64_t at = head;
    if (size > untilEnd) {
        const EntryHeader marker{WrapMarker, 0};
        std::memcpy(m_data.get() + offset, &marker, sizeof marker);
        at += untilEnd;
    }
    std::uint8_t *entry = m_data.get() + (at & m_mask);
    const EntryHeader header{static_cast<std::uint32_t>(size),
                             static_cast<std::uint32_t>(bytes.size())};
    std::memcpy(entry, &header, sizeof header);
    std::memcpy(entry + sizeof header, &record, sizeof record);
    // The record says how many bytes it keeps: those given here (the consumer's snap length).
    const auto kept = static_cast<std::uint32_t>(bytes.size());
    std::memcpy(entry + sizeof header + offsetof(PacketRecord, capturedLength), &kept, sizeof kept);
    if (!bytes.empty())
        std::memcpy(entry + sizeof header + sizeof record, bytes.data(), bytes.size());
    m_positions.publish(at + size);
    return true;
}

} // namespace nfqmon
