// The window on other machines, over real SSH (RemoteHostBed: two hosts, each a real sshd in
// namespaces of its own with its own private system bus, polkitd and helper). File → Connect to
// host… opens a window per host: it connects through the user's ssh (NFQMON_SSH: the bed's
// wrapper, with its own config, key and known_hosts), lists that host's interfaces, captures
// there (the packets come through `nfqmon-capture --relay`), and its rules are that host's: a
// rule added in remote1's window drops there and nowhere else. No host gets a new listening
// socket. When remote1's link is cut, its window says so while remote2's goes on; the capture on
// remote1 goes on there, and once the link is back the window connects again by itself and
// picks it up. File → All machines shows both hosts' packets in one table, each with its
// machine's name. A host whose key is unknown is refused, with ssh's words.
#include "app/client/HelperClient.h"
#include "app/client/RuleListModel.h"
#include "tests/gui/WindowTest.h"
#include "tests/support/bus/RemoteHostBed.h"
#include "ui/AllMachinesWindow.h"
#include "ui/CaptureSettingsDialog.h"
#include "ui/DesktopIntegration.h"
#include "ui/DumpFileField.h"
#include "ui/FilterBar.h"
#include "ui/TrayIcon.h"

#include <QDeadlineTimer>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSpinBox>
#include <QTimer>
#include <QUdpSocket>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_WindowRemote : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void twoHostsEachWithItsCaptureAndRules();
    void theTableOfAllMachinesNamesEachPacketsMachine();
    void aCutLinkIsSaidAndTheCaptureIsPickedUpAgain();
    void anUnknownHostKeyIsRefused();

private:
    // The window on host n, opened from the local window's File menu action, once connected.
    MainWindow *connectTo(int n);
    // `count` datagrams from here to host n's `port`.
    void sendTo(int n, int port, int count);
    // Rows of UDP packets to host n's `port` that were (not) dropped.
    int rowsTo(const MainWindow &window, int n, int port, bool dropped) const;
    // Rows of the table of every machine with UDP packets to host n's `port`, whose Machine
    // column names `machine`.
    int allMachinesRowsTo(int n, int port, const QString &machine) const;
    QString listening(int n) const; // `ss -ltnu` on host n
    // Once the window runs a capture on host n, its stream (the relay over SSH) may take a
    // moment to open: probes to port 7 until a new one shows.
    bool waitUntilStreaming(const MainWindow &window, int n);

    RemoteHostBed m_hosts;
    QTemporaryDir m_runtime;
    std::unique_ptr<Session> m_local;
    std::unique_ptr<MainWindow> m_window;
    QPointer<MainWindow> m_remote[2];
};

void tst_WindowRemote::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
    RemoteHostBed::Options options;
    options.user = QStringLiteral("nfqmon-steward"); // may capture and change rules there
    QString error;
    QVERIFY2(m_hosts.start(2, &error, options), qPrintable(error));
    qputenv("NFQMON_SSH", m_hosts.sshWrapper().toLocal8Bit());
    QVERIFY(m_runtime.isValid());
    qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit()); // ssh's ControlPath goes here
    m_local = std::make_unique<Session>(m_bed.bus().connection());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->show();
}

void tst_WindowRemote::cleanupTestCase()
{
    for (const QPointer<MainWindow> &window : m_remote) {
        if (window)
            window->close(); // stops its capture; the window deletes itself
    }
    QTest::qWait(500);
    m_window.reset();
    m_local.reset();
    m_hosts.stop();
    stopBed();
}

MainWindow *tst_WindowRemote::connectTo(int n)
{
    MainWindow *window = m_window->connectToHost(m_hosts.alias(n));
    QDeadlineTimer deadline(20000);
    while (window && !window->session()->client()->isBusConnected() && !deadline.hasExpired())
        QTest::qWait(50);
    return window && window->session()->client()->isBusConnected() ? window : nullptr;
}

void tst_WindowRemote::sendTo(int n, int port, int count)
{
    QUdpSocket socket;
    for (int i = 0; i < count; ++i) {
        socket.writeDatagram(QByteArray("nfqmon remote test"),
                             QHostAddress(m_hosts.host(n).address), quint16(port));
        QTest::qWait(20);
    }
}

int tst_WindowRemote::rowsTo(const MainWindow &window, int n, int port, bool dropped) const
{
    const PacketTableModel &model = *window.session()->model();
    int rows = 0;
    for (int row : udpRowsTo(model, m_hosts.host(n).address, port)) {
        if (model.index(row, PacketTableModel::Number)
                .data(PacketTableModel::DroppedRole)
                .toBool() == dropped)
            ++rows;
    }
    return rows;
}

int tst_WindowRemote::allMachinesRowsTo(int n, int port, const QString &machine) const
{
    const AllMachinesWindow *all = m_window->showAllMachines();
    const auto *model = all ? all->findChild<PacketTableView *>()->model() : nullptr;
    if (!model)
        return -1;
    const auto &packets = *static_cast<const PacketTableModel *>(model);
    int rows = 0;
    for (int row : udpRowsTo(packets, m_hosts.host(n).address, port))
        rows += text(packets, row, PacketTableModel::Machine) == machine;
    return rows;
}

QString tst_WindowRemote::listening(int n) const
{
    return QString::fromUtf8(
        m_hosts.runIn(n, {QStringLiteral("ss"), QStringLiteral("-ltnuH")}).output);
}

bool tst_WindowRemote::waitUntilStreaming(const MainWindow &window, int n)
{
    const int before = rowsTo(window, n, 7, false);
    QDeadlineTimer deadline(20000);
    while (rowsTo(window, n, 7, false) == before && !deadline.hasExpired()) {
        sendTo(n, 7, 1);
        QTest::qWait(300);
    }
    return rowsTo(window, n, 7, false) > before;
}

void tst_WindowRemote::twoHostsEachWithItsCaptureAndRules()
{
    // This machine's choices: a dump file (which cannot cross SSH: a remote capture goes without)
    // and interfaces, which a remote capture does not overwrite.
    CaptureSettings local = CaptureSettings::load();
    local.dumpAllPath = m_runtime.filePath(QStringLiteral("local-dump.pcap"));
    local.interfaces = {QStringLiteral("vethA")};
    local.save();
    const QString before[] = {listening(0), listening(1)};
    for (int n = 0; n < 2; ++n) {
        m_remote[n] = connectTo(n);
        QVERIFY2(m_remote[n], qPrintable(m_hosts.alias(n) + QStringLiteral(": not connected")));
        QCOMPARE(m_window->connectToHost(m_hosts.alias(n)), m_remote[n].data()); // one a host
        QVERIFY2(m_remote[n]->windowTitle().endsWith(m_hosts.alias(n)),
                 qPrintable(m_remote[n]->windowTitle()));
        // The tray icon is this machine's window's only.
        QVERIFY(!m_remote[n]->findChild<DesktopIntegration *>()->trayIcon()->isWanted());
        QVERIFY(!action(*m_remote[n], "trayAction")->isVisible());
    }
    // A host's capture settings offer no dump file, and keep this machine's files and
    // interfaces when saved.
    bool filesOff = false;
    QString note;
    QTimer::singleShot(0, m_remote[0], [&] {
        auto *dialog = m_remote[0]->findChild<CaptureSettingsDialog *>();
        if (!dialog)
            return;
        const QList<DumpFileField *> fields = dialog->findChildren<DumpFileField *>();
        filesOff = fields.size() == 2 && !fields[0]->isEnabled() && !fields[1]->isEnabled() &&
                   fields[0]->path().isEmpty();
        note = dialog->findChild<QLabel *>(QStringLiteral("filesNote"))->text();
        dialog->findChild<QSpinBox *>(QStringLiteral("snapLength"))->setValue(1600);
        dialog->accept();
    });
    action(*m_remote[0], "settingsAction")->trigger();
    QVERIFY(filesOff);
    QVERIFY2(note.contains(QStringLiteral("nfqmon-capture -w FILE on ") + m_hosts.alias(0)),
             qPrintable(note));
    QCOMPARE(CaptureSettings::load().snapLength, 1600u);
    QCOMPARE(CaptureSettings::load().dumpAllPath, local.dumpAllPath);
    QCOMPARE(CaptureSettings::load().interfaces, local.interfaces);

    for (int n = 0; n < 2; ++n) {
        MainWindow &window = *m_remote[n];
        Session &session = *window.session();
        // The host's own interfaces, from its helper.
        QTRY_VERIFY_WITH_TIMEOUT(session.interfaces()
                                         ->match(session.interfaces()->index(0),
                                                 InterfaceListModel::NameRole,
                                                 m_hosts.host(n).interface)
                                         .size() == 1,
                                 10000);
        chooseInterfaces(window, {m_hosts.host(n).interface});
        action(window, "startAction")->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(session.controller()->state() == CaptureState::Running ||
                                      !messageBar(window)->text().isEmpty(),
                                  "the capture neither ran nor failed", 20000);
        QVERIFY2(session.controller()->state() == CaptureState::Running,
                 qPrintable(messageBar(window)->text()));
    }
    QCOMPARE(CaptureSettings::load().interfaces, local.interfaces);
    QVERIFY(!QFile::exists(local.dumpAllPath));
    for (int n = 0; n < 2; ++n) {
        QVERIFY2(waitUntilStreaming(*m_remote[n], n), qPrintable(m_hosts.alias(n)));
        sendTo(n, 9, 5);
        QTRY_COMPARE_WITH_TIMEOUT(rowsTo(*m_remote[n], n, 9, false), 5, 10000);
        QCOMPARE(rowsTo(*m_remote[1 - n], n, 9, false), 0); // each window shows its own host
        QCOMPARE(listening(n), before[n]);                  // no port opened for any of it
        // The SSH connection that carries the capture is not in it (it would capture itself).
        const PacketTableModel &model = *m_remote[n]->session()->model();
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY2(text(model, row, PacketTableModel::Protocol) != QLatin1String("TCP"),
                     qPrintable(text(model, row, PacketTableModel::Info)));
    }

    // A rule in remote1's window is remote1's: it drops there, remote2 keeps passing.
    Session &first = *m_remote[0]->session();
    first.addRule(Session::dropRule(QStringLiteral("udp and dst port 9")));
    QTRY_COMPARE_WITH_TIMEOUT(first.rules()->rowCount(), 1, 10000);
    QCOMPARE(m_remote[1]->session()->rules()->rowCount(), 0);
    QCOMPARE(m_local->rules()->rowCount(), 0);
    sendTo(0, 9, 3);
    sendTo(1, 9, 3);
    QTRY_COMPARE_WITH_TIMEOUT(rowsTo(*m_remote[0], 0, 9, true), 3, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsTo(*m_remote[1], 1, 9, false), 8, 10000);
    QCOMPARE(rowsTo(*m_remote[1], 1, 9, true), 0);
    const Command::Result rules = m_hosts.runIn(1, {QStringLiteral("iptables-save")});
    QVERIFY2(!rules.output.contains("DROP"), rules.output.constData());
}

// File → All machines: one table of every machine's packets since the first connection, each
// named by its Machine column; "machine NAME" narrows it to one; a row's menu opens its machine's
// window. The hosts' windows go on showing only their own.
void tst_WindowRemote::theTableOfAllMachinesNamesEachPacketsMachine()
{
    QVERIFY(m_remote[0] && m_remote[1]);
    QVERIFY(action(*m_window, "allMachinesAction")->isEnabled());
    QVERIFY(action(*m_remote[1], "allMachinesAction")->isEnabled());
    // From a host's window too: the one table.
    action(*m_remote[1], "allMachinesAction")->trigger();
    AllMachinesWindow *all = m_window->showAllMachines();
    QVERIFY(all);
    QVERIFY(QTest::qWaitForWindowExposed(all));
    QCOMPARE(all->findChildren<PacketTableView *>().size(), 1);
    PacketTableView &table = *all->findChild<PacketTableView *>();
    const auto &model = *static_cast<const PacketTableModel *>(table.model());
    QVERIFY(!table.isColumnHidden(PacketTableModel::Machine));
    QCOMPARE(table.horizontalHeader()->visualIndex(PacketTableModel::Machine), 1);
    QVERIFY(tableView(*m_remote[0])->isColumnHidden(PacketTableModel::Machine));
    // Every UDP packet to port 9 that each window showed, named by its machine (5 passed and
    // 3 that remote1 dropped), and none under the other's name.
    for (int n = 0; n < 2; ++n) {
        const QString machine = m_hosts.alias(n);
        QCOMPARE(allMachinesRowsTo(n, 9, machine),
                 rowsTo(*m_remote[n], n, 9, false) + rowsTo(*m_remote[n], n, 9, true));
        QCOMPARE(allMachinesRowsTo(n, 9, machine), 8);
        QCOMPARE(allMachinesRowsTo(n, 9, m_hosts.alias(1 - n)), 0);
    }
    const int dropped = [&] {
        int rows = 0;
        for (int row : udpRowsTo(model, m_hosts.host(0).address, 9))
            rows += model.index(row, 0).data(PacketTableModel::DroppedRole).toBool();
        return rows;
    }();
    QCOMPARE(dropped, 3);
    // New packets arrive in both tables.
    sendTo(1, 9, 2);
    QTRY_COMPARE_WITH_TIMEOUT(allMachinesRowsTo(1, 9, m_hosts.alias(1)), 10, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsTo(*m_remote[1], 1, 9, false), 10, 10000);

    // The display filter narrows it to one machine.
    auto *filter = all->findChild<FilterBar *>();
    QVERIFY(filter);
    filter->setExpression(QStringLiteral("machine ") + m_hosts.alias(0));
    QTRY_VERIFY(!model.isFiltering());
    QTRY_VERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(text(model, row, PacketTableModel::Machine), m_hosts.alias(0));
    QCOMPARE(allMachinesRowsTo(0, 9, m_hosts.alias(0)), 8);
    QCOMPARE(allMachinesRowsTo(1, 9, m_hosts.alias(1)), 0);

    // A row's menu opens the window of its machine.
    table.setCurrentIndex(model.index(0, 0));
    QList<Session *> opened;
    connect(all, &AllMachinesWindow::machineWindowRequested, this,
            [&opened](Session *session) { opened.append(session); });
    QMenu *menu = all->showPacketMenu(table.visualRect(model.index(0, 0)).center());
    QVERIFY(menu);
    auto *open = menu->findChild<QAction *>(QStringLiteral("openMachineWindow"));
    QVERIFY(open && open->isEnabled());
    QVERIFY2(open->text().contains(m_hosts.alias(0)), qPrintable(open->text()));
    open->trigger();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0), m_remote[0]->session());
    menu->close();
    filter->setExpression({});
    QTRY_VERIFY(!model.isFiltering());
    all->close(); // a closed table keeps taking packets: File → All machines shows it again
}

void tst_WindowRemote::aCutLinkIsSaidAndTheCaptureIsPickedUpAgain()
{
    QVERIFY(m_remote[0] && m_remote[1]);
    MainWindow &cut = *m_remote[0];
    QString error;
    QVERIFY2(m_hosts.cutLink(0, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(messageBar(cut)->text().contains(QStringLiteral("link to remote1")),
                             20000);
    QVERIFY(!cut.session()->client()->isBusConnected());
    // The other host goes on.
    QCOMPARE(m_remote[1]->session()->controller()->state(), CaptureState::Running);
    const int before = rowsTo(*m_remote[1], 1, 9, false);
    sendTo(1, 9, 2);
    QTRY_COMPARE_WITH_TIMEOUT(rowsTo(*m_remote[1], 1, 9, false), before + 2, 10000);

    QVERIFY2(m_hosts.restoreLink(0, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(cut.session()->client()->isBusConnected(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(cut.session()->controller()->state(), CaptureState::Running, 20000);
    QVERIFY2(messageBar(cut)->text().contains(QStringLiteral("Connected to remote1")),
             qPrintable(messageBar(cut)->text()));
    // The same capture, picked up: its rule still drops, its new packets arrive.
    QVERIFY(waitUntilStreaming(cut, 0));
    const int dropped = rowsTo(cut, 0, 9, true);
    const int inAll = allMachinesRowsTo(0, 9, m_hosts.alias(0));
    sendTo(0, 9, 2);
    QTRY_COMPARE_WITH_TIMEOUT(rowsTo(cut, 0, 9, true), dropped + 2, 10000);
    // The table of every machine takes the new stream's packets too.
    QTRY_COMPARE_WITH_TIMEOUT(allMachinesRowsTo(0, 9, m_hosts.alias(0)), inAll + 2, 10000);
}

void tst_WindowRemote::anUnknownHostKeyIsRefused()
{
    QString error;
    QVERIFY2(m_hosts.changeHostKey(1, &error), qPrintable(error));
    // A window on a host whose key changed: ssh refuses and the window keeps trying, saying so.
    if (m_remote[1])
        m_remote[1]->close();
    QTRY_VERIFY(!m_remote[1]);
    MainWindow *window = m_window->connectToHost(m_hosts.alias(1));
    QVERIFY(window);
    QTRY_VERIFY2_WITH_TIMEOUT(messageBar(*window)->text().contains(QStringLiteral(
                                  "Cannot connect to remote2: Host key verification failed")),
                              qPrintable(messageBar(*window)->text()), 10000);
    QVERIFY(!window->session()->client()->isBusConnected());
    QVERIFY(!action(*window, "startAction")->isEnabled());
    window->close();
    QVERIFY2(m_hosts.trustHostKeys(&error), qPrintable(error));
}

QTEST_MAIN(tst_WindowRemote)
#include "tst_window_remote.moc"
