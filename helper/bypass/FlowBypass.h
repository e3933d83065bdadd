// The kernel's share of an inspection depth (inspect_packets = N): loads the bypass programs
// (bypass.bpf.c) and pins them where iptables' bpf match can name them, for the rules that
// ChainScript puts before the NFQUEUE rule. Once a queue thread has inspected a flow's first N
// packets it stores the verdict here, and the kernel passes, or drops, the flow's further
// packets itself, counting them. Changing the rules raises the generation: every stored
// decision stops counting, and each flow's next packet is inspected again under the new rules.
#pragma once

#include "helper/protocol/BypassKey.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

struct nfq_bypass;

namespace nfqmon {

class FlowBypass
{
public:
    struct Totals {
        std::uint64_t passedPackets = 0; // by the kernel, after the depth
        std::uint64_t passedBytes = 0;
        std::uint64_t droppedPackets = 0;
        std::uint64_t droppedBytes = 0;
    };

    // Loads the programs and pins them in `directory` (made on the bpf file system, which is
    // mounted at /sys/fs/bpf first where it is not). nullptr and why when the kernel or the
    // helper's privileges do not allow it.
    static std::unique_ptr<FlowBypass> create(const std::string &directory, std::string *error);
    // Where a helper pins the programs of its capture on queue `queue`.
    static std::string directoryFor(pid_t pid, std::uint16_t queue);
    // Removes the pins of helpers that no longer run (a crash leaves them behind).
    static void removeStale();
    ~FlowBypass(); // unpins and removes the directory
    FlowBypass(const FlowBypass &) = delete;
    FlowBypass &operator=(const FlowBypass &) = delete;

    // The pinned programs, for `-m bpf --object-pinned PATH`.
    const std::string &passProgram() const { return m_pass; }
    const std::string &dropProgram() const { return m_drop; }

    // Stores the verdict for the key's flow under `generation` (the kernel's from then on);
    // what the kernel counted for the flow before stays. Thread-safe.
    bool store(const BypassKey &key, bool accept, std::uint32_t generation);
    // The current generation (any thread).
    std::uint32_t generation() const;
    // The rules changed: no stored decision applies any more (engine thread).
    void nextGeneration();
    Totals totals() const;
    // What the kernel counted for the flow since its first decision; false when it has none.
    bool counted(const BypassKey &key, std::uint64_t *packets, std::uint64_t *bytes) const;

    // A flow the kernel decides (or decided, under older rules).
    struct Decision {
        nfq_bypass_key key{};
        bool accept = true;
        bool current = true;       // stored under the current rules
        std::uint64_t packets = 0; // decided by the kernel since the first decision
        std::uint64_t bytes = 0;
        std::uint64_t idleNs = 0; // since the kernel last decided one of its packets
    };
    // The `limit` most recently active decided flows, the most recent first.
    std::vector<Decision> decisions(std::size_t limit) const;

private:
    FlowBypass() = default;
    bool load(const std::string &directory, std::string *error);

    nfq_bypass *m_skeleton = nullptr;
    std::string m_directory;
    std::string m_pass;
    std::string m_drop;
    int m_flows = -1;  // the decisions' map
    int m_totals = -1; // the per-CPU totals' map
};

} // namespace nfqmon
