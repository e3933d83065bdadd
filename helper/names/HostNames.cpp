#include "helper/names/HostNames.h"

#include "helper/names/DnsAnswers.h"
#include "helper/names/HostNameTable.h"
#include "helper/names/HttpHost.h"
#include "helper/names/QuicInitial.h"
#include "helper/names/TlsClientHello.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

namespace nfqmon {

namespace {

constexpr std::int64_t NsPerSecond = 1'000'000'000;
// A server name seen in a ClientHello or a request names its address for this long: no TTL says
// otherwise, and an address serves the same names for a while.
constexpr std::uint32_t ObservedNameSeconds = 600;
constexpr std::uint16_t DnsPort = 53;
constexpr std::uint8_t Tcp = 6;
constexpr std::uint8_t Udp = 17;

bool hasNetwork(const PacketSummary &s)
{
    return s.network != NetworkProtocol::Unknown && s.missing != Missing::NetworkHeader;
}

// The transport's payload, or an empty span when the packet is cut before it.
std::span<const std::uint8_t> transportPayload(const PacketSummary &s,
                                               std::span<const std::uint8_t> packet)
{
    if (!(s.flags & SummaryFlag::HasPorts) || (s.flags & SummaryFlag::LaterFragment) ||
        s.missing != Missing::Nothing)
        return {};
    std::size_t at = s.transportOffset;
    if (s.transport == Udp) {
        at += 8;
    } else if (s.transport == Tcp) {
        if (packet.size() < at + 20)
            return {};
        at += std::size_t(packet[at + 12] >> 4) * 4;
    } else {
        return {};
    }
    if (packet.size() <= at)
        return {};
    return packet.subspan(at);
}

FlowTuple flowOf(const PacketSummary &s)
{
    FlowTuple flow;
    flow.family = s.network;
    flow.protocol = s.transport;
    flow.source = s.source;
    flow.destination = s.destination;
    flow.sourcePort = s.sourcePort;
    flow.destinationPort = s.destinationPort;
    return flow;
}

constexpr std::int64_t NotKnown = INT64_MAX;

// The packet that begins a flow, as far as the helper can tell: a TCP SYN; the first packet of
// another protocol with ports that the table does not know. A TCP connection first seen later
// (begun before the capture) is not pinned: it goes by its address's names.
bool beginsFlow(const PacketSummary &s)
{
    if (s.transport != Tcp)
        return true;
    return (s.flags & SummaryFlag::HasTcpFlags) &&
           (s.tcpFlags & (TcpFlag::Syn | TcpFlag::Ack)) == TcpFlag::Syn;
}

} // namespace

struct HostNames::Tables {
    explicit Tables(const HostNameLimits &given) : limits(given), table(given) {}

    const HostNameLimits limits;
    mutable std::shared_mutex mutex;
    HostNameTable table;
};

HostNames::HostNames(const HostNameLimits &limits) : m_tables(std::make_unique<Tables>(limits)) {}

HostNames::~HostNames() = default;

void HostNames::learn(const PacketSummary &summary, std::span<const std::uint8_t> packet, Hook hook,
                      std::int64_t nowNs)
{
    (void)hook; // what a packet says about names does not depend on where it was queued
    if (!hasNetwork(summary))
        return;
    const std::span<const std::uint8_t> payload = transportPayload(summary, packet);
    if (payload.empty())
        return;
    Tables &t = *m_tables;
    const auto ttlNs = [&](std::uint32_t seconds) {
        seconds = std::clamp(seconds, t.limits.minimumTtlSeconds, t.limits.maximumTtlSeconds);
        return std::int64_t(seconds) * NsPerSecond;
    };

    if (summary.sourcePort == DnsPort && (summary.transport == Udp || summary.transport == Tcp)) {
        std::array<DnsAddress, 16> answers;
        const std::size_t count = summary.transport == Udp ? DnsAnswers::parse(payload, answers)
                                                           : DnsAnswers::parseTcp(payload, answers);
        if (count == 0)
            return;
        std::unique_lock lock(t.mutex);
        for (std::size_t i = 0; i < count; ++i) {
            const DnsAddress &a = answers[i];
            const std::int64_t expires = nowNs + ttlNs(a.ttl);
            // The owner first: the name asked for is the later, so the one shown.
            if (!a.owner.empty() && a.owner.view() != a.name.view())
                t.table.learnAddress(a.family, a.address, a.owner.view(), HostSource::Dns,
                                     nowNs - 1, expires);
            t.table.learnAddress(a.family, a.address, a.name.view(), HostSource::Dns, nowNs,
                                 expires);
        }
        return;
    }

    HostName name;
    HostSource source = HostSource::None;
    if (summary.transport == Tcp) {
        if (payload[0] == 0x16 && TlsClientHello::serverName(payload, name))
            source = HostSource::Tls;
        else if (payload[0] >= 'A' && payload[0] <= 'Z' && HttpHost::of(payload, name))
            source = HostSource::Http;
    } else if (summary.transport == Udp && QuicInitial::looksLikeClientInitial(payload)) {
        thread_local QuicInitial quic;
        if (quic.serverName(payload, name))
            source = HostSource::Quic;
    }
    if (source == HostSource::None)
        return;
    // The client speaks first: the server is the destination.
    std::unique_lock lock(t.mutex);
    t.table.learnFlow(flowOf(summary), name.view(), source, nowNs);
    t.table.learnAddress(summary.network, summary.destination, name.view(), source, nowNs,
                         nowNs + ttlNs(ObservedNameSeconds));
}

HostRef HostNames::hostOf(const PacketSummary &summary, Hook hook, std::int64_t nowNs,
                          PacketHostNames *all)
{
    if (all)
        all->count = 0;
    if (!hasNetwork(summary))
        return {};
    Tables &t = *m_tables;
    const bool hasFlow = (summary.flags & SummaryFlag::HasPorts) != 0;
    const auto &remote = hook == Hook::Output ? summary.destination : summary.source;
    HostRef flowHost;
    HostRef addressHost;
    std::int64_t flowNamedAt = NotKnown;
    {
        std::shared_lock lock(t.mutex);
        if (hasFlow)
            flowHost = t.table.flowName(flowOf(summary), nowNs, all, &flowNamedAt);
        // A flow the table knows (its own server name, or what its address was called when it
        // began, a name or none) is judged by the names it had then: an answer learned later,
        // forged or not, cannot change the verdicts of a connection under way.
        addressHost = t.table.addressName(summary.network, remote, nowNs, all, flowNamedAt);
    }
    if (flowHost.id)
        return flowHost;
    if (flowNamedAt != NotKnown) { // it began without a name
        if (all)
            all->count = 0;
        return {};
    }
    if (hasFlow && beginsFlow(summary)) {
        std::unique_lock lock(t.mutex);
        t.table.pinFlow(flowOf(summary), addressHost.id, nowNs);
    }
    return addressHost;
}

bool HostNames::name(std::uint64_t id, std::string *out) const
{
    std::shared_lock lock(m_tables->mutex);
    return m_tables->table.name(id, out);
}

HostNameStats HostNames::stats() const
{
    std::shared_lock lock(m_tables->mutex);
    return m_tables->table.stats();
}

} // namespace nfqmon
