// Writes pcap files: nanosecond timestamps (magic 0xa1b23c4d) and link type RAW (101), so IPv4
// and IPv6 share one file. Keeps the time, the lengths and the bytes of a packet; interfaces,
// directions, comments and names need pcapng (PcapngWriter).
#pragma once

#include "helper/protocol/PacketFileWriter.h"

#include <array>
#include <cstdint>

namespace nfqmon {

class PcapWriter : public PacketFileWriter
{
public:
    static constexpr std::uint32_t NanosecondMagic = 0xa1b23c4d;
    static constexpr int LinkTypeRaw = 101;

    // A packet record's header: seconds, nanoseconds, bytes kept, bytes on the wire.
    using RecordHeader = std::array<std::uint32_t, 4>;
    static RecordHeader recordHeader(std::int64_t timestampNs, std::uint32_t kept,
                                     std::uint32_t wireLength);

    PcapWriter() = default;
    ~PcapWriter() override; // flushes and closes

    Format format() const override { return Format::Pcap; }
    using PacketFileWriter::write;
    bool write(const PacketFileRecord &packet) override;

protected:
    bool writeHeader() override;
};

} // namespace nfqmon
