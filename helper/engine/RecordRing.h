// A single-producer single-consumer ring of variable-size entries (a PacketRecord and the bytes
// kept with it). The queue thread pushes without ever waiting: when the ring is full the entry is
// refused and the caller counts the loss. Only the consumer's own thread reads.
#pragma once

#include "helper/engine/RingPositions.h"
#include "helper/protocol/PacketRecord.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace nfqmon {

class RecordRing
{
public:
    // capacity is rounded up to a power of two and at least 64 KiB.
    explicit RecordRing(std::size_t capacity);

    // Producer side. False when there is no room (nothing is written). The stored record's
    // capturedLength is bytes.size().
    bool tryPush(const PacketRecord &record, std::span<const std::uint8_t> bytes);

    // Consumer side: calls f(record, bytes) for up to maxEntries entries; returns how many.
    // The bytes are valid only during the call. An f that returns bool may refuse an entry by
    // returning false: it stays in the ring and consume() returns.
    template <typename F> std::size_t consume(F &&f, std::size_t maxEntries = SIZE_MAX);

    bool empty() const { return m_positions.empty(); }
    std::size_t capacity() const { return m_capacity; }

private:
    struct EntryHeader {
        std::uint32_t size; // bytes of this entry incl. header, multiple of 8; WrapMarker = skip
        std::uint32_t byteCount;
    };
    static constexpr std::uint32_t WrapMarker = 0xffffffffu;
    static constexpr std::size_t Align = 8;
    static_assert(alignof(PacketRecord) <= Align &&
                  sizeof(EntryHeader) % alignof(PacketRecord) == 0);

    std::size_t m_capacity;
    std::size_t m_mask;
    std::unique_ptr<std::uint8_t[]> m_data;
    RingPositions m_positions;
};

template <typename F> std::size_t RecordRing::consume(F &&f, std::size_t maxEntries)
{
    std::uint64_t tail = m_positions.tail();
    const std::uint64_t head = m_positions.published();
    std::size_t count = 0;
    while (tail != head && count < maxEntries) {
        std::uint8_t *entry = m_data.get() + (tail & m_mask);
        EntryHeader header;
        std::memcpy(&header, entry, sizeof header);
        if (header.size == WrapMarker) {
            tail += m_capacity - (tail & m_mask);
            continue;
        }
        // Read in place, not copied out: tryPush() put a whole PacketRecord (trivially
        // copyable) there with memcpy, 8-byte aligned as entries are.
        const PacketRecord &record =
            *std::launder(reinterpret_cast<const PacketRecord *>(entry + sizeof header));
        const std::span<const std::uint8_t> bytes(entry + sizeof header + sizeof record,
                                                  header.byteCount);
        if constexpr (std::is_same_v<decltype(f(record, bytes)), bool>) {
            if (!f(record, bytes))
                break; // refused: it stays for the next call
        } else {
            f(record, bytes);
        }
        tail += header.size;
        ++count;
    }
    m_positions.giveBack(tail);
    return count;
}

} // namespace nfqmon
