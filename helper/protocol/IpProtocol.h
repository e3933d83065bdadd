#pragma once

#include <cstdint>

// IP protocol numbers (IANA "Assigned Internet Protocol Numbers") that decoding names or walks.
namespace nfqmon::IpProtocol {
enum : std::uint8_t {
    HopByHop = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Dccp = 33,
    Routing = 43,
    Fragment = 44,
    Esp = 50,
    Ah = 51,
    Icmpv6 = 58,
    NoNext = 59,
    DestinationOptions = 60,
    Sctp = 132,
    UdpLite = 136,
};
} // namespace nfqmon::IpProtocol
