// The inspection depth benchmark (README, "Inspection depth"): what inspecting only the first
// packets of each connection saves, measured in one run on one machine.
//
//   client (peer 0) --veth--> router (this process's namespace) --veth--> sink (peer 1)
//
// The headless helper captures on the router's link from the client (its raw PREROUTING hook),
// once with inspect_packets = all and once with inspect_packets = 8, the cases taking turns:
//   large  one UDP flow of 1,400-byte datagrams, paced at --rate (about 1 Gbit/s of IP bytes)
//   short  18-byte datagrams paced at --short-rate, every 4 a new flow (short connections, all
//          shorter than the depth: the depth can only cost here)
// For each: datagrams delivered to the sink, the helper's CPU (user + system, all threads) as a
// share of one core, per Gbit/s delivered and per packet delivered, and how the delivered packets
// split: received by the helper, decided by the kernel after the depth, passed unseen (fail-open).
// The split must add up to what the sink counted. The helper is pinned to one core and the
// sender to the other.
//
//   nfqmon-bench-depth [--seconds N] [--rate N] [--short-rate N] [--repeat N]   run as root
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/ProcessCpu.h"
#include "tests/support/network/FloodNetwork.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

constexpr int SenderCore = 0;
constexpr int HelperCore = 1;
constexpr int LargeBytes = 1400;
constexpr int SmallBytes = FloodNetwork::PayloadBytes;
constexpr int Depth = 8;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-bench-depth: %s\n", qPrintable(message));
    std::exit(1);
}

struct Sample {
    QString name;
    int payload = 0;
    double seconds = 0;
    quint64 sent = 0;
    quint64 delivered = 0;
    double cpu = 0;      // seconds of the helper
    qint64 switches = 0; // the helper's context switches
    qint64 received = 0;
    qint64 decided = 0;
    qint64 unseen = 0;

    double coreShare() const { return seconds > 0 ? cpu / seconds : 0; }
    double gbits() const
    {
        return seconds > 0 ? double(delivered) * (payload + 28) * 8 / seconds / 1e9 : 0;
    }
    double sharePerGbit() const { return gbits() > 0 ? coreShare() / gbits() : 0; }
    double cpuPerPacketUs() const { return delivered > 0 ? cpu / double(delivered) * 1e6 : 0; }
    double switchesPerThousand() const
    {
        return delivered > 0 ? double(switches) * 1000 / double(delivered) : 0;
    }
    qint64 accountedFor() const { return received + decided + unseen; }
};

class Bench
{
public:
    Bench(int seconds, int rate, int shortRate)
        : m_seconds(seconds), m_rate(rate), m_shortRate(shortRate)
    {}

    void setUp()
    {
        if (geteuid() != 0)
            die(QStringLiteral("run as root: it creates network namespaces and iptables rules"));
        QString error;
        if (!m_bed.start(2, &error) || !m_network.setUp(&error))
            die(error);
    }

    QList<Sample> run()
    {
        QList<Sample> round;
        for (const bool large : {true, false}) {
            for (const bool depth : {false, true}) {
                const QString name =
                    QStringLiteral("%1, inspect %2")
                        .arg(large ? QStringLiteral("1,400-byte UDP, one flow")
                                   : QStringLiteral("18-byte UDP, 4 a flow"),
                             depth ? QString::number(Depth) : QStringLiteral("all"));
                round.append(measure(name, large, depth));
            }
        }
        return round;
    }

private:
    quint64 sinkReceived()
    {
        QString error;
        const auto received = m_network.sinkReceived(&error);
        if (!received)
            die(error);
        return *received;
    }

    Sample measure(const QString &name, bool large, bool depth)
    {
        HelperProcess helper;
        QString error;
        const QString config =
            QStringLiteral("interfaces = \"%1\"\nstatus_interval = 0\ninspect_packets = %2\n")
                .arg(m_bed.network().peer(0).interface,
                     depth ? QString::number(Depth) : QStringLiteral("all"));
        if (!helper.writeConfig(config, &error) || !helper.start(&error))
            die(error);
        const Command::Result pinned = Command::run(
            {QStringLiteral("taskset"), QStringLiteral("-a"), QStringLiteral("-p"),
             QStringLiteral("-c"), QString::number(HelperCore), QString::number(helper.pid())});
        if (!pinned.succeeded())
            die(pinned.describe());
        Sample s;
        s.name = name;
        s.payload = large ? LargeBytes : SmallBytes;
        const quint64 sink0 = sinkReceived();
        const double cpu0 = processCpuSeconds(helper.pid());
        const qint64 switches0 = processContextSwitches(helper.pid());
        QElapsedTimer clock;
        clock.start();
        QStringList flood{QStringLiteral("taskset"),
                          QStringLiteral("-c"),
                          QString::number(SenderCore),
                          TestNetwork::toolPath(QStringLiteral("nfqmon-bench-flood")),
                          QLatin1String(FloodNetwork::Target),
                          QString::number(FloodNetwork::Port),
                          QString::number(m_seconds),
                          QString::number(s.payload),
                          QString::number(large ? m_rate : m_shortRate)};
        if (!large)
            flood << QStringLiteral("flows=4");
        const Command::Result sent =
            Command::run(m_bed.network().commandIn(0, flood), std::chrono::seconds(m_seconds + 20));
        if (!sent.succeeded())
            die(sent.describe());
        QThread::msleep(300); // what is queued gets its verdict
        s.seconds = double(clock.elapsed()) / 1000.0;
        s.cpu = processCpuSeconds(helper.pid()) - cpu0;
        s.switches = processContextSwitches(helper.pid()) - switches0;
        s.sent = sent.output.trimmed().split(' ').value(1).toULongLong();
        s.delivered = sinkReceived() - sink0;
        const HelperReport report = helper.stop();
        if (!report.totals)
            die(QStringLiteral("the helper printed no totals: ") + report.describe());
        s.received = report.totals->received;
        s.decided = std::max<qint64>(report.totals->decidedPassed, 0);
        s.unseen = std::max<qint64>(report.totals->passedUnseen, 0);
        return s;
    }

    int m_seconds;
    int m_rate;
    int m_shortRate;
    ServiceTestBed m_bed;
    FloodNetwork m_network{m_bed.network()};
};

// Each case's median CPU share per round, with the rest of that round's figures.
QList<Sample> medians(const QList<QList<Sample>> &rounds)
{
    QList<Sample> result;
    for (qsizetype c = 0; c < rounds.first().size(); ++c) {
        QList<Sample> samples;
        for (const QList<Sample> &round : rounds)
            samples.append(round[c]);
        std::sort(samples.begin(), samples.end(),
                  [](const Sample &a, const Sample &b) { return a.coreShare() < b.coreShare(); });
        result.append(samples[samples.size() / 2]);
    }
    return result;
}

void print(const QList<Sample> &samples, int rounds)
{
    std::printf("| case | delivered/s | Gbit/s (IP) | helper CPU (%% of a core) | %% of a core per "
                "Gbit/s | CPU per packet delivered (us) | context switches per 1,000 packets | "
                "received by the helper | decided by the "
                "kernel | passed unseen | sum − delivered |\n"
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const Sample &s : samples)
        std::printf(
            "| %s | %.0f | %.2f | %.1f | %.1f | %.2f | %.0f | %lld | %lld | %lld | %+lld |\n",
            qPrintable(s.name), double(s.delivered) / s.seconds, s.gbits(), s.coreShare() * 100,
            s.sharePerGbit() * 100, s.cpuPerPacketUs(), s.switchesPerThousand(),
            static_cast<long long>(s.received), static_cast<long long>(s.decided),
            static_cast<long long>(s.unseen),
            static_cast<long long>(s.accountedFor() - qint64(s.delivered)));
    const Sample &largeAll = samples[0];
    const Sample &largeDepth = samples[1];
    const Sample &shortAll = samples[2];
    const Sample &shortDepth = samples[3];
    std::printf(
        "\nmedians of %d round(s)\n\n| target | figure | limit | |\n| --- | ---: | ---: | --- "
        "|\n",
        rounds);
    const auto row = [](const char *what, double figure, double limit) {
        std::printf("| %s | %.2f | ≤ %.2f | %s |\n", what, figure, limit,
                    figure <= limit ? "met" : "MISSED");
    };
    row("inspect 8, 1,400-byte UDP: % of a core per Gbit/s", largeDepth.sharePerGbit() * 100, 5);
    row("inspect 8 vs all, 1,400-byte UDP: CPU per Gbit/s",
        largeDepth.sharePerGbit() / largeAll.sharePerGbit(), 1);
    row("inspect 8 vs all, short flows: CPU per packet delivered",
        shortDepth.cpuPerPacketUs() / shortAll.cpuPerPacketUs(), 1.1);
    // Every packet the sink counted was seen, decided by the kernel or passed unseen; the
    // helper may also see a few packets of the links' own (IPv6 neighbour discovery).
    for (const Sample &s : samples) {
        const qint64 extra = s.accountedFor() - qint64(s.delivered);
        if (extra < 0 || extra > 20)
            std::printf("MISSED: %s: seen + decided + unseen = %lld, the sink counted %llu\n",
                        qPrintable(s.name), static_cast<long long>(s.accountedFor()),
                        static_cast<unsigned long long>(s.delivered));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("nfqmon's inspection depth benchmark"));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Flood length of each case (default 5)."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QStringLiteral(
            "Datagrams a second of the 1,400-byte flood (default 85000, about 1 Gbit/s)."),
        QStringLiteral("N"), QStringLiteral("85000"));
    const QCommandLineOption shortRate(
        QStringLiteral("short-rate"),
        QStringLiteral("Datagrams a second of the short flows' flood (default 50000)."),
        QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Rounds over all cases (default 3)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({seconds, rate, shortRate, repeat});
    parser.process(app);
    Bench bench(parser.value(seconds).toInt(), parser.value(rate).toInt(),
                parser.value(shortRate).toInt());
    bench.setUp();
    QList<QList<Sample>> rounds;
    const int count = qMax(1, parser.value(repeat).toInt());
    for (int round = 0; round < count; ++round) {
        std::fprintf(stderr, "round %d\n", round + 1);
        rounds.append(bench.run());
    }
    print(medians(rounds), count);
    return 0;
}
