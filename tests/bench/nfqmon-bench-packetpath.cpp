// The packet path benchmark (README, "Performance"): how close nfqmon-helper comes to the least
// a program can do with NFQUEUE, measured in one run on one machine, so that only ratios count.
//
// Topology (ServiceTestBed with two peers, all in namespaces this program creates and removes):
//
//   client (peer 0) --veth--> router (this process's namespace) --veth--> sink (peer 1)
//
// The client floods small UDP datagrams (nfqmon-bench-flood, sendmmsg) to an address the router
// forwards to the sink, which throws them away (a blackhole route). Every queue sits on the
// router's raw PREROUTING hook for the client's link, where nfqmon's own chains are: the
// references' NFQUEUE rule is put there too, so that every case queues the same packets at the
// same point. For each case: the datagrams sent, those delivered to the sink's interface, those
// the consumer saw (gave a verdict to), those that passed unseen (fail-open: the queue was
// full), the kernel's queue drop counters, and the consumer's CPU time (user + system, all its
// threads) per packet seen. A consumer that keeps up gets its packets a few at a time and pays
// more system calls per packet than one that lags, so the CPU per packet is measured apart, at a
// rate every case handles (--paced, 100,000 datagrams a second), while the flood at full speed
// measures how many packets each one sees. Every case runs --repeat times, the cases taking
// turns, and the tables give the medians; the saturation targets are also checked in the worst
// round. The CPU per packet comes with its user-mode part: what the consumer's own code costs,
// apart from the kernel's work for it (receiving, and forwarding each packet on its verdict).
//
//   nfqmon-bench-packetpath [--seconds N] [--rules N] [--repeat N]   run as root; prints tables
#include "app/client/HelperClient.h"
#include "tests/support/app/StreamClient.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/ProcessCpu.h"
#include "tests/support/network/FloodNetwork.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/KernelQueueCounters.h"
#include "tests/support/network/TestNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusUnixFileDescriptor>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

int g_paced = 100000; // datagrams a second of the paced floods (--paced)

const QString FloodTarget = QLatin1String(FloodNetwork::Target);
constexpr int Port = FloodNetwork::Port;
constexpr int SenderCore = 0;
constexpr int ConsumerCore = 1;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-bench-packetpath: %s\n", qPrintable(message));
    std::exit(1);
}

void require(const Command::Result &result)
{
    if (!result.succeeded())
        die(result.describe());
}

// utime + stime of every thread of `pid`, in seconds.
double cpuSeconds(qint64 pid)
{
    const double seconds = processCpuSeconds(pid);
    if (seconds < 0)
        die(QStringLiteral("cannot read /proc/%1/stat").arg(pid));
    return seconds;
}

using QueueCounters = KernelQueueCounters;

QueueCounters queueCounters(int queue)
{
    return KernelQueueCounters::read(queue);
}

struct Sample {
    QString name;
    double seconds = 0;
    quint64 sent = 0;
    quint64 delivered = 0;
    quint64 seen = 0;
    quint64 kernelDropped = 0;
    double cpu = 0;     // seconds
    double userCpu = 0; // seconds of it in user mode: the consumer's own work, not the kernel's
    quint64 streamRecords = 0;
    quint64 streamLost = 0;
    std::optional<quint64> unseenMedian; // set on the medians of several rounds
    double pacedCpuPerPacketUs = 0;      // at the paced rate
    quint64 pacedUnseen = 0;
    // The helper's own passed-unseen figure (its queue rules' counters minus what it received)
    // over both floods of the case: beside unseen() + pacedUnseen, the sink's measure of it.
    std::optional<quint64> helperUnseen;

    double rate(quint64 n) const { return seconds > 0 ? double(n) / seconds : 0; }
    double cpuPerPacketUs() const { return seen > 0 ? cpu / double(seen) * 1e6 : 0; }
    double userPerPacketUs() const { return seen > 0 ? userCpu / double(seen) * 1e6 : 0; }
    // Delivered to the sink without the consumer seeing them: fail-open let them pass when the
    // queue was full.
    quint64 unseen() const
    {
        return unseenMedian ? *unseenMedian : delivered > seen ? delivered - seen : 0;
    }
};

class Bench
{
public:
    Bench(int seconds, int rules, int paced)
        : m_seconds(seconds), m_ruleCount(rules), m_paced(paced)
    {}

    void setUp();
    QList<Sample> run(); // one round: every case once

private:
    // Floods for m_seconds while process `consumer` (0: none) consumes; `seen` (optional) says
    // how many packets it has seen so far.
    Sample measure(const QString &name, qint64 consumer, const std::function<quint64()> &seen);
    // One flood at full speed, then one at m_paced datagrams/s (its CPU per packet kept).
    Sample measureBoth(const QString &name, qint64 consumer, const std::function<quint64()> &seen);
    Sample flood(const QString &name, qint64 consumer, const std::function<quint64()> &seen,
                 int rate);
    quint64 sinkReceived();
    Sample reference(const QString &name, const char *mode);
    Sample headless(const QString &name, const QString &extraConfig);
    Sample service(const QString &name);
    QString rulesConfig() const;

    int m_seconds;
    int m_ruleCount;
    int m_paced;
    ServiceTestBed m_bed;
    FloodNetwork m_network{m_bed.network()};
    QTemporaryDir m_files;
};

void Bench::setUp()
{
    if (geteuid() != 0)
        die(QStringLiteral("run as root: it creates network namespaces and iptables rules"));
    QString error;
    if (!m_bed.start(2, &error) || !m_network.setUp(&error))
        die(error);
}

quint64 Bench::sinkReceived()
{
    QString error;
    const auto received = m_network.sinkReceived(&error);
    if (!received)
        die(error);
    return *received;
}

Sample Bench::measure(const QString &name, qint64 consumer, const std::function<quint64()> &seen)
{
    return flood(name, consumer, seen, 0);
}

Sample Bench::measureBoth(const QString &name, qint64 consumer,
                          const std::function<quint64()> &seen)
{
    Sample full = flood(name, consumer, seen, 0);
    const Sample paced = flood(name, consumer, seen, m_paced);
    full.pacedCpuPerPacketUs = paced.cpuPerPacketUs();
    full.pacedUnseen = paced.unseen();
    return full;
}

Sample Bench::flood(const QString &name, qint64 consumer, const std::function<quint64()> &seen,
                    int rate)
{
    Sample s;
    s.name = name;
    const quint64 rx = sinkReceived();
    const QueueCounters queue0 = queueCounters(0);
    const quint64 seen0 = seen ? seen() : 0;
    // The sender (and the softirq work of its packets) on the first core, the consumer (every
    // thread) on the second: each case gets the same core to itself, whatever it spends.
    if (consumer)
        require(Command::run({QStringLiteral("taskset"), QStringLiteral("-a"), QStringLiteral("-p"),
                              QStringLiteral("-c"), QString::number(ConsumerCore),
                              QString::number(consumer)}));
    const double cpu0 = consumer ? cpuSeconds(consumer) : 0;
    const double user0 = consumer ? processUserCpuSeconds(consumer) : 0;
    QElapsedTimer clock;
    clock.start();
    QString error;
    const auto sent = m_network.flood(m_seconds, rate, SenderCore, &error);
    if (!sent)
        die(error);
    QThread::msleep(300); // what is queued gets its verdict
    s.seconds = double(clock.elapsed()) / 1000.0;
    s.cpu = consumer ? cpuSeconds(consumer) - cpu0 : 0;
    s.userCpu = consumer ? processUserCpuSeconds(consumer) - user0 : 0;
    s.sent = *sent;
    s.delivered = sinkReceived() - rx;
    const QueueCounters queue1 = queueCounters(0);
    s.kernelDropped = queue1.dropped - queue0.dropped;
    // What the consumer was given is what it saw: the kernel numbers every packet it hands out.
    s.seen = consumer ? queue1.handedOut - queue0.handedOut : s.delivered;
    if (seen && seen() - seen0 != s.seen)
        std::fprintf(stderr, "  (%s counted %llu, the kernel handed out %llu)\n", qPrintable(name),
                     static_cast<unsigned long long>(seen() - seen0),
                     static_cast<unsigned long long>(s.seen));
    return s;
}

Sample Bench::reference(const QString &name, const char *mode)
{
    const QString in = m_bed.network().peer(0).interface;
    require(TestNetwork::iptables(4, {QStringLiteral("-t"), QStringLiteral("raw"),
                                      QStringLiteral("-A"), QStringLiteral("PREROUTING"),
                                      QStringLiteral("-i"), in, QStringLiteral("-j"),
                                      QStringLiteral("NFQUEUE"), QStringLiteral("--queue-num"),
                                      QStringLiteral("0"), QStringLiteral("--queue-bypass")}));
    QProcess consumer;
    consumer.start(TestNetwork::toolPath(QStringLiteral("nfqmon-bench-queue")),
                   {QLatin1String(mode), QStringLiteral("0")});
    if (!consumer.waitForReadyRead(5000))
        die(QStringLiteral("nfqmon-bench-queue did not start: ") + consumer.errorString() +
            QString::fromLocal8Bit(consumer.readAllStandardError()));
    consumer.readLine(); // "ready"
    Sample s = measureBoth(name, consumer.processId(), nullptr);
    consumer.terminate();
    consumer.waitForFinished(5000);
    QString error;
    if (!TestNetwork::resetFirewall(&error))
        die(error);
    return s;
}

QString Bench::rulesConfig() const
{
    // Rules that never match the flood (UDP from 10.77.1.2 to 10.99.0.9 port 9), in the forms
    // people write: hosts, ports, networks, protocols with ports, and a few combinations.
    QString config;
    for (int i = 0; i < m_ruleCount; ++i) {
        QString expression;
        switch (i % 5) {
        case 0:
            expression = QStringLiteral("host 192.0.2.%1").arg(i % 250 + 1);
            break;
        case 1:
            expression = QStringLiteral("udp and dst port %1").arg(20000 + i);
            break;
        case 2:
            expression = QStringLiteral("net 198.51.%1.0/24").arg(i % 250);
            break;
        case 3:
            expression = QStringLiteral("tcp port %1").arg(1000 + i);
            break;
        case 4:
            expression = QStringLiteral("src host 203.0.113.%1 and udp").arg(i % 250 + 1);
            break;
        }
        config += QStringLiteral("rule = \"drop %1\"\n").arg(expression);
    }
    return config;
}

Sample Bench::headless(const QString &name, const QString &extraConfig)
{
    HelperProcess helper;
    QString error;
    const QString config = QStringLiteral("interfaces = \"%1\"\nstatus_interval = 0\n%2")
                               .arg(m_bed.network().peer(0).interface, extraConfig);
    if (!helper.writeConfig(config, &error) || !helper.start(&error))
        die(error);
    Sample s = measureBoth(name, helper.pid(), nullptr);
    const HelperReport report = helper.stop();
    if (!report.totals)
        die(QStringLiteral("the helper printed no totals: ") + report.describe());
    if (report.totals->passedUnseen >= 0)
        s.helperUnseen = quint64(report.totals->passedUnseen);
    return s;
}

template <typename Done>
void waitFor(const Done &done, std::chrono::milliseconds timeout, const char *what)
{
    QDeadlineTimer deadline(timeout);
    while (!done()) {
        if (deadline.hasExpired())
            die(QStringLiteral("timed out waiting for ") + QLatin1String(what));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
}

Sample Bench::service(const QString &name)
{
    HelperClient client(m_bed.bus().connection());
    QVariantMap options{
        {QStringLiteral("interfaces"), QStringList{m_bed.network().peer(0).interface}}};
    for (const char *key : {"dumpInput", "dumpOutput"}) {
        const QString path = m_files.filePath(QLatin1String(key) + QStringLiteral(".pcap"));
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            die(QStringLiteral("cannot create ") + path);
        options.insert(QLatin1String(key), QVariant::fromValue(QDBusUnixFileDescriptor(fd)));
        ::close(fd); // the descriptor object holds a duplicate
    }
    std::optional<HelperError> started;
    client.startCapture(options, [&](const HelperError &e) { started = e; });
    waitFor([&] { return started.has_value(); }, 30s, "StartCapture");
    if (started->isError())
        die(started->sentence());
    int streamFd = -1;
    std::optional<HelperError> opened;
    client.openStream([&](int fd, const HelperError &e) {
        streamFd = fd;
        opened = e;
    });
    waitFor([&] { return opened.has_value(); }, 30s, "OpenStream");
    if (opened->isError())
        die(opened->sentence());
    StreamClient stream(streamFd, StreamClient::Keep::CountOnly);
    const auto received = [this] {
        return quint64(m_bed.status().value(QStringLiteral("received")).toDouble());
    };
    Sample s = measureBoth(name, m_bed.bus().helperPid(), received);
    // The first status asks for a fresh reading of the rules' counters, the second gets it.
    m_bed.status();
    QThread::msleep(1100);
    const QJsonObject status = m_bed.status();
    if (status.contains(QStringLiteral("passedUnseen")))
        s.helperUnseen = quint64(status.value(QStringLiteral("passedUnseen")).toDouble());
    s.streamRecords = stream.records();
    s.streamLost = stream.lostTotal();
    std::optional<HelperError> stopped;
    client.stopCapture([&](const HelperError &e) { stopped = e; });
    waitFor([&] { return stopped.has_value(); }, 30s, "StopCapture");
    return s;
}

QList<Sample> Bench::run()
{
    QList<Sample> samples;
    const auto say = [](const Sample &s) {
        std::fprintf(stderr, "  %-44s %9.0f pkt/s seen, %6.2f us CPU/pkt paced\n",
                     qPrintable(s.name), s.rate(s.seen), s.pacedCpuPerPacketUs);
    };
    Sample none = measure(QStringLiteral("no queue"), 0, nullptr);
    none.seen = none.delivered;
    samples.append(none);
    say(none);
    samples.append(reference(QStringLiteral("reference: one verdict per packet"), "single"));
    say(samples.last());
    samples.append(reference(QStringLiteral("reference: recvmmsg, batched verdicts"), "batch"));
    say(samples.last());
    samples.append(headless(QStringLiteral("nfqmon: no rules"), {}));
    say(samples.last());
    samples.append(headless(QStringLiteral("nfqmon: %1 rules that do not match").arg(m_ruleCount),
                            rulesConfig()));
    say(samples.last());
    samples.append(
        headless(QStringLiteral("nfqmon: both dumps"),
                 QStringLiteral("dump = true\ndump_input = \"%1\"\ndump_output = \"%2\"\n")
                     .arg(m_files.filePath(QStringLiteral("in.pcap")),
                          m_files.filePath(QStringLiteral("out.pcap")))));
    say(samples.last());
    samples.append(service(QStringLiteral("nfqmon: both dumps and a stream client")));
    say(samples.last());
    // Every case above learns which program owns each packet's socket (the default); this one
    // does not, to show what that costs.
    samples.append(headless(QStringLiteral("nfqmon: no rules, attribution off"),
                            QStringLiteral("attribution = no\n")));
    say(samples.last());
    return samples;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

// The median round of each case, figure by figure (rates and CPU per packet separately).
QList<Sample> medians(const QList<QList<Sample>> &rounds)
{
    QList<Sample> result = rounds.first();
    for (qsizetype c = 0; c < result.size(); ++c) {
        QList<double> sent, delivered, seen, cpu, user, unseen, kernel, paced, pacedUnseen,
            helperUnseen;
        for (const QList<Sample> &round : rounds) {
            const Sample &s = round[c];
            sent.append(s.rate(s.sent));
            delivered.append(s.rate(s.delivered));
            seen.append(s.rate(s.seen));
            cpu.append(s.cpuPerPacketUs());
            user.append(s.userPerPacketUs());
            unseen.append(double(s.unseen()));
            kernel.append(double(s.kernelDropped));
            paced.append(s.pacedCpuPerPacketUs);
            pacedUnseen.append(double(s.pacedUnseen));
            if (s.helperUnseen)
                helperUnseen.append(double(*s.helperUnseen));
        }
        // Back to counts over one second, so that rate() and cpuPerPacketUs() give the medians.
        Sample &m = result[c];
        m.seconds = 1;
        m.sent = quint64(median(sent));
        m.delivered = quint64(median(delivered));
        m.seen = quint64(median(seen));
        m.cpu = median(cpu) * double(m.seen) / 1e6;
        m.userCpu = median(user) * double(m.seen) / 1e6;
        m.kernelDropped = quint64(median(kernel));
        m.streamRecords = 0;
        for (const QList<Sample> &round : rounds)
            m.streamRecords += round[c].streamRecords;
        m.streamLost = 0;
        for (const QList<Sample> &round : rounds)
            m.streamLost += round[c].streamLost;
        // unseen() derives from delivered - seen; keep the median count itself apart.
        m.unseenMedian = quint64(median(unseen));
        m.pacedCpuPerPacketUs = median(paced);
        m.pacedUnseen = quint64(median(pacedUnseen));
        m.helperUnseen.reset();
        if (!helperUnseen.isEmpty())
            m.helperUnseen = quint64(median(helperUnseen));
    }
    return result;
}

// Case indexes in a round (Bench::run()).
enum Case { NoQueue, Single, Batch, Plain, Rules, Dumps, Stream, Unattributed };

// The reference that saw more packets per second.
const Sample &bestReference(const QList<Sample> &samples)
{
    const Sample &single = samples[Single];
    const Sample &batch = samples[Batch];
    return batch.rate(batch.seen) >= single.rate(single.seen) ? batch : single;
}

double seenRatio(const QList<Sample> &samples, Case c)
{
    const Sample &best = bestReference(samples);
    return samples[c].rate(samples[c].seen) / best.rate(best.seen);
}

// The worst round's ratio of packets seen to the best reference of the same round, and whether
// the case saw every packet that arrived in that round (then the sender was the limit).
std::pair<double, bool> worstSeenRatio(const QList<QList<Sample>> &rounds, Case c)
{
    std::pair<double, bool> worst{1e9, false};
    for (const QList<Sample> &round : rounds) {
        const double ratio = seenRatio(round, c);
        if (ratio < worst.first)
            worst = {ratio, round[c].unseen() == 0};
    }
    return worst;
}

void print(const QList<Sample> &samples, const QList<QList<Sample>> &rounds)
{
    std::printf("| case | sent/s | delivered/s | seen/s | passed unseen (per run) | kernel drops "
                "| CPU/pkt, full speed (us) | of it in user mode (us) | CPU/pkt at %d/s (us) "
                "| unseen at %d/s | passed unseen, both runs: sink / helper |\n"
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
                g_paced, g_paced);
    for (const Sample &s : samples) {
        const bool consumer = s.cpu > 0;
        const QString both =
            s.helperUnseen
                ? QStringLiteral("%1 / %2").arg(s.unseen() + s.pacedUnseen).arg(*s.helperUnseen)
                : QStringLiteral("-");
        std::printf("| %s | %.0f | %.0f | %.0f | %llu | %llu | %s | %s | %s | %s | %s |\n",
                    qPrintable(s.name), s.rate(s.sent), s.rate(s.delivered), s.rate(s.seen),
                    static_cast<unsigned long long>(s.unseen()),
                    static_cast<unsigned long long>(s.kernelDropped),
                    consumer ? qPrintable(QString::number(s.cpuPerPacketUs(), 'f', 2)) : "-",
                    consumer ? qPrintable(QString::number(s.userPerPacketUs(), 'f', 2)) : "-",
                    consumer ? qPrintable(QString::number(s.pacedCpuPerPacketUs, 'f', 2)) : "-",
                    consumer ? qPrintable(QString::number(s.pacedUnseen)) : "-", qPrintable(both));
    }
    const Sample &single = samples[Single];
    const Sample &batch = samples[Batch];
    const Sample &best = bestReference(samples);
    const Sample &plain = samples[Plain];
    const Sample &rules = samples[Rules];
    const Sample &stream = samples[Stream];
    const Sample &unattributed = samples[Unattributed];
    const auto worstPlain = worstSeenRatio(rounds, Plain);
    const auto worstStream = worstSeenRatio(rounds, Stream);
    struct Goal {
        QString what;
        double ratio;
        double limit;
        bool atLeast;
        // A throughput case that saw every packet that reached the router was not the limit:
        // the sender was (its core's share varies from run to run).
        bool keptUp = false;
    };
    const QList<Goal> targets = {
        {QStringLiteral("no rules: packets seen/s vs the best reference"),
         plain.rate(plain.seen) / best.rate(best.seen), 1.0, true, plain.unseen() == 0},
        {QStringLiteral("no rules: CPU per packet vs the best reference (paced)"),
         plain.pacedCpuPerPacketUs / best.pacedCpuPerPacketUs, 1.2, false},
        {QStringLiteral("no rules: packets seen/s vs the best reference, worst round"),
         worstPlain.first, 1.0, true, worstPlain.second},
        {QStringLiteral("dumps + stream client: packets seen/s vs the best reference"),
         stream.rate(stream.seen) / best.rate(best.seen), 0.8, true, stream.unseen() == 0},
        {QStringLiteral("dumps + stream client: packets seen/s vs the best reference, worst round"),
         worstStream.first, 0.8, true, worstStream.second},
        {QStringLiteral("%1 rules: CPU per packet vs no rules (paced)")
             .arg(samples[Rules].name.section(' ', 1, 1)),
         rules.pacedCpuPerPacketUs / plain.pacedCpuPerPacketUs, 2.0, false},
        {QStringLiteral("attribution on: CPU per packet vs off (paced)"),
         plain.pacedCpuPerPacketUs / unattributed.pacedCpuPerPacketUs, 1.1, false},
    };
    std::printf("\nbest reference: %s\n\n| target | ratio | limit | |\n| --- | ---: | ---: | --- "
                "|\n",
                qPrintable(best.name));
    for (const Goal &t : targets) {
        const bool met = t.atLeast ? t.ratio >= t.limit * 0.97 : t.ratio <= t.limit;
        std::printf("| %s | %.2f | %s %.1f | %s |\n", qPrintable(t.what), t.ratio,
                    t.atLeast ? "≥" : "≤", t.limit,
                    met        ? "met"
                    : t.keptUp ? "met: saw every packet, the sender was slower"
                               : "MISSED");
    }
    for (const Case c : {Plain, Stream}) {
        std::printf("\n%s: packets seen/s vs the best reference, round by round:",
                    qPrintable(samples[c].name));
        for (const QList<Sample> &round : rounds)
            std::printf(" %.2f", seenRatio(round, c));
    }
    std::printf("\n");
    std::printf("\nstream client: %llu records received, %llu lost (counted by the helper)\n",
                static_cast<unsigned long long>(stream.streamRecords),
                static_cast<unsigned long long>(stream.streamLost));
    const bool referencesLossless = single.unseen() == 0 || batch.unseen() == 0;
    for (int i = 3; i < samples.size(); ++i) {
        if (referencesLossless && samples[i].unseen() > 0)
            std::printf("MISSED: %s let %llu packets pass unseen where a reference saw all\n",
                        qPrintable(samples[i].name),
                        static_cast<unsigned long long>(samples[i].unseen()));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("nfqmon's packet path benchmark"));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Flood length of each case (default 5)."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   QStringLiteral("Rules of the rules case (default 1000)."),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption paced(QStringLiteral("paced"),
                                   QStringLiteral("Rate of the paced floods (default 100000)."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Rounds over all cases (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({seconds, rules, paced, repeat});
    parser.process(app);
    g_paced = parser.value(paced).toInt();
    // This process's own threads (the stream client's reader among them) and the programs it
    // starts run on the sender's core until a case pins its consumer: the consumer's core then
    // holds the consumer alone, the helper as the references.
    cpu_set_t cores;
    CPU_ZERO(&cores);
    CPU_SET(SenderCore, &cores);
    if (sched_setaffinity(0, sizeof cores, &cores) != 0)
        die(QStringLiteral("cannot keep this process on core %1").arg(SenderCore));
    Bench bench(parser.value(seconds).toInt(), parser.value(rules).toInt(), g_paced);
    bench.setUp();
    QList<QList<Sample>> rounds;
    for (int round = 0; round < qMax(1, parser.value(repeat).toInt()); ++round) {
        std::fprintf(stderr, "round %d\n", round + 1);
        rounds.append(bench.run());
    }
    print(medians(rounds), rounds);
    return 0;
}
