// The main window against the real nfqmon-helper, activated on the private system bus with the
// real polkitd, in the test's network namespace (ServiceTestBed), on the offscreen platform.
//
// The window runs in this process as root on the private bus: polkit always allows root, so
// nothing is bypassed. The refusal needs an unprivileged user: this same executable, started
// with --refused-child as nfqmon-refused (PrivateSystemBus::startAs: setpriv, no capabilities,
// the private bus as its system bus), opens the window, presses Start and prints what the window
// then shows (the message bar, the status bar, the buttons); the test reads that.
#include "CaptureController.h"
#include "FilterBar.h"
#include "HeaderTree.h"
#include "HealthWidget.h"
#include "HelperClient.h"
#include "HexView.h"
#include "InterfaceListModel.h"
#include "InterfacePicker.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "PacketStore.h"
#include "PacketTableModel.h"
#include "PacketTableView.h"
#include "ServiceTestBed.h"
#include "TestEnvironment.h"
#include "TrafficReceiver.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

const char RefusedChild[] = "--refused-child";
const char OrganizationName[] = "nfqmon-gui-test";

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

void chooseInterfaces(const MainWindow &window, const QStringList &names)
{
    window.findChild<InterfacePicker *>()->model()->setChecked(names);
}

QString text(const PacketTableModel &model, int row, PacketTableModel::Column column)
{
    return model.index(row, column).data().toString();
}

// Rows of UDP packets to `port`, by their Destination and Info text.
QList<int> udpRowsTo(const PacketTableModel &model, const QString &destination, int port)
{
    QList<int> rows;
    const QString suffix = QStringLiteral(":%1 UDP").arg(port);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (text(model, row, PacketTableModel::Protocol) == QLatin1String("UDP") &&
            text(model, row, PacketTableModel::Destination) == destination &&
            text(model, row, PacketTableModel::Info).contains(suffix))
            rows.append(row);
    }
    return rows;
}

// What a person sees after pressing Start as nfqmon-refused, on stdout.
int runRefusedChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QLatin1String(OrganizationName));
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window(QDBusConnection::systemBus());
    window.show();
    chooseInterfaces(window, {QStringLiteral("vethA")});
    const auto say = [](const QString &line) {
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    };
    QObject::connect(window.captureController(), &CaptureController::stateChanged,
                     [&](CaptureState state) {
                         if (state == CaptureState::Running)
                             app.exit(3); // must not happen
                     });
    QElapsedTimer waiting;
    waiting.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const QString message = window.messageBar()->text();
        if (window.captureController()->state() != CaptureState::Idle || message.isEmpty()) {
            if (waiting.elapsed() > 60000)
                app.exit(4);
            return;
        }
        say(QStringLiteral("message ") + message);
        say(QStringLiteral("status ") + window.findChild<HealthWidget *>()->text());
        say(QStringLiteral("start enabled ") + (action(window, "startAction")->isEnabled()
                                                    ? QStringLiteral("yes")
                                                    : QStringLiteral("no")));
        say(QStringLiteral("rows %1").arg(window.tableModel()->rowCount()));
        app.exit(0);
    });
    poll.start(50);
    action(window, "startAction")->trigger();
    say(QStringLiteral("after start: ") + window.findChild<HealthWidget *>()->text());
    return app.exec();
}

} // namespace

class tst_Window : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void appearsAtOnce();
    void captureShowsTheTrafficInTheTable();
    void displayFilterShowsOnlyMatchingPackets();
    void helperKilledOffersToStartAgain();
    void refusedUserSeesTheMessageAndNothingStarts();
    void layoutIsRestoredAtTheNextLaunch();

private:
    // Starts a capture on vethA from the toolbar and waits until it runs.
    void start(MainWindow &window);
    void stop(MainWindow &window);

    ServiceTestBed m_bed;
};

void tst_Window::initTestCase()
{
    QApplication::setOrganizationName(QLatin1String(OrganizationName));
    QStandardPaths::setTestModeEnabled(true); // settings under ~/.qttest, not the user's
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_Window::init()
{
    QString error;
    QVERIFY2(m_bed.reset(&error), qPrintable(error));
    QSettings().clear();
}

void tst_Window::cleanupTestCase()
{
    QSettings().clear();
    m_bed.stop();
}

void tst_Window::start(MainWindow &window)
{
    chooseInterfaces(window, {QStringLiteral("vethA")});
    action(window, "startAction")->trigger();
    QTRY_VERIFY2_WITH_TIMEOUT(window.captureController()->state() == CaptureState::Running ||
                                  !window.messageBar()->text().isEmpty(),
                              "the capture neither ran nor failed", 15000);
    QVERIFY2(window.messageBar()->text().isEmpty(), qPrintable(window.messageBar()->text()));
}

void tst_Window::stop(MainWindow &window)
{
    action(window, "stopAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.captureController()->state(), CaptureState::Idle, 10000);
}

void tst_Window::appearsAtOnce()
{
    // No helper runs yet: the window must not wait for one (activation happens meanwhile).
    QVERIFY(m_bed.bus().stopHelper());
    QElapsedTimer timer;
    timer.start();
    MainWindow window(m_bed.bus().connection());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(action(window, "startAction")->isEnabled());
    QVERIFY(!action(window, "stopAction")->isEnabled());
    QCOMPARE(window.findChild<HealthWidget *>()->text(), QStringLiteral("● Not capturing"));
}

void tst_Window::captureShowsTheTrafficInTheTable()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    start(window);
    QVERIFY(!action(window, "startAction")->isEnabled());
    QVERIFY(action(window, "stopAction")->isEnabled());
    QTRY_VERIFY(
        window.findChild<HealthWidget *>()->text().startsWith(QStringLiteral("● Capturing vethA")));

    const Peer &peer = m_bed.network().peer(0);
    const Command::Result sent = m_bed.network().sendUdp(0, {peer.ipv4, 6000, 5, 200, 61});
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QCOMPARE(receiver.receive(5, 5s).size(), 5);

    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6000).size(), 5, 5000);
    for (int row : udpRowsTo(model, peer.ipv4, 6000)) {
        QCOMPARE(text(model, row, PacketTableModel::Source), peer.peerIpv4);
        QCOMPARE(text(model, row, PacketTableModel::Interface), QStringLiteral("vethA"));
        QCOMPARE(text(model, row, PacketTableModel::Direction), QStringLiteral("in"));
        QCOMPARE(text(model, row, PacketTableModel::Length), QStringLiteral("228"));
        QCOMPARE(text(model, row, PacketTableModel::Verdict), QStringLiteral("accepted"));
        QVERIFY(!text(model, row, PacketTableModel::Time).isEmpty());
    }
    QTRY_VERIFY(window.findChild<FilterBar *>()->statusText().endsWith(QStringLiteral("packets")));

    // Selecting a row shows its headers and bytes.
    const int row = udpRowsTo(model, peer.ipv4, 6000).constFirst();
    window.tableView()->selectRow(row);
    const QStringList layers = window.findChild<HeaderTree *>()->layerNames();
    QVERIFY2(layers.mid(0, 3) == QStringList({QStringLiteral("Packet"), QStringLiteral("IPv4"),
                                              QStringLiteral("UDP")}),
             qPrintable(layers.join(u',')));
    const QByteArray bytes = window.findChild<HexView *>()->bytes();
    QCOMPARE(bytes.size(), 228);
    QCOMPARE(bytes, window.store()->bytes(model.storeRow(row)));
    stop(window);
    QCOMPARE(model.rowCount() >= 5, true); // the packets stay after stopping
}

void tst_Window::displayFilterShowsOnlyMatchingPackets()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 3, 64, 1}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6002, 4, 64, 2}).succeeded());
    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6002).size(), 4, 5000);

    auto *filter = window.findChild<FilterBar *>();
    QTest::keyClicks(filter->lineEdit(), QStringLiteral("udp and dst port"));
    QVERIFY(!filter->statusText().contains(QStringLiteral("shown"))); // libpcap's complaint
    QTest::keyClicks(filter->lineEdit(), QStringLiteral(" 6002"));
    QTest::keyClick(filter->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(udpRowsTo(model, peer.ipv4, 6002).size(), 4);
    QTRY_VERIFY(filter->statusText().startsWith(QStringLiteral("4 of ")));
    // New packets are matched as they arrive.
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 2, 64, 3}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6002, 2, 64, 4}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 5000);
    filter->setExpression(QString());
    QTRY_VERIFY(model.rowCount() >= 11);
    stop(window);
}

void tst_Window::helperKilledOffersToStartAgain()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    QTRY_VERIFY(window.helperClient()->isHelperAvailable());
    const qint64 pid = m_bed.bus().helperPid();
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

    QTRY_VERIFY_WITH_TIMEOUT(!window.messageBar()->text().isEmpty(), 5000);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("helper stopped")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(window.captureController()->state(), CaptureState::Idle);
    QCOMPARE(window.findChild<HealthWidget *>()->text().left(16),
             QStringLiteral("● Not capturing"));
    auto *again = window.messageBar()->findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(again);
    QCOMPARE(again->text(), QStringLiteral("Start again"));
    again->click(); // a new helper is activated
    QTRY_COMPARE_WITH_TIMEOUT(window.captureController()->state(), CaptureState::Running, 15000);
    QVERIFY(window.messageBar()->text().isEmpty());
    stop(window);
}

void tst_Window::refusedUserSeesTheMessageAndNothingStarts()
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

void tst_Window::layoutIsRestoredAtTheNextLaunch()
{
    {
        MainWindow window(m_bed.bus().connection());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *rules = window.findChild<QDockWidget *>(QStringLiteral("rulesDock"));
        auto *charts = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        QVERIFY(rules && charts);
        rules->hide();
        window.addDockWidget(Qt::BottomDockWidgetArea, charts);
        window.tableView()->setColumnWidth(PacketTableModel::Info, 123);
        window.close();
    }
    MainWindow window(m_bed.bus().connection());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *rules = window.findChild<QDockWidget *>(QStringLiteral("rulesDock"));
    auto *charts = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
    QVERIFY(rules->isHidden());
    QCOMPARE(window.dockWidgetArea(charts), Qt::BottomDockWidgetArea);
    QCOMPARE(window.tableView()->columnWidth(PacketTableModel::Info), 123);
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], RefusedChild) == 0)
        return runRefusedChild(argc, argv);
    QApplication app(argc, argv);
    tst_Window test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window.moc"
