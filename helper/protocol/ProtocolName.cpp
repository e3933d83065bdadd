#include "helper/protocol/ProtocolName.h"

#include <cstdint>

namespace nfqmon {

namespace {

struct Keyword {
    std::uint8_t number;
    const char *text;
};

constexpr Keyword Keywords[] = {
    {0, "HOPOPT"},     {1, "ICMP"},       {2, "IGMP"},      {4, "IPIP"},         {6, "TCP"},
    {17, "UDP"},       {33, "DCCP"},      {41, "IPv6"},     {43, "IPv6-Route"},  {44, "IPv6-Frag"},
    {47, "GRE"},       {50, "ESP"},       {51, "AH"},       {58, "ICMPv6"},      {59, "IPv6-NoNxt"},
    {60, "IPv6-Opts"}, {89, "OSPF"},      {103, "PIM"},     {112, "VRRP"},       {115, "L2TP"},
    {132, "SCTP"},     {135, "Mobility"}, {136, "UDPLite"}, {137, "MPLS-in-IP"},
};

} // namespace

const char *ProtocolName::keyword(unsigned number)
{
    for (const Keyword &entry : Keywords) {
        if (entry.number == number)
            return entry.text;
    }
    return nullptr;
}

std::string ProtocolName::of(unsigned number)
{
    if (const char *name = keyword(number))
        return name;
    return "proto " + std::to_string(number);
}

std::string ProtocolName::of(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return "?";
    return of(summary.transport);
}

} // namespace nfqmon
