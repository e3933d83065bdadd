#include "helper/engine/QueueWorker.h"

#include "helper/attribution/PacketOwners.h"
#include "helper/names/HostNames.h"
#include "helper/protocol/PacketDecoder.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <libmnl/libmnl.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/if_ether.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace nfqmon {

namespace {

// As many as the batch verdict covers: one receive and one verdict per 64 packets under load.
constexpr int BatchMessages = 64;
// Payload plus the attributes around it (headers, interfaces, uid, gid, lengths).
constexpr std::size_t AttributeRoom = 4096;
// Accepts wait at most this long for more packets to share their verdict message.
constexpr std::int64_t MaxPendingNs = 1'000'000;
constexpr std::size_t MaxPendingAccepts = 64;
// Consumers are woken at most this often while packets keep coming: a wake is a system call on
// each side and, on a machine where they share the queue thread's core, two context switches;
// at a hundred thousand packets a second in small batches they would cost more than the packets.
// Records wait at most this long for a sleeping consumer (a client's batches wait 10 ms anyway).
constexpr std::int64_t WakeIntervalNs = 4'000'000;

std::int64_t monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

std::int64_t realtimeNs()
{
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Only this thread writes its counters, others read them: a plain load and store, not the locked
// read-modify-write of fetch_add, which several per packet would cost.
void add(std::atomic<std::uint64_t> &counter, std::uint64_t n)
{
    counter.store(counter.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
}

// The packet message's attributes by type, read in place. libnetfilter_queue's parser validates
// each through a callback, which showed in the queue thread's profile; this is the kernel's own
// message, so a bounds check per attribute and the lengths of those read here suffice.
bool parseAttributes(const nlmsghdr *nlh, const nlattr *(&attributes)[NFQA_MAX + 1])
{
    constexpr std::size_t Header = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(nfgenmsg));
    if (nlh->nlmsg_len < Header)
        return false;
    const auto *at = reinterpret_cast<const std::uint8_t *>(nlh) + Header;
    std::size_t left = nlh->nlmsg_len - Header;
    while (left >= sizeof(nlattr)) {
        const auto *attribute = reinterpret_cast<const nlattr *>(at);
        if (attribute->nla_len < sizeof(nlattr) || attribute->nla_len > left)
            return false;
        const std::size_t payload = attribute->nla_len - NLA_HDRLEN;
        const unsigned type = attribute->nla_type & NLA_TYPE_MASK;
        switch (type) {
        case NFQA_PACKET_HDR:
            if (payload < sizeof(nfqnl_msg_packet_hdr))
                return false;
            break;
        case NFQA_IFINDEX_INDEV:
        case NFQA_IFINDEX_OUTDEV:
        case NFQA_UID:
        case NFQA_GID:
        case NFQA_SKB_INFO:
        case NFQA_CAP_LEN:
            if (payload < sizeof(std::uint32_t))
                return false;
            break;
        default:
            break;
        }
        if (type <= NFQA_MAX)
            attributes[type] = attribute;
        const std::size_t step = NLA_ALIGN(attribute->nla_len);
        if (step >= left)
            break;
        at += step;
        left -= step;
    }
    return true;
}

void copyName(char (&target)[InterfaceNameSize], std::string_view name)
{
    const std::size_t n = std::min(name.size(), std::size_t(InterfaceNameSize - 1));
    if (n > 0) // an empty view may hold a null pointer, which memcpy must not get
        std::memcpy(target, name.data(), n);
    target[n] = '\0';
}

} // namespace

QueueWorker::QueueWorker(int index, std::unique_ptr<NfQueue> queue, const PacketPathHolder &path,
                         std::atomic<std::uint64_t> &sequence, std::uint32_t snapLength,
                         PacketOwners *owners, HostNames *hostNames, FlowBypass *bypass,
                         std::uint32_t inspectPackets)
    : m_index(index), m_queue(std::move(queue)), m_pathHolder(path), m_sequence(sequence),
      m_snapLength(snapLength), m_owners(owners), m_hostNames(hostNames), m_bypass(bypass),
      m_verdicts(*m_queue), m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_owners)
        m_ownerCache = std::make_unique<OwnerCache>();
    if (m_bypass && inspectPackets > 0)
        m_inspected = std::make_unique<InspectedFlows>(inspectPackets);
}

QueueWorker::~QueueWorker()
{
    stop();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void QueueWorker::start()
{
    m_pathHolder.refresh(m_path, m_pathGeneration);
    m_thread = std::thread([this] { run(); });
}

void QueueWorker::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
}

void QueueWorker::run()
{
    pollfd fds[2] = {{m_queue->fd(), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    bool wakePending = false; // records handed out since the consumers were last woken
    std::int64_t lastWakeNs = 0;
    const auto wakeIfDue = [&] {
        const std::int64_t now = monotonicNs();
        if (now - lastWakeNs >= WakeIntervalNs) {
            wakeConsumers();
            lastWakeNs = now;
            wakePending = false;
        }
    };
    for (;;) {
        const int received = receiveBatch();
        if (received > 0 && !m_path->consumers.empty())
            wakePending = true;
        if (received == BatchMessages) {
            // Keep reading while the socket has more, but do not let accepts wait too long.
            if (m_verdicts.pendingAccepts() >= MaxPendingAccepts ||
                (m_verdicts.pendingAccepts() && m_now - m_firstPendingNs > MaxPendingNs))
                m_verdicts.flush();
            if (wakePending)
                wakeIfDue();
            continue;
        }
        // A batch short of full took all the socket held (a receive more would only say so at
        // the price of a system call): nothing may wait for a verdict now.
        m_verdicts.flush();
        if (wakePending)
            wakeIfDue();
        if (m_stopping.load()) {
            if (received == 0)
                break;
            continue; // stop() wants what the socket still holds handled
        }
        // A wake put off is due within the interval: come back for it then.
        int timeoutMs = -1;
        if (wakePending) {
            const std::int64_t dueInNs = lastWakeNs + WakeIntervalNs - monotonicNs();
            timeoutMs = int(std::clamp<std::int64_t>((dueInNs + 999'999) / 1'000'000, 1,
                                                     WakeIntervalNs / 1'000'000));
        }
        while (::poll(fds, 2, timeoutMs) < 0 && errno == EINTR) {
        }
    }
    wakeConsumers();
    m_verdictFailures.store(m_verdicts.sendFailures());
}

int QueueWorker::receiveBatch()
{
    // Netlink headers are read in place, so every slot starts 8-byte aligned. Left uninitialised:
    // a slot's pages are touched only as far as its packets reach, so small packets keep the
    // resident memory small.
    const std::size_t slot = (m_queue->settings().copyRange + AttributeRoom + 7) & ~std::size_t{7};
    if (!m_buffer)
        m_buffer.reset(new std::uint64_t[slot / 8 * BatchMessages]);
    auto *base = reinterpret_cast<char *>(m_buffer.get());

    mmsghdr messages[BatchMessages] = {};
    iovec vectors[BatchMessages];
    // No sender addresses: the queue's socket is connected to the kernel (NfQueue::open()), and
    // copying one out per packet cost 1 % of the queue thread at saturation.
    for (int i = 0; i < BatchMessages; ++i) {
        vectors[i] = {base + i * slot, slot};
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
    const int count = recvmmsg(m_queue->fd(), messages, BatchMessages, MSG_DONTWAIT, nullptr);
    if (count < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            add(m_counters.errors, 1);
        return 0;
    }
    m_now = realtimeNs();
    m_pathHolder.refresh(m_path, m_pathGeneration);
    for (int i = 0; i < count; ++i) {
        if (messages[i].msg_hdr.msg_flags & MSG_TRUNC) {
            add(m_counters.errors, 1);
            continue;
        }
        int length = static_cast<int>(messages[i].msg_len);
        const auto *nlh = reinterpret_cast<const nlmsghdr *>(vectors[i].iov_base);
        for (; mnl_nlmsg_ok(nlh, length); nlh = mnl_nlmsg_next(nlh, &length))
            handleMessage(nlh);
    }
    return count;
}

void QueueWorker::handleMessage(const nlmsghdr *nlh)
{
    if (nlh->nlmsg_type == NLMSG_ERROR) {
        // A verdict the kernel refused (the packet was gone); it answers only on errors.
        add(m_counters.errors, 1);
        return;
    }
    if (nlh->nlmsg_type != ((NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET))
        return;
    const nlattr *attributes[NFQA_MAX + 1] = {};
    if (!parseAttributes(nlh, attributes) || !attributes[NFQA_PACKET_HDR])
        return;
    const auto *header = static_cast<const nfqnl_msg_packet_hdr *>(
        mnl_attr_get_payload(attributes[NFQA_PACKET_HDR]));
    const std::uint32_t id = ntohl(header->packet_id);

    const std::uint8_t *payload = nullptr;
    std::uint32_t payloadLength = 0;
    if (attributes[NFQA_PAYLOAD]) {
        payload = static_cast<const std::uint8_t *>(mnl_attr_get_payload(attributes[NFQA_PAYLOAD]));
        payloadLength = mnl_attr_get_payload_len(attributes[NFQA_PAYLOAD]);
    }

    PacketRecord record;
    record.sequence = m_sequence.fetch_add(1, std::memory_order_relaxed) + 1;
    record.timestampNs = m_now;
    record.packetLength = attributes[NFQA_CAP_LEN]
                              ? ntohl(mnl_attr_get_u32(attributes[NFQA_CAP_LEN]))
                              : payloadLength;
    record.capturedLength = std::min(payloadLength, m_snapLength);
    record.queue = m_queue->number();
    record.hook = header->hook == NF_INET_LOCAL_OUT ? Hook::Output : Hook::PreRouting;
    if (attributes[NFQA_IFINDEX_INDEV])
        record.inIfIndex = ntohl(mnl_attr_get_u32(attributes[NFQA_IFINDEX_INDEV]));
    if (attributes[NFQA_IFINDEX_OUTDEV])
        record.outIfIndex = ntohl(mnl_attr_get_u32(attributes[NFQA_IFINDEX_OUTDEV]));
    if (attributes[NFQA_UID]) {
        record.uid = ntohl(mnl_attr_get_u32(attributes[NFQA_UID]));
        record.flags |= RecordFlag::HasUid;
    }
    if (attributes[NFQA_GID]) {
        record.gid = ntohl(mnl_attr_get_u32(attributes[NFQA_GID]));
        record.flags |= RecordFlag::HasGid;
    }
    if (attributes[NFQA_SKB_INFO] &&
        (ntohl(mnl_attr_get_u32(attributes[NFQA_SKB_INFO])) & NFQA_SKB_GSO))
        record.flags |= RecordFlag::Gso;
    const std::string_view inName = m_names.name(record.inIfIndex, m_now);
    copyName(record.inInterface, inName);
    const std::string_view outName = m_names.name(record.outIfIndex, m_now);
    copyName(record.outInterface, outName);
    const std::uint16_t family = ntohs(header->hw_protocol);
    record.summary = PacketDecoder::summarize({payload, payloadLength},
                                              family == ETH_P_IP     ? NetworkProtocol::IPv4
                                              : family == ETH_P_IPV6 ? NetworkProtocol::IPv6
                                                                     : NetworkProtocol::Unknown);
    // The flow's count for the depth is fetched while the lookups below run. A packet without a
    // flow the kernel can tell has none: every such packet is inspected.
    const std::optional<BypassKey> flow =
        m_inspected ? BypassKey::of(record.summary) : std::nullopt;
    const std::uint64_t flowHash = flow ? InspectedFlows::hashOf(*flow) : 0;
    if (flow)
        m_inspected->prefetch(flowHash);
    // The process itself only when a rule names a program or a user.
    std::shared_ptr<const ProcessInfo> process;
    if (m_owners) {
        const bool wanted = m_path->rules && m_path->rules->needsProcess();
        const Attribution owner =
            m_owners->ownerOf(record.summary, {payload, payloadLength}, record.hook,
                              wanted ? &process : nullptr, m_ownerCache.get());
        record.origin = owner.origin;
        record.processId = owner.processId;
        if (owner.otherNamespace)
            record.flags |= RecordFlag::OtherNamespace;
    }

    // Learned before the verdict: a ClientHello is judged by the name it carries.
    PacketHostNames *names = nullptr;
    if (m_hostNames) {
        m_hostNames->learn(record.summary, {payload, payloadLength}, record.hook, m_now);
        names = m_path->rules && m_path->rules->needsHostNames() ? &m_packetHosts : nullptr;
        const HostRef host = m_hostNames->hostOf(record.summary, record.hook, m_now, names);
        record.hostId = host.id;
        record.hostSource = host.source;
    }

    int ruleIndex = -1;
    if (m_path->rules && m_path->rules->size()) {
        ruleIndex = m_path->rules->match(
            payload, payloadLength, record.packetLength,
            PacketContext{record.hook, inName, outName, &record.summary, process.get(),
                          names ? names->span() : std::span<const std::string_view>()});
    }
    bool accept = true;
    if (ruleIndex >= 0) {
        const Rule &rule = m_path->rules->rules()[static_cast<std::size_t>(ruleIndex)];
        record.ruleId = rule.id;
        accept = rule.action == RuleAction::Accept;
        (*m_path->hits)[static_cast<std::size_t>(ruleIndex)].fetch_add(1,
                                                                       std::memory_order_relaxed);
    }

    add(m_counters.received, 1);
    if (accept) {
        if (m_verdicts.pendingAccepts() == 0)
            m_firstPendingNs = m_now;
        m_verdicts.accept(id);
        record.verdict = Verdict::Accept;
        add(m_counters.accepted, 1);
        add(m_counters.acceptedBytes, record.packetLength);
    } else {
        m_verdicts.drop(id);
        record.verdict = Verdict::Drop;
        add(m_counters.dropped, 1);
        add(m_counters.droppedBytes, record.packetLength);
    }
    if (flow)
        decideFlow(*flow, flowHash, accept);
    handOut(record, payload);
}

void QueueWorker::decideFlow(const BypassKey &key, std::uint64_t hash, bool accept)
{
    const std::uint32_t generation = m_bypass->generation();
    if (!m_inspected->count(hash, key.opening, generation, m_now))
        return;
    // This packet's verdict first: the kernel passes what follows only after it, in order.
    m_verdicts.flush();
    if (m_bypass->store(key, accept, generation))
        m_inspected->stored(hash, generation);
}

void QueueWorker::handOut(const PacketRecord &record, const std::uint8_t *payload)
{
    for (const auto &consumer : m_path->consumers)
        consumer->offer(m_index, record, payload);
}

void QueueWorker::wakeConsumers()
{
    for (const auto &consumer : m_path->consumers)
        consumer->wake();
}

} // namespace nfqmon
