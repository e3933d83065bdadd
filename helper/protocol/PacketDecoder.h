// Decoding of the L3 packets that NFQUEUE delivers (IPv4 or IPv6, no link-layer header): the
// summary the packet path and the rules use, and the walk over every header that the window
// describes (app/display). Neither holds text for a person.
#pragma once

#include "helper/protocol/PacketSummary.h"
#include "helper/protocol/PacketWalk.h"

#include <cstdint>
#include <span>

namespace nfqmon::PacketDecoder {

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

// The same walk, keeping every header it passes and why it stopped; for display, not for the
// packet path (it allocates).
PacketWalk walk(std::span<const std::uint8_t> packet,
                NetworkProtocol delivered = NetworkProtocol::Unknown);

} // namespace nfqmon::PacketDecoder
