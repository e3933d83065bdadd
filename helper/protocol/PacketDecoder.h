// Decoding of the L3 packets that NFQUEUE delivers (IPv4 or IPv6, no link-layer header).
#pragma once

#include "PacketSummary.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <span>

namespace nfqmon {

// One header of a decoded packet, for a tree view: "IPv4", "IPv6 Hop-by-Hop Options", "TCP" ...
struct HeaderField {
    QString name;
    QString value;
};
struct HeaderLayer {
    QString name;
    int offset = 0; // where the header starts in the packet
    int length = 0; // how many bytes of it were present
    QList<HeaderField> fields;
};

struct DecodedPacket {
    PacketSummary summary;
    QList<HeaderLayer> layers;
    QString problem; // empty when complete; otherwise what is missing, in a sentence
};

namespace PacketDecoder {

// Allocation-free; safe on any input of any length (never reads outside `packet`).
PacketSummary summarize(std::span<const std::uint8_t> packet) noexcept;

// Full decode with every header as fields; for display, not for the packet path.
DecodedPacket decode(std::span<const std::uint8_t> packet);

// "10.0.0.1", "fe80::1" (RFC 5952 compressed form).
QString sourceText(const PacketSummary &summary);
QString destinationText(const PacketSummary &summary);

// "TCP", "UDP", "ICMP", "ICMPv6", "IPv6-Frag", or "proto 132" style for others; "?" if unknown.
QString protocolName(const PacketSummary &summary);

// One line: "10.0.0.1:5512 → 10.0.0.2:443 TCP [SYN, ACK]", "... ICMP echo request", and
// "(truncated: transport header)" style when something is missing.
QString infoText(const PacketSummary &summary);

} // namespace PacketDecoder
} // namespace nfqmon
