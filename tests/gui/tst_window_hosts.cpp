// The window naming hosts on a real capture: a DNS server of the test's own in a peer answers
// for a.test, the window sees the answer, and the packets sent to a.test's address afterwards
// show "a.test" in the Host column (with where the name came from in its tooltip and the
// details), count under a.test in the Top hosts chart, and are what "Show only packets like
// this → To this host (a.test)" and the filter "hostname a.test" show. A packet sent before the
// answer has no name. The window's own reverse lookups are off until turned on in the capture
// settings, and then name 127.0.0.1 "localhost" (from /etc/hosts) as a reverse lookup; in the
// test's namespace no resolver answers for other addresses, which are remembered without a
// name, within the lookups' bound (WindowTest.h describes the test bed).
#include "app/session/HostFilter.h"
#include "app/session/ReverseLookup.h"
#include "tests/gui/WindowTest.h"
#include "ui/CaptureSettingsDialog.h"
#include "ui/ChartsPanel.h"
#include "ui/FilterBar.h"
#include "ui/HeaderTree.h"
#include "ui/PacketMenu.h"
#include "ui/TopChart.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QProcess>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidgetItem>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_WindowHosts : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetBed(); }
    void cleanup();
    void cleanupTestCase() { stopBed(); }

    void hostColumnNamesWhatADnsAnswerNamed();
    void reverseLookupNamesUnnamedAddressesOnceTurnedOn();
    void reverseLookupsAreBoundedAndRememberAddressesWithoutNames();
    void aLayoutSavedBeforeTheHostColumnShowsIt();

private:
    // nfqmon-test-dns serving a.test (peer 0's address) in peer 0, until cleanup().
    bool startDns(QString *error);
    // Asks the DNS server in peer 0 for a.test from this namespace; its answer, or empty.
    QString ask(const QString &name);

    QProcess m_dns;
};

void tst_WindowHosts::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

void tst_WindowHosts::cleanup()
{
    m_dns.kill();
    m_dns.waitForFinished(3000);
}

bool tst_WindowHosts::startDns(QString *error)
{
    const Peer &peer = m_bed.network().peer(0);
    const QStringList argv = m_bed.network().commandIn(
        0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")), QStringLiteral("serve"),
            QStringLiteral("53"), QStringLiteral("a.test=") + peer.peerIpv4});
    m_dns.setProgram(argv.first());
    m_dns.setArguments(argv.mid(1));
    m_dns.setProcessChannelMode(QProcess::MergedChannels);
    m_dns.start();
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && m_dns.state() != QProcess::NotRunning) {
        m_dns.waitForReadyRead(100);
        output += m_dns.readAll();
        if (output.contains("ready"))
            return true;
    }
    *error = QStringLiteral("the DNS server did not start: %1").arg(QString::fromLocal8Bit(output));
    return false;
}

QString tst_WindowHosts::ask(const QString &name)
{
    const Command::Result answer = m_bed.network().run(
        TestNetwork::Local,
        {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")), QStringLiteral("query"),
         m_bed.network().peer(0).peerIpv4, QStringLiteral("53"), name, QStringLiteral("A")});
    return answer.succeeded() ? QString::fromUtf8(answer.output.trimmed()) : QString();
}

void tst_WindowHosts::hostColumnNamesWhatADnsAnswerNamed()
{
    QString error;
    QVERIFY2(startDns(&error), qPrintable(error));
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    PacketTableModel &model = *session.model();

    // Before the answer: the address has no name.
    QVERIFY(
        m_bed.network().sendUdp(TestNetwork::Local, {peer.peerIpv4, 6020, 1, 32, 71}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6020).size(), 1, 5000);
    QCOMPARE(
        text(model, udpRowsTo(model, peer.peerIpv4, 6020).constFirst(), PacketTableModel::Host),
        QString());

    QCOMPARE(ask(QStringLiteral("a.test")), peer.peerIpv4);
    QVERIFY(
        m_bed.network().sendUdp(TestNetwork::Local, {peer.peerIpv4, 6021, 3, 32, 72}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.peerIpv4, 6021).size(), 3, 5000);
    for (const int row : udpRowsTo(model, peer.peerIpv4, 6021)) {
        QCOMPARE(text(model, row, PacketTableModel::Host), QStringLiteral("a.test"));
        QCOMPARE(model.index(row, PacketTableModel::Host).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("a.test\nfrom a DNS answer"));
    }
    QCOMPARE(
        text(model, udpRowsTo(model, peer.peerIpv4, 6020).constFirst(), PacketTableModel::Host),
        QString()); // the earlier packet keeps what it had

    // The details say it too.
    tableView(window)->selectRow(udpRowsTo(model, peer.peerIpv4, 6021).constFirst());
    QStringList lines;
    const QTreeWidgetItem *packet = window.findChild<HeaderTree *>()->topLevelItem(0);
    for (int i = 0; packet && i < packet->childCount(); ++i)
        lines.append(packet->child(i)->text(0) + QStringLiteral(": ") + packet->child(i)->text(1));
    QVERIFY2(lines.contains(QStringLiteral("Host: a.test (DNS answer)")),
             qPrintable(lines.join(u'\n')));

    // The Top hosts chart counts them under the same name.
    auto *charts = window.findChild<ChartsPanel *>();
    charts->findChild<QTabWidget *>()->setCurrentWidget(charts->hostsChart());
    QTRY_VERIFY2_WITH_TIMEOUT(charts->hostsChart()->labels().contains(QStringLiteral("a.test")),
                              qPrintable(charts->hostsChart()->labels().join(u',')), 5000);

    // Show only packets like this → To this host (a.test): previewed on the named rows only,
    // then the filter "hostname a.test".
    PacketMenu *menu = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(menu);
    auto *toHost = menu->filterMenu()->findChild<QAction *>(QStringLiteral("filterToHostAction"));
    auto *toDomain =
        menu->filterMenu()->findChild<QAction *>(QStringLiteral("filterToDomainAction"));
    QVERIFY(toHost && toDomain);
    QCOMPARE(toHost->text(), QStringLiteral("To this host (a.test)"));
    QVERIFY(toHost->isEnabled());
    QVERIFY(toDomain->isEnabled());
    emit menu->filterMenu()->hovered(toHost);
    QCOMPARE(model.index(udpRowsTo(model, peer.peerIpv4, 6021).constFirst(), 0)
                 .data(PacketTableModel::HighlightRole)
                 .toBool(),
             true);
    QCOMPARE(model.index(udpRowsTo(model, peer.peerIpv4, 6020).constFirst(), 0)
                 .data(PacketTableModel::HighlightRole)
                 .toBool(),
             false);
    toHost->trigger();
    menu->close();
    QCOMPARE(window.findChild<FilterBar *>()->expression(), QStringLiteral("hostname a.test"));
    QTRY_COMPARE_WITH_TIMEOUT(model.displayFilter(), QStringLiteral("hostname a.test"), 5000);
    QTRY_VERIFY(!model.isFiltering());
    QVERIFY(model.rowCount() >= 3);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(text(model, row, PacketTableModel::Host), QStringLiteral("a.test"));
    QCOMPARE(udpRowsTo(model, peer.peerIpv4, 6021).size(), 3);
    QCOMPARE(udpRowsTo(model, peer.peerIpv4, 6020).size(), 0);

    // A row without a name offers neither entry.
    window.findChild<FilterBar *>()->setExpression(QStringLiteral("udp dst port 6020"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
    tableView(window)->selectRow(0);
    PacketMenu *unnamed = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(unnamed);
    QVERIFY(!unnamed->filterMenu()
                 ->findChild<QAction *>(QStringLiteral("filterToHostAction"))
                 ->isEnabled());
    QVERIFY(!unnamed->filterMenu()
                 ->findChild<QAction *>(QStringLiteral("filterToDomainAction"))
                 ->isEnabled());
    unnamed->close();
    stop(session, window);
}

void tst_WindowHosts::reverseLookupNamesUnnamedAddressesOnceTurnedOn()
{
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(!session.reverseLookup()->isEnabled()); // off by default
    chooseInterfaces(window, {QStringLiteral("lo")});
    action(window, "startAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Running, 15000);
    QVERIFY(m_bed.network()
                .sendUdp(TestNetwork::Local, {QStringLiteral("127.0.0.1"), 6030, 2, 32, 73})
                .succeeded());
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, QStringLiteral("127.0.0.1"), 6030).size(), 2, 5000);
    const int row = udpRowsTo(model, QStringLiteral("127.0.0.1"), 6030).constFirst();
    QCOMPARE(text(model, row, PacketTableModel::Host), QString());
    QCOMPARE(session.reverseLookup()->cachedCount(), 0); // nothing was asked

    // Turned on in the capture settings (and remembered), which open between captures.
    stop(session, window);
    bool wasOff = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<CaptureSettingsDialog *>();
        auto *box =
            dialog ? dialog->findChild<QCheckBox *>(QStringLiteral("reverseLookup")) : nullptr;
        if (!box)
            return;
        wasOff = !box->isChecked();
        box->setChecked(true);
        dialog->accept();
    });
    action(window, "settingsAction")->trigger();
    QVERIFY(wasOff);
    QVERIFY(session.reverseLookup()->isEnabled());
    QVERIFY(CaptureSettings::load().reverseLookup);

    QTRY_COMPARE_WITH_TIMEOUT(text(model, row, PacketTableModel::Host), QStringLiteral("localhost"),
                              10000);
    const QString tip = model.index(row, PacketTableModel::Host).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("reverse DNS lookup")), qPrintable(tip));
    tableView(window)->selectRow(row);
    QStringList lines;
    const QTreeWidgetItem *packet = window.findChild<HeaderTree *>()->topLevelItem(0);
    for (int i = 0; packet && i < packet->childCount(); ++i)
        lines.append(packet->child(i)->text(0) + QStringLiteral(": ") + packet->child(i)->text(1));
    QVERIFY2(lines.contains(QStringLiteral("Host: localhost (reverse lookup)")),
             qPrintable(lines.join(u'\n')));
    // Never a learned name: the menu offers no filter by it.
    PacketMenu *menu = window.showPacketMenu(QPoint(5, 5));
    QVERIFY(menu);
    QVERIFY(!menu->filterMenu()
                 ->findChild<QAction *>(QStringLiteral("filterToHostAction"))
                 ->isEnabled());
    menu->close();
}

void tst_WindowHosts::reverseLookupsAreBoundedAndRememberAddressesWithoutNames()
{
    ReverseLookup lookup(nullptr, 2);
    lookup.setEnabled(true);
    const Peer &peer = m_bed.network().peer(0);
    const QHostAddress first(peer.peerIpv4);
    const QHostAddress second(peer.ipv4);
    // One after the other, so that `first` is the older answer.
    QCOMPARE(lookup.nameOf(first), QString());
    QTRY_VERIFY_WITH_TIMEOUT(lookup.isAnswered(first), 30000);
    QCOMPARE(lookup.nameOf(second), QString());
    QTRY_VERIFY_WITH_TIMEOUT(lookup.isAnswered(second), 30000);
    QCOMPARE(lookup.nameOf(first), QString()); // answered without a name, and not asked again
    QCOMPARE(lookup.runningCount(), 0);
    QCOMPARE(lookup.cachedCount(), 2);
    const QHostAddress loopback(QHostAddress::LocalHost);
    lookup.nameOf(loopback);
    QTRY_COMPARE_WITH_TIMEOUT(lookup.nameOf(loopback), QStringLiteral("localhost"), 30000);
    QCOMPARE(lookup.cachedCount(), 2); // the oldest answer went
    QVERIFY(!lookup.isAnswered(first));
    QVERIFY(lookup.isAnswered(second));
}

// The table's columns as a window without the Host column saved them (Info moved last, a width
// changed): the next window restores them and shows the Host column too.
void tst_WindowHosts::aLayoutSavedBeforeTheHostColumnShowsIt()
{
    {
        QStandardItemModel older(0, PacketTableModel::Host);
        QTableView view;
        view.setModel(&older);
        QHeaderView *header = view.horizontalHeader();
        header->moveSection(header->visualIndex(PacketTableModel::Info), header->count() - 1);
        header->resizeSection(PacketTableModel::Source, 211);
        QSettings().setValue(QStringLiteral("window/tableHeader"), header->saveState());
    }
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QHeaderView *header = tableView(window)->horizontalHeader();
    QCOMPARE(header->count(), int(PacketTableModel::ColumnCount));
    QCOMPARE(header->sectionSize(PacketTableModel::Source), 211); // the saved state was taken
    QVERIFY(!header->isSectionHidden(PacketTableModel::Host));
    QVERIFY(header->sectionSize(PacketTableModel::Host) > 0);
}

QTEST_MAIN(tst_WindowHosts)
#include "tst_window_hosts.moc"
