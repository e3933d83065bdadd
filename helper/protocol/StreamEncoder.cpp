#include "helper/protocol/StreamEncoder.h"

#include "helper/protocol/ProcessCodec.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace nfqmon {

using namespace stream;

StreamEncoder::StreamEncoder(std::uint32_t maxBytes)
    : m_maxBytes(
          std::clamp<std::uint32_t>(maxBytes, sizeof(BatchHeader) + entrySize(0), MaxBatchBytes))
{
    m_buffer.reserve(std::min<std::size_t>(m_maxBytes, 256 * 1024));
    m_buffer.resize(sizeof(BatchHeader));
}

bool StreamEncoder::append(const PacketRecord &record, std::span<const std::uint8_t> bytes)
{
    const auto captured = std::uint32_t(std::min<std::size_t>(bytes.size(), MaxCapturedLength));
    const std::size_t size = entrySize(captured);
    // One entry always fits in an empty batch, whatever the limit.
    if (m_recordCount > 0 &&
        (m_recordCount >= MaxBatchRecords || m_buffer.size() + size > m_maxBytes))
        return false;

    const std::size_t at = m_buffer.size();
    m_buffer.resize(at + size); // zero-fills the padding
    std::uint8_t *entry = m_buffer.data() + at;
    std::memcpy(entry, &record, sizeof record);
    if (captured > 0)
        std::memcpy(entry + sizeof record, bytes.data(), captured);
    // Readers rely on these; the engine already keeps them, this makes sure of it. Set in the
    // buffer rather than on a copy of the record: this runs for every record a client gets.
    const std::uint32_t packetLength = std::max(record.packetLength, captured);
    std::memcpy(entry + offsetof(PacketRecord, capturedLength), &captured, sizeof captured);
    std::memcpy(entry + offsetof(PacketRecord, packetLength), &packetLength, sizeof packetLength);
    entry[offsetof(PacketRecord, inInterface) + InterfaceNameSize - 1] = 0;
    entry[offsetof(PacketRecord, outInterface) + InterfaceNameSize - 1] = 0;
    ++m_recordCount;
    return true;
}

bool StreamEncoder::appendProcess(const ProcessInfo &process)
{
    const std::vector<std::uint8_t> description = ProcessCodec::encode(process);
    PacketRecord record;
    record.kind = EntryKind::Process;
    record.processId = process.id;
    record.packetLength = std::uint32_t(description.size());
    return append(record, description);
}

bool StreamEncoder::appendHost(std::uint64_t id, HostSource source, std::string_view name)
{
    PacketRecord record;
    record.kind = EntryKind::Host;
    record.hostId = id;
    record.hostSource = source;
    record.packetLength = std::uint32_t(name.size());
    return append(record, {reinterpret_cast<const std::uint8_t *>(name.data()), name.size()});
}

std::span<const std::uint8_t> StreamEncoder::seal(std::uint64_t lostTotal)
{
    lostTotal = std::max(lostTotal, m_reportedLost);
    BatchHeader header;
    header.recordCount = m_recordCount;
    header.payloadBytes = std::uint32_t(m_buffer.size() - sizeof header);
    header.sequence = ++m_sequence;
    header.lostSincePrevious = lostTotal - m_reportedLost;
    header.lostTotal = lostTotal;
    m_reportedLost = lostTotal;
    std::memcpy(m_buffer.data(), &header, sizeof header);
    return m_buffer;
}

void StreamEncoder::clear()
{
    m_buffer.resize(sizeof(BatchHeader));
    m_recordCount = 0;
}

} // namespace nfqmon
