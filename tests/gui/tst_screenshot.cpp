// Screenshots of the window with live traffic, for a person to look at and for the README's
// walkthrough: the real helper on the private bus (ServiceTestBed, two peers), a capture on both
// links, UDP, TCP and ping in both directions and families for about fifteen seconds, a drop
// rule added part-way through, then one packet selected (window.png); the right-click menu on a
// packet with its "Drop packets like this" choices and the preview of what one would match
// (drop-menu.png); the capture settings with automatic rules off, showing what the helper finds
// of the user's chains (capture-settings.png). Writes them to $NFQMON_SCREENSHOT_DIR, or beside
// this executable. tests/gui/screenshot.sh runs it under Xvfb (a real X server); ctest runs it
// on the offscreen platform.
#include "app/client/CaptureController.h"
#include "app/client/HelperClient.h"
#include "app/client/InterfaceListModel.h"
#include "app/client/RuleInfo.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"
#include "ui/CaptureSettingsDialog.h"
#include "ui/HeaderTree.h"
#include "ui/InterfacePicker.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/PacketMenu.h"
#include "ui/PacketTableView.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_Screenshot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void windowWithLiveTraffic();

private:
    // Runs `argv` in `where` (a peer or TestNetwork::Local) in the background.
    void traffic(int where, const QStringList &argv);
    QStringList sendUdp(const QString &address, int port, int count, int size, int intervalMs);
    static QString shotPath(const char *name);
    // What the screen shows inside `area` (global coordinates): popups included.
    static bool saveScreen(const QRect &area, const QString &path);
    void rightClickMenu(Session &session, MainWindow &window);
    void captureSettings(Session &session, MainWindow &window);

    ServiceTestBed m_bed;
    std::vector<std::unique_ptr<QProcess>> m_traffic;
};

void tst_Screenshot::initTestCase()
{
    QApplication::setOrganizationName(QStringLiteral("nfqmon-gui-test"));
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    NFQMON_START_SERVICE_TEST_BED(m_bed, 2);
    QSettings().clear();
}

void tst_Screenshot::cleanupTestCase()
{
    for (auto &process : m_traffic) {
        process->kill();
        process->waitForFinished(2000);
    }
    m_traffic.clear();
    QSettings().clear();
    m_bed.stop();
}

void tst_Screenshot::traffic(int where, const QStringList &argv)
{
    const QStringList command = m_bed.network().commandIn(where, argv);
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start(command.first(), command.mid(1));
    QVERIFY2(process->waitForStarted(), qPrintable(command.join(u' ')));
    m_traffic.push_back(std::move(process));
}

QStringList tst_Screenshot::sendUdp(const QString &address, int port, int count, int size,
                                    int intervalMs)
{
    return {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")),
            QStringLiteral("udp"),
            address,
            QString::number(port),
            QStringLiteral("--count"),
            QString::number(count),
            QStringLiteral("--size"),
            QString::number(size),
            QStringLiteral("--interval-ms"),
            QString::number(intervalMs)};
}

void tst_Screenshot::windowWithLiveTraffic()
{
    const Peer &a = m_bed.network().peer(0);
    const Peer &b = m_bed.network().peer(1);
    TrafficReceiver web(TrafficReceiver::Protocol::Tcp, 4, 8080);
    TrafficReceiver dns(TrafficReceiver::Protocol::Udp, 4, 53);
    TrafficReceiver media(TrafficReceiver::Protocol::Udp, 6, 6000);
    QString error;
    QVERIFY2(web.open(&error) && dns.open(&error) && media.open(&error), qPrintable(error));

    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<InterfacePicker *>()->model()->setChecked({a.interface, b.interface});
    window.findChild<QAction *>(QStringLiteral("startAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Running, 15000);

    // Fifteen seconds of mixed traffic, in the background so the window runs meanwhile.
    traffic(0, sendUdp(a.ipv4, 53, 300, 60, 50));
    traffic(1, sendUdp(b.ipv6, 6000, 150, 900, 100));
    traffic(0, {QStringLiteral("ping"), QStringLiteral("-n"), QStringLiteral("-q"),
                QStringLiteral("-c"), QStringLiteral("30"), QStringLiteral("-i"),
                QStringLiteral("0.5"), a.ipv4});
    traffic(TestNetwork::Local, {QStringLiteral("ping"), QStringLiteral("-n"), QStringLiteral("-q"),
                                 QStringLiteral("-c"), QStringLiteral("20"), QStringLiteral("-i"),
                                 QStringLiteral("0.7"), b.peerIpv6});
    for (int i = 0; i < 6; ++i) {
        traffic(1,
                {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("tcp"),
                 b.ipv4, QStringLiteral("8080"), QStringLiteral("--count"), QStringLiteral("3"),
                 QStringLiteral("--size"), QString::number(2000 + 700 * i)});
        QTest::qWait(1000);
        web.receive(0, 1ms); // keep the connections flowing
        dns.receive(0, 1ms);
        media.receive(0, 1ms);
    }

    // Part-way: drop the IPv6 media stream, as a person would with a rule.
    RuleInfo rule;
    rule.expression = QStringLiteral("udp and dst port 6000");
    bool added = false;
    session.client()->addRule(rule.toFields(), [&](uint, const HelperError &addError) {
        QVERIFY2(!addError.isError(), qPrintable(addError.sentence()));
        added = true;
    });
    QTRY_VERIFY(added);
    for (int i = 0; i < 8; ++i) {
        QTest::qWait(1000);
        web.receive(0, 1ms);
        dns.receive(0, 1ms);
        media.receive(0, 1ms);
    }

    PacketTableModel &model = *session.model();
    QVERIFY2(model.rowCount() > 100, qPrintable(QString::number(model.rowCount())));
    // Select a dropped packet near the end, so the details show a rule's verdict.
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        if (model.index(row, PacketTableModel::Verdict)
                .data()
                .toString()
                .startsWith(QStringLiteral("dropped"))) {
            window.findChild<PacketTableView *>()->selectRow(row);
            auto *tree = window.findChild<HeaderTree *>();
            tree->setCurrentItem(tree->topLevelItem(2)); // its UDP header, bytes highlighted
            break;
        }
    }
    window.findChild<PacketTableView *>()->setFollowing(true);
    QTest::qWait(1500); // charts refresh once a second

    const QString path = shotPath("window.png");
    QVERIFY2(window.grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    rightClickMenu(session, window);
    window.findChild<QAction *>(QStringLiteral("stopAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
    captureSettings(session, window);
}

QString tst_Screenshot::shotPath(const char *name)
{
    const QString directory = qEnvironmentVariableIsSet("NFQMON_SCREENSHOT_DIR")
                                  ? qEnvironmentVariable("NFQMON_SCREENSHOT_DIR")
                                  : QCoreApplication::applicationDirPath();
    QDir().mkpath(directory);
    return QDir(directory).filePath(QLatin1String(name));
}

bool tst_Screenshot::saveScreen(const QRect &area, const QString &path)
{
    QScreen *screen = QGuiApplication::primaryScreen();
    const QRect inside = area.intersected(screen->geometry());
    const QPixmap shot =
        screen->grabWindow(0, inside.x(), inside.y(), inside.width(), inside.height());
    return !shot.isNull() && shot.save(path);
}

void tst_Screenshot::rightClickMenu(Session &session, MainWindow &window)
{
    // A person right-clicks a UDP packet to port 53 and points at "To port 53/udp".
    PacketTableModel &model = *session.model();
    int row = -1;
    for (int r = model.rowCount() - 1; r >= 0 && row < 0; --r) {
        if (model.index(r, PacketTableModel::Info)
                .data()
                .toString()
                .contains(QStringLiteral(":53 UDP")))
            row = r;
    }
    QVERIFY(row >= 0);
    PacketTableView *table = window.findChild<PacketTableView *>();
    table->setFollowing(false);
    table->scrollTo(model.index(row, 0), QAbstractItemView::PositionAtCenter);
    table->selectRow(row);
    const QPoint where = table->visualRect(model.index(row, PacketTableModel::Source)).center();
    PacketMenu *menu = window.showPacketMenu(where);
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QAction *dropEntry = menu->dropMenu()->menuAction();
    menu->setActiveAction(dropEntry);
    QMenu *drop = menu->dropMenu();
    drop->popup(menu->mapToGlobal(menu->actionGeometry(dropEntry).topRight()));
    QTRY_VERIFY(drop->isVisible());
    QAction *toPort = nullptr;
    for (QAction *action : drop->actions()) {
        if (action->text().startsWith(QStringLiteral("To port 53")))
            toPort = action;
    }
    QVERIFY(toPort);
    drop->setActiveAction(toPort);
    toPort->hover(); // the preview: the rows this rule would match are highlighted
    QTRY_VERIFY(model.hasPreview());
    QTest::qWait(300);
    const QRect area = QRect(window.mapToGlobal(QPoint(0, 0)), window.size());
    const QString path = shotPath("drop-menu.png");
    QVERIFY2(saveScreen(area, path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    drop->close();
    menu->close();
    window.setFocus();
}

void tst_Screenshot::captureSettings(Session &session, MainWindow &window)
{
    // The user's own chains: automatic rules off, the helper reports what it finds (nothing yet,
    // so the dialog shows the commands that create them).
    CaptureSettingsDialog dialog(session.client(), &window);
    CaptureSettings settings = CaptureSettings::load();
    settings.automaticRules = false;
    dialog.setSettings(settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.chainText().contains(QStringLiteral("iptables -t raw -N")),
                             10000);
    QTest::qWait(300);
    const QString path = shotPath("capture-settings.png");
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    dialog.reject();
}

QTEST_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
