#include "helper/attribution/FlowKey.h"

#include "helper/protocol/IpProtocol.h"
#include "helper/protocol/SeededHash.h"

#include <cstring>
#include <utility>

namespace nfqmon {

namespace {

bool isEcho(const PacketSummary &summary)
{
    if (!(summary.flags & SummaryFlag::HasIcmp))
        return false;
    if (summary.transport == IpProtocol::Icmp)
        return summary.icmpType == 8 || summary.icmpType == 0;
    return summary.icmpType == 128 || summary.icmpType == 129;
}

} // namespace

std::optional<FlowKey> FlowKey::fromPacket(const PacketSummary &summary,
                                           std::span<const std::uint8_t> packet, bool outgoing)
{
    if (summary.network != NetworkProtocol::IPv4 && summary.network != NetworkProtocol::IPv6)
        return std::nullopt;
    if (summary.flags & SummaryFlag::LaterFragment)
        return std::nullopt; // no ports to name the flow by
    FlowKey key;
    key.raw.family = summary.network == NetworkProtocol::IPv4 ? 4 : 6;
    key.raw.protocol = summary.transport;
    const std::size_t addressLength = key.raw.family == 4 ? 4 : 16;
    const auto &local = outgoing ? summary.source : summary.destination;
    const auto &remote = outgoing ? summary.destination : summary.source;
    std::memcpy(key.raw.local, local.data(), addressLength);
    std::memcpy(key.raw.remote, remote.data(), addressLength);
    if (summary.flags & SummaryFlag::HasPorts) {
        key.raw.local_port = outgoing ? summary.sourcePort : summary.destinationPort;
        key.raw.remote_port = outgoing ? summary.destinationPort : summary.sourcePort;
    } else if (isEcho(summary)) {
        // Ping sockets: requests and replies carry the socket's identifier at bytes 4-5.
        const std::size_t at = summary.transportOffset + 4u;
        if (packet.size() < at + 2)
            return std::nullopt;
        const std::uint16_t id = std::uint16_t(packet[at] << 8 | packet[at + 1]);
        key.raw.local_port = key.raw.remote_port = id;
    }
    return key;
}

FlowKey FlowKey::localEnd() const
{
    FlowKey key = *this;
    key.raw.remote_port = 0;
    std::memset(key.raw.remote, 0, sizeof key.raw.remote);
    return key;
}

FlowKey FlowKey::anyLocalAddress() const
{
    FlowKey key = localEnd();
    std::memset(key.raw.local, 0, sizeof key.raw.local);
    return key;
}

FlowKey FlowKey::inOtherNamespace(bool fromThere) const
{
    // *this names the watched namespace's end as local, which a forwarded packet does not have:
    // the key the queue made for an incoming packet has its destination as local.
    FlowKey key = *this;
    key.raw.scope = NFQ_SCOPE_OTHER_NETNS;
    if (fromThere) {
        std::swap(key.raw.local, key.raw.remote);
        std::swap(key.raw.local_port, key.raw.remote_port);
    }
    return key;
}

std::size_t FlowKeyHash::operator()(const FlowKey &key) const noexcept
{
    return seededHash(&key.raw, sizeof key.raw);
}

} // namespace nfqmon
