// The kernel's counters of an NFQUEUE queue in this network namespace
// (/proc/net/netfilter/nfnetlink_queue): what benchmarks divide a consumer's CPU by.
#pragma once

#include <QtGlobal>

namespace nfqmon::test {

struct KernelQueueCounters {
    quint64 handedOut = 0; // packets handed to the consumer (the last packet id)
    quint64 dropped = 0;   // queue full without fail-open, or netlink could not deliver

    // Zeros when the queue is not bound.
    static KernelQueueCounters read(int queue);
};

} // namespace nfqmon::test
