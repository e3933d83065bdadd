// IANA keywords of IP protocol numbers: the packet table's Protocol column and the headless
// packet log name protocols from this one table, so the two cannot disagree.
#pragma once

#include "helper/protocol/PacketSummary.h"

#include <string>

namespace nfqmon {

class ProtocolName
{
public:
    // "TCP", "UDP", "ICMPv6", "IPv6-Frag" ...; nullptr for a number without a keyword here.
    static const char *keyword(unsigned number);
    // keyword(), or "proto 253" for the others.
    static std::string of(unsigned number);
    // What the packet carries: of(transport), or "?" without a network header.
    static std::string of(const PacketSummary &summary);
};

} // namespace nfqmon
