// One packet as a capture file takes it (PacketFileWriter). A pcap file keeps the time, the
// lengths and the bytes; a pcapng file also the interface, the direction and a comment.
#pragma once

#include <cstdint>
#include <string_view>

namespace nfqmon {

// pcapng's epb_flags direction bits.
enum class PacketDirection : std::uint8_t { Unknown = 0, Inbound = 1, Outbound = 2 };

struct PacketFileRecord {
    std::int64_t timestampNs = 0; // ns since the epoch
    const std::uint8_t *data = nullptr;
    std::uint32_t capturedLength = 0; // bytes at `data`; the writer keeps at most its snap length
    std::uint32_t wireLength = 0;     // the packet's real length
    std::string_view interfaceName;   // empty: not known (pcapng: an interface without if_name)
    PacketDirection direction = PacketDirection::Unknown;
    std::string_view comment; // empty: none (pcapng's opt_comment, UTF-8)
};

} // namespace nfqmon
