// A snapshot of a capture's counters, for the headless status lines and GetStatus.
#pragma once

#include "helper/bypass/FlowBypass.h"
#include "helper/protocol/Rule.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace nfqmon {

struct EngineStatistics {
    std::uint64_t received = 0;
    std::uint64_t accepted = 0;
    std::uint64_t dropped = 0;
    std::uint64_t acceptedBytes = 0; // whole packet lengths, as the kernel queued them
    std::uint64_t droppedBytes = 0;
    std::uint64_t lost = 0;               // records consumers could not take in time
    std::uint64_t kernelQueueDropped = 0; // queue full (failed open: the packets passed)
    std::uint64_t kernelUserDropped = 0;  // could not be delivered to the helper
    std::uint64_t errors = 0;             // netlink receive/verdict errors

    // Passed unseen: packets that reached nfqmon's NFQUEUE rules (the kernel's rule counters)
    // but never reached the helper, because fail-open let them pass when the queue was full.
    // The kernel's queue counters do not count these. While the capture runs: rule counter
    // minus the packets the kernel handed to the helper (those still in flight are not
    // counted); it may include the few packets that reached a rule while the counters were
    // read (at most one reading a second, the reading a second old at most). Once stopped, with
    // CaptureEngine::setFinalCount (headless): rule counter minus the packets the helper
    // received, after the queue was drained: exact.
    std::uint64_t reachedRules = 0;
    std::uint64_t passedUnseen = 0;
    bool passedUnseenKnown = false; // the counters could be read (not yet: the first second)
    bool passedUnseenExact = false; // the capture stopped and the figure is final

    // Only while programs are attributed: the kernel's reports lost because the helper did not
    // read its ring in time; the packets of those flows show no program.
    std::optional<std::uint64_t> attributionLost;

    // Only with an inspection depth (inspect_packets = N): N, and what the kernel passed and
    // dropped after it by the verdicts stored for the flows (FlowBypass). Every packet that
    // reached nfqmon's chains is then received, decided by the kernel, or passed unseen.
    std::uint32_t inspectPackets = 0;
    std::optional<FlowBypass::Totals> decided;

    struct RuleHits {
        Rule rule;
        std::uint64_t hits = 0;
    };
    std::vector<RuleHits> rules;

    struct Dump {
        bool acceptedOnly = false; // dump_output when true, dump_input otherwise
        QString file;
        std::uint64_t packets = 0;
        QString error; // empty while the dump works
    };
    std::vector<Dump> dumps;

    struct Log {
        QString file;
        std::uint64_t lines = 0;
        std::uint64_t lost = 0; // records the log could not take in time
        QString error;          // empty while the log works
    };
    std::optional<Log> log; // only with `log = FILE`

    std::uint64_t kernelDropped() const { return kernelQueueDropped + kernelUserDropped; }
};

} // namespace nfqmon
