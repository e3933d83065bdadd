#include "helper/bypass/FlowBypass.h"

// The generated skeleton holds the programs as one long string literal.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#include "bypass.skel.h"
#pragma GCC diagnostic pop

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <vector>

#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

namespace nfqmon {

namespace {

const char BpfRoot[] = "/sys/fs/bpf";
const char PinRoot[] = "/sys/fs/bpf/nfqmon";

std::string systemError(const char *what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

// The bpf file system at /sys/fs/bpf, mounted there as systemd does where nothing did.
bool ensureBpfFs(std::string *error)
{
    struct statfs fs {};
    if (statfs(BpfRoot, &fs) == 0 && fs.f_type == BPF_FS_MAGIC)
        return true;
    if (mount("bpf", BpfRoot, "bpf", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0700") != 0) {
        *error = systemError("the bpf file system is not mounted at /sys/fs/bpf, and mounting it "
                             "failed") +
                 " (systemd mounts it at boot; as root: mount -t bpf bpf /sys/fs/bpf)";
        return false;
    }
    return true;
}

std::int64_t monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

std::string FlowBypass::directoryFor(pid_t pid, std::uint16_t queue)
{
    return std::string(PinRoot) + '/' + std::to_string(pid) + "-q" + std::to_string(queue);
}

void FlowBypass::removeStale()
{
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(PinRoot, ec)) {
        const std::string name = entry.path().filename().string();
        const pid_t pid = pid_t(std::atoi(name.c_str()));
        if (pid <= 0 || pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH)
            continue;
        std::filesystem::remove_all(entry.path(), ec);
    }
}

std::unique_ptr<FlowBypass> FlowBypass::create(const std::string &directory, std::string *error)
{
    std::unique_ptr<FlowBypass> bypass(new FlowBypass);
    if (!bypass->load(directory, error))
        return nullptr;
    return bypass;
}

bool FlowBypass::load(const std::string &directory, std::string *error)
{
    if (!ensureBpfFs(error))
        return false;
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec) {
        *error = "cannot make " + directory + ": " + ec.message();
        return false;
    }
    m_directory = directory;
    m_skeleton = nfq_bypass__open();
    if (!m_skeleton) {
        *error = systemError("cannot open the bypass programs");
        return false;
    }
    if (nfq_bypass__load(m_skeleton) != 0) {
        *error = systemError("the kernel refused the bypass programs");
        return false;
    }
    m_pass = directory + "/pass";
    m_drop = directory + "/drop";
    if (bpf_program__pin(m_skeleton->progs.nfq_bypass_pass, m_pass.c_str()) != 0 ||
        bpf_program__pin(m_skeleton->progs.nfq_bypass_drop, m_drop.c_str()) != 0) {
        *error = systemError(("cannot pin the bypass programs in " + directory).c_str());
        return false;
    }
    m_flows = bpf_map__fd(m_skeleton->maps.nfq_bypass_flows);
    m_totals = bpf_map__fd(m_skeleton->maps.nfq_bypass_totals);
    return true;
}

FlowBypass::~FlowBypass()
{
    // The rules that name the programs hold them: unpinning only takes the names away.
    if (!m_pass.empty())
        unlink(m_pass.c_str());
    if (!m_drop.empty())
        unlink(m_drop.c_str());
    if (!m_directory.empty())
        rmdir(m_directory.c_str());
    if (m_skeleton)
        nfq_bypass__destroy(m_skeleton);
}

bool FlowBypass::store(const BypassKey &key, bool accept, std::uint32_t generation)
{
    nfq_bypass_decision decision{};
    // What the kernel counted under an earlier decision stays: it no longer counts this flow
    // (the generation changed), so nothing is lost between the read and the write.
    bpf_map_lookup_elem(m_flows, &key.raw, &decision);
    decision.generation = generation;
    decision.verdict = accept ? NFQ_BYPASS_ACCEPT : NFQ_BYPASS_DROP;
    decision.last_ns = std::uint64_t(monotonicNs());
    return bpf_map_update_elem(m_flows, &key.raw, &decision, BPF_ANY) == 0;
}

std::uint32_t FlowBypass::generation() const
{
    return __atomic_load_n(&m_skeleton->data->generation, __ATOMIC_ACQUIRE);
}

void FlowBypass::nextGeneration()
{
    std::uint32_t next = generation() + 1;
    if (next == 0)
        next = 1; // 0 is "never stored" in InspectedFlows
    __atomic_store_n(&m_skeleton->data->generation, next, __ATOMIC_RELEASE);
}

FlowBypass::Totals FlowBypass::totals() const
{
    Totals totals;
    const int cpus = libbpf_num_possible_cpus();
    if (cpus <= 0)
        return totals;
    std::vector<nfq_bypass_total> values(static_cast<std::size_t>(cpus));
    for (std::uint32_t index :
         {std::uint32_t(NFQ_BYPASS_ACCEPT - 1), std::uint32_t(NFQ_BYPASS_DROP - 1)}) {
        if (bpf_map_lookup_elem(m_totals, &index, values.data()) != 0)
            continue;
        std::uint64_t packets = 0;
        std::uint64_t bytes = 0;
        for (const nfq_bypass_total &v : values) {
            packets += v.packets;
            bytes += v.bytes;
        }
        if (index == NFQ_BYPASS_ACCEPT - 1) {
            totals.passedPackets = packets;
            totals.passedBytes = bytes;
        } else {
            totals.droppedPackets = packets;
            totals.droppedBytes = bytes;
        }
    }
    return totals;
}

std::vector<FlowBypass::Decision> FlowBypass::decisions(std::size_t limit) const
{
    // In batches: the table holds up to 262,144 flows, and a lookup a flow would be two
    // system calls each.
    constexpr std::uint32_t Batch = 4096;
    std::vector<nfq_bypass_key> keys(Batch);
    std::vector<nfq_bypass_decision> values(Batch);
    std::vector<Decision> all;
    const std::uint32_t current = generation();
    const std::uint64_t now = std::uint64_t(monotonicNs());
    nfq_bypass_key next{};
    bool first = true;
    for (;;) {
        std::uint32_t count = Batch;
        const int result = bpf_map_lookup_batch(m_flows, first ? nullptr : &next, &next,
                                                keys.data(), values.data(), &count, nullptr);
        first = false;
        for (std::uint32_t i = 0; i < count; ++i) {
            const nfq_bypass_decision &v = values[i];
            all.push_back({keys[i], v.verdict == NFQ_BYPASS_ACCEPT, v.generation == current,
                           v.packets, v.bytes, now > v.last_ns ? now - v.last_ns : 0});
        }
        if (result != 0) // ENOENT: that was the last batch
            break;
    }
    const std::size_t kept = std::min(limit, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(kept), all.end(),
                      [](const Decision &a, const Decision &b) { return a.idleNs < b.idleNs; });
    all.resize(kept);
    return all;
}

bool FlowBypass::counted(const BypassKey &key, std::uint64_t *packets, std::uint64_t *bytes) const
{
    nfq_bypass_decision decision{};
    if (bpf_map_lookup_elem(m_flows, &key.raw, &decision) != 0)
        return false;
    *packets = decision.packets;
    *bytes = decision.bytes;
    return true;
}

} // namespace nfqmon
