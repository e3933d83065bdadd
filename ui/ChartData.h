// Plain values the charts draw, so that the chart widgets know nothing of where they come from
// (TrafficStatistics for a capture or an opened file).
#pragma once

#include <QList>
#include <QString>

namespace nfqmon {

// One second of traffic.
struct RatePoint {
    qint64 startNs = 0; // start of the second, ns since the epoch
    quint64 acceptedPackets = 0;
    quint64 droppedPackets = 0;
    quint64 acceptedBytes = 0;
    quint64 droppedBytes = 0;
    // With an inspection depth: what the kernel passed or dropped after it in that second.
    quint64 decidedPackets = 0;
    quint64 decidedBytes = 0;
};

// One slice or bar: a protocol, an address, a port.
struct ChartEntry {
    QString label;
    quint64 value = 0;
};

} // namespace nfqmon
