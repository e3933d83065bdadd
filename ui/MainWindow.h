// The main window, built on a Session: toolbar with start/stop, the interface chooser and the
// capture settings; the message bar; the display filter over the packet table; the details pane
// (decoded headers and bytes); docks for the charts and the rules; the capture's health in the
// status bar. The session does the work; this class lays out the widgets and hands the user's
// actions to it. Its helpers each have one job: WindowActions (the actions), SessionMessages
// (the message bar's sentences), ChartFeeder (the charts), WindowLayout (the layout remembered
// at the next launch), ExportProgress (an export's progress), DesktopIntegration (the tray icon
// and notifications: closing the window while capturing can hide it in the tray).
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QSplitter;

namespace nfqmon {

class AllMachines;
class AllMachinesWindow;
class ChartsPanel;
class DesktopIntegration;
class FilterBar;
class HealthWidget;
class InterfacePicker;
class MessageBar;
class PacketDetails;
class PacketMenu;
class PacketTableView;
class RulesPanel;
class Session;
class SessionMessages;
class WindowActions;
class WindowLayout;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // session: outlives the window.
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Offline browsing of a pcap file; false (and the message bar) when it cannot be read.
    bool openFile(const QString &path);
    // The context menu for the selected rows, opened at `position` (table viewport coordinates).
    PacketMenu *showPacketMenu(const QPoint &position);
    // A window of its own on another machine's nfqmon, over SSH (`destination` as for ssh); the
    // one already open for it is raised. nullptr and the message bar when it is not valid.
    // From another machine's window: the first window's, which keeps every host's window.
    MainWindow *connectToHost(const QString &destination);
    Session *session() const { return m_session; }
    // The table of every machine (File → All machines), opened or raised; nullptr before any
    // other machine was connected to. It takes the packets of every machine from the first
    // connection on.
    AllMachinesWindow *showAllMachines();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createToolBar();
    void createMenus();
    void createCentralArea();
    void createDocks();
    void connectSession();

    void startCapture();
    void applyFilter(const QString &expression);
    void updateCounts();
    void showCurrentPacket();
    void onStateChanged();
    void onBusLost();
    void onOfflineFileChanged(const QString &path);
    void showSettings();
    void showOpenDialog();
    void showConnectDialog();
    void showExportDialog();
    void raiseWindowOf(Session *session);
    void showCustomDrop(const QString &expression);
    QList<qint64> selectedStoreRows() const;

    Session *m_session;
    WindowActions *m_actions;
    QHash<QString, QPointer<MainWindow>> m_hostWindows; // by SSH destination
    QPointer<MainWindow> m_first;         // in another machine's window: the window that opened it
    AllMachines *m_allMachines = nullptr; // the first window's, from the first connection on
    QPointer<AllMachinesWindow> m_allMachinesWindow;
    DesktopIntegration *m_desktop = nullptr;
    SessionMessages *m_messages = nullptr;
    std::unique_ptr<WindowLayout> m_layout;

    MessageBar *m_messageBar = nullptr;
    FilterBar *m_filterBar = nullptr;
    PacketTableView *m_table = nullptr;
    PacketDetails *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    HealthWidget *m_health = nullptr;
    ChartsPanel *m_charts = nullptr;
    RulesPanel *m_rulesPanel = nullptr;
    InterfacePicker *m_interfacePicker = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    QDockWidget *m_rulesDock = nullptr;
    QDockWidget *m_connectionsDock = nullptr;

    bool m_quitting = false; // Quit, not a close to the tray
};

} // namespace nfqmon
