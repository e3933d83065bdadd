// One capture: queues bound, chains installed, verdicts from the rules, records handed to the
// dumps and to any consumer attached later. Independent of how it is driven (the headless config
// file, StartCapture over D-Bus); all methods are called from one control thread.
#pragma once

#include "helper/attribution/PacketOwners.h"
#include "helper/bypass/FlowBypass.h"
#include "helper/config/CaptureOptions.h"
#include "helper/engine/ChainManager.h"
#include "helper/engine/DumpWriter.h"
#include "helper/engine/EngineStatistics.h"
#include "helper/engine/KernelQueueStats.h"
#include "helper/engine/PacketLog.h"
#include "helper/engine/PacketPath.h"
#include "helper/engine/QueueWorker.h"
#include "helper/engine/RuleCounterPoller.h"
#include "helper/names/HostNames.h"
#include "helper/protocol/CaptureStatus.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace nfqmon {

class CaptureEngine
{
public:
    // Called from the engine's own threads (e.g. a dump that failed); must be thread-safe.
    using MessageHandler = std::function<void(const QString &)>;

    explicit CaptureEngine(CaptureOptions options);
    ~CaptureEngine(); // stops
    CaptureEngine(const CaptureEngine &) = delete;
    CaptureEngine &operator=(const CaptureEngine &) = delete;

    void setMessageHandler(MessageHandler handler) { m_onMessage = std::move(handler); }
    // Whether stop() makes passed unseen exact for statistics() after it (the headless totals):
    // it stops the queue rules, drains the queue and reads their counters before removing them,
    // which costs two more iptables runs per family. Off: stop() is as quick as before, and
    // statistics() after it has no passed-unseen figure. Set before start().
    void setFinalCount(bool on) { m_finalCount = on; }

    // Validates the options, binds the queues, opens the dumps, starts the threads and installs
    // the chains, in that order. False and a sentence on failure; nothing is left installed.
    bool start(QString *error);
    // Removes the chains, handles the packets still queued, closes the dumps. Idempotent.
    void stop();
    bool isRunning() const { return m_running; }

    // Takes effect from the next batch of packets. False and the compiler's sentence if a rule
    // does not compile; the old rules then stay.
    bool setRules(const std::vector<Rule> &rules, QString *error);

    void attach(std::shared_ptr<RecordConsumer> consumer);
    void detach(const std::shared_ptr<RecordConsumer> &consumer);
    int producerCount() const { return m_options.queueCount; }

    // Never waits: the rule counters come from a reading at most a second old (their first
    // reading is asked for here).
    EngineStatistics statistics() const;
    // The capture's part of GetStatus: its settings, counters, families and dumps (running);
    // the caller adds who started it, its streams and the message. Never waits either.
    CaptureStatus status() const;
    // With an inspection depth: the `limit` most recently active connections the kernel
    // decides, with what it counted for each; empty without a depth.
    std::vector<FlowBypass::Decision> decidedConnections(std::size_t limit) const;
    const CaptureOptions &options() const { return m_options; }
    // After start(): a family left out (enable_iptables = no without its chains) and how to add
    // it; empty when both are captured.
    QString notice() const { return m_notice; }
    // While running with attribution: who owns the packets' sockets (nullptr without).
    std::shared_ptr<PacketOwners> owners() const { return m_owners; }
    // While running with host names: the names the packets' records refer to (nullptr without).
    std::shared_ptr<HostNames> hostNames() const { return m_hostNames; }
    // After start(): "IPv4", "IPv6", the families captured.
    QStringList families() const { return m_families; }

private:
    bool openQueues(QString *error);
    bool openDumps(QString *error);
    bool openLog(QString *error);
    void publish(std::shared_ptr<const RuleSet> rules,
                 std::shared_ptr<std::vector<std::atomic<std::uint64_t>>> hits,
                 std::vector<std::shared_ptr<RecordConsumer>> consumers);
    void report(const QString &message) const;
    void teardown();
    void abandon(); // after a failed start
    void closeUnusedDescriptors();
    std::uint64_t receivedTotal() const;
    std::uint64_t handedOutTotal() const;          // the kernel's count for our queues
    RuleCounterPoller::Reading readRuleCounters(); // on the poller's thread

    CaptureOptions m_options;
    MessageHandler m_onMessage;
    PacketPathHolder m_path;
    std::atomic<std::uint64_t> m_sequence{0};
    std::vector<std::unique_ptr<NfQueue>> m_pendingQueues;
    std::vector<std::unique_ptr<QueueWorker>> m_workers;
    std::vector<std::shared_ptr<DumpWriter>> m_dumps;
    std::shared_ptr<PacketLog> m_log; // headless `log = FILE`
    std::unique_ptr<ChainManager> m_chains;
    QList<KernelQueueStats> m_finalKernelStats;          // read before the queues close
    std::optional<std::uint64_t> m_finalAttributionLost; // read before attribution stops
    std::unique_ptr<RuleCounterPoller> m_ruleCounters;   // while running
    std::uint64_t m_baseReceived = 0;                    // before the rules were installed
    std::uint64_t m_baseHandedOut = 0;                   // likewise
    // The poller's thread only: the last reading and the queues' state when it was made.
    struct LastReading {
        RuleCounterPoller::Reading reading;
        std::uint64_t handedOut = 0;
        bool queueFull = false;
    } m_lastReading;
    struct FinalUnseen {
        bool known = false;
        bool exact = false;
        std::uint64_t reachedRules = 0;
        std::uint64_t passedUnseen = 0;
    } m_finalUnseen;
    QString m_notice;
    std::shared_ptr<PacketOwners> m_owners;           // while running, with attribution
    std::shared_ptr<HostNames> m_hostNames;           // while running, with host names
    std::unique_ptr<FlowBypass> m_bypass;             // while running, with an inspection depth
    std::optional<FlowBypass::Totals> m_finalDecided; // read before the bypass goes
    QStringList m_families;
    bool m_finalCount = false;
    bool m_running = false;
};

} // namespace nfqmon
