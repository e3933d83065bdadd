// The window on a real desktop: an X server of the test's own with a real system tray (trayer,
// an XEmbed tray) and a real notification server (dunst on a private session bus), the real
// helper on the private system bus (ServiceTestBed). The tray icon shows the capture state;
// closing the window while capturing hides it to the tray and the capture goes on; Quit from the
// tray ends it; with the tray turned off, closing stops the capture; a new rule that starts
// dropping packets brings one desktop notification (none when turned off), and a click on it
// brings the window back.
//
// main() starts the display, the tray and dunst before QApplication, so that Qt's xcb platform
// connects to them (the test's network namespace is entered later; the X and bus sockets are
// files, which any namespace reaches).
#include "app/client/CaptureController.h"
#include "app/client/DropRuleWatcher.h"
#include "app/client/HelperClient.h"
#include "app/client/InterfaceListModel.h"
#include "app/client/RuleListModel.h"
#include "app/desktop/DesktopSettings.h"
#include "app/session/Session.h"
#include "tests/support/bus/NotificationServer.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/DesktopFileTree.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"
#include "ui/InterfacePicker.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/TrayIcon.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

// Set up by main() before the application exists.
NotificationServer *g_server = nullptr;
QProcess *g_tray = nullptr;
QString g_desktopError;

} // namespace

class tst_DesktopIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void trayShowsTheCaptureState();
    void closingWhileCapturingHidesToTheTray();
    void withoutTrayClosingStopsTheCapture();
    void newRuleDroppingNotifiesOnce();
    void notificationsTurnedOffStayQuiet();
    void notificationSaysWhomTheRuleIsFor();
    void notificationNamesTheRulesProgramByItsDesktopEntry();

private:
    void start(Session &session, MainWindow &window);
    // What the helper says of its capture (GetStatus as root, without the window).
    QString helperState();
    // Rule `expression` added through the session's client; its id.
    uint addDropRule(Session &session, const QString &expression,
                     std::optional<quint32> user = std::nullopt, const QString &program = {});

    ServiceTestBed m_bed;
};

void tst_DesktopIntegration::initTestCase()
{
    QVERIFY2(g_desktopError.isEmpty(), qPrintable(g_desktopError));
    QApplication::setOrganizationName(QStringLiteral("nfqmon-gui-test"));
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    // trayer owns the tray selection once it has mapped its window.
    QTRY_VERIFY_WITH_TIMEOUT(TrayIcon::isSystemTrayAvailable(), 10000);
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_DesktopIntegration::init()
{
    QString error;
    QVERIFY2(m_bed.reset(&error), qPrintable(error));
    QSettings().clear();
    QVERIFY2(g_server->forgetReceived(&error), qPrintable(error)); // an earlier test's
}

void tst_DesktopIntegration::cleanupTestCase()
{
    QSettings().clear();
    m_bed.stop();
}

void tst_DesktopIntegration::start(Session &session, MainWindow &window)
{
    window.findChild<InterfacePicker *>()->model()->setChecked({QStringLiteral("vethA")});
    action(window, "startAction")->trigger();
    const MessageBar *bar = window.findChild<MessageBar *>();
    QTRY_VERIFY2_WITH_TIMEOUT(session.controller()->state() == CaptureState::Running ||
                                  !bar->text().isEmpty(),
                              "the capture neither ran nor failed", 15000);
    QVERIFY2(bar->text().isEmpty(), qPrintable(bar->text()));
}

QString tst_DesktopIntegration::helperState()
{
    return m_bed.status().value(QStringLiteral("state")).toString();
}

uint tst_DesktopIntegration::addDropRule(Session &session, const QString &expression,
                                         std::optional<quint32> user, const QString &program)
{
    RuleInfo rule;
    rule.expression = expression;
    rule.user = user;
    rule.program = program;
    uint added = 0;
    QString error;
    session.client()->addRule(rule.toFields(), [&](uint id, const HelperError &e) {
        added = id;
        error = e.isError() ? e.sentence() : QString();
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(added != 0 || !error.isEmpty(), 10000); }();
    return error.isEmpty() ? added : 0;
}

void tst_DesktopIntegration::trayShowsTheCaptureState()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrayIcon *tray = window.findChild<TrayIcon *>();
    QVERIFY(action(window, "trayAction")->isChecked()); // on by default
    QTRY_VERIFY(tray->isShown());
    QCOMPARE(tray->iconName(), QStringLiteral(":/icons/tray-idle.svg"));
    QCOMPARE(tray->toolTip(), QStringLiteral("NFQueue Monitor\nNot capturing"));

    start(session, window);
    QTRY_COMPARE(tray->iconName(), QStringLiteral(":/icons/tray-capturing.svg"));
    QTRY_VERIFY2(tray->toolTip().startsWith(QStringLiteral("NFQueue Monitor\nCapturing vethA\n")),
                 qPrintable(tray->toolTip()));
    QVERIFY2(tray->toolTip().contains(QStringLiteral(" pkt/s · dropped by rules 0")),
             qPrintable(tray->toolTip()));
    // The busiest applications of the capture, as the table names them, within a second or so.
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(
        m_bed.network().sendUdp(TestNetwork::Local, {peer.peerIpv4, 6005, 3, 64, 21}).succeeded());
    QTRY_VERIFY2_WITH_TIMEOUT(tray->toolTip().contains(QRegularExpression(
                                  QStringLiteral("\nBusiest: .*nfqmon-test-send \\(\\d+\\)"))),
                              qPrintable(tray->toolTip()), 5000);
    // The tray's menu starts and stops like the toolbar.
    QStringList items;
    for (QAction *item : tray->menu()->actions()) {
        if (!item->isSeparator())
            items.append(item->text());
    }
    QCOMPARE(items, (QStringList{QStringLiteral("&Hide window"), QStringLiteral("&Start"),
                                 QStringLiteral("S&top"), QStringLiteral("&Quit")}));
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
    QTRY_COMPARE(tray->iconName(), QStringLiteral(":/icons/tray-idle.svg"));
}

void tst_DesktopIntegration::closingWhileCapturingHidesToTheTray()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.findChild<TrayIcon *>()->isShown());
    start(session, window);

    QVERIFY(window.close() == false); // ignored: hidden to the tray instead
    QVERIFY(!window.isVisible());
    QTest::qWait(1500); // longer than the helper takes to notice a client that left
    QCOMPARE(session.controller()->state(), CaptureState::Running);
    QCOMPARE(helperState(), QStringLiteral("running"));

    // Back from the tray's menu.
    QAction *show = window.findChild<TrayIcon *>()->showWindowAction();
    emit window.findChild<TrayIcon *>()->menu()->aboutToShow();
    QCOMPARE(show->text(), QStringLiteral("&Show window"));
    show->trigger();
    QTRY_VERIFY(window.isVisible());

    // Quit (here from the tray's menu) really ends: the window closes, the capture stops.
    window.close(); // hidden again
    QVERIFY(!window.isVisible());
    action(window, "quitAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(helperState(), QStringLiteral("idle"), 10000);
}

void tst_DesktopIntegration::withoutTrayClosingStopsTheCapture()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    action(window, "trayAction")->trigger(); // off
    QVERIFY(!window.findChild<TrayIcon *>()->isShown());
    QVERIFY(!DesktopSettings::load().trayIcon); // remembered
    start(session, window);
    QVERIFY(window.close());
    QTRY_COMPARE_WITH_TIMEOUT(helperState(), QStringLiteral("idle"), 10000);

    // The next window remembers: no tray icon.
    Session nextSession(m_bed.bus().connection());
    MainWindow next(&nextSession);
    QVERIFY(!action(next, "trayAction")->isChecked());
    QVERIFY(!next.findChild<TrayIcon *>()->isShown());
}

void tst_DesktopIntegration::newRuleDroppingNotifiesOnce()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    start(session, window);
    const uint id = addDropRule(session, QStringLiteral("udp and dst port 6000 and len > 100"));
    QVERIFY(id != 0);
    QSignalSpy started(window.findChild<DropRuleWatcher *>(),
                       &DropRuleWatcher::ruleStartedDropping);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 3, 200, 11}).succeeded());
    QCOMPARE(receiver.receive(0, 1s).size(), 0); // the kernel dropped them
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);

    QList<NotificationServer::Notification> shown;
    QTRY_VERIFY_WITH_TIMEOUT(!(shown = g_server->notifications(&error)).isEmpty(), 5000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown[0].summary, QStringLiteral("Rule %1 is dropping packets").arg(id));
    QVERIFY2(shown[0].shown.startsWith(
                 QStringLiteral("“udp and dst port 6000 and len > 100” has dropped ")),
             qPrintable(shown[0].shown));
    QCOMPARE(shown[0].appName, QCoreApplication::applicationName());

    // More drops of the same rule: no second notification.
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 3, 200, 12}).succeeded());
    QTRY_VERIFY_WITH_TIMEOUT(session.rules()->rowCount() == 1 && session.rules()->rule(0).hits >= 6,
                             5000);
    QTest::qWait(1200); // a poll of the rules after the last hits
    QVERIFY(g_server->notifications(&error).size() == 1);
    QCOMPARE(started.size(), 1);

    // A click on a notification brings a hidden window back.
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 1, 200, 13}).succeeded());
    const uint second = addDropRule(session, QStringLiteral("udp and dst port 6001"));
    QVERIFY(second != 0);
    window.close(); // to the tray: the capture runs on
    QVERIFY(!window.isVisible());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 2, 200, 14}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(g_server->clickNewest(&error) && window.isVisible(), 5000);
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
}

void tst_DesktopIntegration::notificationsTurnedOffStayQuiet()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    action(window, "notifyAction")->trigger(); // off
    QVERIFY(!DesktopSettings::load().notifyNewDrops);
    start(session, window);
    QVERIFY(addDropRule(session, QStringLiteral("udp and dst port 6000")) != 0);
    QSignalSpy started(window.findChild<DropRuleWatcher *>(),
                       &DropRuleWatcher::ruleStartedDropping);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 2, 100, 15}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000); // it did start dropping...
    QTest::qWait(500);
    QString error;
    QCOMPARE(g_server->notifications(&error).size(), 0); // ...and nobody was told
    QVERIFY2(error.isEmpty(), qPrintable(error));
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
}

// A rule limited to a user (or a program, or a unit): the notification says so.
void tst_DesktopIntegration::notificationSaysWhomTheRuleIsFor()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    start(session, window);
    QVERIFY(addDropRule(session, QStringLiteral("udp and dst port 6002"), 0) != 0);
    QSignalSpy started(window.findChild<DropRuleWatcher *>(),
                       &DropRuleWatcher::ruleStartedDropping);
    const Peer &peer = m_bed.network().peer(0);
    // Sent here, by root's program: the rule's user.
    QVERIFY(
        m_bed.network().sendUdp(TestNetwork::Local, {peer.peerIpv4, 6002, 2, 100, 17}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
    QString error;
    QList<NotificationServer::Notification> shown;
    QTRY_VERIFY_WITH_TIMEOUT(!(shown = g_server->notifications(&error)).isEmpty(), 5000);
    QVERIFY2(shown.constLast().shown.contains(QStringLiteral("Applies to user 0.")),
             qPrintable(shown.constLast().shown));
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
}

// A rule limited to a program that has a desktop entry: the notification names the entry.
void tst_DesktopIntegration::notificationNamesTheRulesProgramByItsDesktopEntry()
{
    DesktopFileTree desktop;
    QVERIFY(desktop.isValid());
    desktop.useAsSearchPath();
    const QString sender =
        QFileInfo(TestNetwork::toolPath(QStringLiteral("nfqmon-test-send"))).canonicalFilePath();
    desktop.writeEntry(desktop.systemApplications(), QStringLiteral("test-sender.desktop"),
                       QStringLiteral("[Desktop Entry]\nType=Application\nName=Test Sender\n"
                                      "Exec=%1 %U\n")
                           .arg(sender)
                           .toUtf8());
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    start(session, window);
    const uint id =
        addDropRule(session, QStringLiteral("udp and dst port 6006"), std::nullopt, sender);
    QVERIFY(id != 0);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(
        m_bed.network().sendUdp(TestNetwork::Local, {peer.peerIpv4, 6006, 2, 100, 23}).succeeded());
    QString error;
    QList<NotificationServer::Notification> shown;
    QTRY_VERIFY_WITH_TIMEOUT(!(shown = g_server->notifications(&error)).isEmpty(), 5000);
    QCOMPARE(shown.constLast().summary,
             QStringLiteral("Rule %1 is dropping packets of Test Sender").arg(id));
    QVERIFY2(shown.constLast().shown.contains(QStringLiteral("Applies to program ") + sender),
             qPrintable(shown.constLast().shown));
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
}

int main(int argc, char *argv[])
{
    NotificationServer server;
    QProcess tray;
    if (!server.start(NotificationServer::Markup::Full, &g_desktopError)) {
        g_desktopError = QStringLiteral("no desktop for the test: ") + g_desktopError;
    } else {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), server.displayName());
        tray.setProcessEnvironment(environment);
        tray.setProcessChannelMode(QProcess::ForwardedChannels);
        tray.start(QStringLiteral("trayer"),
                   {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                    QStringLiteral("right"), QStringLiteral("--widthtype"),
                    QStringLiteral("request"), QStringLiteral("--height"), QStringLiteral("24")});
        if (!tray.waitForStarted())
            g_desktopError = QStringLiteral("trayer did not start: %1 (Debian package trayer)")
                                 .arg(tray.errorString());
        qputenv("DISPLAY", server.displayName().toUtf8());
    }
    qputenv("QT_QPA_PLATFORM", "xcb"); // the offscreen platform has no system tray
    g_server = &server;
    g_tray = &tray;
    int status = 0;
    {
        QApplication app(argc, argv);
        tst_DesktopIntegration test;
        status = QTest::qExec(&test, argc, argv);
    }
    tray.terminate();
    tray.waitForFinished(3000);
    return status;
}

#include "tst_desktopintegration.moc"
