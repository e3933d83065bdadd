#include "helper/protocol/PacketDecoder.h"

#include "helper/protocol/PacketWalker.h"

namespace nfqmon::PacketDecoder {

namespace {

struct IgnoreHeaders {
    void operator()(HeaderKind, std::size_t, std::size_t) const noexcept {}
};

} // namespace

PacketSummary summarize(std::span<const std::uint8_t> packet, NetworkProtocol delivered) noexcept
{
    IgnoreHeaders sink;
    PacketWalker<IgnoreHeaders> walker(packet, sink);
    return walker.run(delivered);
}

PacketWalk walk(std::span<const std::uint8_t> packet, NetworkProtocol delivered)
{
    PacketWalk result;
    auto sink = [&result](HeaderKind kind, std::size_t offset, std::size_t length) {
        result.headers.append({kind, offset, length});
    };
    PacketWalker<decltype(sink)> walker(packet, sink);
    result.summary = walker.run(delivered);
    result.issue = walker.issue();
    return result;
}

} // namespace nfqmon::PacketDecoder
