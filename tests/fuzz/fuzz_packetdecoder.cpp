// libFuzzer target: the decoder every queued packet goes through (summarize, on the packet path)
// and the full decode the window shows. The first byte picks the family NFQUEUE reported.
#include "PacketDecoder.h"

#include "FuzzInput.h"

#include <cstdint>
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
    PacketDecoder::infoText(summary);
    PacketDecoder::sourceText(summary);
    PacketDecoder::destinationText(summary);
    PacketDecoder::protocolName(summary);

    const DecodedPacket decoded = PacketDecoder::decode(packet, delivered);
    for (const HeaderLayer &layer : decoded.layers) {
        // Each layer must lie inside the packet: the hex view highlights these bytes.
        NFQMON_FUZZ_CHECK(layer.offset >= 0 && layer.length >= 0 &&
                          std::size_t(layer.offset) + std::size_t(layer.length) <= packet.size());
    }
    return 0;
}
