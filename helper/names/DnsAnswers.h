// The addresses a DNS response names: its A and AAAA records, and the name each was asked as.
// Reads only within the message, allocates nothing and does bounded work per message (at most
// MaxRecords records, compression pointers that only go back, CNAME chains of at most
// MaxChain links): the input is whatever arrives from port 53.
#pragma once

#include "helper/names/HostName.h"
#include "helper/protocol/PacketSummary.h"

#include <array>
#include <cstdint>
#include <span>

namespace nfqmon {

struct DnsAddress {
    // The question's name when the record's owner is the question or is reached from it by
    // CNAME records of the answer section (www.example.org → cdn.example.net → A), else the
    // record's owner.
    HostName name;
    HostName owner;                         // the A/AAAA record's own name (cdn.example.net above)
    std::array<std::uint8_t, 16> address{}; // IPv4 in the first 4 bytes
    NetworkProtocol family = NetworkProtocol::Unknown;
    std::uint32_t ttl = 0; // seconds
};

class DnsAnswers
{
public:
    static constexpr std::size_t MaxRecords = 64;
    static constexpr std::size_t MaxChain = 8;

    // `message`: a DNS message as UDP carries it (no length prefix). Only responses (QR set,
    // RCODE 0, one question) are read. Writes at most out.size() answers and returns how many;
    // 0 when the message is not a response or is malformed.
    static std::size_t parse(std::span<const std::uint8_t> message, std::span<DnsAddress> out);
    // The same for a TCP segment's payload from port 53: messages with their 2-byte length
    // prefixes, as many as the segment holds whole from its start.
    static std::size_t parseTcp(std::span<const std::uint8_t> payload, std::span<DnsAddress> out);
};

} // namespace nfqmon
