// nfqmon-bench-remote: what watching another machine costs its network. A remote host of
// RemoteHostBed (a real sshd, private bus, polkitd and helper in namespaces of its own), the
// window's client side as the window runs it (HelperClient on a RemoteLink: D-Bus through
// systemd-stdio-bridge and the stream through `nfqmon-capture --relay`, one multiplexed SSH
// connection, compressed), and traffic made on the host itself (UDP on its loopback, paced), so
// that everything on the link between us and the host is nfqmon's: the stream, the status polls
// and SSH's own keep-alives. The payloads are random bytes, new for each packet, as encrypted
// traffic looks to SSH's compressor. Bytes on the link (TCP payload both ways, the host's
// counters of its sshd's connections) per packet the client received, against the stream's own
// bytes per packet (what a local window reads from its socket) in the same run: the ratio is what
// SSH's compression and framing make of it.
//
//   nfqmon-bench-remote [--seconds N] [--rate PPS]     run as root; prints a Markdown table
#include "app/client/HelperClient.h"
#include "app/client/RemoteLink.h"
#include "app/client/StreamThread.h"
#include "helper/protocol/HelperContract.h"
#include "helper/protocol/StreamFormat.h"
#include "tests/support/bus/RemoteHostBed.h"
#include "tests/support/network/TestNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <cstdio>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-bench-remote: %s\n", qPrintable(message));
    std::exit(1);
}

// TCP payload both ways on every connection to the host's sshd, from the host's kernel's own
// counters (tcp_info, as `ss -ti` shows them): what SSH put on the wire, compression and its
// framing included, IP and TCP headers not.
quint64 linkBytes(const RemoteHostBed &hosts)
{
    const Command::Result ss =
        hosts.runIn(0, {QStringLiteral("ss"), QStringLiteral("-tinH"), QStringLiteral("sport"),
                        QStringLiteral("="), QStringLiteral(":22")});
    if (!ss.succeeded())
        die(QStringLiteral("ss failed: ") + ss.describe());
    quint64 total = 0;
    for (const QByteArray &word : ss.output.simplified().split(' ')) {
        for (const char *key : {"bytes_sent:", "bytes_received:"}) {
            if (word.startsWith(key))
                total += word.mid(int(qstrlen(key))).toULongLong();
        }
    }
    return total;
}

template <typename Done> void waitFor(Done done, int ms, const char *what)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            die(QStringLiteral("timed out: ") + QLatin1String(what));
        QTest::qWait(20);
    }
}

struct Result {
    quint64 sent = 0;
    quint64 received = 0;
    quint64 streamBytes = 0; // the stream's own bytes: batch headers, records, packet bytes
    quint64 linkBytes = 0;
};

Result measure(RemoteHostBed &hosts, HelperClient &client, int size, double seconds, int rate)
{
    bool started = false;
    client.startCapture({{Contract::Option::Interfaces, QStringList{QStringLiteral("lo")}}},
                        [&started](const HelperError &error) {
                            if (error.isError())
                                die(error.sentence());
                            started = true;
                        });
    waitFor([&] { return started; }, 30000, "StartCapture");
    int fd = -1;
    client.openStream([&fd](int stream, const HelperError &error) {
        if (error.isError())
            die(error.sentence());
        fd = stream;
    });
    waitFor([&] { return fd >= 0; }, 30000, "the relay");
    Result result;
    StreamThread stream(fd);
    QObject::connect(&stream, &StreamThread::batchArrived, [&result](const StreamBatch &batch) {
        result.received += quint64(batch.size());
        result.streamBytes += sizeof(stream::BatchHeader) + quint64(batch.payload.size());
    });
    // The relay is up once a probe arrives.
    const QStringList probe =
        hosts.commandIn(0, {TestNetwork::toolPath(QStringLiteral("nfqmon-bench-flood")),
                            QStringLiteral("127.0.0.1"), QStringLiteral("7"),
                            QStringLiteral("0.05"), QString::number(size), QStringLiteral("100")});
    waitFor(
        [&] {
            if (result.received > 0)
                return true;
            Command::run(probe, std::chrono::seconds(5));
            QTest::qWait(200);
            return result.received > 0;
        },
        30000, "the first packets through the relay");
    QTest::qWait(500);
    const Result before = result;
    const quint64 linkBefore = linkBytes(hosts);
    const Command::Result flood = Command::run(
        hosts.commandIn(0,
                        {TestNetwork::toolPath(QStringLiteral("nfqmon-bench-flood")),
                         QStringLiteral("127.0.0.1"), QStringLiteral("9"), QString::number(seconds),
                         QString::number(size), QString::number(rate), QStringLiteral("random")}),
        std::chrono::seconds(int(seconds) + 30));
    if (!flood.succeeded())
        die(QStringLiteral("the flood failed: ") + flood.describe());
    QTest::qWait(1500); // what is on its way arrives
    result.sent = flood.output.trimmed().split(' ').last().toULongLong();
    result.linkBytes = linkBytes(hosts) - linkBefore;
    result.received -= before.received;
    result.streamBytes -= before.streamBytes;
    bool stopped = false;
    client.stopCapture([&stopped](const HelperError &) { stopped = true; });
    waitFor([&] { return stopped; }, 30000, "StopCapture");
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("seconds of traffic per case"),
                                           QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("packets a second"),
                                        QStringLiteral("PPS"), QStringLiteral("10000"));
    parser.addOptions({secondsOption, rateOption});
    parser.process(app);
    const double seconds = parser.value(secondsOption).toDouble();
    const int rate = parser.value(rateOption).toInt();
    if (geteuid() != 0)
        die(QStringLiteral("run as root: it creates network namespaces and an sshd in them"));

    RemoteHostBed hosts;
    QString error;
    if (!hosts.start(1, &error))
        die(error);
    qputenv("NFQMON_SSH", hosts.sshWrapper().toLocal8Bit());
    QTemporaryDir runtime;
    qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    const std::optional<SshDestination> destination = SshDestination::parse(hosts.alias(0), &error);
    if (!destination)
        die(error);
    RemoteLink link(*destination);
    HelperClient client(&link);
    waitFor([&] { return client.isBusConnected(); }, 30000, "the connection over SSH");

    std::printf("| UDP packets on the host | packets a second | records received / packets sent "
                "(2 each on loopback: out, in) | stream bytes/record "
                "| link bytes/record (SSH, compressed) | link/stream |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (const int payload : {18, 1172}) {
        const Result r = measure(hosts, client, payload, seconds, rate);
        if (r.received == 0)
            die(QStringLiteral("no packet reached the client"));
        const double stream = double(r.streamBytes) / double(r.received);
        const double onLink = double(r.linkBytes) / double(r.received);
        std::printf("| %d bytes | %d | %llu / %llu | %.0f | %.0f | %.2f |\n", payload + 28, rate,
                    static_cast<unsigned long long>(r.received),
                    static_cast<unsigned long long>(r.sent), stream, onLink, onLink / stream);
        std::fflush(stdout);
    }
    hosts.stop();
    return 0;
}
