// What the window's tests (tests/gui/tst_window_*.cpp) share: the real nfqmon-helper, activated
// on the private system bus with the real polkitd, in the test's network namespace
// (ServiceTestBed), the window on a Session as main() makes them, on the offscreen platform, and
// ways to reach what a person sees: actions and widgets by objectName or class, the table's text.
//
// The window runs in the test's process as root on the private bus: polkit always allows root,
// so nothing is bypassed.
#pragma once

#include "app/client/CaptureController.h"
#include "app/client/InterfaceListModel.h"
#include "app/session/Session.h"
#include "app/store/PacketTableModel.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "ui/InterfacePicker.h"
#include "ui/MainWindow.h"
#include "ui/MessageBar.h"
#include "ui/PacketTableView.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace nfqmon::test {

inline constexpr char WindowTestOrganization[] = "nfqmon-gui-test";

inline QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

inline MessageBar *messageBar(const MainWindow &window)
{
    return window.findChild<MessageBar *>();
}

inline PacketTableView *tableView(const MainWindow &window)
{
    return window.findChild<PacketTableView *>();
}

inline void chooseInterfaces(const MainWindow &window, const QStringList &names)
{
    window.findChild<InterfacePicker *>()->model()->setChecked(names);
}

inline QString text(const PacketTableModel &model, int row, PacketTableModel::Column column)
{
    return model.index(row, column).data().toString();
}

// Rows of UDP packets to `port`, by their Destination and Info text.
inline QList<int> udpRowsTo(const PacketTableModel &model, const QString &destination, int port)
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

// The store rows of the packets selected in the window's table.
inline QList<qint64> selectedStoreRows(const MainWindow &window, const PacketTableModel &model)
{
    QList<qint64> rows;
    for (int row : tableView(window)->selectedRows())
        rows.append(model.storeRow(row));
    return rows;
}

// The fixture of a window test class: its initTestCase() calls useTestSettings() and starts
// m_bed (NFQMON_START_SERVICE_TEST_BED, which may skip, so it stays in the slot), init() calls
// resetBed() and cleanupTestCase() stopBed().
class WindowTest : public QObject
{
protected:
    // Settings under ~/.qttest (not the user's), English numbers.
    static void useTestSettings()
    {
        QApplication::setOrganizationName(QLatin1String(WindowTestOrganization));
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void resetBed()
    {
        QString error;
        QVERIFY2(m_bed.reset(&error), qPrintable(error));
        QSettings().clear();
    }
    void stopBed()
    {
        QSettings().clear();
        m_bed.stop();
    }
    // Starts a capture on vethA from the toolbar and waits until it runs.
    void start(Session &session, MainWindow &window)
    {
        chooseInterfaces(window, {QStringLiteral("vethA")});
        action(window, "startAction")->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(session.controller()->state() == CaptureState::Running ||
                                      !messageBar(window)->text().isEmpty(),
                                  "the capture neither ran nor failed", 15000);
        QVERIFY2(messageBar(window)->text().isEmpty(), qPrintable(messageBar(window)->text()));
    }
    // nfqmon-test-send (the program the window should name), run as uid 65534 in the test's
    // namespace: `count` datagrams to peer 0's far end, `port`.
    Command::Result sendAsNobody(int port, int count)
    {
        return m_bed.network().run(
            TestNetwork::Local,
            {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
             QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), senderPath(),
             QStringLiteral("udp"), m_bed.network().peer(0).peerIpv4, QString::number(port),
             QStringLiteral("--count"), QString::number(count)});
    }
    static QString senderPath()
    {
        return TestNetwork::toolPath(QStringLiteral("nfqmon-test-send"));
    }
    void stop(Session &session, MainWindow &window)
    {
        action(window, "stopAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session.controller()->state(), CaptureState::Idle, 10000);
    }

    ServiceTestBed m_bed;
    QTemporaryDir m_files;
};

} // namespace nfqmon::test
