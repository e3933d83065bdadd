// The main window's rules: "Drop packets like this" from a packet's context menu, previewed on
// hover and applied by the kernel, and "Custom…", validated and previewed as the user edits
// (WindowTest.h describes the test bed).
#include "app/client/RuleListModel.h"
#include "tests/gui/WindowTest.h"
#include "tests/support/network/SenderCommands.h"
#include "tests/support/network/TrafficReceiver.h"
#include "ui/PacketMenu.h"
#include "ui/RuleDialog.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QTimer>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_WindowRules : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetBed(); }
    void cleanupTestCase() { stopBed(); }

    void rightClickDropsTheNextPacketsToThatPort();
    void customRuleFromTheMenuIsValidatedAndPreviewed();
    void dropEverythingFromThisApplication();
};

void tst_WindowRules::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

// Right-click on a packet to port 6000: "Drop packets like this" → "To port 6000/udp", previewed
// on hover, applied on click; the next datagrams to that port never reach the receiving socket
// and show as dropped by that rule.
void tst_WindowRules::rightClickDropsTheNextPacketsToThatPort()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver other(TrafficReceiver::Protocol::Udp, 4, 6001);
    QString error;
    QVERIFY2(receiver.open(&error) && other.open(&error), qPrintable(error));
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6000, 3, 100, 7}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6001, 2, 100, 8}).succeeded());
    QCOMPARE(receiver.receive(3, 5s).size(), 3);
    QCOMPARE(other.receive(2, 5s).size(), 2);
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6001).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6000).size(), 3, 5000);

    // The right click, as a person makes it: on the row, in the table.
    PacketTableView *table = tableView(window);
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
    // Rules by name are offered, and disabled: nothing named these datagrams' peer.
    for (const char *name : {"dropToHostAction", "dropToDomainAction"}) {
        const QAction *byName = menu->dropMenu()->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(byName, name);
        QVERIFY2(!byName->isEnabled(), name);
    }

    // Hovering previews: the packets to 6000 are highlighted, the others are not.
    toPort->hover();
    QVERIFY(model.hasPreview());
    for (int r : udpRowsTo(model, peer.ipv4, 6000))
        QVERIFY(model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());
    for (int r : udpRowsTo(model, peer.ipv4, 6001))
        QVERIFY(!model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());

    toPort->trigger();
    menu->close();
    QTRY_COMPARE_WITH_TIMEOUT(session.rules()->rowCount(), 1, 5000);
    QVERIFY(!model.hasPreview());
    QTRY_VERIFY(messageBar(window)->text().contains(QStringLiteral("drops packets matching")));
    const RuleInfo rule = session.rules()->rule(0);
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
    QTRY_COMPARE_WITH_TIMEOUT(session.rules()->rule(0).hits, quint64(4), 5000);
    stop(session, window);
}

// "Custom…" opens the rule dialog with the expression prefilled; it previews as the user edits
// and refuses what libpcap does not compile.
void tst_WindowRules::customRuleFromTheMenuIsValidatedAndPreviewed()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6003, 2, 80, 1}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6004, 2, 80, 2}).succeeded());
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6004).size(), 2, 5000);
    tableView(window)->selectRow(udpRowsTo(model, peer.ipv4, 6003).constFirst());
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
    QTRY_COMPARE_WITH_TIMEOUT(session.rules()->rowCount(), 1, 5000);
    const RuleInfo added = session.rules()->rule(0);
    QCOMPARE(added.expression, QStringLiteral("udp and dst port 6004"));
    QCOMPARE(added.direction, RuleDirection::In);
    QCOMPARE(added.interface, QStringLiteral("vethA"));
    QVERIFY(!model.hasPreview());
    stop(session, window);
}

// Right-click on a packet a program here sent: "Drop packets like this" → "Everything from this
// application", previewed on the program's rows only (not on a packet another program sent, in
// the peer's namespace), applied on click as a rule limited to that executable; its next
// datagrams are dropped, from the first.
void tst_WindowRules::dropEverythingFromThisApplication()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    const Command::Result sent = sendAsNobody(6005, 2);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QVERIFY(m_bed.network()
                .run(0, SenderCommands::udpOneShot(peer.ipv4, 6006))
                .succeeded()); // another program
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6005).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6006).size(), 1, 5000);
    tableView(window)->selectRow(udpRowsTo(model, peer.peerIpv4, 6005).constFirst());
    PacketMenu *menu = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(menu);
    auto *fromApplication = menu->findChild<QAction *>(QStringLiteral("dropFromApplicationAction"));
    QVERIFY(fromApplication);
    QVERIFY2(fromApplication->text().contains(QStringLiteral("nfqmon-test-send")),
             qPrintable(fromApplication->text()));
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("dropFromUserAction")));

    emit menu->dropMenu()->hovered(fromApplication);
    const auto highlighted = [&](const QString &to, int port) {
        QList<bool> rows;
        for (int r : udpRowsTo(model, to, port))
            rows.append(model.index(r, 0).data(PacketTableModel::HighlightRole).toBool());
        return rows;
    };
    QCOMPARE(highlighted(peer.peerIpv4, 6005), (QList<bool>{true, true}));
    QCOMPARE(highlighted(peer.ipv4, 6006), QList<bool>{false});

    fromApplication->trigger();
    menu->close();
    QTRY_COMPARE_WITH_TIMEOUT(session.rules()->rowCount(), 1, 5000);
    const RuleInfo rule = session.rules()->rule(0);
    QCOMPARE(rule.program, QFileInfo(senderPath()).canonicalFilePath());
    QCOMPARE(rule.action, RuleAction::Drop);
    QTRY_VERIFY(messageBar(window)->text().contains(QStringLiteral("from program")));

    const Command::Result again = sendAsNobody(6005, 2);
    QVERIFY2(again.succeeded(), qPrintable(again.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6005).size(), 4, 5000);
    const QList<int> rows = udpRowsTo(model, peer.peerIpv4, 6005);
    const QString dropped = QStringLiteral("dropped by rule %1").arg(rule.id);
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(text(model, rows[i], PacketTableModel::Verdict),
                 i < 2 ? QStringLiteral("accepted") : dropped);
    stop(session, window);
}

QTEST_MAIN(tst_WindowRules)
#include "tst_window_rules.moc"
