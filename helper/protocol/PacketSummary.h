// The compact, fixed-size decoded view of one L3 packet, carried in every PacketRecord.
#pragma once

#include <array>
#include <cstdint>
#include <type_traits>

namespace nfqmon {

enum class NetworkProtocol : std::uint8_t { Unknown = 0, IPv4 = 4, IPv6 = 6 };

// What the input lacked when decoding stopped early; the decoder never reads past the end.
enum class Missing : std::uint8_t {
    Nothing = 0,
    NetworkHeader,   // shorter than the fixed IPv4/IPv6 header, or not IP at all
    NetworkOptions,  // IPv4 options or IPv6 extension headers cut off
    TransportHeader, // TCP/UDP/ICMP/ICMPv6 header cut off
    Malformed,       // lengths inside the packet contradict each other
};

namespace SummaryFlag {
enum : std::uint8_t {
    HasPorts = 0x01,      // srcPort/dstPort valid (TCP, UDP, SCTP, UDPLite, DCCP)
    HasIcmp = 0x02,       // icmpType/icmpCode valid (ICMP or ICMPv6)
    HasTcpFlags = 0x04,   // tcpFlags valid
    Fragment = 0x08,      // part of a fragmented datagram (IPv4 MF/offset or IPv6 fragment header)
    LaterFragment = 0x10, // a fragment with offset > 0: it carries no transport header
    HasOptions = 0x20,    // IPv4 options or IPv6 extension headers present
};
}

namespace TcpFlag {
enum : std::uint8_t {
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
    Urg = 0x20,
    Ece = 0x40,
    Cwr = 0x80
};
}

struct PacketSummary {
    std::array<std::uint8_t, 16> source{};      // IPv4 uses the first 4 bytes
    std::array<std::uint8_t, 16> destination{}; // network byte order
    NetworkProtocol network = NetworkProtocol::Unknown;
    std::uint8_t transport = 0; // IP protocol number after IPv6 extension headers
    std::uint8_t ttl = 0;       // TTL or hop limit
    std::uint8_t flags = 0;     // SummaryFlag bits
    Missing missing = Missing::Nothing;
    std::uint8_t tcpFlags = 0; // TcpFlag bits
    std::uint8_t icmpType = 0;
    std::uint8_t icmpCode = 0;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint16_t transportOffset = 0; // bytes from the start of the packet to the L4 header
    std::uint16_t reserved = 0;
    std::uint32_t fragmentId = 0;     // IPv4 identification or IPv6 fragment identification
    std::uint32_t fragmentOffset = 0; // in bytes
};
static_assert(std::is_trivially_copyable_v<PacketSummary>);
static_assert(sizeof(PacketSummary) == 56);

} // namespace nfqmon
