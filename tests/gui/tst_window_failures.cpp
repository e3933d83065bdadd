// The main window when things fail: the helper killed (the window offers to start again), the
// window killed (the helper removes its chains), an unprivileged user refused, the system bus
// restarted under a capture (WindowTest.h describes the test bed).
//
// The refusal needs an unprivileged user: this same executable, started with --refused-child as
// nfqmon-refused (PrivateSystemBus::startAs: setpriv, no capabilities, the private bus as its
// system bus), opens the window, presses Start and prints what the window then shows (the
// message bar, the status bar, the buttons); the test reads that.
#include "app/client/HelperClient.h"
#include "tests/gui/WindowTest.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "ui/HealthWidget.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QPushButton>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

const char RefusedChild[] = "--refused-child";
const char CapturingChild[] = "--capturing-child";

QDBusConnection childBus()
{
    QApplication::setOrganizationName(QLatin1String(WindowTestOrganization));
    QStandardPaths::setTestModeEnabled(true);
    return QDBusConnection::systemBus();
}

// A child process of these tests: the window, as the user the child runs as, on the system bus
// it was given, with vethA chosen.
struct ChildWindow {
    QApplication app;
    Session session;
    MainWindow window;
    ChildWindow(int &argc, char *argv[]) : app(argc, argv), session(childBus()), window(&session)
    {
        window.show();
        chooseInterfaces(window, {QStringLiteral("vethA")});
    }
};

// What a person sees after pressing Start as nfqmon-refused, on stdout.
int runRefusedChild(int argc, char *argv[])
{
    ChildWindow child(argc, argv);
    QApplication &app = child.app;
    Session &session = child.session;
    MainWindow &window = child.window;
    const auto say = [](const QString &line) {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    };
    QObject::connect(session.controller(), &CaptureController::stateChanged,
                     [&](CaptureState state) {
                         if (state == CaptureState::Running)
                             app.exit(3); // must not happen
                     });
    QElapsedTimer waiting;
    waiting.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const QString message = messageBar(window)->text();
        if (session.controller()->state() != CaptureState::Idle || message.isEmpty()) {
            if (waiting.elapsed() > 60000)
                app.exit(4);
            return;
        }
        say(QStringLiteral("message ") + message);
        say(QStringLiteral("status ") + window.findChild<HealthWidget *>()->text());
        say(QStringLiteral("start enabled ") + (action(window, "startAction")->isEnabled()
                                                    ? QStringLiteral("yes")
                                                    : QStringLiteral("no")));
        say(QStringLiteral("rows %1").arg(session.model()->rowCount()));
        app.exit(0);
    });
    poll.start(50);
    action(window, "startAction")->trigger();
    say(QStringLiteral("after start: ") + window.findChild<HealthWidget *>()->text());
    return app.exec();
}

// The window as nfqmon-allowed, capturing on vethA until it is killed; "running" once it is.
int runCapturingChild(int argc, char *argv[])
{
    ChildWindow child(argc, argv);
    QObject::connect(child.session.controller(), &CaptureController::stateChanged,
                     [](CaptureState state) {
                         if (state == CaptureState::Running) {
                             std::printf("running\n");
                             std::fflush(stdout);
                         }
                     });
    action(child.window, "startAction")->trigger();
    return child.app.exec();
}

} // namespace

class tst_WindowFailures : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetBed(); }
    void cleanupTestCase() { stopBed(); }

    void helperKilledOffersToStartAgain();
    void killedWindowLeavesNoChains();
    void refusedUserSeesTheMessageAndNothingStarts();
    void systemBusRestartIsSurvived();
};

void tst_WindowFailures::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_WindowFailures::helperKilledOffersToStartAgain()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    QTRY_VERIFY(session.client()->isHelperAvailable());
    const qint64 pid = m_bed.bus().helperPid();
    QVERIFY(pid > 0);
    const auto chainLines = [] {
        return IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).size();
    };
    const qsizetype chains = chainLines();
    QVERIFY(chains > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    // Fail-open: once nobody is on the queue the kernel lets the traffic pass. (What sat in the
    // queue while the helper died is dropped with the queue.)
    QVERIFY(m_bed.bus().waitForNameGone(QLatin1String(PrivateSystemBus::HelperService), 5s));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);

    QTRY_VERIFY_WITH_TIMEOUT(!messageBar(window)->text().isEmpty(), 5000);
    QVERIFY2(messageBar(window)->text().contains(QStringLiteral("helper stopped")),
             qPrintable(messageBar(window)->text()));
    QCOMPARE(messageBar(window)->kind(), MessageBar::Kind::Error);
    QCOMPARE(session.controller()->state(), CaptureState::Idle);
    QCOMPARE(window.findChild<HealthWidget *>()->text().left(16),
             QStringLiteral("● Not capturing"));
    auto *again = messageBar(window)->findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(again);
    QCOMPARE(again->text(), QStringLiteral("Start again"));
    again->click(); // a new helper is activated
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Running, 15000);
    QVERIFY(messageBar(window)->text().isEmpty());
    // The new helper took over the dead one's chains: the same rules, not twice as many.
    QCOMPARE(chainLines(), chains);
    stop(session, window);
    QCOMPARE(chainLines(), 0);
}

// The window itself killed (SIGKILL: no chance to stop anything): the helper sees its client
// leave the bus and removes the chains within a second.
void tst_WindowFailures::killedWindowLeavesNoChains()
{
    QString error;
    const auto child = m_bed.bus().startAs(QLatin1String(PrivateSystemBus::AllowedUser),
                                           QCoreApplication::applicationFilePath(),
                                           {QLatin1String(CapturingChild)}, &error);
    QVERIFY2(child, qPrintable(error));
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += child->readAllStandardOutput()).contains("running"),
                              qPrintable(QString::fromUtf8(said + child->readAllStandardError())),
                              30000);
    const auto chains = [] {
        return IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).size();
    };
    QVERIFY(chains() > 0);
    QCOMPARE(::kill(pid_t(child->processId()), SIGKILL), 0);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(child->waitForFinished(5000));
    while (chains() > 0 && clock.elapsed() < 3000)
        QThread::msleep(20);
    QVERIFY2(chains() == 0 && clock.elapsed() < 1000,
             qPrintable(QStringLiteral("chains gone after %1 ms").arg(clock.elapsed())));
    QCOMPARE(m_bed.status().value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
}

void tst_WindowFailures::refusedUserSeesTheMessageAndNothingStarts()
{
    QString error;
    const auto child = m_bed.bus().startAs(QLatin1String(PrivateSystemBus::RefusedUser),
                                           QCoreApplication::applicationFilePath(),
                                           {QLatin1String(RefusedChild)}, &error);
    QVERIFY2(child, qPrintable(error));
    QVERIFY(child->waitForFinished(90000));
    const QString output = QString::fromUtf8(child->readAllStandardOutput());
    QVERIFY2(child->exitCode() == 0,
             qPrintable(output + QString::fromUtf8(child->readAllStandardError())));
    // While polkit decides, the window says so and goes on; then the refusal, in the window.
    QVERIFY2(output.contains(QStringLiteral("after start: ● Starting")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("message Not allowed")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("org.nfqmon.capture")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("status ● Not capturing")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("start enabled yes")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("rows 0")), qPrintable(output));
    QCOMPARE(m_bed.status().value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
}

// The system bus dies under a running capture and comes back at the same address (as with
// `systemctl restart dbus`): the window says so, connects again by itself and starts again.
void tst_WindowFailures::systemBusRestartIsSurvived()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const auto chainLines = [] {
        return IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).size();
    };
    QVERIFY(chainLines() > 0);

    QVERIFY(m_bed.bus().killDaemon());
    QTRY_VERIFY_WITH_TIMEOUT(messageBar(window)->text().contains(QStringLiteral("system bus "
                                                                                "stopped")),
                             3000);
    QVERIFY2(messageBar(window)->text().contains(QStringLiteral("capture")),
             qPrintable(messageBar(window)->text()));
    QCOMPARE(messageBar(window)->kind(), MessageBar::Kind::Error);
    QCOMPARE(session.controller()->state(), CaptureState::Idle);
    QVERIFY(!session.client()->isBusConnected());
    QVERIFY(!action(window, "startAction")->isEnabled()); // nothing to start it with
    // The helper removed its chains when it lost the bus: traffic passes.
    QTRY_COMPARE_WITH_TIMEOUT(chainLines(), 0, 5000);
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
    QTest::qWait(1000); // a few attempts to connect fail meanwhile
    QVERIFY(!session.client()->isBusConnected());
    // A window opened while the bus is down says so at once, and waits for it as well.
    Session lateSession(m_bed.bus().connection());
    MainWindow late(&lateSession);
    late.show();
    QVERIFY2(messageBar(late)->text().contains(QStringLiteral("not running")),
             qPrintable(messageBar(late)->text()));
    QVERIFY(!action(late, "startAction")->isEnabled());

    QString error;
    QVERIFY2(m_bed.bus().restartDaemon(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(session.client()->isBusConnected(), 8000);
    QTRY_VERIFY(messageBar(window)->text().contains(QStringLiteral("system bus again")));
    QCOMPARE(messageBar(window)->kind(), MessageBar::Kind::Information);
    QVERIFY(action(window, "startAction")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(lateSession.client()->isBusConnected(), 5000);
    QVERIFY(action(late, "startAction")->isEnabled());
    QVERIFY(messageBar(late)
                ->findChildren<QPushButton *>(QStringLiteral("messageButton"))
                .isEmpty()); // it had nothing running
    auto *again = messageBar(window)->findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(again);
    QCOMPARE(again->text(), QStringLiteral("Start again"));
    again->click(); // a new helper is activated on the new bus
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Running, 15000);
    QVERIFY2(messageBar(window)->text().isEmpty(), qPrintable(messageBar(window)->text()));
    QVERIFY(chainLines() > 0);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6007, 3, 64, 7}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(*session.model(), peer.ipv4, 6007).size(), 3, 5000);
    stop(session, window);
    QCOMPARE(chainLines(), 0);
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], RefusedChild) == 0)
        return runRefusedChild(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], CapturingChild) == 0)
        return runCapturingChild(argc, argv);
    QApplication app(argc, argv);
    tst_WindowFailures test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_failures.moc"
