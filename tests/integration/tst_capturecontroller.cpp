// CaptureController and HelperClient against the real nfqmon-helper, activated on the private
// system bus with the real polkitd, in the test's network namespace (ServiceTestBed). Rules and
// chains through the client: tst_helperclient_rules.
//
// The success paths run in this process, as root on the private bus: polkit always allows
// root, so nothing here bypasses it. They start a capture with dump files the controller
// opened and see exactly the traffic sent arrive as stream batches and in the dumps, refuse a
// dump file that cannot be opened before anything starts, kill the helper mid-capture
// (helperVanished, then one errorOccurred and Idle, and no helper restarted by polling), end
// cleanly when another program stops the capture and when stop() comes during the polkit wait.
//
// The refusal path cannot run as root. This same executable, started with --refused-child as
// nfqmon-refused (PrivateSystemBus::startAs: setpriv, no capabilities, the private bus), runs a
// CaptureController on the system bus, prints each state and the error it reports, and exits;
// the test reads what it printed and checks that no capture started.
#include "app/client/HelperClient.h"
#include "app/display/SummaryText.h"
#include "helper/protocol/HelperContract.h"
#include "tests/support/app/CaptureRecorder.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

#define NFQMON_START_CAPTURE(controller, settings)                                                 \
    do {                                                                                           \
        const QString startError_ = CaptureRecorder::start((controller), (settings));              \
        QVERIFY2(startError_.isEmpty(), qPrintable(startError_));                                  \
    } while (false)

namespace {

const char RefusedChild[] = "--refused-child";

// The child as nfqmon-refused: a CaptureController on the system bus (the private one, through
// DBUS_SYSTEM_BUS_ADDRESS), one start, everything it reports on stdout.
int runRefusedChild(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    HelperClient client;
    CaptureController controller(&client);
    const auto say = [](const QString &line) {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    };
    QObject::connect(&controller, &CaptureController::stateChanged, [&](CaptureState state) {
        say(QStringLiteral("state ") + CaptureRecorder::stateName(state));
    });
    QObject::connect(&controller, &CaptureController::errorOccurred, [&](const QString &message) {
        say(QStringLiteral("error ") + message);
        app.exit(controller.state() == CaptureState::Idle ? 0 : 2);
    });
    QObject::connect(&controller, &CaptureController::stateChanged, [&](CaptureState state) {
        if (state == CaptureState::Running)
            app.exit(3); // must not happen
    });
    QTimer::singleShot(60s, &app, [&] { app.exit(4); });
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    controller.start(settings);
    return app.exec();
}

} // namespace

class tst_CaptureController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void captureStreamsTheTrafficAndWritesTheDumps();
    void dumpThatCannotBeOpenedStartsNothing();
    void helperKilledMidCapture();
    void stoppedByAnotherProgram();
    void stopWhilePolkitDecides();
    void refusedUserSeesTheRefusal();

private:
    ServiceTestBed m_bed;
    std::unique_ptr<HelperClient> m_client;
    QTemporaryDir m_files;
};

void tst_CaptureController::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
    QVERIFY(m_files.isValid());
}

void tst_CaptureController::init()
{
    QString error;
    QVERIFY2(m_bed.reset(&error), qPrintable(error));
    // A fresh client per test: the private bus, never QDBusConnection::systemBus().
    m_client = std::make_unique<HelperClient>(m_bed.bus().connection());
}

void tst_CaptureController::cleanup()
{
    m_client.reset();
}

void tst_CaptureController::cleanupTestCase()
{
    m_bed.stop();
}

void tst_CaptureController::captureStreamsTheTrafficAndWritesTheDumps()
{
    CaptureController controller(m_client.get());
    CaptureRecorder received(controller);
    QSignalSpy states(&controller, &CaptureController::stateChanged);
    QSignalSpy health(&controller, &CaptureController::healthChanged);
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));

    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    settings.dumpAllPath = m_files.filePath(QStringLiteral("all.pcap"));
    settings.dumpAcceptedPath = m_files.filePath(QStringLiteral("accepted.pcap"));
    { // An old file of that name is replaced, not appended to.
        QFile old(settings.dumpAllPath);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write("old content") > 0);
    }
    NFQMON_START_CAPTURE(controller, settings);
    QCOMPARE(states.first().first().value<CaptureState>(), CaptureState::Starting);

    const Peer &peer = m_bed.network().peer(0);
    const Flow flow{peer.ipv4, 6000, 5, 200, 61};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(receiver.receive(flow.count, 2s).size(), flow.count);
    QTRY_COMPARE_WITH_TIMEOUT(received.udpTo(6000).size(), flow.count, 5000);
    for (const PacketRecord &r : received.udpTo(6000)) {
        QCOMPARE(SummaryText::source(r.summary), peer.peerIpv4);
        QCOMPARE(SummaryText::destination(r.summary), peer.ipv4);
        QCOMPARE(QString::fromLatin1(r.inInterface), QStringLiteral("vethA"));
        QCOMPARE(r.packetLength, std::uint32_t(flow.size + 28));
        QCOMPARE(r.capturedLength, r.packetLength);
        QCOMPARE(r.verdict, Verdict::Accept);
    }
    QCOMPARE(received.lostTotal, 0u);
    // The status poll brings the helper's counters within about a second.
    QTRY_VERIFY_WITH_TIMEOUT(controller.health().received >= quint64(flow.count), 5000);
    QCOMPARE(controller.health().state, CaptureState::Running);
    QCOMPARE(controller.health().interfaces, QStringList{QStringLiteral("vethA")});
    QVERIFY(controller.health().failOpen);
    QCOMPARE(controller.health().attributionLost, 0); // programs attributed, no report lost
    QVERIFY(!health.isEmpty());

    controller.stop();
    QCOMPARE(controller.state(), CaptureState::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CaptureState::Idle, 10000);
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);

    for (const QString &path : {settings.dumpAllPath, settings.dumpAcceptedPath}) {
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0644) & ~mode_t(::umask(::umask(0))));
        DumpFile dump;
        QVERIFY2(dump.load(path, &error), qPrintable(error));
        QCOMPARE(dump.magic(), DumpFile::NanosecondMagic);
        QCOMPARE(dump.count(
                     [](const DumpedPacket &p) { return p.isUdp() && p.destinationPort == 6000; }),
                 flow.count);
    }
}

void tst_CaptureController::dumpThatCannotBeOpenedStartsNothing()
{
    CaptureController controller(m_client.get());
    QSignalSpy errors(&controller, &CaptureController::errorOccurred);
    QSignalSpy states(&controller, &CaptureController::stateChanged);
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    settings.dumpAcceptedPath = m_files.filePath(QStringLiteral("no/such/directory/x.pcap"));
    controller.start(settings);
    QCOMPARE(errors.size(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(settings.dumpAcceptedPath), qPrintable(message));
    QCOMPARE(controller.state(), CaptureState::Idle);
    QCOMPARE(states.size(), 0);

    // Two dumps into one file is refused the same way.
    settings.dumpAcceptedPath = settings.dumpAllPath = m_files.filePath(QStringLiteral("same"));
    controller.start(settings);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(controller.state(), CaptureState::Idle);
    QTest::qWait(300);
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

void tst_CaptureController::helperKilledMidCapture()
{
    CaptureController controller(m_client.get());
    QSignalSpy errors(&controller, &CaptureController::errorOccurred);
    QSignalSpy vanished(m_client.get(), &HelperClient::helperVanished);
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    NFQMON_START_CAPTURE(controller, settings);
    QTRY_VERIFY(m_client->isHelperAvailable());
    const qint64 pid = m_bed.bus().helperPid();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 5000);
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("helper stopped")),
             qPrintable(errors.first().first().toString()));
    QCOMPARE(vanished.size(), 1);
    QCOMPARE(controller.state(), CaptureState::Idle);
    QVERIFY(!m_client->isHelperAvailable());
    QTest::qWait(500); // nothing else follows (the stream's end is not a second error)
    QCOMPARE(errors.size(), 1);

    // The window offers to start again: that works, with a freshly activated helper.
    NFQMON_START_CAPTURE(controller, settings);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CaptureState::Idle, 10000);
}

void tst_CaptureController::stoppedByAnotherProgram()
{
    CaptureController controller(m_client.get());
    QSignalSpy errors(&controller, &CaptureController::errorOccurred);
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    NFQMON_START_CAPTURE(controller, settings);
    QString error;
    const auto other = m_bed.client(QStringLiteral("root"), &error);
    QVERIFY2(other, qPrintable(error));
    NFQMON_VERIFY_REPLY(other->call(QStringLiteral("StopCapture")));
    // The stream ends; the helper, still there, says the capture stopped.
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 5000);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("The capture ended: stopped by")),
             qPrintable(message));
    QCOMPARE(controller.state(), CaptureState::Idle);
    QVERIFY(m_client->isHelperAvailable());
}

void tst_CaptureController::stopWhilePolkitDecides()
{
    CaptureController controller(m_client.get());
    QSignalSpy errors(&controller, &CaptureController::errorOccurred);
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    controller.start(settings);
    controller.stop(); // before any answer can have arrived
    QCOMPARE(controller.state(), CaptureState::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CaptureState::Idle, 10000);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

void tst_CaptureController::refusedUserSeesTheRefusal()
{
    QString error;
    const auto child = m_bed.bus().startAs(QLatin1String(PrivateSystemBus::RefusedUser),
                                           QCoreApplication::applicationFilePath(),
                                           {QLatin1String(RefusedChild)}, &error);
    QVERIFY2(child, qPrintable(error));
    QVERIFY(child->waitForFinished(60000));
    const QString output = QString::fromUtf8(child->readAllStandardOutput());
    QVERIFY2(child->exitCode() == 0,
             qPrintable(output + QString::fromUtf8(child->readAllStandardError())));
    // Starting first (the window stays usable while polkit decides), then Idle and the refusal.
    QVERIFY2(output.startsWith(QStringLiteral("state Starting\nstate Idle\nerror Not allowed")),
             qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("org.nfqmon.capture")), qPrintable(output));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], RefusedChild) == 0)
        return runRefusedChild(argc, argv);
    QCoreApplication app(argc, argv);
    tst_CaptureController test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_capturecontroller.moc"
