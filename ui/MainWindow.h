// The main window (DESIGN.md, "The main window"): toolbar with start/stop, the interface chooser
// and the capture settings; the message bar; the display filter over the packet table; the
// details pane (decoded headers and bytes); docks for the charts and the rules; the capture's
// health in the status bar. Layout and geometry are restored at the next launch. Optionally a
// tray icon (closing the window while capturing then hides it there) and a desktop notification
// when a new rule starts dropping packets.
#pragma once

#include "CaptureState.h"
#include "ExportDialog.h"

#include <QDBusConnection>
#include <QMainWindow>

class QAction;
class QDockWidget;
class QSplitter;
class QLabel;
class QTimer;

namespace nfqmon {

class CaptureController;
class ChartsPanel;
class DesktopIntegration;
class DropRuleWatcher;
class FilterBar;
class HealthWidget;
class HelperClient;
class InterfaceListModel;
class InterfacePicker;
class MessageBar;
class PacketExport;
class PacketMenu;
class PacketDetails;
class PacketStore;
class PacketTableModel;
class TrafficStatistics;
class PacketTableView;
class RuleListModel;
class RulesPanel;
class TrayIcon;
struct HelperError;
struct RuleInfo;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // bus: the system bus (the tests pass their private one).
    explicit MainWindow(const QDBusConnection &bus, QWidget *parent = nullptr);
    ~MainWindow() override;

    void startCapture();
    void stopCapture();
    // Offline browsing of a pcap file; false (and the message bar) when it cannot be read.
    bool openFile(const QString &path);
    // Writes the packets of `scope` to `path` in the background (PacketExport::finished).
    bool exportPackets(ExportDialog::Scope scope, const QString &path);
    // Adds a rule dropping what `expression` matches (the context menu's choices).
    void dropLike(const QString &expression);
    // The context menu for the selected rows, opened at `position` (table viewport coordinates).
    PacketMenu *showPacketMenu(const QPoint &position);

    HelperClient *helperClient() const { return m_client; }
    CaptureController *captureController() const { return m_controller; }
    MessageBar *messageBar() const { return m_messageBar; }
    PacketStore *store() const { return m_store; }
    PacketTableModel *tableModel() const { return m_model; }
    PacketTableView *tableView() const { return m_table; }
    PacketExport *packetExport() const { return m_export; }
    TrayIcon *trayIcon() const;
    DropRuleWatcher *dropRuleWatcher() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createMenus();
    void createCentralArea();
    void createDocks();
    void restoreLayout();
    void saveLayout() const;
    void setInitialColumnWidths();

    void applyFilter(const QString &expression);
    void updateCounts();
    void showCurrentPacket();
    void updateCharts();
    void clearPackets();

    void onStateChanged(CaptureState state);
    void onCaptureError(const QString &message);
    void onBusLost(bool captureEnded);
    void onBusRestored();
    void showSettings();
    void showOpenDialog();
    void showExportDialog();
    void showCustomDrop(const QString &expression);
    // Highlights what `rule` would catch; a rule without an expression clears the preview.
    void setPreview(const RuleInfo &rule);
    // What "Drop packets like this" adds: the expression alone, every interface, both ways.
    static RuleInfo dropRule(const QString &expression);
    QList<qint64> selectedStoreRows() const;
    void onRuleRemoved(const RuleInfo &rule, int position);
    void showError(const QString &message);

    HelperClient *m_client;
    CaptureController *m_controller;
    InterfaceListModel *m_interfaces;
    RuleListModel *m_rules;
    PacketStore *m_store;
    PacketTableModel *m_model;
    TrafficStatistics *m_statistics;
    QTimer *m_chartClock; // moves the rate chart on while a capture runs, even when quiet
    PacketExport *m_export;
    DesktopIntegration *m_desktop = nullptr;

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

    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_startAgainAction = nullptr;

    CaptureState m_previousState = CaptureState::Idle;
    bool m_endedWhileRunning = false;
    bool m_captureLostWithBus = false; // offer to start again once the bus is back
    QString m_offlineFile;
    bool m_quitting = false; // Quit, not a close to the tray
};

} // namespace nfqmon
