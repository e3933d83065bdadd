#include "MainWindow.h"

#include "CaptureController.h"
#include "CaptureSettings.h"
#include "CaptureSettingsDialog.h"
#include "ChartsPanel.h"
#include "DesktopIntegration.h"
#include "FilterBar.h"
#include "HealthWidget.h"
#include "HelperClient.h"
#include "InterfaceListModel.h"
#include "InterfacePicker.h"
#include "MessageBar.h"
#include "PacketDetails.h"
#include "PacketExport.h"
#include "PacketFields.h"
#include "PacketMenu.h"
#include "PacketStore.h"
#include "PacketTableModel.h"
#include "PacketTableView.h"
#include "PcapImporter.h"
#include "RateChart.h"
#include "RuleDialog.h"
#include "RuleListModel.h"
#include "RuleSuggestion.h"
#include "RulesPanel.h"
#include "TrafficStatistics.h"
#include "Translations.h"
#include "UiResources.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace nfqmon {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString TableHeaderKey = QStringLiteral("window/tableHeader");
constexpr int LayoutVersion = 1;
} // namespace

MainWindow::MainWindow(const QDBusConnection &bus, QWidget *parent)
    : QMainWindow(parent), m_client(new HelperClient(bus, this)),
      m_controller(new CaptureController(m_client, this)),
      m_interfaces(new InterfaceListModel(this)), m_rules(new RuleListModel(m_client, this)),
      m_store(new PacketStore(this)), m_model(new PacketTableModel(m_store, this)),
      m_statistics(new TrafficStatistics(m_store, this)), m_chartClock(new QTimer(this)),
      m_export(new PacketExport(this))
{
    initUiResources();
    installTranslations(); // (main() did already; tests rely on this)
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("NFQueue Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nfqmon.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    m_interfaces->setChecked(CaptureSettings::load().interfaces);

    createActions();
    createCentralArea();
    createToolBar();
    createDocks();
    m_desktop = new DesktopIntegration(this, m_client, m_controller, m_startAction, m_stopAction,
                                       m_quitAction);
    createMenus();
    m_health = new HealthWidget(this);
    statusBar()->addWidget(m_health, 1);

    connect(m_controller, &CaptureController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_client, &HelperClient::busLost, this, &MainWindow::onBusLost);
    connect(m_client, &HelperClient::busRestored, this, &MainWindow::onBusRestored);
    connect(m_controller, &CaptureController::errorOccurred, this, &MainWindow::onCaptureError);
    connect(m_controller, &CaptureController::healthChanged, m_health, &HealthWidget::setHealth);
    connect(m_controller, &CaptureController::noticeReceived, this, [this](const QString &notice) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, notice);
    });
    connect(m_controller, &CaptureController::batchArrived, m_store, &PacketStore::append);
    connect(m_store, &PacketStore::packetsAppended, this,
            [this] { m_controller->setRolledOff(m_store->rolledOff()); });
    connect(m_store, &PacketStore::errorOccurred, this, [this](const QString &message) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, message);
    });
    connect(m_model, &PacketTableModel::filteringChanged, m_filterBar, &FilterBar::setBusy);
    connect(m_model, &PacketTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_filterBar, &FilterBar::filterRequested, this, &MainWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentPacket);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showPacketMenu);
    connect(m_export, &PacketExport::finished, this, [this](bool ok, const QString &message) {
        m_messageBar->showMessage(ok ? MessageBar::Kind::Information : MessageBar::Kind::Error,
                                  message);
    });
    connect(m_rulesPanel, &RulesPanel::previewRequested, this, &MainWindow::setPreview);
    connect(m_statistics, &TrafficStatistics::updated, this, &MainWindow::updateCharts);
    // New packets redraw the charts (at most once a second, TrafficStatistics::updated); this
    // clock only moves the rate chart on through quiet times, where a step of a few seconds
    // shows as much and costs a fifth.
    m_chartClock->setInterval(5000);
    connect(m_chartClock, &QTimer::timeout, this, &MainWindow::updateCharts);
    connect(m_charts->rateChart(), &RateChart::timeRangeSelected, m_model,
            &PacketTableModel::setTimeRange);
    connect(m_charts->rateChart(), &RateChart::timeRangeCleared, m_model,
            &PacketTableModel::clearTimeRange);
    connect(m_client, &HelperClient::refreshFailed, this, [this](const HelperError &error) {
        // Only worth a message when nothing else explains it (e.g. the helper is missing).
        if (m_messageBar->text().isEmpty())
            m_messageBar->showMessage(MessageBar::Kind::Warning, error.sentence());
    });

    QString storeError;
    if (!m_store->open(&storeError))
        m_messageBar->showMessage(MessageBar::Kind::Warning, storeError);
    setInitialColumnWidths();
    restoreLayout();
    onStateChanged(CaptureState::Idle);
    updateCounts();
    if (m_client->isBusConnected())
        m_client->refreshRules(); // asynchronous: the window is there before any answer
    else
        onBusLost(false);
}

MainWindow::~MainWindow() = default;

TrayIcon *MainWindow::trayIcon() const
{
    return m_desktop->trayIcon();
}

DropRuleWatcher *MainWindow::dropRuleWatcher() const
{
    return m_desktop->dropRuleWatcher();
}

void MainWindow::createActions()
{
    m_startAction = new QAction(QIcon(QStringLiteral(":/icons/start.svg")), tr("&Start"), this);
    m_startAction->setObjectName(QStringLiteral("startAction"));
    m_startAction->setToolTip(tr("Start capturing on the chosen interfaces (asks for "
                                 "authorisation)"));
    m_startAction->setShortcut(Qt::CTRL | Qt::Key_E);
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startCapture);

    m_stopAction = new QAction(QIcon(QStringLiteral(":/icons/stop.svg")), tr("S&top"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setToolTip(tr("Stop capturing; the packets stay in the table"));
    m_stopAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopCapture);

    m_settingsAction =
        new QAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("Capture &settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_openAction =
        new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open pcap file…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Browse the packets of a pcap file, without capturing"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_exportAction = new QAction(QIcon(QStringLiteral(":/icons/export.svg")),
                                 tr("&Export packets to pcap…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence::Save);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExportDialog);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, [this] {
        m_quitting = true;
        close();
        m_quitting = false;
    });

    m_startAgainAction =
        new QAction(QIcon(QStringLiteral(":/icons/start.svg")), tr("Start again"), this);
    m_startAgainAction->setObjectName(QStringLiteral("startAgainAction"));
    connect(m_startAgainAction, &QAction::triggered, this, &MainWindow::startCapture);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Capture"));
    toolBar->setObjectName(QStringLiteral("captureToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_startAction);
    toolBar->addAction(m_stopAction);
    toolBar->addSeparator();
    m_interfacePicker = new InterfacePicker(m_interfaces, toolBar);
    toolBar->addWidget(m_interfacePicker);
    toolBar->addAction(m_settingsAction);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_exportAction);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *capture = menuBar()->addMenu(tr("&Capture"));
    capture->addAction(m_startAction);
    capture->addAction(m_stopAction);
    capture->addSeparator();
    capture->addAction(m_settingsAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_chartsDock->toggleViewAction());
    view->addAction(m_rulesDock->toggleViewAction());
    view->addSeparator();
    m_desktop->addMenuActions(view);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About NFQueue Monitor"), this, [this] {
        QMessageBox::about(
            this, tr("About NFQueue Monitor"),
            tr("<p><b>NFQueue Monitor</b> %1</p><p>Shows the packets netfilter queues to "
               "userspace, drops traffic by rule and saves it to pcap files.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    m_messageBar = new MessageBar(central);
    m_filterBar = new FilterBar(central);
    m_table = new PacketTableView(central);
    m_table->setModel(m_model);
    m_table->setElideRight(PacketTableModel::Info);
    m_details = new PacketDetails(central);
    m_details->setObjectName(QStringLiteral("packetDetails"));
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("tableSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    m_charts = new ChartsPanel(this);
    m_chartsDock = new QDockWidget(tr("Charts"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::RightDockWidgetArea, m_chartsDock);

    m_rulesPanel = new RulesPanel(m_client, m_rules, this);
    m_rulesDock = new QDockWidget(tr("Rules"), this);
    m_rulesDock->setObjectName(QStringLiteral("rulesDock"));
    m_rulesDock->setWidget(m_rulesPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_rulesDock);
    resizeDocks({m_chartsDock, m_rulesDock}, {3, 2}, Qt::Vertical);
    resizeDocks({m_chartsDock}, {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 56},
                Qt::Horizontal);
    connect(m_rulesPanel, &RulesPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_rulesPanel, &RulesPanel::ruleRemoved, this, &MainWindow::onRuleRemoved);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        const QRect screen = this->screen()->availableGeometry();
        resize(qMin(1600, screen.width() * 9 / 10), qMin(1000, screen.height() * 9 / 10));
    }
    restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
    m_splitter->restoreState(settings.value(SplitterKey).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(TableHeaderKey).toByteArray());
}

void MainWindow::setInitialColumnWidths()
{
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<PacketTableModel::Column, int> widths[] = {
        {PacketTableModel::Number, 7},    {PacketTableModel::Time, 15},
        {PacketTableModel::Interface, 7}, {PacketTableModel::Direction, 7},
        {PacketTableModel::Source, 15},   {PacketTableModel::Destination, 15},
        {PacketTableModel::Protocol, 7},  {PacketTableModel::Length, 6},
        {PacketTableModel::Info, 16},     {PacketTableModel::Verdict, 14},
        {PacketTableModel::User, 5}};
    for (const auto &[column, characters] : widths)
        m_table->setColumnWidth(column, characters * digit + 12);
    // Info last, as in Wireshark: it takes the rest of the width.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(PacketTableModel::Info), header->count() - 1);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(LayoutVersion));
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(TableHeaderKey, m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (!m_quitting && m_desktop->closeHidesToTray()) {
        m_desktop->hideToTray();
        event->ignore();
        return;
    }
    // The helper stops a capture whose client leaves the bus anyway; asking is quicker.
    if (m_controller->state() == CaptureState::Running)
        m_controller->stop();
    event->accept();
}

void MainWindow::startCapture()
{
    if (m_controller->state() != CaptureState::Idle)
        return;
    CaptureSettings settings = CaptureSettings::load();
    settings.interfaces = m_interfaces->checked();
    settings.save();
    m_messageBar->dismiss();
    clearPackets();
    m_store->setLimit(settings.storeLimit);
    m_offlineFile.clear();
    m_health->setOfflineFile({});
    setWindowTitle(tr("NFQueue Monitor"));
    m_controller->start(settings);
}

void MainWindow::stopCapture()
{
    m_controller->stop();
}

bool MainWindow::openFile(const QString &path)
{
    if (m_controller->state() != CaptureState::Idle) {
        showError(tr("Stop the capture before opening a file."));
        return false;
    }
    m_messageBar->dismiss();
    clearPackets();
    m_store->setLimit(CaptureSettings::load().storeLimit);
    QString error;
    qint64 skipped = 0;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = PcapImporter::load(path, m_store, &error, &skipped);
    QApplication::restoreOverrideCursor();
    m_offlineFile = path;
    m_health->setOfflineFile(path);
    setWindowTitle(tr("%1 — NFQueue Monitor").arg(QFileInfo(path).fileName()));
    updateCharts();
    if (!ok) {
        showError(error);
        return false;
    }
    if (skipped > 0) {
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("Left out %Ln frame(s) without an IP packet.", "",
                                     int(qMin<qint64>(skipped, INT_MAX))));
    }
    return true;
}

void MainWindow::clearPackets()
{
    m_details->clearPacket();
    m_store->clear();
    m_table->setFollowing(true);
}

void MainWindow::applyFilter(const QString &expression)
{
    QString error;
    if (!m_model->setDisplayFilter(expression, &error))
        m_filterBar->setError(error);
}

void MainWindow::updateCounts()
{
    m_filterBar->setCounts(m_model->shownCount(), m_store->size(),
                           !m_model->displayFilter().isEmpty() || m_model->hasTimeRange());
}

void MainWindow::showCurrentPacket()
{
    const QModelIndex current = m_table->currentIndex();
    const qint64 row = current.isValid() ? m_model->storeRow(current.row()) : -1;
    if (row < 0 || row >= m_store->size()) {
        m_details->clearPacket();
        return;
    }
    const StoredPacket &packet = m_store->at(row);
    m_details->showPacket(PacketFields::of(packet, m_store->interfaceName(packet.inInterface),
                                           m_store->interfaceName(packet.outInterface)),
                          m_store->bytes(row));
}

void MainWindow::updateCharts()
{
    constexpr int MinimumSeconds = 60;
    // Live: up to now, so the chart moves on when traffic pauses. A file: its own time.
    const bool live = m_controller->state() == CaptureState::Running;
    const QList<TrafficStatistics::Second> seconds =
        m_statistics->seconds(live ? QDateTime::currentMSecsSinceEpoch() * 1'000'000 : 0);
    // From the first second with traffic (at least a minute): a new capture fills the width.
    qsizetype first = 0;
    while (first < seconds.size() && seconds[first].acceptedPackets == 0 &&
           seconds[first].droppedPackets == 0)
        ++first;
    first = qMax<qsizetype>(0, qMin(first, seconds.size() - MinimumSeconds));
    QList<RatePoint> rates;
    rates.reserve(seconds.size() - first);
    for (qsizetype i = first; i < seconds.size(); ++i) {
        const TrafficStatistics::Second &s = seconds[i];
        rates.append(
            {s.startNs, s.acceptedPackets, s.droppedPackets, s.acceptedBytes, s.droppedBytes});
    }
    m_charts->setRates(rates);
    const auto entries = [](const QList<TrafficStatistics::Count> &counts) {
        QList<ChartEntry> list;
        list.reserve(counts.size());
        for (const TrafficStatistics::Count &count : counts)
            list.append({count.name, count.packets});
        return list;
    };
    m_charts->setProtocols(entries(m_statistics->protocols()));
    m_charts->setTalkers(entries(m_statistics->topTalkers()), m_statistics->topTalkersError(),
                         TrafficStatistics::TopCounters);
    m_charts->setPorts(entries(m_statistics->topPorts()), m_statistics->topPortsError(),
                       TrafficStatistics::TopCounters);
}

void MainWindow::onStateChanged(CaptureState state)
{
    // fail() in the controller goes to Idle first, then reports: remember where it came from.
    m_endedWhileRunning = m_previousState == CaptureState::Running && state == CaptureState::Idle;
    m_previousState = state;
    m_startAction->setEnabled(state == CaptureState::Idle && m_client->isBusConnected());
    m_stopAction->setEnabled(state == CaptureState::Starting || state == CaptureState::Running);
    m_settingsAction->setEnabled(state == CaptureState::Idle);
    m_interfacePicker->setEnabled(state == CaptureState::Idle);
    m_openAction->setEnabled(state == CaptureState::Idle);
    if (state == CaptureState::Running)
        m_chartClock->start();
    else
        m_chartClock->stop();
}

void MainWindow::onCaptureError(const QString &message)
{
    // The capture ended by itself (the helper died, another program stopped it...): offer to
    // start again. A refusal or a bad setting is answered by the user first.
    QList<QAction *> actions;
    if (m_endedWhileRunning)
        actions.append(m_startAgainAction);
    m_messageBar->showMessage(MessageBar::Kind::Error, message, actions);
}

void MainWindow::onBusLost(bool captureEnded)
{
    // The controller is idle already (it ended the capture without a word): say why here.
    m_captureLostWithBus = m_captureLostWithBus || captureEnded;
    m_startAction->setEnabled(false);
    m_messageBar->showMessage(
        MessageBar::Kind::Error,
        captureEnded ? tr("The system bus stopped, and the capture with it: the helper removed "
                          "its chains, so packets pass without the rules. The window connects "
                          "again as soon as the bus is back.")
                     : tr("The system bus stopped (or is not running): the window cannot reach "
                          "the helper. It connects again as soon as the bus is back."));
}

void MainWindow::onBusRestored()
{
    onStateChanged(m_controller->state());
    m_client->refreshRules(); // as when the window opens
    QList<QAction *> actions;
    if (std::exchange(m_captureLostWithBus, false))
        actions.append(m_startAgainAction);
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              actions.isEmpty()
                                  ? tr("Connected to the system bus again.")
                                  : tr("Connected to the system bus again. The capture stopped "
                                       "with the bus; start it again to go on."),
                              actions);
}

void MainWindow::showError(const QString &message)
{
    m_messageBar->showMessage(MessageBar::Kind::Error, message);
}

void MainWindow::showSettings()
{
    CaptureSettingsDialog dialog(m_client, this);
    CaptureSettings settings = CaptureSettings::load();
    settings.interfaces = m_interfaces->checked();
    dialog.setSettings(settings);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.settings().save();
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open pcap file"), QString(), tr("pcap files (*.pcap *.cap);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

QList<qint64> MainWindow::selectedStoreRows() const
{
    QList<qint64> rows;
    for (int row : m_table->selectedRows()) {
        if (const qint64 storeRow = m_model->storeRow(row); storeRow >= 0)
            rows.append(storeRow);
    }
    return rows;
}

PacketMenu *MainWindow::showPacketMenu(const QPoint &position)
{
    const QList<qint64> rows = selectedStoreRows();
    if (rows.isEmpty())
        return nullptr;
    // The suggestions hold for every chosen packet; a few hundred say all there is to say.
    constexpr qsizetype MaximumPackets = 256;
    QList<StoredPacket> packets;
    for (qsizetype i = 0; i < rows.size() && i < MaximumPackets; ++i)
        packets.append(m_store->at(rows[i]));
    auto *menu = new PacketMenu(RuleSuggestion::forPackets(packets), int(rows.size()), this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // The menu's entries add rules of their expression alone (dropLike): previewed as such.
    connect(menu, &PacketMenu::previewRequested, this,
            [this](const QString &expression) { setPreview(dropRule(expression)); });
    connect(menu, &PacketMenu::dropRequested, this, &MainWindow::dropLike);
    connect(menu, &PacketMenu::customDropRequested, this, &MainWindow::showCustomDrop,
            Qt::QueuedConnection); // after the menu has closed
    connect(menu, &PacketMenu::filterRequested, m_filterBar, &FilterBar::setExpression);
    connect(menu, &PacketMenu::exportRequested, this, &MainWindow::showExportDialog,
            Qt::QueuedConnection);
    menu->popup(m_table->viewport()->mapToGlobal(position));
    return menu;
}

void MainWindow::setPreview(const RuleInfo &rule)
{
    // The helper's matcher decides (RulePreview): the same rule, the same packets.
    const std::optional<Rule> candidate = rule.toRule();
    if (rule.expression.isEmpty() || !candidate || !m_model->setPreview(*candidate, nullptr))
        m_model->clearPreview();
}

RuleInfo MainWindow::dropRule(const QString &expression)
{
    RuleInfo rule;
    rule.expression = expression;
    rule.action = RuleAction::Drop;
    return rule;
}

void MainWindow::dropLike(const QString &expression)
{
    QPointer<MainWindow> self(this);
    const RuleInfo rule = dropRule(expression);
    m_client->addRule(rule.toFields(), [self, expression](uint id, const HelperError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->showError(tr("The rule was not added. %1").arg(error.sentence()));
            return;
        }
        auto *undo = new QAction(tr("Undo"), self->m_messageBar);
        connect(undo, &QAction::triggered, self, [self, id] {
            self->m_client->removeRule(id, [self](const HelperError &removeError) {
                if (self && removeError.isError())
                    self->showError(removeError.sentence());
            });
        });
        connect(self->m_messageBar, &MessageBar::dismissed, undo, &QObject::deleteLater,
                Qt::SingleShotConnection);
        self->m_messageBar->showMessage(
            MessageBar::Kind::Information,
            tr("Rule %1 drops packets matching “%2” from now on.").arg(id).arg(expression), {undo});
    });
}

void MainWindow::showCustomDrop(const QString &expression)
{
    RuleDialog dialog(RuleDialog::Purpose::Add, this);
    RuleInfo rule;
    rule.expression = expression;
    dialog.setRule(rule);
    connect(&dialog, &RuleDialog::ruleChanged, this, &MainWindow::setPreview);
    setPreview(dialog.rule());
    const bool accepted = dialog.exec() == QDialog::Accepted;
    setPreview(RuleInfo());
    if (!accepted)
        return;
    QPointer<MainWindow> self(this);
    m_client->addRule(dialog.rule().toFields(), [self](uint, const HelperError &error) {
        if (self && error.isError())
            self->showError(tr("The rule was not added. %1").arg(error.sentence()));
    });
}

void MainWindow::showExportDialog()
{
    const QList<qint64> selected = selectedStoreRows();
    ExportDialog dialog(m_store->size(), m_model->shownCount(), selected.size(), this);
    if (!m_offlineFile.isEmpty())
        dialog.setPath(QFileInfo(m_offlineFile)
                           .dir()
                           .filePath(QFileInfo(m_offlineFile).completeBaseName() + tr("-export") +
                                     QStringLiteral(".pcap")));
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportPackets(dialog.scope(), dialog.path());
}

bool MainWindow::exportPackets(ExportDialog::Scope scope, const QString &path)
{
    // The store's rows now are the snapshot's rows: both are taken here, in one go.
    const PacketSnapshot snapshot = m_store->snapshot();
    bool started = false;
    switch (scope) {
    case ExportDialog::Scope::All:
        started = m_export->start(snapshot, std::nullopt, path);
        break;
    case ExportDialog::Scope::Displayed: {
        QList<qint64> rows;
        rows.reserve(m_model->rowCount());
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(m_model->storeRow(row));
        started = m_export->start(snapshot, rows, path);
        break;
    }
    case ExportDialog::Scope::Selected:
        started = m_export->start(snapshot, selectedStoreRows(), path);
        break;
    case ExportDialog::Scope::Conversation: {
        QList<StoredPacket> packets;
        for (qint64 row : selectedStoreRows())
            packets.append(m_store->at(row));
        started = m_export->startConversations(snapshot, packets, path);
        break;
    }
    }
    if (!started)
        showError(tr("An export is still running."));
    return started;
}

void MainWindow::onRuleRemoved(const RuleInfo &rule, int position)
{
    auto *undo = new QAction(tr("Undo"), m_messageBar);
    QPointer<MainWindow> self(this);
    connect(undo, &QAction::triggered, this, [self, rule, position] {
        self->m_client->addRule(
            rule.toFields(), [self, position](uint id, const HelperError &error) {
                if (!self)
                    return;
                if (error.isError()) {
                    self->showError(tr("The rule was not put back. %1").arg(error.sentence()));
                    return;
                }
                self->m_client->moveRule(id, uint(position), [self](const HelperError &moveError) {
                    if (self && moveError.isError())
                        self->showError(moveError.sentence());
                });
            });
    });
    connect(m_messageBar, &MessageBar::dismissed, undo, &QObject::deleteLater,
            Qt::SingleShotConnection);
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              rule.action == RuleAction::Accept
                                  ? tr("Deleted the rule accepting “%1”.").arg(rule.expression)
                                  : tr("Deleted the rule dropping “%1”.").arg(rule.expression),
                              {undo});
}

} // namespace nfqmon
