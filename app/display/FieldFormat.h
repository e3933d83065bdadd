// How the window writes the values of header fields: numbers in hex, byte counts, protocol
// keywords, addresses, TCP flags, DSCP and ECN code points.
#pragma once

#include "helper/protocol/PacketSummary.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace nfqmon {

class FieldFormat
{
    Q_DECLARE_TR_FUNCTIONS(FieldFormat)

public:
    // "0x00ab" for (0xab, 4).
    static QString hex(std::uint32_t value, int digits);
    // "1 byte", "20 bytes".
    static QString bytes(std::size_t count);
    // IANA keyword: "TCP", "ICMPv6", "IPv6-Frag" ..., or "proto 253" for others.
    static QString protocol(unsigned number);
    // "TCP (6)".
    static QString protocolWithNumber(unsigned number);
    // "10.0.0.1", "fe80::1" (RFC 5952 compressed form) of the 4 or 16 bytes at `bytes`.
    static QString address(NetworkProtocol network, const std::uint8_t *bytes);
    // "[SYN, ACK]", "[none]".
    static QString tcpFlags(std::uint8_t flags);
    // "EF (46)", "AF41 (34)", "5".
    static QString dscp(unsigned value);
    // "Not-ECT", "ECT(1)", "ECT(0)", "CE" for the low two bits of `value`.
    static QString ecn(unsigned value);
};

} // namespace nfqmon
