// The thread that serves one kernel queue: receives packets in batches (recvmmsg), decides each
// verdict from the in-memory rules, batches the verdicts and hands records to the consumers.
// Nothing here waits on anything but the socket.
#pragma once

#include "helper/attribution/OwnerCache.h"
#include "helper/bypass/FlowBypass.h"
#include "helper/bypass/InspectedFlows.h"
#include "helper/engine/InterfaceNameCache.h"
#include "helper/engine/NfQueue.h"
#include "helper/engine/PacketPath.h"
#include "helper/engine/VerdictBatcher.h"
#include "helper/names/HostNames.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

struct nlmsghdr;

namespace nfqmon {

class PacketOwners;

struct QueueCounters {
    std::atomic<std::uint64_t> received{0};
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> dropped{0};
    // Whole packet lengths by verdict: one more relaxed add on this thread's own counters.
    std::atomic<std::uint64_t> acceptedBytes{0};
    std::atomic<std::uint64_t> droppedBytes{0};
    std::atomic<std::uint64_t> errors{0}; // receive errors and netlink error replies
};

class QueueWorker
{
public:
    QueueWorker(int index, std::unique_ptr<NfQueue> queue, const PacketPathHolder &path,
                std::atomic<std::uint64_t> &sequence, std::uint32_t snapLength,
                PacketOwners *owners = nullptr, HostNames *hostNames = nullptr,
                FlowBypass *bypass = nullptr, std::uint32_t inspectPackets = 0);
    ~QueueWorker();

    void start();
    // Handles what the socket still holds, sends the last verdicts and joins the thread.
    void stop();

    const QueueCounters &counters() const { return m_counters; }
    std::uint64_t verdictFailures() const { return m_verdictFailures.load(); }
    NfQueue &queue() { return *m_queue; }

private:
    void run();
    int receiveBatch();
    void handleMessage(const nlmsghdr *nlh);
    void handOut(const PacketRecord &record, const std::uint8_t *payload);
    // With an inspection depth: hands the packet's flow (hash: InspectedFlows::hashOf) to the
    // kernel once its first packets were inspected.
    void decideFlow(const BypassKey &key, std::uint64_t hash, bool accept);
    void wakeConsumers();

    const int m_index;
    std::unique_ptr<NfQueue> m_queue;
    const PacketPathHolder &m_pathHolder;
    std::shared_ptr<const PacketPath> m_path;
    std::uint64_t m_pathGeneration = 0;
    std::atomic<std::uint64_t> &m_sequence;
    const std::uint32_t m_snapLength;
    PacketOwners *const m_owners;                // nullptr without attribution
    std::unique_ptr<OwnerCache> m_ownerCache;    // likewise
    HostNames *const m_hostNames;                // nullptr without host names
    FlowBypass *const m_bypass;                  // nullptr without an inspection depth
    std::unique_ptr<InspectedFlows> m_inspected; // likewise
    VerdictBatcher m_verdicts;
    InterfaceNameCache m_names;
    PacketHostNames m_packetHosts; // a packet's names, for rules that name hosts
    QueueCounters m_counters;
    std::atomic<std::uint64_t> m_verdictFailures{0};
    std::atomic<bool> m_stopping{false};
    int m_wakeFd = -1;
    std::thread m_thread;
    std::unique_ptr<std::uint64_t[]> m_buffer; // the receive slots (receiveBatch())
    std::int64_t m_now = 0;
    std::int64_t m_firstPendingNs = 0;
};

} // namespace nfqmon
