// A single-producer single-consumer ring of plain bytes: what a pcap dump keeps is the file's
// own bytes, record after record, so the queue thread appends them and the dump's thread writes
// the ring out as it stands (one or two spans, where the ring wraps), with no per-packet work
// on its side. The producer never waits: an append that does not fit is refused whole.
#pragma once

#include "helper/engine/RingPositions.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace nfqmon {

class ByteRing
{
public:
    // capacity is rounded up to a power of two and at least 64 KiB.
    explicit ByteRing(std::size_t capacity);

    // Producer side: appends the parts one after the other, or nothing when they do not fit.
    bool tryAppend(std::span<const std::uint8_t> first, std::span<const std::uint8_t> second);

    // Consumer side: what the ring holds, as two spans (the second empty unless it wraps).
    struct Readable {
        std::span<const std::uint8_t> first;
        std::span<const std::uint8_t> second;
        std::size_t size() const { return first.size() + second.size(); }
    };
    Readable readable() const;
    // Copies `length` bytes starting `offset` bytes into what readable() returned.
    void copyOut(std::size_t offset, void *target, std::size_t length) const;
    // Gives back the first `length` bytes of what readable() returned.
    void release(std::size_t length);

    bool empty() const { return m_positions.empty(); }
    std::size_t capacity() const { return m_capacity; }

private:
    void copyIn(std::uint64_t at, std::span<const std::uint8_t> bytes);

    std::size_t m_capacity;
    std::size_t m_mask;
    std::unique_ptr<std::uint8_t[]> m_data;
    RingPositions m_positions;
};

} // namespace nfqmon
