#include "helper/attribution/OwnerTable.h"

#include "helper/attribution/LocalAddresses.h"

#include <algorithm>
#include <utility>

namespace nfqmon {

namespace {

std::string text(const char *bytes, std::size_t size)
{
    return std::string(bytes, std::find(bytes, bytes + size, '\0'));
}

// What the socket hooks say of every owner; a process event adds the executable and arguments.
ProcessInfo infoOf(const nfq_owner &owner)
{
    ProcessInfo info;
    info.pid = owner.tgid;
    info.thread = owner.pid;
    info.namespacePid = owner.ns_tgid;
    info.uid = owner.uid;
    info.gid = owner.gid;
    info.startNs = owner.start_ns;
    info.cgroupId = owner.cgroup_id;
    info.command = text(owner.comm, sizeof owner.comm);
    return info;
}

} // namespace

std::size_t OwnerTable::ProcessKeyHash::operator()(const ProcessKey &key) const noexcept
{
    return std::size_t(key.startNs * 0x9E3779B97F4A7C15ull ^ (std::uint64_t(key.pid) << 32) ^
                       key.execId);
}

OwnerTable::OwnerTable(std::size_t maxFlows, std::size_t maxProcesses)
    : m_maxFlows(maxFlows), m_maxProcesses(maxProcesses)
{}

std::uint32_t OwnerTable::addProcessInfo(ProcessInfo info, const ProcessKey &key)
{
    if (const auto known = m_processIds.find(key); known != m_processIds.end()) {
        // Told again (the kernel forgot it had told us): keep the id, take the fuller facts.
        info.id = known->second;
        m_processes[info.id] = std::make_shared<const ProcessInfo>(std::move(info));
        return known->second;
    }
    info.id = m_nextProcessId++;
    if (m_nextProcessId == 0)
        m_nextProcessId = 1; // 0 means "no process" in a record
    const std::uint32_t id = info.id;
    m_processes[id] = std::make_shared<const ProcessInfo>(std::move(info));
    m_processIds[key] = id;
    m_processOrder.emplace_back(id, key);
    while (m_processOrder.size() > m_maxProcesses) {
        m_processes.erase(m_processOrder.front().first);
        m_processIds.erase(m_processOrder.front().second);
        m_processOrder.pop_front();
    }
    return id;
}

void OwnerTable::addProcess(const nfq_process_event &event)
{
    const nfq_owner &owner = event.owner;
    ProcessInfo info = infoOf(owner);
    info.executable.assign(event.exe, std::min<std::size_t>(event.exe_length, NFQ_EXE_SIZE));
    std::size_t length = std::min<std::size_t>(event.cmdline_length, NFQ_CMDLINE_SIZE);
    while (length > 0 && event.cmdline[length - 1] == '\0')
        --length;
    info.arguments.assign(event.cmdline, length);
    info.cgroup.assign(event.cgroup, std::min<std::size_t>(event.cgroup_length, NFQ_CGROUP_SIZE));
    addProcessInfo(std::move(info), {owner.start_ns, owner.tgid, owner.exec_id});
}

std::uint32_t OwnerTable::processFor(const nfq_owner &owner)
{
    const ProcessKey key{owner.start_ns, owner.tgid, owner.exec_id};
    if (const auto known = m_processIds.find(key); known != m_processIds.end())
        return known->second;
    // The process's own event was lost (the ring was full): what the owner says is all there is.
    return addProcessInfo(infoOf(owner), key);
}

Attribution OwnerTable::boundTo(const FlowKey &key) const
{
    if (const auto it = m_bound.find(key.localEnd()); it != m_bound.end())
        return it->second.attribution;
    // A server on the IPv6 wildcard that takes IPv4 too (no IPV6_V6ONLY) is filed for both
    // families by the kernel programs. A packet to an address that is not this namespace's is
    // forwarded, and not the wildcard server's (a router's DNS server and the DNS queries it
    // forwards).
    if (m_localAddresses && !m_localAddresses->takes(key.raw.family, key.raw.local))
        return {};
    if (const auto it = m_bound.find(key.anyLocalAddress()); it != m_bound.end())
        return it->second.attribution;
    return {};
}

void OwnerTable::addFlow(const nfq_flow_event &event)
{
    const FlowKey key = FlowKey::fromKernel(event.key);
    Flow flow;
    flow.cookie = event.cookie;
    if (event.known) {
        flow.attribution = {Origin::Process, processFor(event.owner)};
    } else if (const Attribution server = boundTo(key); server.origin == Origin::Process) {
        flow.attribution = server; // a server's reply sent by the kernel on its behalf (SYN-ACK)
    } else if (event.cookie == 0) {
        flow.attribution = {Origin::Kernel, 0}; // no socket, or one of the kernel's own
    } // else: a socket opened before attribution started; its owner stays unknown
    flow.serial = ++m_flowSerial;
    m_flows[key] = flow;
    m_flowOrder.emplace_back(key, flow.serial);
    while (m_flowOrder.size() > m_maxFlows) {
        const auto &[oldest, serial] = m_flowOrder.front();
        if (const auto it = m_flows.find(oldest);
            it != m_flows.end() && it->second.serial == serial) {
            m_flows.erase(it);
            m_evicted.push_back(oldest);
        }
        m_flowOrder.pop_front();
    }
}

void OwnerTable::addBound(const nfq_flow_event &event)
{
    const FlowKey key = FlowKey::fromKernel(event.key).localEnd();
    if (const auto old = m_bound.find(key); old != m_bound.end())
        forgetBound(old->second.cookie, key);
    Flow flow;
    flow.cookie = event.cookie;
    flow.attribution = {Origin::Process, processFor(event.owner)};
    m_bound[key] = flow;
    m_boundByCookie.emplace(event.cookie, key);
}

void OwnerTable::forgetBound(std::uint64_t cookie, const FlowKey &key)
{
    auto [first, last] = m_boundByCookie.equal_range(cookie);
    for (auto it = first; it != last; ++it) {
        if (it->second == key) {
            m_boundByCookie.erase(it);
            return;
        }
    }
}

void OwnerTable::release(std::uint64_t cookie)
{
    // A closed server stops claiming its port. Flows stay: their last packets may still come.
    auto [first, last] = m_boundByCookie.equal_range(cookie);
    for (auto it = first; it != last; ++it) {
        if (const auto bound = m_bound.find(it->second);
            bound != m_bound.end() && bound->second.cookie == cookie)
            m_bound.erase(bound);
    }
    m_boundByCookie.erase(cookie);
}

Attribution OwnerTable::find(const FlowKey &key, bool outgoing) const
{
    if (const auto it = m_flows.find(key); it != m_flows.end())
        return it->second.attribution;
    const Attribution server = boundTo(key);
    if (server.origin == Origin::Process || outgoing)
        return server;
    // No socket of the watched namespace takes it: forwarded, perhaps from or to a socket of
    // another namespace (a container's) on this machine.
    for (const bool fromThere : {true, false}) {
        if (const auto it = m_flows.find(key.inOtherNamespace(fromThere)); it != m_flows.end()) {
            Attribution found = it->second.attribution;
            found.otherNamespace = true;
            return found;
        }
    }
    return {Origin::NoSocket, 0};
}

std::shared_ptr<const ProcessInfo> OwnerTable::process(std::uint32_t id) const
{
    const auto it = m_processes.find(id);
    return it == m_processes.end() ? nullptr : it->second;
}

std::vector<FlowKey> OwnerTable::takeEvicted()
{
    return std::exchange(m_evicted, {});
}

} // namespace nfqmon
