#include "helper/attribution/OwnerProbe.h"

#include "helper/attribution/CgroupTree.h"
#include "helper/attribution/OwnerTable.h"

// The generated skeleton holds the programs as one long string literal.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#include "attribution.skel.h"
#pragma GCC diagnostic pop

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/bpf.h>
#include <mutex>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// Newer than Debian 12's headers and libbpf 1.1: the values are the kernel's ABI (6.4+).
constexpr unsigned ProgTypeNetfilter = 32;
constexpr unsigned AttachNetfilter = 45;
constexpr int NfProtoIpv4 = 2;
constexpr int NfProtoIpv6 = 10;
constexpr int NfInetLocalOut = 3;
// Just before the raw table (-300), where nfqmon's queue rules are; after defragmentation.
constexpr int HookPriority = -350;
#ifndef SO_NETNS_COOKIE
constexpr int SO_NETNS_COOKIE = 71;
#endif

// libbpf's messages go to the last load's error sentence, not to the helper's standard error.
std::mutex g_logMutex;
std::string g_lastLog;

__attribute__((format(printf, 2, 0))) int collectLog(enum libbpf_print_level level,
                                                     const char *format, va_list args)
{
    if (level == LIBBPF_DEBUG)
        return 0;
    char line[512];
    const int n = std::vsnprintf(line, sizeof line, format, args);
    std::lock_guard lock(g_logMutex);
    std::string text(line, n > 0 ? std::min<std::size_t>(std::size_t(n), sizeof line - 1) : 0);
    if (text.find("BEGIN PROG LOAD LOG") == std::string::npos &&
        text.find("END PROG LOAD LOG") == std::string::npos && text.rfind("libbpf:", 0) == 0)
        g_lastLog = text;
    return 0;
}

std::string lastLog()
{
    std::lock_guard lock(g_logMutex);
    std::string text = g_lastLog;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::uint64_t networkNamespaceCookie()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    std::uint64_t cookie = 0;
    socklen_t length = sizeof cookie;
    if (fd >= 0) {
        if (::getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &length) != 0)
            cookie = 0;
        ::close(fd);
    }
    return cookie;
}

int attachNetfilter(int programFd, int family)
{
    union bpf_attr attr;
    std::memset(&attr, 0, sizeof attr);
    struct {
        std::uint32_t programFd, targetFd, attachType, flags;
        std::uint32_t family, hook;
        std::int32_t priority;
        std::uint32_t netfilterFlags;
    } request{std::uint32_t(programFd),
              0,
              AttachNetfilter,
              0,
              std::uint32_t(family),
              NfInetLocalOut,
              HookPriority,
              0};
    static_assert(sizeof request <= sizeof attr);
    std::memcpy(&attr, &request, sizeof request);
    return int(::syscall(SYS_bpf, BPF_LINK_CREATE, &attr, sizeof attr));
}

} // namespace

OwnerProbe::OwnerProbe(OwnerTable &table) : m_table(table) {}

OwnerProbe::~OwnerProbe()
{
    if (m_consumerPosition)
        ::munmap(const_cast<unsigned long *>(m_consumerPosition), m_pageSize);
    if (m_producerPosition)
        ::munmap(const_cast<unsigned long *>(m_producerPosition), m_pageSize);
    if (m_ring)
        ring_buffer__free(m_ring);
    for (bpf_link *link : m_links)
        bpf_link__destroy(link);
    for (int fd : m_linkFds)
        ::close(fd);
    if (m_skeleton)
        nfq_attribution__destroy(m_skeleton);
}

std::unique_ptr<OwnerProbe> OwnerProbe::start(OwnerTable &table, std::string *error)
{
    std::unique_ptr<OwnerProbe> probe(new OwnerProbe(table));
    if (!probe->load(error) || !probe->attach(error))
        return nullptr;
    probe->sweepExistingSockets();
    return probe;
}

bool OwnerProbe::load(std::string *error)
{
    libbpf_set_print(collectLog);
    m_skeleton = nfq_attribution__open();
    if (!m_skeleton) {
        *error = "the attribution programs could not be opened (" + lastLog() + ")";
        return false;
    }
    bpf_program__set_type(m_skeleton->progs.nfq_local_out, bpf_prog_type(ProgTypeNetfilter));
    bpf_program__set_expected_attach_type(m_skeleton->progs.nfq_local_out,
                                          bpf_attach_type(AttachNetfilter));
    m_skeleton->rodata->watched_netns = networkNamespaceCookie();
    if (m_skeleton->rodata->watched_netns == 0) {
        *error = "the kernel does not name network namespaces (SO_NETNS_COOKIE, Linux 5.14)";
        return false;
    }
    if (nfq_attribution__load(m_skeleton) != 0) {
        const int code = errno;
        *error = "the kernel refused the attribution programs (" +
                 std::string(std::strerror(code)) + "; " + lastLog() +
                 "): they need Linux 6.4 or later with BTF, and the capabilities CAP_BPF and "
                 "CAP_PERFMON";
        return false;
    }
    return true;
}

bool OwnerProbe::attach(std::string *error)
{
    const std::string root = CgroupTree::root();
    if (root.empty()) {
        *error = "no cgroup v2 file system is mounted, so socket owners cannot be learned";
        return false;
    }
    const int cgroup = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (cgroup < 0) {
        *error = "cannot open the cgroup tree at " + root + ": " + std::strerror(errno);
        return false;
    }
    bpf_program *const hooks[] = {
        m_skeleton->progs.nfq_sock_create,        m_skeleton->progs.nfq_sock_release,
        m_skeleton->progs.nfq_connect4,           m_skeleton->progs.nfq_connect6,
        m_skeleton->progs.nfq_sendmsg4,           m_skeleton->progs.nfq_sendmsg6,
        m_skeleton->progs.nfq_post_bind4,         m_skeleton->progs.nfq_post_bind6,
        m_skeleton->progs.nfq_other_netns_egress,
    };
    for (bpf_program *hook : hooks) {
        bpf_link *link = bpf_program__attach_cgroup(hook, cgroup);
        if (!link) {
            const int code = errno;
            ::close(cgroup);
            *error = "cannot attach " + std::string(bpf_program__name(hook)) + " to " + root +
                     ": " + std::strerror(code);
            return false;
        }
        m_links.push_back(link);
    }
    ::close(cgroup);
    for (int family : {NfProtoIpv4, NfProtoIpv6}) {
        const int link = attachNetfilter(bpf_program__fd(m_skeleton->progs.nfq_local_out), family);
        if (link < 0) {
            *error = "cannot attach the packet program to the local-out hook: " +
                     std::string(std::strerror(errno)) + " (netfilter BPF links need Linux 6.4)";
            return false;
        }
        m_linkFds.push_back(link);
    }
    const int events = bpf_map__fd(m_skeleton->maps.events);
    m_ring = ring_buffer__new(events, &OwnerProbe::onEvent, this, nullptr);
    if (!m_ring) {
        *error = "cannot read the attribution ring buffer: " + std::string(std::strerror(errno));
        return false;
    }
    // The kernel's layout of a BPF ring: the consumer's page, then the producer's.
    m_pageSize = std::size_t(::sysconf(_SC_PAGESIZE));
    void *consumer = ::mmap(nullptr, m_pageSize, PROT_READ, MAP_SHARED, events, 0);
    void *producer = ::mmap(nullptr, m_pageSize, PROT_READ, MAP_SHARED, events, off_t(m_pageSize));
    if (consumer == MAP_FAILED || producer == MAP_FAILED) {
        *error = "cannot map the attribution ring buffer: " + std::string(std::strerror(errno));
        if (consumer != MAP_FAILED)
            ::munmap(consumer, m_pageSize);
        if (producer != MAP_FAILED)
            ::munmap(producer, m_pageSize);
        return false;
    }
    m_consumerPosition = static_cast<const unsigned long *>(consumer);
    m_producerPosition = static_cast<const unsigned long *>(producer);
    return true;
}

void OwnerProbe::sweepExistingSockets()
{
    // The holders first, then the sockets that look them up. A walk that cannot run leaves
    // those sockets without a program until they are next used.
    bpf_program *const walks[] = {m_skeleton->progs.nfq_sweep_holders,
                                  m_skeleton->progs.nfq_sweep_tcp, m_skeleton->progs.nfq_sweep_udp};
    for (bpf_program *program : walks) {
        bpf_link *link = bpf_program__attach_iter(program, nullptr);
        if (!link)
            continue;
        const int walk = bpf_iter_create(bpf_link__fd(link));
        if (walk >= 0) {
            char unused[64];
            while (::read(walk, unused, sizeof unused) > 0) {
            }
            ::close(walk);
        }
        bpf_link__destroy(link);
    }
    drain();
    // The holders were only for the walks.
    const int holders = bpf_map__fd(m_skeleton->maps.sweep_holders);
    std::uint64_t key = 0, next = 0;
    while (bpf_map_get_next_key(holders, nullptr, &next) == 0) {
        key = next;
        bpf_map_delete_elem(holders, &key);
    }
}

int OwnerProbe::onEvent(void *self, void *data, std::size_t size)
{
    auto *probe = static_cast<OwnerProbe *>(self);
    std::uint32_t type = 0;
    if (size < sizeof type)
        return 0;
    std::memcpy(&type, data, sizeof type);
    // The ring's memory is read-only and only 8-byte aligned: copy before reading.
    if (type == NFQ_EVENT_PROCESS && size >= sizeof(nfq_process_event)) {
        static thread_local nfq_process_event event;
        std::memcpy(&event, data, sizeof event);
        probe->m_table.addProcess(event);
    } else if ((type == NFQ_EVENT_FLOW || type == NFQ_EVENT_BOUND) &&
               size >= sizeof(nfq_flow_event)) {
        nfq_flow_event event;
        std::memcpy(&event, data, sizeof event);
        if (type == NFQ_EVENT_FLOW)
            probe->m_table.addFlow(event);
        else
            probe->m_table.addBound(event);
    } else if (type == NFQ_EVENT_RELEASE && size >= sizeof(nfq_release_event)) {
        nfq_release_event event;
        std::memcpy(&event, data, sizeof event);
        probe->m_table.release(event.cookie);
    }
    return 0;
}

int OwnerProbe::drain()
{
    return ring_buffer__consume(m_ring);
}

bool OwnerProbe::hasPending() const
{
    // The kernel publishes a record by moving the producer position (a release); the reader
    // moves the consumer position after handing each record over.
    return __atomic_load_n(m_producerPosition, __ATOMIC_ACQUIRE) !=
           __atomic_load_n(m_consumerPosition, __ATOMIC_ACQUIRE);
}

int OwnerProbe::readyFd() const
{
    return ring_buffer__epoll_fd(m_ring);
}

void OwnerProbe::forget(const std::vector<FlowKey> &keys)
{
    const int map = bpf_map__fd(m_skeleton->maps.announced_flows);
    for (const FlowKey &key : keys)
        bpf_map_delete_elem(map, &key.raw);
}

std::uint64_t OwnerProbe::lostEvents() const
{
    const int map = bpf_map__fd(m_skeleton->maps.stats);
    const int cpus = libbpf_num_possible_cpus();
    if (cpus <= 0)
        return 0;
    std::vector<std::uint64_t> values(std::size_t(cpus), 0);
    std::uint32_t key = NFQ_STAT_RING_FULL;
    if (bpf_map_lookup_elem(map, &key, values.data()) != 0)
        return 0;
    std::uint64_t total = 0;
    for (std::uint64_t value : values)
        total += value;
    return total;
}

} // namespace nfqmon
