#include "helper/protocol/PcapWriter.h"

#include <algorithm>

namespace nfqmon {

namespace {

// The classic file header, in host byte order as libpcap writes it; readers swap as needed.
struct FileHeader {
    std::uint32_t magic = PcapWriter::NanosecondMagic;
    std::uint16_t versionMajor = 2;
    std::uint16_t versionMinor = 4;
    std::int32_t thisZone = 0;
    std::uint32_t sigFigs = 0;
    std::uint32_t snapLength = 0;
    std::uint32_t linkType = PcapWriter::LinkTypeRaw;
};
static_assert(sizeof(FileHeader) == 24);

template <typename T> std::span<const std::uint8_t> bytesOf(const T &value)
{
    return {reinterpret_cast<const std::uint8_t *>(&value), sizeof value};
}

} // namespace

PcapWriter::~PcapWriter()
{
    close();
}

bool PcapWriter::writeHeader()
{
    FileHeader header;
    header.snapLength = snapLength();
    return writeRecord({bytesOf(header)}, false);
}

PcapWriter::RecordHeader PcapWriter::recordHeader(std::int64_t timestampNs, std::uint32_t kept,
                                                  std::uint32_t wireLength)
{
    // Floor division, so that a time before the epoch still has 0 <= nanoseconds < 1e9.
    std::int64_t seconds = timestampNs / 1'000'000'000;
    std::int64_t nanoseconds = timestampNs % 1'000'000'000;
    if (nanoseconds < 0) {
        nanoseconds += 1'000'000'000;
        --seconds;
    }
    return {std::uint32_t(seconds), std::uint32_t(nanoseconds), kept, std::max(wireLength, kept)};
}

bool PcapWriter::write(const PacketFileRecord &packet)
{
    if (!isOpen() || failed())
        return false;
    const std::uint32_t kept = keptLength(packet);
    const RecordHeader header =
        recordHeader(packet.timestampNs, kept, std::max(packet.wireLength, packet.capturedLength));
    return writeRecord({bytesOf(header), {packet.data, kept}}, true);
}

} // namespace nfqmon
