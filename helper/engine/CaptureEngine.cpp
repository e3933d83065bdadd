#include "helper/engine/CaptureEngine.h"

#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"

#include <QCoreApplication>

#include <optional>
#include <string>
#include <vector>

#include <net/if.h>
#include <unistd.h>

namespace nfqmon {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CaptureEngine", text);
}

// Copy range: enough for the dumps (snap length), and never less than the headers rules need.
constexpr std::uint32_t MinimumCopyRange = 256;

// The interfaces a pcapng dump's packets may name (PcapngWriter::setInterfaces()): the chosen
// ones, or for "any" those there now.
std::vector<std::string> dumpInterfaces(const CaptureOptions &options)
{
    std::vector<std::string> names;
    if (!options.anyInterface) {
        for (const QString &name : options.interfaces)
            names.push_back(name.toStdString());
        return names;
    }
    if (struct if_nameindex *list = ::if_nameindex()) {
        for (const struct if_nameindex *i = list; i->if_index != 0 && i->if_name; ++i)
            names.emplace_back(i->if_name);
        ::if_freenameindex(list);
    }
    return names;
}
} // namespace

CaptureEngine::CaptureEngine(CaptureOptions options) : m_options(std::move(options)) {}

CaptureEngine::~CaptureEngine()
{
    stop();
    closeUnusedDescriptors();
}

void CaptureEngine::closeUnusedDescriptors()
{
    for (int *fd : {&m_options.dumpInputFd, &m_options.dumpOutputFd})
        if (*fd >= 0)
            ::close(std::exchange(*fd, -1));
}

bool CaptureEngine::start(QString *error)
{
    if (m_running) {
        *error = tr("the capture is already running");
        return false;
    }
    if (!m_options.validate(CaptureOptions::Check::Start, error))
        return false;
    QString ruleError;
    auto rules = RuleSet::compile(m_options.rules, &ruleError);
    if (!rules) {
        *error = ruleError;
        return false;
    }
    // Before the dumps, which write the names it learns (pcapng); it touches nothing outside.
    if (m_options.hostNames)
        m_hostNames = std::make_shared<HostNames>();
    // The queue comes first: if another program holds it, nothing else has been touched.
    if (!openQueues(error) || !openDumps(error) || !openLog(error)) {
        abandon();
        return false;
    }
    // Before any packet is queued, so that the first packet of every flow finds its owner.
    QString attributionNotice;
    if (m_options.attribution) {
        std::string why;
        m_owners = PacketOwners::start(&why);
        if (!m_owners)
            attributionNotice =
                tr("packets are not attributed to programs: %1").arg(QString::fromStdString(why));
    }
    // The kernel's share of an inspection depth, before the chains that name its programs.
    if (m_options.inspectPackets > 0) {
        FlowBypass::removeStale();
        std::string why;
        m_bypass =
            FlowBypass::create(FlowBypass::directoryFor(getpid(), m_options.queueNumber), &why);
        if (!m_bypass) {
            *error = tr("cannot inspect only the first %1 packets of each connection: %2")
                         .arg(m_options.inspectPackets)
                         .arg(QString::fromStdString(why));
            abandon();
            return false;
        }
    }
    m_finalDecided.reset();
    auto hits = std::make_shared<std::vector<std::atomic<std::uint64_t>>>(rules->size());
    std::vector<std::shared_ptr<RecordConsumer>> consumers(m_dumps.begin(), m_dumps.end());
    if (m_log) {
        m_log->setOwners(m_owners);
        m_log->setHostNames(m_hostNames);
        consumers.push_back(m_log);
        m_log->start([this](const QString &message) {
            report(message + tr("; the log stopped, capture goes on"));
        });
    }
    publish(std::move(rules), std::move(hits), std::move(consumers));

    for (auto &dump : m_dumps)
        dump->start([this](const QString &message) {
            report(message + tr("; that dump stopped, capture goes on"));
        });
    for (int i = 0; i < int(m_pendingQueues.size()); ++i) {
        m_workers.push_back(std::make_unique<QueueWorker>(
            i, std::move(m_pendingQueues[i]), m_path, m_sequence, m_options.snapLength,
            m_owners.get(), m_hostNames.get(), m_bypass.get(), m_options.inspectPackets));
        m_workers.back()->start();
    }
    m_pendingQueues.clear();

    ChainPlan plan;
    plan.manageJumps = m_options.enableIptables;
    plan.interfaces = m_options.anyInterface ? QStringList() : m_options.interfaces;
    plan.queueNumber = m_options.queueNumber;
    plan.queueCount = m_options.queueCount;
    plan.ownerPid = getpid();
    plan.ownConnection = m_options.sshConnection;
    if (m_bypass) {
        plan.bypassPass = QString::fromStdString(m_bypass->passProgram());
        plan.bypassDrop = QString::fromStdString(m_bypass->dropProgram());
    }
    m_chains = std::make_unique<ChainManager>(plan);
    // Before the rules exist, so that every packet they count is compared with what follows.
    m_baseReceived = receivedTotal();
    m_baseHandedOut = handedOutTotal();
    m_finalUnseen = {};
    m_lastReading = {};
    if (!m_chains->install(error)) {
        m_chains.reset();
        abandon();
        return false;
    }
    m_notice = m_chains->notice();
    if (!attributionNotice.isEmpty())
        m_notice = m_notice.isEmpty() ? attributionNotice : m_notice + u'\n' + attributionNotice;
    m_families = m_chains->families();
    m_ruleCounters = std::make_unique<RuleCounterPoller>([this] { return readRuleCounters(); },
                                                         std::chrono::seconds(1));
    m_running = true;
    return true;
}

std::uint64_t CaptureEngine::receivedTotal() const
{
    std::uint64_t received = 0;
    for (const auto &worker : m_workers)
        received += worker->counters().received.load(std::memory_order_relaxed);
    return received;
}

std::uint64_t CaptureEngine::handedOutTotal() const
{
    std::uint64_t handedOut = 0;
    for (const auto &q : KernelQueueStats::read()) {
        if (q.queue >= m_options.queueNumber &&
            q.queue < m_options.queueNumber + m_options.queueCount)
            handedOut += q.idSequence;
    }
    return handedOut;
}

RuleCounterPoller::Reading CaptureEngine::readRuleCounters()
{
    // The kernel's count first: a packet it hands out after this is in the rule counter read
    // next, so the difference can only err high, by the packets of the reading's few ms.
    std::uint64_t handedOut = 0;
    bool queueFull = false;
    for (const auto &q : KernelQueueStats::read()) {
        if (q.queue < m_options.queueNumber ||
            q.queue >= m_options.queueNumber + m_options.queueCount)
            continue;
        handedOut += q.idSequence;
        queueFull = queueFull || q.waiting >= m_options.queueMaxLength;
    }
    // A packet passes unseen only while its queue is full. No packet entered the queues since
    // the last reading, and none was full then, so none was full since (the queues only
    // emptied): the counters cannot have moved apart, and iptables-save need not run again.
    if (m_lastReading.reading.valid && handedOut == m_lastReading.handedOut &&
        !m_lastReading.queueFull)
        return m_lastReading.reading;
    RuleCounterPoller::Reading reading;
    reading.handedOut = handedOut > m_baseHandedOut ? handedOut - m_baseHandedOut : 0;
    const auto reached = m_chains->queuedPackets(&reading.error);
    reading.valid = reached.has_value();
    reading.reachedRules = reached.value_or(0);
    m_lastReading = {reading, handedOut, queueFull};
    return reading;
}

bool CaptureEngine::openQueues(QString *error)
{
    for (int i = 0; i < m_options.queueCount; ++i) {
        NfQueue::Settings settings;
        settings.number = static_cast<std::uint16_t>(m_options.queueNumber + i);
        settings.copyRange = std::max(m_options.snapLength, MinimumCopyRange);
        settings.copyRange = std::min(settings.copyRange, Limits::MaxUsefulSnapLength);
        settings.maxLength = m_options.queueMaxLength;
        auto queue = std::make_unique<NfQueue>();
        if (!queue->open(settings, error))
            return false;
        m_pendingQueues.push_back(std::move(queue));
    }
    return true;
}

bool CaptureEngine::openDumps(QString *error)
{
    if (!m_options.dump)
        return true;
    struct Wanted {
        const QString &path;
        int &fd;
        bool acceptedOnly;
        const char *name; // for messages about a descriptor
    };
    const std::vector<std::string> interfaces = dumpInterfaces(m_options);
    Wanted wanted[] = {{m_options.dumpInput, m_options.dumpInputFd, false, "of received packets"},
                       {m_options.dumpOutput, m_options.dumpOutputFd, true, "of accepted packets"}};
    for (auto &w : wanted) {
        if (w.path.isEmpty() && w.fd < 0)
            continue;
        auto dump = std::make_shared<DumpWriter>(m_options.queueCount, w.acceptedOnly,
                                                 m_options.snapLength);
        dump->setInterfaces(interfaces);
        const int fd = std::exchange(w.fd, -1); // owned by the dump from here, even on failure
        const bool opened =
            fd >= 0
                ? dump->openFd(fd, w.path.isEmpty() ? QString::fromLatin1(w.name) : w.path, error)
                : dump->open(w.path, error);
        if (!opened)
            return false;
        // The dump's thread asks the names table (its own lock), never the packet path.
        if (m_hostNames)
            dump->setNameLookup([names = m_hostNames](std::uint64_t id, std::string *name) {
                return names->name(id, name);
            });
        m_dumps.push_back(std::move(dump));
    }
    return true;
}

bool CaptureEngine::openLog(QString *error)
{
    if (m_options.log.isEmpty())
        return true;
    auto log = std::make_shared<PacketLog>(m_options.queueCount);
    if (!log->open(m_options.log, error))
        return false;
    m_log = std::move(log);
    return true;
}

void CaptureEngine::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_ruleCounters.reset();
    QString error;
    if (!m_finalCount) {
        // No new packets enter the queue once the chains are gone; then the workers drain it.
        if (m_chains && !m_chains->remove(&error))
            report(error);
        m_chains.reset();
        teardown();
        return;
    }
    // Passed unseen, final: a RETURN ahead of the queue rules stops their counters, the workers
    // drain the queue, and then every packet the rules counted either reached the helper or
    // passed unseen. Without the RETURN, the workers must not stop before the rules are gone
    // (packets queued with nobody reading would be dropped when the queue closes): the counters
    // are then read while packets still arrive, and the figure is not exact.
    const bool frozen = m_chains && m_chains->freeze(&error);
    if (m_chains && !frozen)
        report(error);
    if (frozen) {
        for (auto &worker : m_workers)
            worker->stop();
    }
    std::uint64_t reached = 0;
    bool counted = false;
    if (m_chains) {
        const std::optional<std::uint64_t> packets = m_chains->queuedPackets(&error);
        counted = packets.has_value();
        reached = packets.value_or(0);
        if (!counted)
            report(error);
    }
    // No new packets enter the queue once the chains are gone; then the workers drain it.
    if (m_chains && !m_chains->remove(&error))
        report(error);
    m_chains.reset();
    teardown();
    if (counted) {
        const std::uint64_t total = receivedTotal();
        const std::uint64_t received = total > m_baseReceived ? total - m_baseReceived : 0;
        m_finalUnseen = {true, frozen, reached, reached > received ? reached - received : 0};
    }
}

void CaptureEngine::teardown()
{
    for (auto &worker : m_workers)
        worker->stop();
    m_finalKernelStats = KernelQueueStats::read();
    for (auto &worker : m_workers)
        worker->queue().close();
    m_pendingQueues.clear();
    for (auto &dump : m_dumps)
        dump->stop();
    if (m_log)
        m_log->stop();
    if (m_owners)
        m_finalAttributionLost = m_owners->lostEvents();
    m_owners.reset(); // the workers that asked it are gone
    m_hostNames.reset();
    // The chains that named its programs are gone, and so are the workers that stored decisions.
    if (m_bypass)
        m_finalDecided = m_bypass->totals();
    m_bypass.reset();
}

void CaptureEngine::abandon()
{
    closeUnusedDescriptors();
    teardown();
    m_workers.clear();
    m_dumps.clear();
    m_log.reset();
    m_path.publish(std::make_shared<PacketPath>());
}

bool CaptureEngine::setRules(const std::vector<Rule> &rules, QString *error)
{
    auto compiled = RuleSet::compile(rules, error);
    if (!compiled)
        return false;
    auto old = m_path.current();
    auto hits = std::make_shared<std::vector<std::atomic<std::uint64_t>>>(compiled->size());
    // Hit counters follow their rule id across changes.
    if (old->rules) {
        for (std::size_t i = 0; i < compiled->size(); ++i) {
            for (std::size_t j = 0; j < old->rules->size(); ++j) {
                if (old->rules->rules()[j].id == compiled->rules()[i].id)
                    (*hits)[i].store((*old->hits)[j].load());
            }
        }
    }
    m_options.rules = rules;
    publish(std::move(compiled), std::move(hits), old->consumers);
    // Flows decided under the old rules are inspected again, each at its next packet.
    if (m_bypass)
        m_bypass->nextGeneration();
    return true;
}

void CaptureEngine::attach(std::shared_ptr<RecordConsumer> consumer)
{
    auto old = m_path.current();
    auto consumers = old->consumers;
    consumers.push_back(std::move(consumer));
    publish(old->rules, old->hits, std::move(consumers));
}

void CaptureEngine::detach(const std::shared_ptr<RecordConsumer> &consumer)
{
    auto old = m_path.current();
    auto consumers = old->consumers;
    std::erase(consumers, consumer);
    publish(old->rules, old->hits, std::move(consumers));
}

void CaptureEngine::publish(std::shared_ptr<const RuleSet> rules,
                            std::shared_ptr<std::vector<std::atomic<std::uint64_t>>> hits,
                            std::vector<std::shared_ptr<RecordConsumer>> consumers)
{
    auto path = std::make_shared<PacketPath>();
    path->rules = std::move(rules);
    path->hits = std::move(hits);
    path->consumers = std::move(consumers);
    m_path.publish(std::move(path));
}

EngineStatistics CaptureEngine::statistics() const
{
    EngineStatistics s;
    for (const auto &worker : m_workers) {
        const QueueCounters &c = worker->counters();
        s.received += c.received.load(std::memory_order_relaxed);
        s.accepted += c.accepted.load(std::memory_order_relaxed);
        s.dropped += c.dropped.load(std::memory_order_relaxed);
        s.acceptedBytes += c.acceptedBytes.load(std::memory_order_relaxed);
        s.droppedBytes += c.droppedBytes.load(std::memory_order_relaxed);
        s.errors += c.errors.load(std::memory_order_relaxed) + worker->verdictFailures();
    }
    const auto path = m_path.current();
    for (const auto &consumer : path->consumers)
        s.lost += consumer->lost();
    if (path->rules) {
        for (std::size_t i = 0; i < path->rules->size(); ++i)
            s.rules.push_back({path->rules->rules()[i], (*path->hits)[i].load()});
    }
    for (const auto &dump : m_dumps)
        s.dumps.push_back({dump->options().acceptedOnly, dump->fileName(), dump->packetsWritten(),
                           dump->errorString()});
    if (m_log)
        s.log = EngineStatistics::Log{m_log->fileName(), m_log->linesWritten(), m_log->lost(),
                                      m_log->errorString()};
    if (m_running && m_ruleCounters) {
        m_ruleCounters->request();
        const RuleCounterPoller::Reading reading = m_ruleCounters->latest();
        if (reading.valid) {
            s.passedUnseenKnown = true;
            s.reachedRules = reading.reachedRules;
            // Packets handed out but not yet received are in flight, not unseen.
            s.passedUnseen = reading.reachedRules > reading.handedOut
                                 ? reading.reachedRules - reading.handedOut
                                 : 0;
        }
    } else if (!m_running && m_finalUnseen.known) {
        s.passedUnseenKnown = true;
        s.passedUnseenExact = m_finalUnseen.exact;
        s.reachedRules = m_finalUnseen.reachedRules;
        s.passedUnseen = m_finalUnseen.passedUnseen;
    }
    s.inspectPackets = m_options.inspectPackets;
    if (m_bypass)
        s.decided = m_bypass->totals();
    else if (!m_running)
        s.decided = m_finalDecided;
    if (m_owners)
        s.attributionLost = m_owners->lostEvents();
    else if (!m_running)
        s.attributionLost = m_finalAttributionLost;
    const auto kernel = m_running ? KernelQueueStats::read() : m_finalKernelStats;
    for (const auto &q : kernel) {
        if (q.queue >= m_options.queueNumber &&
            q.queue < m_options.queueNumber + m_options.queueCount) {
            s.kernelQueueDropped += q.queueDropped;
            s.kernelUserDropped += q.userDropped;
        }
    }
    return s;
}

CaptureStatus CaptureEngine::status() const
{
    const EngineStatistics s = statistics();
    CaptureStatus status;
    status.running = true;
    status.interfaces =
        m_options.anyInterface ? QStringList{Contract::Status::AnyInterface} : m_options.interfaces;
    status.automaticRules = m_options.enableIptables;
    status.queue = m_options.queueNumber;
    status.queues = m_options.queueCount;
    status.snapLength = m_options.snapLength;
    status.received = s.received;
    status.accepted = s.accepted;
    status.dropped = s.dropped;
    status.lost = s.lost;
    status.kernelDropped = s.kernelDropped();
    status.failOpen = true; // NfQueue opens every queue fail-open
    status.families = m_families;
    status.notice = m_notice;
    // Unknown until the rules' counters have been read once (a second after the first status).
    if (s.passedUnseenKnown)
        status.passedUnseen = s.passedUnseen;
    status.attributionLost = s.attributionLost;
    if (s.decided)
        status.decided = CaptureStatus::Decided{s.inspectPackets, s.decided->passedPackets,
                                                s.decided->passedBytes, s.decided->droppedPackets,
                                                s.decided->droppedBytes};
    for (const auto &dump : s.dumps)
        (dump.acceptedOnly ? status.dumpOutput : status.dumpInput) =
            CaptureStatus::Dump{dump.packets, dump.error};
    return status;
}

std::vector<FlowBypass::Decision> CaptureEngine::decidedConnections(std::size_t limit) const
{
    return m_bypass ? m_bypass->decisions(limit) : std::vector<FlowBypass::Decision>();
}

void CaptureEngine::report(const QString &message) const
{
    if (m_onMessage)
        m_onMessage(message);
}

} // namespace nfqmon
