#include "helper/protocol/BypassKey.h"

#include "helper/protocol/SeededHash.h"

#include <arpa/inet.h>
#include <netinet/in.h>

namespace nfqmon {

std::optional<BypassKey> BypassKey::of(const PacketSummary &s)
{
    if (!(s.flags & SummaryFlag::HasPorts) || (s.flags & SummaryFlag::Fragment) ||
        s.missing != Missing::Nothing)
        return std::nullopt;
    if (s.transport != IPPROTO_TCP && s.transport != IPPROTO_UDP)
        return std::nullopt;
    if (s.network == NetworkProtocol::IPv6 && (s.flags & SummaryFlag::HasOptions))
        return std::nullopt;
    if (s.network != NetworkProtocol::IPv4 && s.network != NetworkProtocol::IPv6)
        return std::nullopt;
    BypassKey key;
    nfq_bypass_key &k = key.raw;
    k.family = s.network == NetworkProtocol::IPv4 ? 4 : 6;
    k.protocol = s.transport;
    const std::size_t length = s.network == NetworkProtocol::IPv4 ? 4 : 16;
    // The programs compare the 16 bytes as stored: an IPv4 address then zeros.
    std::uint8_t source[16] = {};
    std::uint8_t destination[16] = {};
    std::memcpy(source, s.source.data(), length);
    std::memcpy(destination, s.destination.data(), length);
    const int order = std::memcmp(source, destination, sizeof source);
    const bool sourceLow = order < 0 || (order == 0 && s.sourcePort < s.destinationPort);
    std::memcpy(k.low, sourceLow ? source : destination, sizeof k.low);
    std::memcpy(k.high, sourceLow ? destination : source, sizeof k.high);
    k.low_port = htons(sourceLow ? s.sourcePort : s.destinationPort);
    k.high_port = htons(sourceLow ? s.destinationPort : s.sourcePort);
    key.opening = s.transport == IPPROTO_TCP && (s.flags & SummaryFlag::HasTcpFlags) &&
                  (s.tcpFlags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn;
    return key;
}

std::size_t qHash(const BypassKey &key, std::size_t seed) noexcept
{
    return seededHash(&key.raw, sizeof key.raw) ^ seed;
}

} // namespace nfqmon
