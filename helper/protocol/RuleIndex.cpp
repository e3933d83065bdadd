#include "helper/protocol/RuleIndex.h"

#include <algorithm>

namespace nfqmon {

std::size_t RuleIndex::KeyHash::operator()(const Key &key) const
{
    // FNV-1a over the bytes that matter.
    std::size_t hash = 1469598103934665603ull;
    const auto mix = [&hash](std::uint8_t byte) {
        hash ^= byte;
        hash *= 1099511628211ull;
    };
    const std::size_t bytes = key.family == 4 ? 4 : 16;
    for (std::size_t i = 0; i < bytes; ++i)
        mix(key.address[i]);
    mix(key.family);
    mix(key.prefixLength);
    return hash;
}

RuleIndex::Key RuleIndex::keyOf(int family, const std::array<std::uint8_t, 16> &address,
                                int prefixLength)
{
    Key key{};
    key.family = std::uint8_t(family);
    key.prefixLength = std::uint8_t(prefixLength);
    const int maximum = family == 4 ? 32 : 128;
    for (int bit = 0; bit < prefixLength && bit < maximum; bit += 8) {
        const int left = prefixLength - bit;
        const std::uint8_t mask = left >= 8 ? 0xff : std::uint8_t(0xff << (8 - left));
        key.address[std::size_t(bit / 8)] = address[std::size_t(bit / 8)] & mask;
    }
    return key;
}

void RuleIndex::add(std::uint32_t position, const std::optional<RuleAnchor> &anchor)
{
    if (!anchor) {
        m_unanchored.push_back(position);
        return;
    }
    switch (anchor->kind) {
    case RuleAnchor::Kind::Host:
    case RuleAnchor::Kind::Net: {
        m_addresses[keyOf(anchor->family, anchor->address, anchor->prefixLength)].push_back(
            position);
        const std::pair<std::uint8_t, std::uint8_t> prefix(std::uint8_t(anchor->family),
                                                           std::uint8_t(anchor->prefixLength));
        if (std::find(m_prefixes.begin(), m_prefixes.end(), prefix) == m_prefixes.end())
            m_prefixes.push_back(prefix);
        break;
    }
    case RuleAnchor::Kind::Port:
        m_ports[anchor->port].push_back(position);
        break;
    case RuleAnchor::Kind::Protocol:
        m_protocols[anchor->protocol].push_back(position);
        break;
    case RuleAnchor::Kind::Family:
        (anchor->family == 4 ? m_ipv4 : m_ipv6).push_back(position);
        break;
    }
}

void RuleIndex::addAddress(const PacketSummary &summary,
                           const std::array<std::uint8_t, 16> &address, Positions *out) const
{
    const int family = summary.network == NetworkProtocol::IPv4 ? 4 : 6;
    for (const auto &[prefixFamily, length] : m_prefixes) {
        if (prefixFamily != family)
            continue;
        const auto found = m_addresses.find(keyOf(family, address, length));
        if (found != m_addresses.end())
            out->insert(out->end(), found->second.begin(), found->second.end());
    }
}

bool RuleIndex::candidates(const PacketSummary &summary, std::vector<std::uint32_t> *out) const
{
    out->clear();
    if (summary.missing != Missing::Nothing || summary.network == NetworkProtocol::Unknown)
        return false;
    const std::uint8_t transport = summary.transport;
    const bool portProtocol = transport == 6 || transport == 17 || transport == 132;
    // A TCP, UDP or SCTP packet whose ports the decoder did not take (a later fragment) cannot
    // match a port primitive in libpcap either; other protocols with ports (DCCP, UDP-Lite)
    // never do. Anything else unexpected: every rule.
    if (portProtocol && !(summary.flags & SummaryFlag::HasPorts) &&
        !(summary.flags & SummaryFlag::LaterFragment))
        return false;

    if (!m_prefixes.empty()) {
        addAddress(summary, summary.source, out);
        addAddress(summary, summary.destination, out);
    }
    if (portProtocol && (summary.flags & SummaryFlag::HasPorts) && !m_ports.empty()) {
        for (const std::uint16_t port : {summary.sourcePort, summary.destinationPort}) {
            const auto found = m_ports.find(port);
            if (found != m_ports.end())
                out->insert(out->end(), found->second.begin(), found->second.end());
        }
    }
    const Positions &byProtocol = m_protocols[transport];
    out->insert(out->end(), byProtocol.begin(), byProtocol.end());
    const Positions &byFamily = summary.network == NetworkProtocol::IPv4 ? m_ipv4 : m_ipv6;
    out->insert(out->end(), byFamily.begin(), byFamily.end());
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
    return true;
}

} // namespace nfqmon
