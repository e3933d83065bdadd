#include "helper/names/HostNameTable.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/random.h>
#include <tuple>

namespace nfqmon {

namespace {

constexpr std::uint64_t FlowBit = std::uint64_t(1) << 63;
// A flow entry's expiresNs (flows do not expire): pinned to its address's name.
constexpr std::int64_t PinnedMark = 1;

std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t word(const std::array<std::uint8_t, 16> &a, int half)
{
    std::uint64_t w;
    std::memcpy(&w, a.data() + half * 8, 8);
    return w;
}

// A random key: whoever forges answers cannot aim them all at one set.
std::uint64_t randomSeed()
{
    std::uint64_t seed = 0;
    if (getrandom(&seed, sizeof seed, 0) != sizeof seed)
        seed = std::uint64_t(reinterpret_cast<std::uintptr_t>(&seed));
    return seed;
}

std::uint32_t setsFor(std::uint32_t entries, std::uint32_t ways)
{
    return std::max<std::uint32_t>(1, entries / ways);
}

} // namespace

std::int64_t HostNameTable::Entry::used() const
{
    return std::atomic_ref<std::int64_t>(usedNs).load(std::memory_order_relaxed);
}

void HostNameTable::Entry::use(std::int64_t nowNs) const
{
    std::atomic_ref<std::int64_t>(usedNs).store(nowNs, std::memory_order_relaxed);
}

void HostNameTable::Free::operator()(Entry *entries) const
{
    std::free(entries);
}

HostNameTable::Table HostNameTable::allocate(std::uint32_t entries)
{
    // calloc() hands large blocks out as fresh zero pages, resident only once written: the bound
    // is fixed from the start, the memory used grows with the names actually seen.
    // The README's and HostNameLimits' memory figure (15.75 MiB by default) rests on it.
    static_assert(sizeof(Entry) == 336);
    Table table;
    table.sets = setsFor(entries, Ways);
    auto *memory = static_cast<Entry *>(std::calloc(std::size_t(table.sets) * Ways, sizeof(Entry)));
    if (!memory)
        throw std::bad_alloc();
    table.entries.reset(memory);
    return table;
}

HostNameTable::HostNameTable(const HostNameLimits &limits)
    : m_addresses(allocate(limits.addresses)), m_flows(allocate(limits.flows)), m_seed(randomSeed())
{}

HostNameTable::~HostNameTable() = default;

std::uint64_t HostNameTable::hashAddress(NetworkProtocol family,
                                         const std::array<std::uint8_t, 16> &a) const
{
    return mix(mix(word(a, 0) ^ m_seed) ^ word(a, 1) ^ std::uint64_t(family));
}

std::uint64_t HostNameTable::hashFlow(const FlowKey &key) const
{
    const std::uint64_t ports = std::uint64_t(key.portA) << 16 | key.portB |
                                std::uint64_t(key.protocol) << 32 | std::uint64_t(key.family) << 40;
    return mix(mix(mix(word(key.a, 0) ^ m_seed) ^ word(key.a, 1) ^ word(key.b, 0)) ^
               word(key.b, 1) ^ ports);
}

HostNameTable::FlowKey HostNameTable::flowKey(const FlowTuple &flow)
{
    // The lower end first, so that both directions make the same key.
    FlowKey key;
    key.family = flow.family;
    key.protocol = flow.protocol;
    const bool sourceFirst =
        std::tie(flow.source, flow.sourcePort) <= std::tie(flow.destination, flow.destinationPort);
    key.a = sourceFirst ? flow.source : flow.destination;
    key.b = sourceFirst ? flow.destination : flow.source;
    key.portA = sourceFirst ? flow.sourcePort : flow.destinationPort;
    key.portB = sourceFirst ? flow.destinationPort : flow.sourcePort;
    return key;
}

bool HostNameTable::sameFlow(const Entry &e, const FlowKey &key)
{
    return e.generation && e.family == key.family && e.protocol == key.protocol &&
           e.portA == key.portA && e.portB == key.portB && e.a == key.a && e.b == key.b;
}

HostNameTable::Entry *HostNameTable::victim(Entry *set, std::int64_t nowNs)
{
    Entry *oldest = set;
    for (std::uint32_t i = 0; i < Ways; ++i) {
        Entry &e = set[i];
        if (!e.generation || (e.expiresNs > PinnedMark && e.expiresNs <= nowNs) ||
            idleFlow(e, nowNs))
            return &e;
        if (e.used() < oldest->used())
            oldest = &e;
    }
    ++m_evicted;
    return oldest;
}

void HostNameTable::fill(Entry &e, std::string_view name, HostSource source, std::int64_t nowNs)
{
    e.generation = e.generation + 1 ? e.generation + 1 : 1;
    e.source = source;
    e.length = std::uint8_t(std::min(name.size(), MaxHostNameLength));
    if (e.length) // an empty view's data() may be null
        std::memcpy(e.text, name.data(), e.length);
    e.text[e.length] = '\0';
    e.firstNs = nowNs;
    e.learnedNs = nowNs;
    e.use(nowNs);
    if (!name.empty())
        ++m_learned;
}

void HostNameTable::learnAddress(NetworkProtocol family,
                                 const std::array<std::uint8_t, 16> &address, std::string_view name,
                                 HostSource source, std::int64_t nowNs, std::int64_t expiresNs)
{
    if (name.empty())
        return;
    Entry *set = m_addresses.set(hashAddress(family, address));
    for (std::uint32_t i = 0; i < Ways; ++i) {
        Entry &e = set[i];
        if (e.generation && e.length && e.family == family && e.a == address && e.view() == name) {
            // Known: it lives longer and counts as the latest, under the same id. One that had
            // expired is new again (for the flows that began meanwhile without it).
            if (e.expiresNs <= nowNs)
                e.firstNs = nowNs;
            e.expiresNs = std::max(e.expiresNs, expiresNs);
            e.learnedNs = nowNs;
            e.use(nowNs);
            if (source == HostSource::Dns)
                e.source = source; // an answer is better evidence than a client's word
            return;
        }
    }
    Entry &e = *victim(set, nowNs);
    e.family = family;
    e.a = address;
    e.expiresNs = expiresNs;
    fill(e, name, source, nowNs);
}

void HostNameTable::learnFlow(const FlowTuple &flow, std::string_view name, HostSource source,
                              std::int64_t nowNs, bool pinned)
{
    if (name.empty() && !pinned)
        return;
    const FlowKey key = flowKey(flow);
    Entry *set = m_flows.set(hashFlow(key));
    Entry *target = nullptr;
    for (std::uint32_t i = 0; i < Ways && !target; ++i) {
        if (!sameFlow(set[i], key) || idleFlow(set[i], nowNs))
            continue;
        set[i].use(nowNs);
        // A flow keeps the name it said itself (server name, Host header); the name of its
        // address it was pinned to gives way to that once.
        if (pinned || set[i].expiresNs != PinnedMark)
            return;
        target = &set[i];
    }
    Entry &e = target ? *target : *victim(set, nowNs);
    e.family = key.family;
    e.protocol = key.protocol;
    e.a = key.a;
    e.b = key.b;
    e.portA = key.portA;
    e.portB = key.portB;
    e.expiresNs = pinned ? PinnedMark : 0;
    fill(e, name, source, nowNs);
}

void HostNameTable::pinFlow(const FlowTuple &flow, std::uint64_t addressId, std::int64_t nowNs)
{
    // Without a name (addressId 0, or one gone meanwhile) the flow is pinned to none: an answer
    // learned later names the address for later flows, not this one.
    const Entry *e = entryOf(addressId);
    learnFlow(flow, e ? e->view() : std::string_view(), e ? e->source : HostSource::None, nowNs,
              true); // another table: *e stays where it is
}

bool HostNameTable::idleFlow(const Entry &e, std::int64_t nowNs)
{
    // TCP connections end, so their entries go by LRU only; other flows (UDP) have no end, and
    // one idle for as long as conntrack keeps an unanswered UDP stream is taken as over.
    constexpr std::uint8_t Tcp = 6;
    constexpr std::int64_t IdleNs = 180LL * 1'000'000'000;
    return e.generation && e.expiresNs <= PinnedMark && e.protocol != Tcp && e.protocol != 0 &&
           nowNs - e.used() > IdleNs;
}

void HostNameTable::add(PacketHostNames *all, std::string_view name)
{
    if (!all || all->count >= PacketHostNames::Max)
        return;
    for (std::size_t i = 0; i < all->count; ++i)
        if (all->views[i] == name)
            return;
    HostName &slot = all->storage[all->count];
    std::memcpy(slot.text, name.data(), name.size());
    slot.text[name.size()] = '\0';
    slot.length = std::uint8_t(name.size());
    all->views[all->count] = slot.view();
    ++all->count;
}

HostRef HostNameTable::addressName(NetworkProtocol family,
                                   const std::array<std::uint8_t, 16> &address, std::int64_t nowNs,
                                   PacketHostNames *all, std::int64_t learnedBy) const
{
    const std::uint64_t hash = hashAddress(family, address);
    const Entry *set = m_addresses.set(hash);
    const Entry *latest = nullptr;
    for (std::uint32_t i = 0; i < Ways; ++i) {
        const Entry &e = set[i];
        if (!e.generation || !e.length || e.family != family || e.a != address ||
            e.expiresNs <= nowNs || e.firstNs > learnedBy)
            continue;
        e.use(nowNs);
        add(all, e.view());
        if (!latest || e.learnedNs > latest->learnedNs)
            latest = &e;
    }
    if (!latest)
        return {};
    const std::uint64_t slot = std::uint64_t(latest - m_addresses.entries.get());
    return {slot << 32 | latest->generation, latest->source};
}

HostRef HostNameTable::flowName(const FlowTuple &flow, std::int64_t nowNs, PacketHostNames *all,
                                std::int64_t *since) const
{
    const FlowKey key = flowKey(flow);
    const Entry *set = m_flows.set(hashFlow(key));
    for (std::uint32_t i = 0; i < Ways; ++i) {
        const Entry &e = set[i];
        if (!sameFlow(e, key) || idleFlow(e, nowNs))
            continue;
        e.use(nowNs);
        if (since)
            *since = e.firstNs;
        if (!e.length)
            return {}; // pinned to no name
        add(all, e.view());
        const std::uint64_t slot = std::uint64_t(&e - m_flows.entries.get());
        return {FlowBit | slot << 32 | e.generation, e.source};
    }
    return {};
}

const HostNameTable::Entry *HostNameTable::entryOf(std::uint64_t id) const
{
    const Table &table = (id & FlowBit) ? m_flows : m_addresses;
    const std::uint64_t slot = (id & ~FlowBit) >> 32;
    if (slot >= std::uint64_t(table.sets) * Ways)
        return nullptr;
    const Entry &e = table.entries[slot];
    if (!e.length || e.generation != std::uint32_t(id))
        return nullptr;
    return &e;
}

bool HostNameTable::name(std::uint64_t id, std::string *out) const
{
    const Entry *e = entryOf(id);
    if (!e)
        return false;
    out->assign(e->view());
    return true;
}

HostNameStats HostNameTable::stats() const
{
    HostNameStats s;
    s.learned = m_learned;
    s.evicted = m_evicted;
    s.memoryBytes = (std::size_t(m_addresses.sets) + m_flows.sets) * Ways * sizeof(Entry);
    return s;
}

} // namespace nfqmon
