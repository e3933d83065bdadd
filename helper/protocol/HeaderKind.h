// The headers the packet walker tells apart, in the order a packet can hold them.
#pragma once

#include <cstdint>

namespace nfqmon {

enum class HeaderKind : std::uint8_t {
    IPv4,
    IPv6,
    HopByHop,
    Routing,
    Fragment,
    DestinationOptions,
    Authentication,
    Esp,
    Tcp,
    Udp,
    UdpLite,
    Sctp,
    Dccp,
    Icmp,
    Icmpv6,
    Data,    // what follows the last header the walker knows
    Trailer, // bytes after the end the IP length field states
};

} // namespace nfqmon
