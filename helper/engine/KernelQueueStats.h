// The kernel's view of the queues in this network namespace, from
// /proc/net/netfilter/nfnetlink_queue.
#pragma once

#include <QList>

#include <cstdint>

namespace nfqmon {

struct KernelQueueStats {
    std::uint16_t queue = 0;
    std::uint32_t portId = 0;       // netlink port of the program bound to it
    std::uint32_t waiting = 0;      // packets waiting for a verdict now
    std::uint64_t queueDropped = 0; // dropped (or failed open) because the queue was full
    std::uint64_t userDropped = 0;  // could not be sent to the program (socket buffer full)
    std::uint64_t idSequence = 0;   // the last packet id: packets handed to the program so far

    static QList<KernelQueueStats> read();
    static QList<KernelQueueStats> parse(const QByteArray &text);
};

} // namespace nfqmon
