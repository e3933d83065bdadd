// Builds the batches of the client stream (StreamFormat.h) in one reusable buffer: the helper's
// StreamSender appends records until the batch is full or due, seals it with the loss count and
// writes the bytes. Also what tests use to make valid streams.
#pragma once

#include "helper/protocol/ProcessInfo.h"
#include "helper/protocol/StreamFormat.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace nfqmon {

class StreamEncoder
{
public:
    // maxBytes: the size at which a batch counts as full (header included), <= MaxBatchBytes.
    explicit StreamEncoder(std::uint32_t maxBytes = stream::MaxBatchBytes);

    // False, and nothing added, when the record would break the batch's limits: seal first.
    // The bytes are cut to MaxCapturedLength; capturedLength becomes their count.
    bool append(const PacketRecord &record, std::span<const std::uint8_t> bytes);
    // A process's description (ProcessCodec), for the packet entries after it; false as above.
    bool appendProcess(const ProcessInfo &process);
    // A host entry: the name later records call `id` (their hostId), learned from `source`.
    bool appendHost(std::uint64_t id, HostSource source, std::string_view name);

    // Completes the header of the batch built so far, with lostTotal the client's running loss
    // count (never decreasing), and returns the batch's bytes, valid until clear().
    std::span<const std::uint8_t> seal(std::uint64_t lostTotal);
    // Starts the next batch (after seal()).
    void clear();

    std::uint32_t recordCount() const { return m_recordCount; }
    std::size_t byteCount() const { return m_buffer.size(); }
    bool empty() const { return m_recordCount == 0; }
    std::uint64_t sequence() const { return m_sequence; } // of the last sealed batch
    std::uint64_t reportedLost() const { return m_reportedLost; }

private:
    std::uint32_t m_maxBytes;
    std::vector<std::uint8_t> m_buffer; // header, then entries
    std::uint32_t m_recordCount = 0;
    std::uint64_t m_sequence = 0;
    std::uint64_t m_reportedLost = 0;
};

} // namespace nfqmon
