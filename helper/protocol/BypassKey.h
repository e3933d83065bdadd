// The key the bypass programs give a packet's flow (helper/bypass/bpf/bypass.bpf.c), made from
// the packet's summary by the queue threads and by the window (its Connections view): both
// directions of a connection give one key. Only TCP and UDP packets with their ports, not
// fragments, and in IPv6 without extension headers (the programs follow none) have one.
#pragma once

#include "helper/bypass/bpf/bypass_flow.h"
#include "helper/protocol/PacketSummary.h"

#include <cstring>
#include <optional>

namespace nfqmon {

struct BypassKey {
    nfq_bypass_key raw{};
    bool opening = false; // a TCP SYN without ACK: a new connection, which the kernel never passes

    static std::optional<BypassKey> of(const PacketSummary &summary);

    bool operator==(const BypassKey &other) const
    {
        return std::memcmp(&raw, &other.raw, sizeof raw) == 0;
    }
};
std::size_t qHash(const BypassKey &key, std::size_t seed = 0) noexcept;
static_assert(sizeof(nfq_bypass_key) == 40);

} // namespace nfqmon
