// The main window capturing: it appears at once without a helper, shows the traffic of a capture
// in the table with its headers and bytes and its programs by their desktop entries, filters it,
// and remembers its layout (WindowTest.h describes the test bed).
#include "app/session/OwnerFilter.h"
#include "app/store/ConnectionListModel.h"
#include "app/store/PacketStore.h"
#include "tests/gui/WindowTest.h"
#include "tests/support/core/DesktopFileTree.h"
#include "tests/support/network/SenderCommands.h"
#include "tests/support/network/TrafficReceiver.h"
#include "ui/CaptureSettingsDialog.h"
#include "ui/ChartsPanel.h"
#include "ui/FilterBar.h"
#include "ui/HeaderTree.h"
#include "ui/HealthWidget.h"
#include "ui/HexView.h"
#include "ui/PacketMenu.h"
#include "ui/RateChart.h"
#include "ui/TopChart.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_WindowCapture : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetBed(); }
    void cleanupTestCase() { stopBed(); }

    void appearsAtOnce();
    void captureShowsTheTrafficInTheTable();
    void displayFilterShowsOnlyMatchingPackets();
    void applicationColumnNamesTheSender();
    void showOnlyThePacketsOfThisApplication();
    void layoutIsRestoredAtTheNextLaunch();
    void anInspectionDepthShowsTheFirstPacketsAndCountsTheRest();
};

void tst_WindowCapture::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_WindowCapture::appearsAtOnce()
{
    // No helper runs yet: the window must not wait for one (activation happens meanwhile).
    QVERIFY(m_bed.bus().stopHelper());
    QElapsedTimer timer;
    timer.start();
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(action(window, "startAction")->isEnabled());
    QVERIFY(!action(window, "stopAction")->isEnabled());
    QCOMPARE(window.findChild<HealthWidget *>()->text(), QStringLiteral("● Not capturing"));
}

void tst_WindowCapture::captureShowsTheTrafficInTheTable()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    start(session, window);
    QVERIFY(!action(window, "startAction")->isEnabled());
    QVERIFY(action(window, "stopAction")->isEnabled());
    QTRY_VERIFY(
        window.findChild<HealthWidget *>()->text().startsWith(QStringLiteral("● Capturing vethA")));

    const Peer &peer = m_bed.network().peer(0);
    const Command::Result sent = m_bed.network().sendUdp(0, {peer.ipv4, 6000, 5, 200, 61});
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QCOMPARE(receiver.receive(5, 5s).size(), 5);

    PacketTableModel &model = *session.model();
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
    tableView(window)->selectRow(row);
    const QStringList layers = window.findChild<HeaderTree *>()->layerNames();
    QVERIFY2(layers.mid(0, 3) == QStringList({QStringLiteral("Packet"), QStringLiteral("IPv4"),
                                              QStringLiteral("UDP")}),
             qPrintable(layers.join(u',')));
    const QByteArray bytes = window.findChild<HexView *>()->bytes();
    QCOMPARE(bytes.size(), 228);
    QCOMPARE(bytes, session.store()->bytes(model.storeRow(row)));
    stop(session, window);
    QCOMPARE(model.rowCount() >= 5, true); // the packets stay after stopping
}

// A program here sends: its row names it, its details say which process it was, and the top
// applications chart names it as the row does. A program in the peer's network namespace (as a
// container's would be) is named on the row of its datagram, whose details say so.
void tst_WindowCapture::applicationColumnNamesTheSender()
{
    // A desktop entry for the sender, read when the session begins: its Name and Icon name it.
    DesktopFileTree desktop;
    QVERIFY(desktop.isValid());
    desktop.useAsSearchPath();
    const QString icon = desktop.path(QStringLiteral("sender.png"));
    QImage image(16, 16, QImage::Format_ARGB32);
    image.fill(Qt::blue);
    QVERIFY(image.save(icon));
    const QString entry = desktop.writeEntry(
        desktop.systemApplications(), QStringLiteral("org.nfqmon.TestSender.desktop"),
        QStringLiteral("[Desktop Entry]\nType=Application\nName=Test Sender\nIcon=%1\n"
                       "Exec=env NFQMON_TEST=1 %2 udp %U\n")
            .arg(icon, senderPath())
            .toUtf8());
    const QString name = QStringLiteral("Test Sender");

    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    const QString sender = senderPath();
    const Command::Result sent = sendAsNobody(6003, 2);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));

    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6003).size(), 2, 5000);
    for (int row : udpRowsTo(model, peer.peerIpv4, 6003)) {
        QCOMPARE(text(model, row, PacketTableModel::Application), name);
        const QVariant decoration =
            model.index(row, PacketTableModel::Application).data(Qt::DecorationRole);
        QVERIFY(!decoration.value<QIcon>().isNull());
        QCOMPARE(text(model, row, PacketTableModel::User), QStringLiteral("65534"));
    }
    // The "Packet" entry's fields of a row, one "name: value" line each.
    const auto detailsOf = [&](int row) {
        tableView(window)->selectRow(row);
        QStringList lines;
        const QTreeWidgetItem *packet = window.findChild<HeaderTree *>()->topLevelItem(0);
        for (int i = 0; packet && i < packet->childCount(); ++i)
            lines.append(packet->child(i)->text(0) + QStringLiteral(": ") +
                         packet->child(i)->text(1));
        return lines.join(u'\n');
    };
    const QString details = detailsOf(udpRowsTo(model, peer.peerIpv4, 6003).constFirst());
    QVERIFY2(
        details.contains(QStringLiteral("Executable: ") + QFileInfo(sender).canonicalFilePath()),
        qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Command line: ") + sender + QStringLiteral(" udp")),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Program: ") + name), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Desktop entry: ") + entry), qPrintable(details));
    // The sender runs in this test's cgroup: its path (from the kernel) and the cgroup's id.
    QVERIFY2(
        details.contains(QRegularExpression(QStringLiteral("Control group: /\\S* \\(id \\d+\\)"))),
        qPrintable(details));

    auto *charts = window.findChild<ChartsPanel *>();
    QVERIFY(charts);
    charts->findChild<QTabWidget *>()->setCurrentWidget(charts->applicationsChart());
    // The charts follow the statistics at most once a second.
    QTRY_VERIFY2_WITH_TIMEOUT(charts->applicationsChart()->labels().contains(name),
                              qPrintable(charts->applicationsChart()->labels().join(u',')), 5000);

    QVERIFY(m_bed.network().run(0, SenderCommands::udpOneShot(peer.ipv4, 6013)).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6013).size(), 1, 5000);
    const int fromPeer = udpRowsTo(model, peer.ipv4, 6013).constFirst();
    const QString peerDetails = detailsOf(fromPeer);
    QVERIFY2(peerDetails.contains(QStringLiteral("Executable: ") +
                                  QFileInfo(SenderCommands::Python).canonicalFilePath()) &&
                 peerDetails.contains(QStringLiteral("Network namespace: another one")),
             qPrintable(peerDetails));

    // "Show only packets like this → from this application" and the filter it writes go by the
    // name the column shows.
    QList<qint64> senderRows;
    for (int row : udpRowsTo(model, peer.peerIpv4, 6003))
        senderRows.append(model.storeRow(row));
    const QList<OwnerFilter> filters = session.ownerFilters(senderRows);
    QVERIFY(!filters.isEmpty());
    QCOMPARE(filters.constFirst().expression, QStringLiteral("app \"Test Sender\""));
    QString error;
    QVERIFY2(session.setDisplayFilter(filters.constFirst().expression, &error), qPrintable(error));
    QTRY_VERIFY(!model.isFiltering());
    QCOMPARE(udpRowsTo(model, peer.peerIpv4, 6003).size(), 2);
    QCOMPARE(udpRowsTo(model, peer.ipv4, 6013).size(), 0);
    stop(session, window);
}

// Right-click on a row of a program here: "Show only packets like this" → "From this application
// (nfqmon-test-send)" previews its rows, then filters by it ("app nfqmon-test-send" in the
// filter bar); the next run of the program, a process the helper describes only then, shows too.
void tst_WindowCapture::showOnlyThePacketsOfThisApplication()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    const Command::Result sent = sendAsNobody(6007, 2);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    // Another program (Python, in the peer's namespace) sends too.
    const auto another = [&] {
        return m_bed.network().run(0, SenderCommands::udpOneShot(peer.ipv4, 6008)).succeeded();
    };
    QVERIFY(another());
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6007).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6008).size(), 1, 5000);

    tableView(window)->selectRow(udpRowsTo(model, peer.peerIpv4, 6007).constFirst());
    PacketMenu *menu = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(menu);
    auto *fromApplication =
        menu->filterMenu()->findChild<QAction *>(QStringLiteral("filterFromApplicationAction"));
    QVERIFY(fromApplication);
    QCOMPARE(fromApplication->text(), QStringLiteral("From this application (nfqmon-test-send)"));
    QVERIFY(menu->filterMenu()->findChild<QAction *>(QStringLiteral("filterFromUserAction")));
    QVERIFY(menu->filterMenu()->isEnabled());

    emit menu->filterMenu()->hovered(fromApplication);
    const auto highlighted = [&](const QString &to, int port) {
        QList<bool> rows;
        for (int r : udpRowsTo(model, to, port))
            rows.append(model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());
        return rows;
    };
    QCOMPARE(highlighted(peer.peerIpv4, 6007), (QList<bool>{true, true}));
    QCOMPARE(highlighted(peer.ipv4, 6008), QList<bool>{false});

    fromApplication->trigger();
    menu->close();
    auto *filter = window.findChild<FilterBar *>();
    QCOMPARE(filter->expression(), QStringLiteral("app nfqmon-test-send"));
    QTRY_COMPARE_WITH_TIMEOUT(model.displayFilter(), QStringLiteral("app nfqmon-test-send"), 5000);
    QTRY_VERIFY(!model.isFiltering());
    const auto onlyTheSender = [&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (text(model, row, PacketTableModel::Application) != "nfqmon-test-send")
                return false;
        }
        return true;
    };
    QVERIFY(onlyTheSender());
    QCOMPARE(udpRowsTo(model, peer.peerIpv4, 6007).size(), 2);
    QCOMPARE(udpRowsTo(model, peer.ipv4, 6008).size(), 0);

    // A new process of the same program, and more traffic of the other.
    const Command::Result again = sendAsNobody(6007, 3);
    QVERIFY2(again.succeeded(), qPrintable(again.describe()));
    QVERIFY(another());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6007).size(), 5, 5000);
    QVERIFY(onlyTheSender());
    QCOMPARE(udpRowsTo(model, peer.ipv4, 6008).size(), 0);

    // The user's filter: the same rows here, as nobody sent nothing else.
    filter->setExpression(QStringLiteral("user 65534 and udp dst port 6007"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 5000);
    stop(session, window);
}

void tst_WindowCapture::displayFilterShowsOnlyMatchingPackets()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 3, 64, 1}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6002, 4, 64, 2}).succeeded());
    PacketTableModel &model = *session.model();
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
    stop(session, window);
}

void tst_WindowCapture::layoutIsRestoredAtTheNextLaunch()
{
    {
        Session session(m_bed.bus().connection());
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *rules = window.findChild<QDockWidget *>(QStringLiteral("rulesDock"));
        auto *charts = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        QVERIFY(rules && charts);
        rules->hide();
        window.addDockWidget(Qt::BottomDockWidgetArea, charts);
        tableView(window)->setColumnWidth(PacketTableModel::Info, 123);
        window.close();
    }
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *rules = window.findChild<QDockWidget *>(QStringLiteral("rulesDock"));
    auto *charts = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
    QVERIFY(rules->isHidden());
    QCOMPARE(window.dockWidgetArea(charts), Qt::BottomDockWidgetArea);
    QCOMPARE(tableView(window)->columnWidth(PacketTableModel::Info), 123);
}

// Capture settings → Inspect only the first 3 packets of each connection: the dialog says the
// dumps then hold only those; the table shows the first 3 packets of a UDP flow, and the status
// bar counts the rest, which the kernel passed without queueing them.
void tst_WindowCapture::anInspectionDepthShowsTheFirstPacketsAndCountsTheRest()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    bool noteShown = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<CaptureSettingsDialog *>();
        if (!dialog)
            return;
        dialog->findChild<QCheckBox *>(QStringLiteral("limitInspection"))->setChecked(true);
        dialog->findChild<QSpinBox *>(QStringLiteral("inspectPackets"))->setValue(3);
        noteShown =
            dialog->findChild<QLabel *>(QStringLiteral("dumpDepthNote"))->isVisibleTo(dialog);
        dialog->accept();
    });
    action(window, "settingsAction")->trigger();
    QVERIFY(noteShown);
    QCOMPARE(CaptureSettings::load().inspectPackets, 3u);

    const Peer &peer = m_bed.network().peer(0);
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6200);
    QString error;
    QVERIFY2(receiver.open(&error), qPrintable(error));
    start(session, window);
    // One flow (one source port), 20 ms apart: each datagram after the previous one's verdict.
    const Command::Result sent = m_bed.network().run(
        0, {senderPath(), QStringLiteral("udp"), peer.ipv4, QStringLiteral("6200"),
            QStringLiteral("--count"), QStringLiteral("12"), QStringLiteral("--interval-ms"),
            QStringLiteral("20"), QStringLiteral("--source-port"), QStringLiteral("42000")});
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QCOMPARE(receiver.receive(12, 3s).size(), 12);
    const PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6200).size(), 3, 5000);
    const HealthWidget &health = *window.findChild<HealthWidget *>();
    QTRY_VERIFY2_WITH_TIMEOUT(health.text().contains(QStringLiteral("decided in the kernel 9")),
                              qPrintable(health.text()), 5000);
    QCOMPARE(udpRowsTo(model, peer.ipv4, 6200).size(), 3);
    // The rate chart stacks the kernel's share on the inspected packets.
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<RateChart *>()->showsDecided(), 8000);

    // View → Connections: the flow with its 3 inspected packets and the kernel's 9.
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("connectionsDock"));
    QVERIFY(dock);
    dock->show();
    dock->raise();
    const ConnectionListModel &connections = *session.connections();
    const auto flowRow = [&] {
        for (int row = 0; row < connections.rowCount(); ++row)
            if (connections.index(row, ConnectionListModel::To).data().toString() ==
                peer.ipv4 + QStringLiteral(":6200"))
                return row;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        flowRow() >= 0 &&
            connections.index(flowRow(), ConnectionListModel::Decided).data().toString() ==
                QLatin1String("9"),
        5000);
    const int row = flowRow();
    const auto cell = [&](ConnectionListModel::Column column) {
        return connections.index(row, column).data().toString();
    };
    QCOMPARE(cell(ConnectionListModel::From), peer.peerIpv4 + QStringLiteral(":42000"));
    QCOMPARE(cell(ConnectionListModel::Inspected), QStringLiteral("3"));
    QCOMPARE(cell(ConnectionListModel::Total), QStringLiteral("12"));
    QCOMPARE(cell(ConnectionListModel::State), QStringLiteral("passed by the kernel"));
    // A double-click shows its packets in the table.
    auto *table = window.findChild<QTableView *>(QStringLiteral("connectionsTable"));
    QVERIFY(table);
    emit table->doubleClicked(connections.index(row, 0));
    QTRY_COMPARE(window.findChild<FilterBar *>()->expression(), connections.filterFor(row));
    QTRY_VERIFY(!model.isFiltering());
    QTRY_COMPARE(model.rowCount(), 3);
    stop(session, window);
}

QTEST_MAIN(tst_WindowCapture)
#include "tst_window_capture.moc"
