// What the attribution's one lock costs when several queue threads ask at once: each queue
// thread calls PacketOwners::ownerOf() once per packet, which takes one mutex (to read the ring
// and look the flow up). Measures lookups per second from 1 thread and from N threads on the
// real kernel programs (loaded as the helper loads them, in the test's own network namespace),
// with flows the table knows, and prints the ratio. Run as root.
//
//   nfqmon-bench-owners [--seconds S] [--threads N]      prints a Markdown table
#include "helper/attribution/PacketOwners.h"
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/network/TestNetwork.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace nfqmon;
namespace PB = nfqmon::test::PacketBuilder;

namespace {

struct Packet {
    QByteArray bytes;
    PacketSummary summary;
};

// Lookups per second over all threads, each asking for its own packets for `seconds`.
double lookupsPerSecond(PacketOwners &owners, const std::vector<Packet> &packets, int threads,
                        double seconds)
{
    std::atomic<bool> go{false}, stop{false};
    std::vector<std::uint64_t> counts(std::size_t(threads), 0);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            while (!go.load())
                std::this_thread::yield();
            std::uint64_t n = 0;
            std::size_t i = std::size_t(t);
            while (!stop.load(std::memory_order_relaxed)) {
                const Packet &p = packets[i++ % packets.size()];
                const auto bytes = std::span(reinterpret_cast<const std::uint8_t *>(p.bytes.data()),
                                             std::size_t(p.bytes.size()));
                owners.ownerOf(p.summary, bytes, Hook::PreRouting);
                ++n;
            }
            counts[std::size_t(t)] = n;
        });
    }
    const auto start = std::chrono::steady_clock::now();
    go = true;
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (std::thread &w : workers)
        w.join();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::uint64_t total = 0;
    for (std::uint64_t n : counts)
        total += n;
    return double(total) / elapsed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    double seconds = 2;
    int threads = int(std::thread::hardware_concurrency());
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--seconds")
            seconds = args[i + 1].toDouble();
        else if (args[i] == u"--threads")
            threads = args[i + 1].toInt();
    }
    threads = std::max(threads, 2);
    QString error;
    if (!test::TestNetwork::enterPrivateNamespace(&error)) {
        std::fprintf(stderr, "nfqmon-bench-owners: %s\n", qPrintable(error));
        return 1;
    }
    std::string why;
    const std::shared_ptr<PacketOwners> owners = PacketOwners::start(&why);
    if (!owners) {
        std::fprintf(stderr, "nfqmon-bench-owners: attribution cannot run here: %s\n", why.c_str());
        return 1;
    }
    // Incoming datagrams of 1,024 flows, as the queue threads hand them over.
    std::vector<Packet> packets;
    for (int i = 0; i < 1024; ++i) {
        Packet p;
        p.bytes = PB::ipv4("192.0.2.9", "10.77.1.1", PB::Udp,
                           PB::udp(std::uint16_t(20000 + i), 53, "bench"));
        p.summary = PacketDecoder::summarize(
            {reinterpret_cast<const std::uint8_t *>(p.bytes.data()), std::size_t(p.bytes.size())});
        packets.push_back(p);
    }
    const double one = lookupsPerSecond(*owners, packets, 1, seconds);
    const double many = lookupsPerSecond(*owners, packets, threads, seconds);
    std::printf("| threads | lookups/s (all threads) | ns per lookup per thread |\n"
                "| ---: | ---: | ---: |\n"
                "| 1 | %.0f | %.0f |\n| %d | %.0f | %.0f |\n\n",
                one, 1e9 / one, threads, many, 1e9 * threads / many);
    std::printf("%d threads vs 1: %.2f x the lookups per second (1.0: the lock serialises them; "
                "%d: no contention)\n",
                threads, many / one, threads);
    return 0;
}
