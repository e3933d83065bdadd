// Why the packet walker stopped early, with the numbers a sentence about it needs.
// PacketSummary::missing says what class of thing is missing; this says exactly what.
#pragma once

#include "helper/protocol/HeaderKind.h"

#include <cstdint>

namespace nfqmon {

struct DecodeIssue {
    enum class Kind : std::uint8_t {
        None,
        Empty,
        NotIp,                // the version field is `value`
        VersionMismatch,      // the version field is `value`, the kernel delivered IPv`need`
        Short,                // `header` needs `need` bytes, `have` are present
        HeaderLengthTooSmall, // IPv4 IHL*4 = `value`
        TotalLengthTooSmall,  // IPv4 total length `value` < header length `need`
        BeyondDatagram,       // `header` needs `need` bytes, the IP length leaves `have`
        TcpOffsetTooSmall,    // data offset*4 = `value`
        UdpLengthTooSmall,    // UDP length / UDP-Lite coverage `value`
        UdpLengthTooLarge,    // `value` > the `have` bytes the IP length leaves
        ChainTooLong,         // the extension headers run past what 16 bits can locate
    };
    Kind kind = Kind::None;
    HeaderKind header = HeaderKind::IPv4;
    std::uint32_t need = 0;
    std::uint32_t have = 0;
    std::uint32_t value = 0;
};

} // namespace nfqmon
