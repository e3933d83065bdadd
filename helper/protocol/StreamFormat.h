// The packet stream from the helper to a client, over the AF_UNIX socket that OpenStream hands
// out. The stream is a sequence of batches; each batch is a BatchHeader followed by its entries,
// each entry a PacketRecord, then the record's capturedLength bytes, zero-padded to 8 bytes. An
// entry is a packet, or (record kind EntryKind::Process) the description of a process that the
// packet entries after it name by processId, sent once per stream before its first packet.
// Both ends run on one machine, so every field is in host byte order and the record is the
// in-memory PacketRecord: no encoding costs on either side.
//
// Versioning: `version` changes when the layout changes incompatibly, and a reader refuses a
// version it does not know (version 2 added process entries, version 3 their cgroup path,
// version 4 host names: the record's hostId and hostSource, and host entries). Within a
// version the header may grow at its end (headerSize says how big it is); readers skip the fields
// they do not know.
#pragma once

#include "helper/protocol/PacketRecord.h"

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace nfqmon::stream {

inline constexpr std::uint32_t Magic = 0x4d53514e; // "NQSM" as bytes in little-endian order
inline constexpr std::uint32_t SwappedMagic = 0x4e51534d;
inline constexpr std::uint16_t Version = 4;

// Limits a reader enforces before it allocates anything; a writer stays within them.
inline constexpr std::uint32_t MaxHeaderSize = 256;
inline constexpr std::uint32_t MaxBatchRecords = 16384;
inline constexpr std::uint32_t MaxBatchBytes = 4u << 20; // header and entries
inline constexpr std::uint32_t MaxCapturedLength = 65535;
inline constexpr std::uint32_t EntryAlignment = 8;

struct BatchHeader {
    std::uint32_t magic = Magic;
    std::uint16_t version = Version;
    std::uint16_t headerSize = sizeof(BatchHeader); // multiple of 8, <= MaxHeaderSize
    std::uint32_t recordCount = 0;                  // entries, <= MaxBatchRecords
    std::uint32_t payloadBytes = 0;                 // bytes of entries after the header
    std::uint64_t sequence = 0;                     // 1 for the first batch, then +1 each
    // Records this client lost (its buffers were full because it read too slowly) since the
    // previous batch was sealed, and the running total since the stream opened; a batch may
    // carry no records only to report a loss.
    std::uint64_t lostSincePrevious = 0;
    std::uint64_t lostTotal = 0;
    std::uint32_t recordSize = sizeof(PacketRecord); // 152
    std::uint32_t reserved = 0;
};
static_assert(std::is_trivially_copyable_v<BatchHeader>);
static_assert(sizeof(BatchHeader) == 48);
static_assert(offsetof(BatchHeader, sequence) == 16 && offsetof(BatchHeader, recordSize) == 40);

inline constexpr std::uint32_t paddedLength(std::uint32_t length)
{
    return (length + EntryAlignment - 1) & ~(EntryAlignment - 1);
}

// Bytes of one entry in a batch: the record and its padded bytes.
inline constexpr std::uint32_t entrySize(std::uint32_t capturedLength)
{
    return std::uint32_t(sizeof(PacketRecord)) + paddedLength(capturedLength);
}

static_assert(sizeof(PacketRecord) % EntryAlignment == 0);
static_assert(sizeof(BatchHeader) + entrySize(MaxCapturedLength) <= MaxBatchBytes);

} // namespace nfqmon::stream
