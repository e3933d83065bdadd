// Everything a capture needs, however it is driven (config file now, D-Bus later).
#pragma once

#include "CaptureLimits.h"
#include "Rule.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace nfqmon {

struct CaptureOptions {
    bool anyInterface = false;
    QStringList interfaces; // valid names; empty when anyInterface
    bool dump = false;      // dump_input / dump_output are used only when true
    QString dumpInput;      // every packet received
    QString dumpOutput;     // every packet accepted
    // Descriptors a D-Bus caller opened (the helper never opens a path a caller chose); when
    // >= 0 they are used instead of the paths and the engine takes ownership of them.
    int dumpInputFd = -1;
    int dumpOutputFd = -1;
    bool enableIptables = true;
    std::uint16_t queueNumber = 0;
    std::uint16_t queueCount = 1; // > 1: --queue-balance over queueNumber..+count-1
    std::uint32_t snapLength = Limits::DefaultSnapLength; // bytes kept per packet (records, dumps)
    std::uint32_t queueMaxLength = 4096;                  // kernel queue length (packets)
    int statusIntervalSeconds = 5;                        // headless status line period; 0 = never
    std::vector<Rule> rules;                              // ids 1..n in file order
};

} // namespace nfqmon
