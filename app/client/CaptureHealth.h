// What the status bar shows about a capture, refreshed about once a second (the helper's
// counters) and whenever the state changes. Counters are totals since the capture started.
#pragma once

#include "app/client/CaptureState.h"

#include <QStringList>

namespace nfqmon {

struct CaptureHealth {
    CaptureState state = CaptureState::Idle;
    QStringList interfaces;      // as the helper captures them ("any" or names)
    double packetsPerSecond = 0; // received by the helper, over the last status interval
    quint64 received = 0;
    quint64 droppedByRules = 0;
    quint64 lostToDisplay = 0; // records the stream lost on the way to this window
    quint64 kernelDropped = 0; // the kernel's queue drops (the queue overflowed)
    bool failOpen = false;     // packets pass unseen rather than wait when the queue is full
    // Packets that reached nfqmon's queue rules but never the helper (fail-open, queue full):
    // the rules' counters minus what the kernel handed to the helper. -1 until first read.
    qint64 passedUnseen = -1;
    // The kernel's reports of which program sent a flow that never reached the helper (its
    // ring was full): those packets show no program. -1 while programs are not attributed.
    qint64 attributionLost = -1;
    // With an inspection depth: the packets the kernel passed and dropped after it, by their
    // connection's stored verdict; -1 without a depth.
    qint64 decidedPassed = -1;
    qint64 decidedDropped = -1;
    qint64 decidedBytes = -1; // of both

    bool operator==(const CaptureHealth &) const = default;
};

} // namespace nfqmon
