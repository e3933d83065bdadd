// The tables behind HostNames: (address, name) pairs and flows' server names, each a fixed
// array of sets of Ways entries chosen by a keyed hash, so memory is fixed from the start and a
// flood of names evicts, within each set, the entries used least recently. Names are kept in
// the entries; an entry's id (HostRef::id) is its table, slot and generation, so a record's id
// finds its name again while the entry holds it, and never another name.
//
// Not thread-safe: HostNames locks around it. The lookups only touch the entries' use times
// (relaxed atomics), so they may run together under a shared lock.
#pragma once

#include "helper/names/HostName.h"
#include "helper/names/HostNames.h"
#include "helper/protocol/HostSource.h"
#include "helper/protocol/PacketSummary.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace nfqmon {

struct FlowTuple {
    NetworkProtocol family = NetworkProtocol::Unknown;
    std::uint8_t protocol = 0;
    std::array<std::uint8_t, 16> source{};
    std::array<std::uint8_t, 16> destination{};
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
};

class HostNameTable
{
public:
    static constexpr std::uint32_t Ways = 8;

    explicit HostNameTable(const HostNameLimits &limits);
    ~HostNameTable();

    // Writers.
    void learnAddress(NetworkProtocol family, const std::array<std::uint8_t, 16> &address,
                      std::string_view name, HostSource source, std::int64_t nowNs,
                      std::int64_t expiresNs);
    // Both directions of the flow find it. A flow keeps its first name, except that a name the
    // flow said itself replaces one it was only pinned to (pinFlow()).
    void learnFlow(const FlowTuple &flow, std::string_view name, HostSource source,
                   std::int64_t nowNs, bool pinned = false);
    // The flow keeps the name of the address entry `addressId`, or no name when it is 0 or
    // gone; names the address gets later do not apply to it.
    void pinFlow(const FlowTuple &flow, std::uint64_t addressId, std::int64_t nowNs);

    // Readers. The live name learned last for the address / the flow's name; with `all`, their
    // names are added to it too.
    // `learnedBy`: only names learned by then count, for `all` too.
    HostRef addressName(NetworkProtocol family, const std::array<std::uint8_t, 16> &address,
                        std::int64_t nowNs, PacketHostNames *all,
                        std::int64_t learnedBy = INT64_MAX) const;
    // `since`, when given and the flow is known (with a name or pinned to none): when it got
    // its name.
    HostRef flowName(const FlowTuple &flow, std::int64_t nowNs, PacketHostNames *all,
                     std::int64_t *since = nullptr) const;
    bool name(std::uint64_t id, std::string *out) const;
    HostNameStats stats() const;

private:
    // All zero is an empty entry: the tables come zeroed from calloc() (see the constructor).
    struct Entry {
        std::uint32_t generation; // 0: empty; +1 each time the slot takes a new name
        HostSource source;
        NetworkProtocol family;
        std::uint8_t protocol;
        std::uint8_t length;
        std::array<std::uint8_t, 16> a; // the address; a flow's lower end
        std::array<std::uint8_t, 16> b; // a flow's upper end
        std::uint16_t portA;
        std::uint16_t portB;
        std::int64_t firstNs;   // when the entry took its name; a flow named earlier ignores it
        std::int64_t learnedNs; // the latest time it was learned: the latest is shown
        std::int64_t expiresNs; // addresses only
        mutable std::int64_t usedNs; // through std::atomic_ref: readers share a lock
        char text[MaxHostNameLength + 1];

        std::string_view view() const { return {text, length}; }
        std::int64_t used() const;
        void use(std::int64_t nowNs) const;
    };
    struct FlowKey {
        NetworkProtocol family = NetworkProtocol::Unknown;
        std::uint8_t protocol = 0;
        std::array<std::uint8_t, 16> a{};
        std::array<std::uint8_t, 16> b{};
        std::uint16_t portA = 0;
        std::uint16_t portB = 0;
    };
    struct Free {
        void operator()(Entry *entries) const;
    };
    struct Table {
        std::unique_ptr<Entry[], Free> entries;
        std::uint32_t sets = 0;
        Entry *set(std::uint64_t hash) const { return &entries[(hash % sets) * Ways]; }
    };

    std::uint64_t hashAddress(NetworkProtocol family, const std::array<std::uint8_t, 16> &a) const;
    std::uint64_t hashFlow(const FlowKey &key) const;
    static FlowKey flowKey(const FlowTuple &flow);
    static bool sameFlow(const Entry &e, const FlowKey &key);
    static bool idleFlow(const Entry &e, std::int64_t nowNs);
    static Table allocate(std::uint32_t entries);
    Entry *victim(Entry *set, std::int64_t nowNs);
    void fill(Entry &e, std::string_view name, HostSource source, std::int64_t nowNs);
    const Entry *entryOf(std::uint64_t id) const;
    static void add(PacketHostNames *all, std::string_view name);

    Table m_addresses;
    Table m_flows;
    std::uint64_t m_seed;
    std::uint64_t m_learned = 0;
    std::uint64_t m_evicted = 0;
};

} // namespace nfqmon
