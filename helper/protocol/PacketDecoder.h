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
// `delivered` is the family the kernel reported (NFQUEUE's hw_protocol), when known: a version
// field that disagrees with it makes the packet Missing::Malformed. Left Unknown, the version
// field decides, and a packet that is neither IPv4 nor IPv6 is Missing::NetworkHeader.
// Lengths: the IPv4 total length / IPv6 payload length bound the packet when they are smaller
// than the buffer; when they claim more, the rest counts as cut off (a snapped capture), not as
// malformed. A zero length field (segmentation offload, jumbograms) leaves the buffer as bound.
// For fragments, `transport` is the datagram's upper-layer protocol; later fragments have no
// transport header, and transportOffset then points at the fragment's data.
PacketSummary summarize(std::span<const std::uint8_t> packet,
                        NetworkProtocol delivered = NetworkProtocol::Unknown) noexcept;

// Full decode with every header as fields; for display, not for the packet path.
DecodedPacket decode(std::span<const std::uint8_t> packet,
                     NetworkProtocol delivered = NetworkProtocol::Unknown);

// "10.0.0.1", "fe80::1" (RFC 5952 compressed form).
QString sourceText(const PacketSummary &summary);
QString destinationText(const PacketSummary &summary);

// IANA keyword: "TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "ESP", "IPv6-Frag" (a chain cut off in
// that header) ..., or "proto 253" style for others; "?" when the network header is missing.
QString protocolName(const PacketSummary &summary);

// One line: "10.0.0.1:5512 → 10.0.0.2:443 TCP [SYN, ACK]", "... ICMP echo request",
// "[2001:db8::1]:53 → ..." for IPv6 with ports, "(truncated: TCP header)" / "(malformed)" when
// something is missing.
QString infoText(const PacketSummary &summary);

} // namespace PacketDecoder
} // namespace nfqmon
