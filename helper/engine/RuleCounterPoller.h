// Reads the kernel's counters of nfqmon's NFQUEUE rules on a thread of its own, at most once an
// interval and only while someone asks for them: reading runs iptables-save, which must neither
// touch the packet path nor hold up the bus loop or a status timer.
#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace nfqmon {

class RuleCounterPoller
{
public:
    struct Reading {
        bool valid = false;
        std::uint64_t reachedRules = 0; // packets the queue rules counted
        std::uint64_t handedOut = 0;    // packets the kernel had handed to nfqmon just before
        QString error;                  // why the last reading failed
    };
    // Makes one reading; runs on the poller's thread (a QThread: it may start processes).
    using Read = std::function<Reading()>;

    RuleCounterPoller(Read read, std::chrono::milliseconds interval);
    ~RuleCounterPoller(); // stops and joins the thread
    RuleCounterPoller(const RuleCounterPoller &) = delete;
    RuleCounterPoller &operator=(const RuleCounterPoller &) = delete;

    // Never waits: asks for a fresh reading (the next one an interval after the last, the first
    // an interval after the start).
    void request();
    // The last reading made (not valid before the first).
    Reading latest() const;

private:
    void run();

    Read m_read;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    Reading m_latest;
    std::unique_ptr<QThread> m_thread;
};

} // namespace nfqmon
