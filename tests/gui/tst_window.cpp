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
#include "IptablesSnapshot.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "PacketBuilder.h"
#include "PacketExport.h"
#include "PacketMenu.h"
#include "PacketStore.h"
#include "PacketTableModel.h"
#include "PacketTableView.h"
#include "PcapReader.h"
#include "PcapWriter.h"
#include "RuleDialog.h"
#include "RuleListModel.h"
#include "ServiceTestBed.h"
#include "TestEnvironment.h"
#include "TrafficReceiver.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

const char RefusedChild[] = "--refused-child";
const char CapturingChild[] = "--capturing-child";
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

QDBusConnection childBus()
{
    QApplication::setOrganizationName(QLatin1String(OrganizationName));
    QStandardPaths::setTestModeEnabled(true);
    return QDBusConnection::systemBus();
}

// A child process of these tests: the window, as the user the child runs as, on the system bus
// it was given, with vethA chosen.
struct ChildWindow {
    QApplication app;
    MainWindow window;
    ChildWindow(int &argc, char *argv[]) : app(argc, argv), window(childBus())
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
    MainWindow &window = child.window;
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

// The window as nfqmon-allowed, capturing on vethA until it is killed; "running" once it is.
int runCapturingChild(int argc, char *argv[])
{
    ChildWindow child(argc, argv);
    MainWindow &window = child.window;
    QObject::connect(window.captureController(), &CaptureController::stateChanged,
                     [](CaptureState state) {
                         if (state == CaptureState::Running) {
                             std::printf("running\n");
                             std::fflush(stdout);
                         }
                     });
    action(window, "startAction")->trigger();
    return child.app.exec();
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
    void rightClickDropsTheNextPacketsToThatPort();
    void customRuleFromTheMenuIsValidatedAndPreviewed();
    void exportOfDisplayedPacketsReadsBackTheSame();
    void pcapFileOpensOfflineWithoutTheHelper();
    void helperKilledOffersToStartAgain();
    void killedWindowLeavesNoChains();
    void refusedUserSeesTheMessageAndNothingStarts();
    void layoutIsRestoredAtTheNextLaunch();
    void systemBusRestartIsSurvived();

private:
    // Starts a capture on vethA from the toolbar and waits until it runs.
    void start(MainWindow &window);
    void stop(MainWindow &window);

    ServiceTestBed m_bed;
    QTemporaryDir m_files;
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

// Right-click on a packet to port 6000: "Drop packets like this" → "To port 6000/udp", previewed
// on hover, applied on click; the next datagrams to that port never reach the receiving socket
// and show as dropped by that rule.
void tst_Window::rightClickDropsTheNextPacketsToThatPort()
{
    MainWindow window(m_bed.bus().connection());
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver other(TrafficReceiver::Protocol::Udp, 4, 6001);
    QString error;
    QVERIFY2(receiver.open(&error) && other.open(&error), qPrintable(error));
    start(window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 3, 100, 7}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 2, 100, 8}).succeeded());
    QCOMPARE(receiver.receive(3, 5s).size(), 3);
    QCOMPARE(other.receive(2, 5s).size(), 2);
    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6001).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6000).size(), 3, 5000);

    // The right click, as a person makes it: on the row, in the table.
    PacketTableView *table = window.tableView();
    const int row = udpRowsTo(model, peer.ipv4, 6000).constFirst();
    table->scrollTo(model.index(row, 0));
    const QPoint where = table->visualRect(model.index(row, PacketTableModel::Source)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
    QContextMenuEvent event(QContextMenuEvent::Mouse, where, table->viewport()->mapToGlobal(where));
    QApplication::sendEvent(table->viewport(), &event);
    QTRY_VERIFY(window.findChild<PacketMenu *>());
    auto *menu = window.findChild<PacketMenu *>();
    QAction *toPort = nullptr;
    QStringList offered;
    for (QAction *action : menu->dropMenu()->actions()) {
        offered.append(action->text());
        if (action->text() == QStringLiteral("To port 6000/udp"))
            toPort = action;
    }
    QVERIFY2(toPort, qPrintable(offered.join(QStringLiteral(" | "))));
    QVERIFY2(offered.contains(QStringLiteral("From %1").arg(peer.peerIpv4)),
             qPrintable(offered.join(QStringLiteral(" | "))));

    // Hovering previews: the packets to 6000 are highlighted, the others are not.
    toPort->hover();
    QVERIFY(model.hasPreview());
    for (int r : udpRowsTo(model, peer.ipv4, 6000))
        QVERIFY(model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());
    for (int r : udpRowsTo(model, peer.ipv4, 6001))
        QVERIFY(!model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());

    toPort->trigger();
    menu->close();
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<RuleListModel *>()->rowCount(), 1, 5000);
    QVERIFY(!model.hasPreview());
    QTRY_VERIFY(window.messageBar()->text().contains(QStringLiteral("drops packets matching")));
    const RuleInfo rule = window.findChild<RuleListModel *>()->rule(0);
    QCOMPARE(rule.action, RuleAction::Drop);

    // The kernel drops the next ones: the socket gets nothing; the table shows them dropped.
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 4, 100, 9}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 1, 100, 10}).succeeded());
    QCOMPARE(other.receive(1, 5s).size(), 1);
    QCOMPARE(receiver.receive(0, 1s).size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6000).size(), 7, 5000);
    const QList<int> rows = udpRowsTo(model, peer.ipv4, 6000);
    const QString dropped = QStringLiteral("dropped by rule %1").arg(rule.id);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(text(model, rows[i], PacketTableModel::Verdict),
                 i < 3 ? QStringLiteral("accepted") : dropped);
    }
    const QList<int> others = udpRowsTo(model, peer.ipv4, 6001);
    QCOMPARE(text(model, others.constLast(), PacketTableModel::Verdict),
             QStringLiteral("accepted"));
    // The rules dock counts the hits, live.
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<RuleListModel *>()->rule(0).hits, quint64(4), 5000);
    stop(window);
}

// "Custom…" opens the rule dialog with the expression prefilled; it previews as the user edits
// and refuses what libpcap does not compile.
void tst_Window::customRuleFromTheMenuIsValidatedAndPreviewed()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6003, 2, 80, 1}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6004, 2, 80, 2}).succeeded());
    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6004).size(), 2, 5000);
    window.tableView()->selectRow(udpRowsTo(model, peer.ipv4, 6003).constFirst());
    PacketMenu *menu = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(menu);

    // The dialog is modal: look at it from a timer while it runs.
    bool prefilled = false, refused = false, accepted = false, previewed = true;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<RuleDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        prefilled = !dialog->expressionEdit()->text().isEmpty();
        dialog->expressionEdit()->setText(QStringLiteral("udp and dst port"));
        refused = !dialog->isExpressionValid();
        dialog->expressionEdit()->setText(QStringLiteral("udp and dst port 6004"));
        accepted = dialog->isExpressionValid();
        const auto highlighted = [&](int port) {
            QList<bool> rows;
            for (int r : udpRowsTo(model, peer.ipv4, port))
                rows.append(model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());
            return rows;
        };
        previewed =
            previewed && !highlighted(6004).contains(false) && !highlighted(6003).contains(true);
        // These came in on vethA: "outgoing" or another interface would not catch them, and
        // the preview says so as the helper would.
        auto *direction = dialog->findChild<QComboBox *>(QStringLiteral("ruleDirection"));
        auto *interface = dialog->findChild<QComboBox *>(QStringLiteral("ruleInterface"));
        direction->setCurrentIndex(direction->findData(QStringLiteral("out")));
        previewed = previewed && !highlighted(6004).contains(true);
        direction->setCurrentIndex(direction->findData(QStringLiteral("in")));
        previewed = previewed && !highlighted(6004).contains(false);
        interface->setEditText(QStringLiteral("vethB"));
        previewed = previewed && !highlighted(6004).contains(true);
        interface->setEditText(QStringLiteral("vethA"));
        previewed =
            previewed && !highlighted(6004).contains(false) && !highlighted(6003).contains(true);
        dialog->accept();
    });
    poll.start(20);
    menu->findChild<QAction *>(QStringLiteral("customDropAction"))->trigger();
    menu->close();
    QTRY_VERIFY(!poll.isActive());
    QVERIFY(prefilled);
    QVERIFY(refused);
    QVERIFY(accepted);
    QVERIFY(previewed);
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<RuleListModel *>()->rowCount(), 1, 5000);
    const RuleInfo added = window.findChild<RuleListModel *>()->rule(0);
    QCOMPARE(added.expression, QStringLiteral("udp and dst port 6004"));
    QCOMPARE(added.direction, RuleDirection::In);
    QCOMPARE(added.interface, QStringLiteral("vethA"));
    QVERIFY(!model.hasPreview());
    stop(window);
}

// File → Export, "displayed": the file holds exactly the packets the filter shows, byte for byte.
void tst_Window::exportOfDisplayedPacketsReadsBackTheSame()
{
    QVERIFY(m_files.isValid());
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6005, 6, 300, 5}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6006, 3, 300, 6}).succeeded());
    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6006).size(), 3, 5000);
    stop(window);
    window.findChild<FilterBar *>()->setExpression(QStringLiteral("udp dst port 6005"));
    QTRY_COMPARE(model.rowCount(), 6);

    const QString path = m_files.filePath(QStringLiteral("displayed.pcap"));
    QSignalSpy finished(window.packetExport(), &PacketExport::finished);
    QVERIFY(window.exportPackets(ExportDialog::Scope::Displayed, path));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    QCOMPARE(window.messageBar()->text(), QStringLiteral("Exported 6 packets to %1.").arg(path));

    PcapReader reader;
    QString error;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.linkType(), 101);
    for (int row = 0; row < model.rowCount(); ++row) {
        PcapPacket packet;
        QVERIFY2(reader.next(&packet), qPrintable(reader.errorString()));
        const qint64 storeRow = model.storeRow(row);
        QCOMPARE(packet.data, window.store()->bytes(storeRow));
        QCOMPARE(packet.timestampNs, window.store()->at(storeRow).timestampNs);
    }
    PcapPacket extra;
    QVERIFY(!reader.next(&extra));

    // The selected conversation: every packet between the two addresses, both ways.
    window.findChild<FilterBar *>()->setExpression(QString());
    QTRY_VERIFY(model.rowCount() >= 9);
    window.tableView()->selectRow(udpRowsTo(model, peer.ipv4, 6006).constFirst());
    const QString conversation = m_files.filePath(QStringLiteral("conversation.pcap"));
    QVERIFY(window.exportPackets(ExportDialog::Scope::Conversation, conversation));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY2(finished.constLast().at(0).toBool(),
             qPrintable(finished.constLast().at(1).toString()));
    qint64 between = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString source = text(model, row, PacketTableModel::Source);
        const QString destination = text(model, row, PacketTableModel::Destination);
        if ((source == peer.peerIpv4 && destination == peer.ipv4) ||
            (source == peer.ipv4 && destination == peer.peerIpv4))
            ++between;
    }
    PcapReader conversationReader;
    QVERIFY2(conversationReader.open(conversation, &error), qPrintable(error));
    qint64 read = 0;
    PcapPacket packet;
    while (conversationReader.next(&packet))
        ++read;
    QVERIFY(read >= 9);
    QCOMPARE(read, between);
}

// File → Open: a pcap file is browsed without any helper.
void tst_Window::pcapFileOpensOfflineWithoutTheHelper()
{
    QVERIFY(m_files.isValid());
    const QString path = m_files.filePath(QStringLiteral("offline.pcap"));
    QList<QByteArray> packets;
    {
        PcapWriter writer;
        QString error;
        QVERIFY2(writer.open(path, 65535, &error), qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            packets.append(PacketBuilder::ipv4("192.0.2.1", "192.0.2.2", PacketBuilder::Udp,
                                               PacketBuilder::udp(1000 + i, 53, "query")));
            const QByteArray &p = packets.constLast();
            QVERIFY(writer.write(1'700'000'000'000'000'000LL + i * 1'000'000LL,
                                 reinterpret_cast<const std::uint8_t *>(p.constData()),
                                 std::uint32_t(p.size()), std::uint32_t(p.size())));
        }
        QVERIFY(writer.close());
    }
    QVERIFY(m_bed.bus().stopHelper());
    MainWindow window(m_bed.bus().connection());
    window.show();
    QVERIFY(window.openFile(path));
    PacketTableModel &model = *window.tableModel();
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(text(model, 0, PacketTableModel::Source), QStringLiteral("192.0.2.1"));
    QCOMPARE(text(model, 0, PacketTableModel::Protocol), QStringLiteral("UDP"));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("offline.pcap")));
    QVERIFY(window.findChild<HealthWidget *>()->text().contains(
        QStringLiteral("Browsing offline.pcap (offline)")));
    window.tableView()->selectRow(2);
    QCOMPARE(window.findChild<HexView *>()->bytes(), packets[2]);
    QVERIFY(!window.openFile(m_files.filePath(QStringLiteral("missing.pcap"))));
    QVERIFY(!window.messageBar()->text().isEmpty());
}

void tst_Window::helperKilledOffersToStartAgain()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    QTRY_VERIFY(window.helperClient()->isHelperAvailable());
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
    // The new helper took over the dead one's chains: the same rules, not twice as many.
    QCOMPARE(chainLines(), chains);
    stop(window);
    QCOMPARE(chainLines(), 0);
}

// The window itself killed (SIGKILL: no chance to stop anything): the helper sees its client
// leave the bus and removes the chains within a second.
void tst_Window::killedWindowLeavesNoChains()
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

// The system bus dies under a running capture and comes back at the same address (as with
// `systemctl restart dbus`): the window says so, connects again by itself and starts again.
void tst_Window::systemBusRestartIsSurvived()
{
    MainWindow window(m_bed.bus().connection());
    window.show();
    start(window);
    const auto chainLines = [] {
        return IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).size();
    };
    QVERIFY(chainLines() > 0);

    QVERIFY(m_bed.bus().killDaemon());
    QTRY_VERIFY_WITH_TIMEOUT(window.messageBar()->text().contains(QStringLiteral("system bus "
                                                                                 "stopped")),
                             3000);
    QVERIFY2(window.messageBar()->text().contains(QStringLiteral("capture")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(window.captureController()->state(), CaptureState::Idle);
    QVERIFY(!window.helperClient()->isBusConnected());
    QVERIFY(!action(window, "startAction")->isEnabled()); // nothing to start it with
    // The helper removed its chains when it lost the bus: traffic passes.
    QTRY_COMPARE_WITH_TIMEOUT(chainLines(), 0, 5000);
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
    QTest::qWait(1000); // a few attempts to connect fail meanwhile
    QVERIFY(!window.helperClient()->isBusConnected());
    // A window opened while the bus is down says so at once, and waits for it as well.
    MainWindow late(m_bed.bus().connection());
    late.show();
    QVERIFY2(late.messageBar()->text().contains(QStringLiteral("not running")),
             qPrintable(late.messageBar()->text()));
    QVERIFY(!action(late, "startAction")->isEnabled());

    QString error;
    QVERIFY2(m_bed.bus().restartDaemon(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.helperClient()->isBusConnected(), 8000);
    QTRY_VERIFY(window.messageBar()->text().contains(QStringLiteral("system bus again")));
    QCOMPARE(window.messageBar()->kind(), MessageBar::Kind::Information);
    QVERIFY(action(window, "startAction")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(late.helperClient()->isBusConnected(), 5000);
    QVERIFY(action(late, "startAction")->isEnabled());
    QVERIFY(late.messageBar()
                ->findChildren<QPushButton *>(QStringLiteral("messageButton"))
                .isEmpty()); // it had nothing running
    auto *again = window.messageBar()->findChild<QPushButton *>(QStringLiteral("messageButton"));
    QVERIFY(again);
    QCOMPARE(again->text(), QStringLiteral("Start again"));
    again->click(); // a new helper is activated on the new bus
    QTRY_COMPARE_WITH_TIMEOUT(window.captureController()->state(), CaptureState::Running, 15000);
    QVERIFY2(window.messageBar()->text().isEmpty(), qPrintable(window.messageBar()->text()));
    QVERIFY(chainLines() > 0);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6007, 3, 64, 7}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(*window.tableModel(), peer.ipv4, 6007).size(), 3, 5000);
    stop(window);
    QCOMPARE(chainLines(), 0);
}

int main(int argc, char *argv[])
{
    if (argc == 2 && qstrcmp(argv[1], RefusedChild) == 0)
        return runRefusedChild(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], CapturingChild) == 0)
        return runCapturingChild(argc, argv);
    QApplication app(argc, argv);
    tst_Window test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window.moc"
