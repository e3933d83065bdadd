// The application benchmark (README, "Performance"): the window's data path fed from a synthetic
// producer through a real socket, headless (offscreen platform), and the real window idling
// through a capture without traffic. Figures, and ratios against references measured in the
// same run:
//
//   ingest       records/s through StreamThread -> PacketStore -> PacketTableModel and
//                TrafficStatistics, the producer as fast as it can; reference: a bare reader
//                that only reads and decodes the same stream
//   stall        the longest the GUI event loop was late (a 2 ms heartbeat) while records arrive
//                at 200,000 a second
//   memory       resident memory per stored packet (the bytes file counted apart), store and
//                table model together; reference: the size of the packed record
//   flood        resident memory of store, table model and statistics (store limit N) after N
//                and after 4 N IPv6/UDP packets each from a new source, and before and after a
//                live flood of random sources at 200,000 a second (60 s, or 3 s quick, at least
//                long enough to fill the store twice): a
//                spoofed-source flood must cost bounded memory (less than 32 MiB more)
//   filter, sort a display filter and a sort over 1,000,000 stored packets, until the table has
//                its new rows; references: bpf_filter over the same packets in memory, and
//                std::sort of their source addresses
//   idle         CPU of the whole window process (all threads) with a capture running and no
//                traffic, over 10 s (needs root: the real helper on a private bus)
//
//   nfqmon-bench-app [--records N] [--flood-seconds N] [--quick]
#include "app/client/CaptureController.h"
#include "app/client/InterfaceListModel.h"
#include "app/client/StreamThread.h"
#include "app/session/Session.h"
#include "app/store/PackedPacket.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "app/store/TrafficStatistics.h"
#include "helper/protocol/CompiledFilter.h"
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/StreamDecoder.h"
#include "helper/protocol/StreamEncoder.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/ProcessCpu.h"
#include "ui/InterfacePicker.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <malloc.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-bench-app: %s\n", qPrintable(message));
    std::exit(1);
}

// A mix like a busy desktop's: DNS, web, QUIC, pings, IPv4 and IPv6, 500 hosts.
struct Packet {
    PacketRecord record;
    QByteArray bytes;
};

QList<Packet> packetMix()
{
    namespace PB = PacketBuilder;
    QList<Packet> mix;
    for (int i = 0; i < 500; ++i) {
        const QByteArray local = QByteArrayLiteral("10.0.0.2");
        const QByteArray remote =
            QStringLiteral("172.16.%1.%2").arg(i / 200).arg(i % 200 + 1).toLatin1();
        const QByteArray remote6 = QStringLiteral("2001:db8::%1").arg(i + 1, 0, 16).toLatin1();
        QByteArray bytes;
        switch (i % 5) {
        case 0:
            bytes = PB::ipv4(local.constData(), remote.constData(), PB::Udp,
                             PB::udp(40000 + i, 53, QByteArray(40, 'q')));
            break;
        case 1:
            bytes = PB::ipv4(remote.constData(), local.constData(), PB::Tcp,
                             PB::tcp(443, 50000 + i, 0x10, 1, 1, {}, QByteArray(120, 'w')));
            break;
        case 2:
            bytes = PB::ipv6("2001:db8::2", remote6.constData(), PB::Udp,
                             PB::udp(50000 + i, 443, QByteArray(80, 'u')));
            break;
        case 3:
            bytes = PB::ipv4(local.constData(), remote.constData(), PB::Icmp,
                             PB::icmpEcho(false, 7, quint16(i)));
            break;
        case 4:
            bytes =
                PB::ipv6(remote6.constData(), "2001:db8::2", PB::Tcp, PB::tcp(22, 40000 + i, 0x18));
            break;
        }
        Packet p;
        p.bytes = bytes;
        p.record.packetLength = quint32(bytes.size());
        p.record.capturedLength = quint32(bytes.size());
        p.record.hook = i % 2 ? Hook::PreRouting : Hook::Output;
        p.record.verdict = i % 17 == 0 ? Verdict::Drop : Verdict::Accept;
        p.record.ruleId = p.record.verdict == Verdict::Drop ? 3 : -1;
        std::strcpy(i % 2 ? p.record.inInterface : p.record.outInterface, "eth0");
        p.record.summary = PacketDecoder::summarize(PB::bytes(bytes));
        mix.append(p);
    }
    return mix;
}

// Record `n` (from 0) of the synthetic stream, 5 us apart, added to `encoder`; false when the
// batch is full (seal it, then add the record again).
bool appendRecord(StreamEncoder &encoder, const QList<Packet> &mix, qint64 n)
{
    const Packet &p = mix[qsizetype(n % mix.size())];
    PacketRecord record = p.record;
    record.sequence = std::uint64_t(n + 1);
    record.timestampNs = 1'800'000'000'000'000'000 + n * 5'000;
    return encoder.append(record, {reinterpret_cast<const std::uint8_t *>(p.bytes.constData()),
                                   std::size_t(p.bytes.size())});
}

// Adds record `n` (from 0) of a synthetic stream to the encoder, as appendRecord() does.
using RecordSource = std::function<bool(StreamEncoder &, qint64)>;

RecordSource mixSource(const QList<Packet> &mix)
{
    return [&mix](StreamEncoder &encoder, qint64 n) { return appendRecord(encoder, mix, n); };
}

// A spoofed-source flood: IPv6/UDP packets of a DNS query's size, each from the source
// 2001:db8:0:0:<64 bits>, the bits from `sourceOf(n)`.
RecordSource floodSource(std::function<quint64(qint64)> sourceOf)
{
    namespace PB = PacketBuilder;
    auto packet = std::make_shared<Packet>();
    packet->bytes =
        PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(40000, 53, QByteArray(40, 'q')));
    packet->record.packetLength = quint32(packet->bytes.size());
    packet->record.capturedLength = quint32(packet->bytes.size());
    std::strcpy(packet->record.inInterface, "eth0");
    packet->record.summary = PacketDecoder::summarize(PB::bytes(packet->bytes));
    return [packet, sourceOf = std::move(sourceOf)](StreamEncoder &encoder, qint64 n) {
        const quint64 bits = sourceOf(n);
        std::memcpy(packet->bytes.data() + 16, &bits, 8); // the source's last 8 bytes
        std::memcpy(packet->record.summary.source.data() + 8, &bits, 8);
        packet->record.sequence = std::uint64_t(n + 1);
        packet->record.timestampNs = 1'800'000'000'000'000'000 + n * 5'000;
        return encoder.append(packet->record,
                              {reinterpret_cast<const std::uint8_t *>(packet->bytes.constData()),
                               std::size_t(packet->bytes.size())});
    };
}

// Writes batches of records to `fd` until `total` records went or `stop`; `perSecond` 0 = as
// fast as the socket takes them (blocking writes: the reader sets the pace).
void produce(int fd, const RecordSource &source, qint64 total, double perSecond,
             const std::atomic<bool> &stop)
{
    StreamEncoder encoder(1 << 20);
    QElapsedTimer clock;
    clock.start();
    qint64 sent = 0;
    const auto write = [fd](std::span<const std::uint8_t> bytes) {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += std::size_t(n);
        }
        return true;
    };
    constexpr qint64 BatchRecords = 1000;
    while (sent < total && !stop.load()) {
        if (perSecond > 0) {
            // Paced: a batch of 1,000 every 5 ms at 200,000/s, as the helper's sender would.
            const qint64 due = qint64(double(clock.nsecsElapsed()) * perSecond / 1e9);
            if (sent >= due) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                continue;
            }
        }
        for (qint64 i = 0; i < BatchRecords && sent < total; ++i, ++sent) {
            if (!source(encoder, sent)) {
                if (!write(encoder.seal(0)))
                    return;
                encoder.clear();
                source(encoder, sent);
            }
        }
        if (!write(encoder.seal(0)))
            return;
        encoder.clear();
    }
    ::shutdown(fd, SHUT_WR);
}

void socketPair(int fds[2])
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        die(QStringLiteral("socketpair failed"));
    int size = 4 << 20; // as the helper's end
    setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
}

// Resident memory, after giving back what malloc holds free (batches freed by the GUI thread
// stay in the reader thread's arena otherwise, which is not memory the store uses).
double residentBytes()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE));
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Window {
    PacketStore store;
    PacketTableModel model{&store};
    TrafficStatistics statistics{&store};
};

// The window's path: StreamThread -> store (-> model, statistics). Returns records/s.
struct IngestResult {
    double recordsPerSecond = 0;
    qint64 maxStallMs = 0;
    qint64 records = 0;
};

IngestResult ingest(const RecordSource &source, qint64 total, double perSecond, Window *window)
{
    int fds[2];
    socketPair(fds);
    std::atomic<bool> stop{false};
    std::thread producer([&] { produce(fds[0], source, total, perSecond, stop); });
    IngestResult result;
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer sinceBeat;
    sinceBeat.start();
    QTimer heartbeat;
    heartbeat.setInterval(2);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        result.maxStallMs = qMax(result.maxStallMs, sinceBeat.elapsed() - 2);
        sinceBeat.restart();
    });
    heartbeat.start();
    {
        StreamThread stream(fds[1]);
        QObject::connect(&stream, &StreamThread::batchArrived, &window->store,
                         &PacketStore::append);
        QEventLoop loop;
        QObject::connect(&stream, &StreamThread::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    heartbeat.stop();
    stop.store(true);
    producer.join();
    ::close(fds[0]);
    QCoreApplication::processEvents(); // the model takes the last rows
    result.records = window->store.size() + window->store.rolledOff();
    result.recordsPerSecond = double(total) / seconds;
    return result;
}

// Records [from, to) of `source` into the window, in this thread batch by batch (so that no
// other thread's allocations muddy the memory figures).
void fill(Window &window, const RecordSource &source, qint64 from, qint64 to)
{
    StreamEncoder encoder(1 << 20);
    StreamDecoder decoder;
    StreamBatch batch;
    const auto deliver = [&] {
        const std::span<const std::uint8_t> bytes = encoder.seal(0);
        decoder.feed(reinterpret_cast<const char *>(bytes.data()), bytes.size());
        encoder.clear();
        while (decoder.next(&batch)) {
            window.store.append(batch);
            QCoreApplication::processEvents(); // the model takes the rows
        }
        batch = {};
    };
    for (qint64 i = from; i < to; ++i) {
        if (!source(encoder, i)) {
            deliver();
            source(encoder, i);
        }
    }
    deliver();
}

// Resident memory per packet of a store and its table model holding `count` packets.
double storedPacketMemory(const QList<Packet> &mix, qint64 count)
{
    Window window;
    window.store.setLimit(count + 4096);
    QString error;
    if (!window.store.open(&error))
        die(error);
    const double before = residentBytes();
    fill(window, mixSource(mix), 0, count);
    if (window.model.rowCount() != count)
        die(QStringLiteral("the model shows %1 of %2 rows")
                .arg(window.model.rowCount())
                .arg(count));
    return (residentBytes() - before) / double(count);
}

constexpr double MiB = 1024.0 * 1024.0;

// Resident memory (MiB) of the whole process after `limit` and after `4 * limit` packets, each
// from a source of its own, through a store limited to `limit` (like opening such a capture).
std::pair<double, double> distinctSourceMemory(qint64 limit)
{
    Window window;
    window.store.setLimit(limit);
    QString error;
    if (!window.store.open(&error))
        die(error);
    const RecordSource source = floodSource([](qint64 n) { return quint64(n) + 1; });
    fill(window, source, 0, limit);
    const double full = residentBytes() / MiB;
    fill(window, source, limit, 4 * limit);
    if (window.store.rolledOff() < 3 * limit - 4096)
        die(QStringLiteral("the flood did not roll off (%1)").arg(window.store.rolledOff()));
    return {full, residentBytes() / MiB};
}

// Resident memory (MiB) when the store (limited to `limit`) has just filled with a live flood of
// random sources at 200,000 records a second, and after `seconds` of it.
std::pair<double, double> liveFloodMemory(qint64 limit, int seconds)
{
    constexpr double Rate = 200'000;
    Window window;
    window.store.setLimit(limit);
    QString error;
    if (!window.store.open(&error))
        die(error);
    double full = 0;
    QTimer sampler;
    sampler.setInterval(100);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        if (full == 0 && window.store.rolledOff() > 0)
            full = residentBytes() / MiB;
    });
    sampler.start();
    std::mt19937_64 random(std::random_device{}());
    const IngestResult r = ingest(floodSource([&random](qint64) { return random(); }),
                                  qint64(Rate * seconds), Rate, &window);
    if (full == 0 || r.records != qint64(Rate * seconds))
        die(QStringLiteral("the live flood did not fill the store"));
    return {full, residentBytes() / MiB};
}

// The reference: read and decode the same stream, keep nothing.
double bareReader(const QList<Packet> &mix, qint64 total)
{
    int fds[2];
    socketPair(fds);
    std::atomic<bool> stop{false};
    std::thread producer([&] { produce(fds[0], mixSource(mix), total, 0, stop); });
    QElapsedTimer clock;
    clock.start();
    StreamDecoder decoder;
    std::vector<char> buffer(1 << 20);
    qint64 records = 0;
    StreamBatch batch;
    for (;;) {
        const ssize_t n = ::read(fds[1], buffer.data(), buffer.size());
        if (n <= 0)
            break;
        decoder.feed(buffer.data(), std::size_t(n));
        while (decoder.next(&batch))
            records += batch.size();
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    producer.join();
    ::close(fds[0]);
    ::close(fds[1]);
    if (records != total)
        die(QStringLiteral("the bare reader got %1 of %2 records").arg(records).arg(total));
    return double(total) / seconds;
}

// Until the model has swapped in its new rows.
double timeRebuild(PacketTableModel &model, const std::function<void()> &start)
{
    QElapsedTimer clock;
    clock.start();
    start();
    while (model.isFiltering())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return double(clock.nsecsElapsed()) / 1e9;
}

struct Row {
    QString what;
    QString figure;
    QString reference;
    QString ratio;
    QString target;
    bool met = true;
};

void print(const QList<Row> &rows)
{
    std::printf("| measure | nfqmon | reference | ratio | target | |\n"
                "| --- | ---: | ---: | ---: | --- | --- |\n");
    for (const Row &r : rows) {
        std::printf("| %s | %s | %s | %s | %s | %s |\n", qPrintable(r.what), qPrintable(r.figure),
                    qPrintable(r.reference), qPrintable(r.ratio), qPrintable(r.target),
                    r.met ? "met" : "MISSED");
    }
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

// The real window, a capture on one interface of a private network, no traffic: CPU of this
// process over `seconds`.
double idleWindowCpu(int seconds, double *helperCpu)
{
    ServiceTestBed bed;
    QString error;
    if (!bed.start(1, &error))
        die(error);
    QSettings().clear();
    double percent = 0;
    {
        Session session(bed.bus().connection());
        MainWindow window(&session);
        window.show();
        window.findChild<InterfacePicker *>()->model()->setChecked(
            {bed.network().peer(0).interface});
        window.findChild<QAction *>(QStringLiteral("startAction"))->trigger();
        QElapsedTimer waiting;
        waiting.start();
        while (session.controller()->state() != CaptureState::Running) {
            if (waiting.elapsed() > 20000)
                die(QStringLiteral("the capture did not start"));
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        // Settle, then measure.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const qint64 helper = bed.bus().helperPid();
        const auto helperTicks = [helper] { return test::processCpuSeconds(helper); };
        const double cpu0 = processCpuSeconds();
        const double helper0 = helperTicks();
        QElapsedTimer clock;
        clock.start();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        const double elapsed = double(clock.nsecsElapsed()) / 1e9;
        percent = (processCpuSeconds() - cpu0) / elapsed * 100;
        *helperCpu = (helperTicks() - helper0) / elapsed * 100;
        window.findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
        while (session.controller()->state() != CaptureState::Idle)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    QSettings().clear();
    bed.stop();
    return percent;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("nfqmon-bench"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("nfqmon's application benchmark"));
    parser.addHelpOption();
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Stored packets (default 1000000)."),
                                           QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("Short runs (a smoke test), no idle part."));
    const QCommandLineOption floodOption(
        QStringLiteral("flood-seconds"),
        QStringLiteral("The live flood's length (default 60, quick 3; at least enough to fill the "
                       "store twice)."),
        QStringLiteral("N"));
    parser.addOptions({recordsOption, quick, floodOption});
    parser.process(app);
    const qint64 records = parser.value(recordsOption).toLongLong();
    const bool short_ = parser.isSet(quick);
    // Long enough to fill the store twice over at 200,000 records a second.
    const int fillTwice = int((2 * records + 199'999) / 200'000);
    const int floodSeconds = parser.isSet(floodOption) ? parser.value(floodOption).toInt()
                                                       : std::max(short_ ? 3 : 60, fillTwice);
    if (records < 4096 || floodSeconds < fillTwice)
        die(QStringLiteral("--records must be at least 4096, --flood-seconds at least %1")
                .arg(fillTwice));

    const QList<Packet> mix = packetMix();
    QList<Row> rows;

    // Ingest, as fast as it goes.
    const double reference = bareReader(mix, records);
    double memoryPerPacket = 0;
    double filterSeconds = 0, sortSeconds = 0;
    {
        Window window;
        window.store.setLimit(records + 4096);
        QString error;
        if (!window.store.open(&error))
            die(error);
        const IngestResult r = ingest(mixSource(mix), records, 0, &window);
        if (r.records != records)
            die(QStringLiteral("the store holds %1 of %2 records").arg(r.records).arg(records));
        rows.append({QStringLiteral("ingest (records/s), bare reader as reference"),
                     number(r.recordsPerSecond), number(reference),
                     number(r.recordsPerSecond / reference, 2), QStringLiteral("≥ 200,000/s"),
                     r.recordsPerSecond >= 200'000});
        memoryPerPacket = storedPacketMemory(mix, records);
        rows.append({QStringLiteral("memory per stored packet (bytes of RAM)"),
                     number(memoryPerPacket, 1), number(double(sizeof(PackedPacket))),
                     number(memoryPerPacket / double(sizeof(PackedPacket)), 2),
                     QStringLiteral("≤ 64 bytes"), memoryPerPacket <= 64});

        // Filter and sort over everything stored (the worker reads the bytes file).
        const QString expression = QStringLiteral("udp and dst port 53");
        filterSeconds = timeRebuild(window.model, [&] {
            QString filterError;
            if (!window.model.setDisplayFilter(expression, &filterError))
                die(filterError);
        });
        const qint64 shown = window.model.shownCount();
        // Reference: bpf_filter over the same packets, already in memory.
        QString filterError;
        const auto filter = CompiledFilter::compile(expression, &filterError);
        QElapsedTimer clock;
        clock.start();
        qint64 matched = 0;
        for (qint64 i = 0; i < records; ++i) {
            const QByteArray &bytes = mix[qsizetype(i % mix.size())].bytes;
            matched += filter->matches(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                       std::uint32_t(bytes.size()), std::uint32_t(bytes.size()));
        }
        const double filterReference = double(clock.nsecsElapsed()) / 1e9;
        if (matched != shown)
            die(QStringLiteral("the filter shows %1 rows, bpf_filter matched %2")
                    .arg(shown)
                    .arg(matched));
        rows.append(
            {QStringLiteral("display filter over %1 packets (s)").arg(number(double(records))),
             number(filterSeconds, 3), number(filterReference, 3),
             number(filterSeconds / filterReference, 1), QStringLiteral("≤ 1 s"),
             filterSeconds <= 1.0});
        window.model.setDisplayFilter({}, &filterError);
        while (window.model.isFiltering())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        sortSeconds = timeRebuild(window.model, [&] {
            window.model.sort(PacketTableModel::Source, Qt::DescendingOrder);
        });
        // Reference: std::sort of (source, number) pairs in memory.
        std::vector<std::pair<std::array<std::uint8_t, 16>, qint64>> keys;
        keys.reserve(std::size_t(records));
        for (qint64 i = 0; i < records; ++i)
            keys.emplace_back(window.store.at(i).summary.source, i);
        clock.restart();
        std::sort(keys.begin(), keys.end(), std::greater<>());
        const double sortReference = double(clock.nsecsElapsed()) / 1e9;
        rows.append(
            {QStringLiteral("sort by source over %1 packets (s)").arg(number(double(records))),
             number(sortSeconds, 3), number(sortReference, 3),
             number(sortSeconds / sortReference, 1), QStringLiteral("≤ 1 s"), sortSeconds <= 1.0});
    }

    // A spoofed-source flood: memory stays what a full store takes.
    {
        constexpr double MaximumGrowth = 32; // MiB
        const auto growth = [](double from, double to) {
            return QStringLiteral("%1%2 MiB").arg(to >= from ? "+" : "").arg(number(to - from, 1));
        };
        const auto [full, after] = distinctSourceMemory(records);
        rows.append({QStringLiteral("resident memory after %1 → %2 packets from as many IPv6 "
                                    "sources, store limit %1 (MiB)")
                         .arg(number(double(records)), number(double(4 * records))),
                     number(full, 1) + QStringLiteral(" → ") + number(after, 1),
                     QStringLiteral("-"), growth(full, after), QStringLiteral("< 32 MiB more"),
                     after - full < MaximumGrowth});
        const auto [filled, flooded] = liveFloodMemory(records, floodSeconds);
        rows.append({QStringLiteral("resident memory, live flood of random sources at 200,000/s: "
                                    "store full → after %1 s (MiB)")
                         .arg(floodSeconds),
                     number(filled, 1) + QStringLiteral(" → ") + number(flooded, 1),
                     QStringLiteral("-"), growth(filled, flooded), QStringLiteral("< 32 MiB more"),
                     flooded - filled < MaximumGrowth});
    }

    // The event loop while 200,000 records a second arrive (5 s, or 1 s quick).
    {
        Window window;
        QString error;
        if (!window.store.open(&error))
            die(error);
        const qint64 paced = short_ ? 200'000 : 1'000'000;
        const IngestResult r = ingest(mixSource(mix), paced, 200'000, &window);
        rows.append({QStringLiteral("longest event-loop stall at 200,000 records/s (ms)"),
                     number(double(r.maxStallMs)), QStringLiteral("-"), QStringLiteral("-"),
                     QStringLiteral("≤ 50 ms"), r.maxStallMs <= 50});
    }

    if (!short_) {
        if (geteuid() != 0)
            die(QStringLiteral("the idle part needs root (a capture in a private network)"));
        double helper = 0;
        const double percent = idleWindowCpu(10, &helper);
        rows.append({QStringLiteral("idle window, capture running, no traffic (% of a core)"),
                     number(percent, 2), QStringLiteral("helper: ") + number(helper, 2),
                     QStringLiteral("-"), QStringLiteral("< 0.5 %"), percent < 0.5});
    }
    print(rows);
    return 0;
}
