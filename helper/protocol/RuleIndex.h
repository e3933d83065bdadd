// The rules of a RuleSet filed by their anchors (RuleAnchor), so that a packet is tried only
// against the rules it could match: those anchored to one of its addresses, networks, ports,
// its protocol or family, plus those without an anchor. With a thousand rules on different
// hosts and ports a packet meets a handful of hash lookups instead of a thousand filters.
// Immutable once built; lookups are thread-safe.
#pragma once

#include "helper/protocol/PacketSummary.h"
#include "helper/protocol/RuleAnchor.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace nfqmon {

class RuleIndex
{
public:
    // Rule positions are 0..n-1 in first-match order; add them in that order.
    void add(std::uint32_t position, const std::optional<RuleAnchor> &anchor);

    // Positions of anchored rules that may match `summary`, ascending, written to `out`
    // (cleared first); the rules without an anchor (unanchoredPositions()) may match any packet.
    // False when the packet cannot be judged by its summary (not fully decoded): try every rule.
    bool candidates(const PacketSummary &summary, std::vector<std::uint32_t> *out) const;

    // Ascending. Kept apart, so that a packet does not copy and sort them every time.
    const std::vector<std::uint32_t> &unanchoredPositions() const { return m_unanchored; }
    std::size_t unanchored() const { return m_unanchored.size(); }

private:
    struct Key {
        std::array<std::uint8_t, 16> address;
        std::uint8_t family;
        std::uint8_t prefixLength;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key &key) const;
    };
    using Positions = std::vector<std::uint32_t>;

    static Key keyOf(int family, const std::array<std::uint8_t, 16> &address, int prefixLength);
    void addAddress(const PacketSummary &summary, const std::array<std::uint8_t, 16> &address,
                    Positions *out) const;

    std::unordered_map<Key, Positions, KeyHash> m_addresses;       // hosts and networks
    std::vector<std::pair<std::uint8_t, std::uint8_t>> m_prefixes; // (family, length) in use
    std::unordered_map<std::uint16_t, Positions> m_ports;
    std::array<Positions, 256> m_protocols;
    Positions m_ipv4;
    Positions m_ipv6;
    Positions m_unanchored;
};

} // namespace nfqmon
