// Which host a packet goes to or comes from, by name, learned from the traffic itself: the
// queue threads hand every packet to learn() (DNS answers, TLS and QUIC server names, HTTP Host
// headers; see the parsers beside this file) and ask hostOf() for its name. Nothing is looked
// up: no query leaves the machine.
//
// Bounded: the addresses' names and the flows' names live in fixed-size
// tables allocated once (HostNameLimits), each set-associative with least-recently-used
// eviction in a set, so a flood of forged answers for millions of names costs no more memory
// and evicts only the names nobody used lately. A DNS name lives for its TTL, at least
// minimumTtlSeconds; a flow keeps the name it began with (or none) while it stays in its table.
//
// Thread-safe: the queue threads share it (a reader-writer lock; the writer's side is taken
// only when a packet carries a name or begins a flow the table does not know).
#pragma once

#include "helper/names/HostName.h"
#include "helper/protocol/HostSource.h"
#include "helper/protocol/PacketRecord.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace nfqmon {

struct HostNameLimits {
    // Each entry holds its name (at most 253 bytes) and is 336 bytes: 15.75 MiB in all.
    std::uint32_t addresses = 32768; // (address, name) pairs
    std::uint32_t flows = 16384;     // flows with a server name (TLS, QUIC, HTTP)
    std::uint32_t minimumTtlSeconds = 60;
    std::uint32_t maximumTtlSeconds = 86400;
};

// A packet's host as a record carries it.
struct HostRef {
    std::uint64_t id = 0; // 0: none; else name(id) gives the name while the table keeps it
    HostSource source = HostSource::None;
};

// Every name a packet can be judged by, for rules: views into `storage`.
struct PacketHostNames {
    static constexpr std::size_t Max = 8;
    std::array<HostName, Max> storage;
    std::array<std::string_view, Max> views;
    std::size_t count = 0;
    std::span<const std::string_view> span() const { return {views.data(), count}; }
};

struct HostNameStats {
    std::uint64_t learned = 0;   // names put in the tables
    std::uint64_t evicted = 0;   // entries evicted before their time (the tables were full)
    std::size_t memoryBytes = 0; // fixed from the start
};

class HostNames
{
public:
    explicit HostNames(const HostNameLimits &limits = {});
    ~HostNames();
    HostNames(const HostNames &) = delete;
    HostNames &operator=(const HostNames &) = delete;

    // Learns what the packet says about names. `packet`: the IP packet as queued.
    void learn(const PacketSummary &summary, std::span<const std::uint8_t> packet, Hook hook,
               std::int64_t nowNs);
    // The packet's host: its flow's (its server name, or its remote end's name when the flow
    // began; none if it began without), else, for a flow not known, the most recently learned
    // live name of its remote end (the destination of a packet going out, the source of one
    // coming in), and the flow is pinned to that. With `all`: every name a rule may match (see
    // RuleSet's PacketContext): a known flow's, and its remote end's from before it began.
    HostRef hostOf(const PacketSummary &summary, Hook hook, std::int64_t nowNs,
                   PacketHostNames *all = nullptr);
    // The name of a record's host id; false once the table has let it go.
    bool name(std::uint64_t id, std::string *out) const;
    HostNameStats stats() const;

private:
    struct Tables;
    std::unique_ptr<Tables> m_tables;
};

} // namespace nfqmon
