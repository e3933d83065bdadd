// A flow as both sides name it: the local end and the remote end of a packet, with the
// protocol. The kernel programs build it from the packets they see leave; the queue threads from
// the packets they are handed, in either direction, so the two meet in one table.
#pragma once

#include "helper/attribution/AttributionEvents.h"
#include "helper/protocol/PacketSummary.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

namespace nfqmon {

struct FlowKey {
    nfq_flow_key raw{};

    // outgoing: the packet's source is the local end; otherwise its destination is.
    static std::optional<FlowKey> fromPacket(const PacketSummary &summary,
                                             std::span<const std::uint8_t> packet, bool outgoing);
    static FlowKey fromKernel(const nfq_flow_key &key)
    {
        FlowKey k;
        k.raw = key;
        return k;
    }
    // The same flow with the remote end left out: what a bound socket (a server) is filed by.
    FlowKey localEnd() const;
    // The same local end on any local address (a server bound to 0.0.0.0 or ::).
    FlowKey anyLocalAddress() const;
    // The same flow as a socket of another network namespace names it, from that socket's end:
    // the packet's source (from) or destination (to) is that socket's.
    FlowKey inOtherNamespace(bool fromThere) const;

    // Five words compared in line: memcmp was a call per lookup on the packet path.
    bool operator==(const FlowKey &other) const
    {
        std::uint64_t a[sizeof raw / 8], b[sizeof raw / 8];
        std::memcpy(a, &raw, sizeof raw);
        std::memcpy(b, &other.raw, sizeof raw);
        std::uint64_t differ = 0;
        for (std::size_t i = 0; i < sizeof raw / 8; ++i)
            differ |= a[i] ^ b[i];
        return differ == 0;
    }
};
static_assert(sizeof(nfq_flow_key) == 40);

struct FlowKeyHash {
    std::size_t operator()(const FlowKey &key) const noexcept;
};

} // namespace nfqmon
