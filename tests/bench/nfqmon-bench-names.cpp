// nfqmon-bench-names: what learning host names costs the packet path, and what a flood of
// forged names costs in memory. The flood network of the packet-path benchmark (client →
// router → sink, the queue on the router's raw PREROUTING for the client's link), with the
// headless helper on the router; the client sends with nfqmon-bench-namesflood.
//
// Cases, the cases taking turns each round (--repeat, medians):
//   names off / names on: the same mix of traffic (of each 64 packets 2 DNS answers, 2 TLS
//     ClientHellos, 60 small datagrams to the named addresses), at --paced packets a second for
//     the helper's CPU per packet it was handed (user + system, every thread) and at full speed
//     for the packets it sees per second.
//   a flood of distinct names: DNS answers only, each for a name never seen before, at full
//     speed; the helper's resident memory before it, after one flood and after a second one.
//
//   nfqmon-bench-names [--seconds N] [--repeat N] [--paced RATE]   run as root; prints tables
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/ProcessCpu.h"
#include "tests/support/network/FloodNetwork.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/KernelQueueCounters.h"
#include "tests/support/network/TestNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

constexpr int SenderCore = 0;
constexpr int ConsumerCore = 1;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-bench-names: %s\n", qPrintable(message));
    std::exit(1);
}

double residentMiB(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        die(file.fileName() + QStringLiteral(" cannot be read"));
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    die(QStringLiteral("no VmRSS in ") + file.fileName());
}

struct Flood {
    quint64 sent = 0;
    quint64 seen = 0;
    double seconds = 0;
    double cpu = 0;
    double cpuPerPacketUs() const { return seen ? cpu / double(seen) * 1e6 : 0; }
    double seenPerSecond() const { return seconds > 0 ? double(seen) / seconds : 0; }
};

struct Round {
    Flood offPaced, offFull, onPaced, onFull, distinct1, distinct2;
    double rssStart = 0, rssAfter1 = 0, rssAfter2 = 0;
};

class Bench
{
public:
    Bench(int seconds, int paced) : m_seconds(seconds), m_paced(paced) {}

    void setUp()
    {
        if (geteuid() != 0)
            die(QStringLiteral("run as root: it creates network namespaces and iptables rules"));
        QString error;
        if (!m_bed.start(2, &error) || !m_network.setUp(&error))
            die(error);
    }

    Round run()
    {
        Round r;
        for (const bool names : {false, true}) {
            HelperProcess helper;
            start(helper, names ? QString() : QStringLiteral("host_names = no\n"));
            Flood &paced = names ? r.onPaced : r.offPaced;
            Flood &full = names ? r.onFull : r.offFull;
            paced = flood(helper.pid(), QStringLiteral("mix"), m_paced);
            full = flood(helper.pid(), QStringLiteral("mix"), 0);
            stop(helper);
            std::fprintf(stderr, "  names %-3s %9.0f pkt/s seen, %6.2f us CPU/pkt paced\n",
                         names ? "on" : "off", full.seenPerSecond(), paced.cpuPerPacketUs());
        }
        HelperProcess helper;
        start(helper, {});
        QThread::msleep(500);
        r.rssStart = residentMiB(helper.pid());
        r.distinct1 = flood(helper.pid(), QStringLiteral("distinct"), 0);
        r.rssAfter1 = residentMiB(helper.pid());
        r.distinct2 = flood(helper.pid(), QStringLiteral("distinct"), 0);
        r.rssAfter2 = residentMiB(helper.pid());
        stop(helper);
        std::fprintf(stderr, "  distinct names: %llu + %llu seen, %.1f -> %.1f -> %.1f MiB\n",
                     static_cast<unsigned long long>(r.distinct1.seen),
                     static_cast<unsigned long long>(r.distinct2.seen), r.rssStart, r.rssAfter1,
                     r.rssAfter2);
        return r;
    }

private:
    void start(HelperProcess &helper, const QString &extraConfig)
    {
        QString error;
        const QString config = QStringLiteral("interfaces = \"%1\"\nstatus_interval = 0\n%2")
                                   .arg(m_bed.network().peer(0).interface, extraConfig);
        if (!helper.writeConfig(config, &error) || !helper.start(&error))
            die(error);
        const Command::Result pinned = Command::run(
            {QStringLiteral("taskset"), QStringLiteral("-a"), QStringLiteral("-p"),
             QStringLiteral("-c"), QString::number(ConsumerCore), QString::number(helper.pid())});
        if (!pinned.succeeded())
            die(pinned.describe());
    }

    static void stop(HelperProcess &helper)
    {
        const HelperReport report = helper.stop();
        if (!report.exited || report.exitCode != 0)
            die(QStringLiteral("the helper failed: ") + report.describe());
    }

    Flood flood(qint64 helper, const QString &mode, int rate)
    {
        Flood f;
        const KernelQueueCounters before = KernelQueueCounters::read(0);
        const double cpu0 = processCpuSeconds(helper);
        QElapsedTimer clock;
        clock.start();
        const Command::Result sent = m_bed.network().run(
            0,
            {QStringLiteral("taskset"), QStringLiteral("-c"), QString::number(SenderCore),
             TestNetwork::toolPath(QStringLiteral("nfqmon-bench-namesflood")), mode,
             QString::number(m_seconds), QString::number(rate)},
            std::chrono::seconds(m_seconds + 20));
        if (!sent.succeeded())
            die(sent.describe());
        QThread::msleep(300); // what is queued gets its verdict
        f.seconds = double(clock.elapsed()) / 1000.0;
        f.cpu = processCpuSeconds(helper) - cpu0;
        f.sent = sent.output.trimmed().split(' ').value(1).toULongLong();
        f.seen = KernelQueueCounters::read(0).handedOut - before.handedOut;
        return f;
    }

    int m_seconds;
    int m_paced;
    ServiceTestBed m_bed;
    FloodNetwork m_network{m_bed.network()};
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

template <typename Field> double medianOf(const QList<Round> &rounds, Field field)
{
    QList<double> values;
    for (const Round &r : rounds)
        values.append(field(r));
    return median(values);
}

void print(const QList<Round> &rounds, int paced)
{
    const double offCpu =
        medianOf(rounds, [](const Round &r) { return r.offPaced.cpuPerPacketUs(); });
    const double onCpu =
        medianOf(rounds, [](const Round &r) { return r.onPaced.cpuPerPacketUs(); });
    const double offSeen =
        medianOf(rounds, [](const Round &r) { return r.offFull.seenPerSecond(); });
    const double onSeen = medianOf(rounds, [](const Round &r) { return r.onFull.seenPerSecond(); });
    std::printf("| case | seen/s, full speed | CPU/pkt at %d/s (us) |\n| --- | ---: | ---: |\n",
                paced);
    std::printf("| names off, DNS + TLS mix | %.0f | %.2f |\n", offSeen, offCpu);
    std::printf("| names on, DNS + TLS mix | %.0f | %.2f |\n\n", onSeen, onCpu);

    const double distinctRate =
        medianOf(rounds, [](const Round &r) { return r.distinct1.seenPerSecond(); });
    const double start = medianOf(rounds, [](const Round &r) { return r.rssStart; });
    const double after1 = medianOf(rounds, [](const Round &r) { return r.rssAfter1; });
    const double after2 = medianOf(rounds, [](const Round &r) { return r.rssAfter2; });
    const double names = medianOf(
        rounds, [](const Round &r) { return double(r.distinct1.seen + r.distinct2.seen); });
    std::printf("| flood of distinct names | value |\n| --- | ---: |\n");
    std::printf("| DNS answers seen/s (each a new name) | %.0f |\n", distinctRate);
    std::printf("| new names in the two floods | %.0f |\n", names);
    std::printf("| helper resident memory: before → after one flood → after two (MiB) | %.1f → "
                "%.1f → %.1f |\n\n",
                start, after1, after2);

    const double ratio = offCpu > 0 ? onCpu / offCpu : 0;
    const double secondGrowth = after2 - after1;
    std::printf("| target | value | limit | |\n| --- | ---: | ---: | --- |\n");
    std::printf("| names on: CPU per packet vs off (paced) | %.2f | ≤ 1.1 | %s |\n", ratio,
                ratio <= 1.1 ? "met" : "MISSED");
    // The tables are allocated at the start and fill up in the first flood; a second flood
    // of as many new names must not grow the helper.
    std::printf("| distinct names: growth in the second flood (MiB) | %.1f | ≤ 1.0 | %s |\n",
                secondGrowth, secondGrowth <= 1.0 ? "met" : "MISSED");
    std::printf("| distinct names: growth in all (MiB) | %.1f | ≤ 16 | %s |\n", after2 - start,
                after2 - start <= 16 ? "met" : "MISSED");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Flood length (default 5)."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Rounds over all cases (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption paced(QStringLiteral("paced"),
                                   QStringLiteral("Packets a second of the paced floods "
                                                  "(default 100000)."),
                                   QStringLiteral("RATE"), QStringLiteral("100000"));
    parser.addOptions({seconds, repeat, paced});
    parser.process(app);
    Bench bench(std::max(1, parser.value(seconds).toInt()), parser.value(paced).toInt());
    bench.setUp();
    QList<Round> rounds;
    for (int round = 0; round < std::max(1, parser.value(repeat).toInt()); ++round) {
        std::fprintf(stderr, "round %d\n", round + 1);
        rounds.append(bench.run());
    }
    print(rounds, parser.value(paced).toInt());
    return 0;
}
