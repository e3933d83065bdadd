// The soak (README, "Reliability"): the real window (offscreen platform) attached to a capture of
// the benchmark's flood (FloodNetwork: client -> this router -> sink) for a long time, at the
// rate the packet path benchmark shows every consumer keeping up with. Every 30 s a line of
// figures; at the end the checks, each printed with its figures, exit status 1 if one fails:
//
//   store bounded   the store never held more than its limit, and once it was full the window's
//                   resident memory stopped growing: its peak in the second half of that time
//                   is within 5 % of its peak in the first half
//   no duplicates   the sequence numbers of the records the window got only ever increase
//   window = helper every packet the helper saw is in the window, rolled off, or counted as lost
//                   on the way to it (what the health bar shows), or came before the window's
//                   stream opened (the first record's engine-wide number says how many)
//   sink = window   the window got no more flood records than the sink counted datagrams, and
//                   the rest is what was lost to the display or passed unseen (fail-open let
//                   it through while the queue was full); with --strict nothing may pass unseen
//
//   nfqmon-soak [--seconds N] [--rate N] [--strict]   run as root; default 600 s, 75000/s
#include "app/client/CaptureController.h"
#include "app/client/InterfaceListModel.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/ProcessCpu.h"
#include "tests/support/network/FloodNetwork.h"
#include "ui/InterfacePicker.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "nfqmon-soak: %s\n", qPrintable(message));
    std::exit(1);
}

void spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// What the window got, counted as it arrived (the same batches the store takes).
struct Arrivals {
    quint64 records = 0;
    quint64 floodRecords = 0;
    quint64 duplicates = 0; // sequence numbers not above the one before
    quint64 lastSequence = 0;
    quint64 firstSequence = 0; // 0: none yet
    // Packets the helper saw before the stream opened: the window cannot have them.
    quint64 beforeStream() const { return firstSequence > 0 ? firstSequence - 1 : 0; }
};

bool check(bool ok, const QString &what)
{
    std::printf("%s  %s\n", ok ? "ok  " : "FAIL", qPrintable(what));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("nfqmon-soak"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Soak length."),
                                     QStringLiteral("N"), QStringLiteral("600"));
    QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Datagrams a second."),
                                  QStringLiteral("N"), QStringLiteral("75000"));
    QCommandLineOption strictOption(QStringLiteral("strict"),
                                    QStringLiteral("Fail if any datagram passed unseen."));
    parser.addOptions({secondsOption, rateOption, strictOption});
    parser.process(app);
    const bool strict = parser.isSet(strictOption);
    const int seconds = parser.value(secondsOption).toInt();
    const int rate = parser.value(rateOption).toInt();
    if (geteuid() != 0)
        die(QStringLiteral("run as root: it creates network namespaces and iptables rules"));

    ServiceTestBed bed;
    FloodNetwork network(bed.network());
    QString error;
    if (!bed.start(2, &error) || !network.setUp(&error))
        die(error);
    QSettings().clear();
    bool passed = true;
    {
        Session session(bed.bus().connection());
        MainWindow window(&session);
        window.show();
        CaptureController &controller = *session.controller();
        Arrivals got;
        QObject::connect(
            &controller, &CaptureController::batchArrived, [&](const StreamBatch &batch) {
                for (qsizetype i = 0; i < batch.size(); ++i) {
                    const PacketRecord r = batch.record(i);
                    got.duplicates += r.sequence <= got.lastSequence ? 1 : 0;
                    got.lastSequence = r.sequence;
                    if (got.firstSequence == 0)
                        got.firstSequence = r.sequence;
                    ++got.records;
                    got.floodRecords += r.summary.transport == 17 &&
                                        r.summary.destinationPort == FloodNetwork::Port;
                }
            });
        window.findChild<InterfacePicker *>()->model()->setChecked(
            {bed.network().peer(0).interface});
        window.findChild<QAction *>(QStringLiteral("startAction"))->trigger();
        spin([&] { return controller.state() == CaptureState::Running; }, 30000);
        if (controller.state() != CaptureState::Running)
            die(QStringLiteral("the capture did not start"));
        const qint64 helper = bed.bus().helperPid();
        const auto sink0 = network.sinkReceived(&error);
        if (!sink0)
            die(error);

        QProcess flood;
        const QStringList command = network.floodCommand(seconds, rate, -1);
        flood.start(command.first(), command.mid(1));
        if (!flood.waitForStarted())
            die(QStringLiteral("cannot start the flood"));
        const PacketStore &store = *session.store();
        qint64 largestStore = 0;
        qint64 memoryWhenFull = -1;
        qint64 fullAt = -1; // ms into the flood when the store first filled
        // Largest resident memory once full, in the first and in the second half of that time.
        qint64 largestEarly = 0;
        qint64 largestLate = 0;
        QElapsedTimer clock;
        clock.start();
        qint64 nextLine = 0;
        qint64 nextSample = 0;
        std::printf("%6s %12s %12s %10s %10s %10s %12s %12s\n", "s", "helper", "window", "rows",
                    "lost", "rolledOff", "window KiB", "helper KiB");
        while (flood.state() != QProcess::NotRunning) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            largestStore = std::max(largestStore, store.size());
            if (clock.elapsed() < nextSample)
                continue;
            nextSample = clock.elapsed() + 250; // the window's work, not ours, is measured
            const qint64 memory = processResidentKiB(QCoreApplication::applicationPid());
            if (memoryWhenFull < 0 && store.rolledOff() > 0) {
                memoryWhenFull = memory;
                fullAt = clock.elapsed();
            }
            if (fullAt >= 0) {
                const bool late = clock.elapsed() - fullAt > (seconds * 1000 - fullAt) / 2;
                qint64 &largest = late ? largestLate : largestEarly;
                largest = std::max(largest, memory);
            }
            if (clock.elapsed() >= nextLine) {
                const CaptureHealth h = controller.health();
                std::printf("%6lld %12llu %12llu %10lld %10llu %10lld %12lld %12lld\n",
                            clock.elapsed() / 1000, static_cast<unsigned long long>(h.received),
                            static_cast<unsigned long long>(got.records), store.size(),
                            static_cast<unsigned long long>(h.lostToDisplay), store.rolledOff(),
                            memory, processResidentKiB(helper));
                std::fflush(stdout);
                nextLine += 30000;
            }
        }
        const quint64 sent =
            flood.readAllStandardOutput().trimmed().split(' ').value(1).toULongLong();
        spin([] { return false; }, 1500); // the last verdicts, the last batches
        const auto sink1 = network.sinkReceived(&error);
        if (!sink1)
            die(error);
        const quint64 sink = *sink1 - *sink0;
        // The helper's own count, then the window's once the stream has delivered it all.
        quint64 helperReceived = 0;
        const auto windowTotal = [&] {
            return quint64(store.size() + store.rolledOff()) + controller.health().lostToDisplay +
                   got.beforeStream();
        };
        spin(
            [&] {
                helperReceived = quint64(bed.status().value(QStringLiteral("received")).toDouble());
                return windowTotal() == helperReceived;
            },
            10000);
        const CaptureHealth health = controller.health();
        window.findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
        spin([&] { return controller.state() == CaptureState::Idle; }, 30000);

        std::printf("\n%d s at %d datagrams/s: %llu sent, %llu reached the sink\n", seconds, rate,
                    static_cast<unsigned long long>(sent), static_cast<unsigned long long>(sink));
        // Bounded: once the store is full, memory no longer grows (a leak would make the second
        // half larger than the first; 5 % is the allocator's own noise).
        if (largestLate > 0)
            passed &= check(largestStore <= store.limit() &&
                                largestLate <= largestEarly + largestEarly / 20,
                            QStringLiteral("store bounded: at most %1 rows (limit %2); window %3 "
                                           "KiB when it first filled, then at most %4 KiB in the "
                                           "first half and %5 KiB in the second half of the rest")
                                .arg(largestStore)
                                .arg(store.limit())
                                .arg(memoryWhenFull)
                                .arg(largestEarly)
                                .arg(largestLate));
        else
            passed &= check(largestStore <= store.limit(),
                            QStringLiteral("store bounded: at most %1 rows (limit %2; it did not "
                                           "fill early enough for its memory to be followed)")
                                .arg(largestStore)
                                .arg(store.limit()));
        passed &= check(got.duplicates == 0,
                        QStringLiteral("no duplicates: %1 records out of order or repeated")
                            .arg(got.duplicates));
        passed &=
            check(windowTotal() == helperReceived &&
                      got.records + health.lostToDisplay + got.beforeStream() == helperReceived,
                  QStringLiteral("window = helper: helper saw %1; window got %2 (%3 rows, "
                                 "%4 rolled off), %5 lost to the display, %6 before its "
                                 "stream opened")
                      .arg(helperReceived)
                      .arg(got.records)
                      .arg(store.size())
                      .arg(store.rolledOff())
                      .arg(health.lostToDisplay)
                      .arg(got.beforeStream()));
        // Fail-open passes are not counted by the kernel: they are what the sink got beyond
        // what reached the helper.
        const quint64 accounted = got.floodRecords + health.lostToDisplay;
        const quint64 unseen = sink > accounted ? sink - accounted : 0;
        passed &= check(got.floodRecords <= sink && (!strict || unseen == 0),
                        QStringLiteral("sink = window: sink %1, flood records in the window %2, "
                                       "lost to the display %3, passed unseen (fail-open) %4")
                            .arg(sink)
                            .arg(got.floodRecords)
                            .arg(health.lostToDisplay)
                            .arg(unseen));
    }
    QSettings().clear();
    bed.stop();
    return passed ? 0 : 1;
}
