// Everything a capture needs, however it is driven (the headless config file, StartCapture over
// D-Bus), and the one check every such set of options passes before a capture starts.
#pragma once

#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/Rule.h"
#include "helper/protocol/SshConnection.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace nfqmon {

struct CaptureOptions {
    // Who asks for the capture, which decides the bounds validate() applies.
    enum class Check {
        // Root's own config file, read before the capture starts: the full ranges, and the
        // interfaces need not exist yet.
        ConfigFile,
        // Any program a user allows to capture: tighter bounds (CaptureLimits.h), and the
        // interfaces must exist.
        DBus,
        // What the engine starts with, whoever asked: the full ranges, and the interfaces must
        // exist.
        Start,
    };

    bool anyInterface = false;
    QStringList interfaces; // valid names; empty when anyInterface
    bool dump = false;      // dump_input / dump_output are used only when true
    QString dumpInput;      // every packet received
    QString dumpOutput;     // every packet accepted
    // Descriptors a D-Bus caller opened (the helper never opens a path a caller chose); when
    // >= 0 they are used instead of the paths and the engine takes ownership of them.
    int dumpInputFd = -1;
    int dumpOutputFd = -1;
    // Headless only: a JSON line per packet appended to this file, or standard output for "-";
    // empty: no log. Never set over D-Bus.
    QString log;
    // Headless only: a Prometheus text file for node_exporter's textfile collector, replaced
    // every few seconds (helper/engine/MetricsPublisher); empty: none. Over D-Bus the service's
    // own setting (SetMetricsFile) takes its place.
    QString metricsFile;
    bool enableIptables = true;
    // Learn the program behind each packet of a local socket (helper/attribution); where the
    // kernel or the helper's privileges do not allow it, the capture runs without and says why.
    bool attribution = true;
    // Learn the host names of the packets' remote ends from the traffic itself (helper/names):
    // DNS answers, TLS and QUIC server names, HTTP Host headers. No query is ever sent.
    bool hostNames = true;
    // The caller's own SSH connection (over D-Bus from a remote window or nfqmon-capture), which
    // the chains let pass unseen; none in headless mode.
    std::optional<SshConnection> sshConnection;
    std::uint16_t queueNumber = 0;
    std::uint16_t queueCount = 1; // > 1: --queue-balance over queueNumber..+count-1
    std::uint32_t snapLength = Limits::DefaultSnapLength; // bytes kept per packet (records, dumps)
    std::uint32_t queueMaxLength = 4096;                  // kernel queue length (packets)
    // Packets inspected of each TCP or UDP flow before the kernel decides the rest as the last
    // one was (helper/bypass); 0: every packet (inspect_packets = all).
    std::uint32_t inspectPackets = 0;
    int statusIntervalSeconds = 5; // headless status line period; 0 = never
    std::vector<Rule> rules;       // ids 1..n in file order

    // The queue count and range, the snap length, the queue length, the status interval and the
    // interfaces (given, valid names, and present in this network namespace unless `check` is
    // ConfigFile). False and a sentence naming what is wrong. The rules are compiled by whoever
    // uses them (RuleSet).
    bool validate(Check check, QString *error) const;
};

} // namespace nfqmon
