// What the kernel programs have told the helper: the processes, the flows their sockets sent,
// and the sockets bound as servers. Bounded: the oldest entries go first when a table is full,
// whatever the traffic. Not thread-safe: PacketOwners serialises access.
#pragma once

#include "helper/attribution/AttributionEvents.h"
#include "helper/attribution/FlowKey.h"
#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/ProcessInfo.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace nfqmon {

class LocalAddresses;

struct Attribution {
    Origin origin = Origin::Unknown;
    std::uint32_t processId = 0;
    bool otherNamespace = false; // the socket is in another network namespace (a container's)
};

class OwnerTable
{
public:
    explicit OwnerTable(std::size_t maxFlows = 65536, std::size_t maxProcesses = 16384);

    void addProcess(const nfq_process_event &event);
    void addFlow(const nfq_flow_event &event);
    void addBound(const nfq_flow_event &event);
    void release(std::uint64_t cookie);
    // A server on the wildcard address takes only packets to these addresses; without them
    // (nullptr, the default) every packet to its port.
    void setLocalAddresses(const LocalAddresses *addresses) { m_localAddresses = addresses; }

    // Whose packet this is: an outgoing packet by its flow, an incoming one by its flow
    // reversed or else by the server bound to its destination, else (forwarded) by the flow of
    // a socket in another network namespace that sent it or that it goes to.
    Attribution find(const FlowKey &key, bool outgoing) const;
    std::shared_ptr<const ProcessInfo> process(std::uint32_t id) const;

    std::size_t flowCount() const { return m_flows.size(); }
    std::size_t processCount() const { return m_processes.size(); }

    // Flows pushed out of the full table since the last call: the kernel's table of announced
    // flows must forget them too, so that their next packet is announced again.
    std::vector<FlowKey> takeEvicted();

private:
    struct Flow {
        std::uint64_t cookie = 0;
        std::uint64_t serial = 0; // which insertion this is, for the eviction order
        Attribution attribution;
    };
    struct ProcessKey {
        std::uint64_t startNs;
        std::uint32_t pid;
        std::uint32_t execId;
        bool operator==(const ProcessKey &) const = default;
    };
    struct ProcessKeyHash {
        std::size_t operator()(const ProcessKey &key) const noexcept;
    };
    std::uint32_t processFor(const nfq_owner &owner);
    std::uint32_t addProcessInfo(ProcessInfo info, const ProcessKey &key);
    Attribution boundTo(const FlowKey &key) const;
    void forgetBound(std::uint64_t cookie, const FlowKey &key);

    const LocalAddresses *m_localAddresses = nullptr;
    const std::size_t m_maxFlows;
    const std::size_t m_maxProcesses;
    std::unordered_map<FlowKey, Flow, FlowKeyHash> m_flows;
    std::deque<std::pair<FlowKey, std::uint64_t>> m_flowOrder; // oldest first, with its serial
    std::uint64_t m_flowSerial = 0;
    std::vector<FlowKey> m_evicted;
    std::unordered_map<FlowKey, Flow, FlowKeyHash> m_bound;
    // A server on the IPv6 wildcard may be filed twice (for IPv4 too).
    std::unordered_multimap<std::uint64_t, FlowKey> m_boundByCookie;
    std::unordered_map<std::uint32_t, std::shared_ptr<const ProcessInfo>> m_processes;
    std::unordered_map<ProcessKey, std::uint32_t, ProcessKeyHash> m_processIds;
    std::deque<std::pair<std::uint32_t, ProcessKey>> m_processOrder; // oldest first
    std::uint32_t m_nextProcessId = 1;
};

} // namespace nfqmon
