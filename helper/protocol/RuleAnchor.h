// What a rule's expression says for certain about every packet it can match, when the
// expression is a conjunction that names an exact host, a network, a port or a protocol:
// "udp and dst port 53" can only match a packet with port 53, "host 10.0.0.5 and tcp" one to or
// from 10.0.0.5. RuleIndex files rules under these anchors so that a packet is tried against the
// few rules whose anchor it carries, not against all of them; libpcap's compiled filter still
// decides. An anchor is therefore only ever a necessary condition (directions are widened to
// "either", a qualifier libpcap would carry over is not guessed), and an expression this parser
// does not understand in full simply has none.
#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace nfqmon {

struct RuleAnchor {
    enum class Kind : std::uint8_t {
        Host,     // source or destination address equals `address`
        Net,      // source or destination address lies in `address`/`prefixLength`
        Port,     // TCP, UDP or SCTP source or destination port equals `port`
        Protocol, // the transport protocol (after IPv6 extension headers) is `protocol`
        Family,   // the packet is IPv4 (family 4) or IPv6 (6)
    };
    Kind kind = Kind::Host;
    int family = 4;                         // Host, Net, Family
    std::array<std::uint8_t, 16> address{}; // network byte order, IPv4 in the first 4 bytes
    int prefixLength = 32;
    std::uint16_t port = 0;
    std::uint8_t protocol = 0;

    // The most selective anchor among the expression's top-level conjuncts, if any.
    static std::optional<RuleAnchor> of(const QString &expression);
};

} // namespace nfqmon
