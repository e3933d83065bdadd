// libFuzzer target: the decoder every queued packet goes through (summarize, on the packet path),
// the walk over every header it shares with the window, and the description the window shows.
// The first byte picks the family NFQUEUE reported.
#include "app/display/PacketDescription.h"
#include "app/display/SummaryText.h"
#include "helper/protocol/PacketDecoder.h"

#include "tests/fuzz/FuzzInput.h"

#include <cstdint>
#include <cstring>
#include <span>

using namespace nfqmon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    constexpr NetworkProtocol families[] = {NetworkProtocol::Unknown, NetworkProtocol::IPv4,
                                            NetworkProtocol::IPv6};
    const NetworkProtocol delivered = families[data[0] % 3];
    const std::span<const std::uint8_t> packet(data + 1, size - 1);
    const PacketSummary summary = PacketDecoder::summarize(packet, delivered);
    // The texts read every field of the summary: catches values the decoder left inconsistent.
    SummaryText::info(summary);
    SummaryText::source(summary);
    SummaryText::destination(summary);
    SummaryText::protocolName(summary);

    // The walk the window describes is the packet path's: same summary, headers in order.
    const PacketWalk walk = PacketDecoder::walk(packet, delivered);
    NFQMON_FUZZ_CHECK(std::memcmp(&walk.summary, &summary, sizeof summary) == 0);
    NFQMON_FUZZ_CHECK((walk.issue.kind == DecodeIssue::Kind::None) ==
                      (summary.missing == Missing::Nothing));
    std::size_t end = 0;
    for (const HeaderSpan &header : walk.headers) {
        NFQMON_FUZZ_CHECK(header.offset >= end && header.length > 0 &&
                          header.length <= packet.size() - header.offset);
        end = header.offset + header.length;
    }

    const PacketDescription description = PacketDescription::of(packet, delivered);
    for (const HeaderLayer &layer : description.layers) {
        // Each layer must lie inside the packet: the hex view highlights these bytes.
        NFQMON_FUZZ_CHECK(layer.offset >= 0 && layer.length >= 0 &&
                          std::size_t(layer.offset) + std::size_t(layer.length) <= packet.size());
    }
    return 0;
}
