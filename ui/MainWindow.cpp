#include "ui/MainWindow.h"

#include "app/client/CaptureController.h"
#include "app/client/HelperClient.h"
#include "app/client/RemoteLink.h"
#include "app/client/RuleInfo.h"
#include "app/client/SshDestination.h"
#include "app/display/Translations.h"
#include "app/session/AllMachines.h"
#include "app/session/Session.h"
#include "app/store/ConnectionListModel.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "ui/AllMachinesWindow.h"
#include "ui/ApplicationIcon.h"
#include "ui/CaptureSettingsDialog.h"
#include "ui/ChartFeeder.h"
#include "ui/ChartsPanel.h"
#include "ui/DesktopIntegration.h"
#include "ui/ExportDialog.h"
#include "ui/ExportProgress.h"
#include "ui/FilterBar.h"
#include "ui/HealthWidget.h"
#include "ui/InterfacePicker.h"
#include "ui/MessageBar.h"
#include "ui/PacketDetails.h"
#include "ui/PacketMenu.h"
#include "ui/PacketTableView.h"
#include "ui/RuleDialog.h"
#include "ui/RulesPanel.h"
#include "ui/SessionMessages.h"
#include "ui/UiResources.h"
#include "ui/WindowActions.h"
#include "ui/WindowLayout.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace nfqmon {

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_actions(new WindowActions(this))
{
    initUiResources();
    installTranslations(); // (main() did already; tests rely on this)
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(session->machine().isEmpty()
                       ? tr("NFQueue Monitor")
                       : tr("NFQueue Monitor — %1").arg(session->machine()));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nfqmon.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);

    createCentralArea();
    createToolBar();
    createDocks();
    m_desktop = new DesktopIntegration(this, session, m_actions->start(), m_actions->stop(),
                                       m_actions->quit());
    createMenus();
    m_health = new HealthWidget(this);
    m_health->watch(session->controller(), session->store());
    statusBar()->addWidget(m_health, 1);
    m_messages = new SessionMessages(session, m_messageBar, m_actions->startAgain());
    new ChartFeeder(session, m_charts);
    session->model()->setIconMaker(&ApplicationIcon::make);
    new ExportProgress(session->packetExport(), this);
    connectSession();

    QString storeError;
    if (!session->open(&storeError))
        m_messageBar->showMessage(MessageBar::Kind::Warning, storeError);
    m_layout = std::make_unique<WindowLayout>(this, m_splitter, m_table);
    m_layout->setInitialColumnWidths();
    m_layout->restore();
    // One machine's window: the Machine column is the table of every machine's.
    m_table->setColumnHidden(PacketTableModel::Machine, true);
    onStateChanged();
    updateCounts();
    if (!session->client()->isBusConnected()) {
        onBusLost();
        if (session->machine().isEmpty())
            m_messages->busLost(false);
        else
            m_messageBar->showMessage(MessageBar::Kind::Information,
                                      tr("Connecting to %1 (ssh %1)…").arg(session->machine()));
    }
}

MainWindow::~MainWindow()
{
    delete m_allMachinesWindow; // before the AllMachines it shows
}

void MainWindow::connectSession()
{
    Session *session = m_session;
    connect(m_actions->start(), &QAction::triggered, this, &MainWindow::startCapture);
    connect(m_actions->startAgain(), &QAction::triggered, this, &MainWindow::startCapture);
    connect(m_actions->stop(), &QAction::triggered, session, &Session::stopCapture);
    connect(m_actions->settings(), &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actions->open(), &QAction::triggered, this, &MainWindow::showOpenDialog);
    connect(m_actions->connectToHost(), &QAction::triggered, this, &MainWindow::showConnectDialog);
    connect(m_actions->allMachines(), &QAction::triggered, this, &MainWindow::showAllMachines);
    connect(m_actions->exportPackets(), &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(m_actions->quit(), &QAction::triggered, this, [this] {
        m_quitting = true;
        close();
        m_quitting = false;
    });

    connect(session->controller(), &CaptureController::stateChanged, this,
            &MainWindow::onStateChanged);
    connect(session->client(), &HelperClient::busLost, this, &MainWindow::onBusLost);
    connect(session->client(), &HelperClient::busRestored, this, &MainWindow::onStateChanged);
    connect(session, &Session::offlineFileChanged, this, &MainWindow::onOfflineFileChanged);
    connect(session->store(), &PacketStore::cleared, this, [this] {
        m_details->clearPacket();
        m_table->setFollowing(true);
    });
    connect(session->model(), &PacketTableModel::filteringChanged, m_filterBar,
            &FilterBar::setBusy);
    connect(session->model(), &PacketTableModel::countsChanged, this, &MainWindow::updateCounts);
    connect(m_filterBar, &FilterBar::filterRequested, this, &MainWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentPacket);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showPacketMenu);
    connect(m_rulesPanel, &RulesPanel::previewRequested, session, &Session::previewRule);
    connect(m_rulesPanel, &RulesPanel::errorOccurred, m_messages, &SessionMessages::showError);
    connect(m_rulesPanel, &RulesPanel::ruleRemoved, m_messages, &SessionMessages::ruleRemoved);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Capture"));
    toolBar->setObjectName(QStringLiteral("captureToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_actions->start());
    toolBar->addAction(m_actions->stop());
    toolBar->addSeparator();
    m_interfacePicker = new InterfacePicker(m_session->interfaces(), toolBar);
    toolBar->addWidget(m_interfacePicker);
    toolBar->addAction(m_actions->settings());
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_actions->open());
    toolBar->addAction(m_actions->exportPackets());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->open());
    file->addAction(m_actions->exportPackets());
    file->addSeparator();
    file->addAction(m_actions->connectToHost());
    file->addAction(m_actions->allMachines());
    file->addSeparator();
    file->addAction(m_actions->quit());
    QMenu *capture = menuBar()->addMenu(tr("&Capture"));
    capture->addAction(m_actions->start());
    capture->addAction(m_actions->stop());
    capture->addSeparator();
    capture->addAction(m_actions->settings());
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_chartsDock->toggleViewAction());
    view->addAction(m_rulesDock->toggleViewAction());
    view->addAction(m_connectionsDock->toggleViewAction());
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
    m_table->setModel(m_session->model());
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

    m_rulesPanel = new RulesPanel(m_session->client(), m_session->rules(), this);
    m_rulesDock = new QDockWidget(tr("Rules"), this);
    m_rulesDock->setObjectName(QStringLiteral("rulesDock"));
    m_rulesDock->setWidget(m_rulesPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_rulesDock);
    // Every connection, with what the kernel decided after the inspection depth: beside the
    // rules, its figures asked for only while it shows.
    auto *connections = new QTableView(this);
    connections->setObjectName(QStringLiteral("connectionsTable"));
    connections->setModel(m_session->connections());
    connections->setSelectionBehavior(QAbstractItemView::SelectRows);
    connections->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connections->verticalHeader()->hide();
    connections->horizontalHeader()->setStretchLastSection(true);
    connections->setToolTip(tr("Double-click a connection to show its packets in the table"));
    connect(connections, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString filter = m_session->connections()->filterFor(index.row());
        if (!filter.isEmpty())
            m_filterBar->setExpression(filter);
    });
    m_connectionsDock = new QDockWidget(tr("Connections"), this);
    m_connectionsDock->setObjectName(QStringLiteral("connectionsDock"));
    m_connectionsDock->setWidget(connections);
    addDockWidget(Qt::RightDockWidgetArea, m_connectionsDock);
    tabifyDockWidget(m_rulesDock, m_connectionsDock);
    m_rulesDock->raise();
    connect(m_connectionsDock, &QDockWidget::visibilityChanged, m_session,
            &Session::setConnectionsWatched);
    resizeDocks({m_chartsDock, m_rulesDock}, {3, 2}, Qt::Vertical);
    resizeDocks({m_chartsDock}, {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 56},
                Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_layout->save();
    // Another machine's window closes: its capture ends with it (below).
    if (!m_quitting && m_session->machine().isEmpty() && m_desktop->closeHidesToTray()) {
        m_desktop->hideToTray();
        event->ignore();
        return;
    }
    // The helper stops a capture whose client leaves the bus anyway; asking is quicker.
    if (m_session->isCapturing())
        m_session->stopCapture();
    event->accept();
}

void MainWindow::showConnectDialog()
{
    bool ok = false;
    const QString destination = QInputDialog::getText(
        this, tr("Connect to host"),
        tr("Host, as for ssh (user@host or an alias of ~/.ssh/config). Your own ssh connects, "
           "with your keys and known hosts; on the host, nfqmon must be installed and you must "
           "be in group nfqmon."),
        QLineEdit::Normal, {}, &ok);
    if (ok)
        connectToHost(destination);
}

MainWindow *MainWindow::connectToHost(const QString &text)
{
    if (m_first)
        return m_first->connectToHost(text);
    QString error;
    const std::optional<SshDestination> destination = SshDestination::parse(text, &error);
    if (!destination) {
        m_messageBar->showMessage(MessageBar::Kind::Error, error);
        return nullptr;
    }
    if (const QPointer<MainWindow> open = m_hostWindows.value(destination->text())) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *session = new Session(new RemoteLink(*destination));
    auto *window = new MainWindow(session);
    window->m_first = this;
    window->m_actions->allMachines()->setEnabled(true);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &QObject::destroyed, session, &QObject::deleteLater);
    m_hostWindows.insert(destination->text(), window);
    if (!m_allMachines) {
        m_allMachines = new AllMachines(this);
        QString storeError;
        if (!m_allMachines->open(&storeError))
            m_messageBar->showMessage(MessageBar::Kind::Warning, storeError);
        m_allMachines->add(m_session);
        m_actions->allMachines()->setEnabled(true);
    }
    m_allMachines->add(session);
    window->show();
    return window;
}

AllMachinesWindow *MainWindow::showAllMachines()
{
    if (m_first)
        return m_first->showAllMachines();
    if (!m_allMachines)
        return nullptr;
    if (!m_allMachinesWindow) {
        m_allMachinesWindow = new AllMachinesWindow(m_allMachines);
        m_allMachinesWindow->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_allMachinesWindow, &AllMachinesWindow::machineWindowRequested, this,
                &MainWindow::raiseWindowOf);
    }
    m_allMachinesWindow->show();
    m_allMachinesWindow->raise();
    m_allMachinesWindow->activateWindow();
    return m_allMachinesWindow;
}

void MainWindow::raiseWindowOf(Session *session)
{
    MainWindow *window = session == m_session ? this : nullptr;
    for (const QPointer<MainWindow> &host : std::as_const(m_hostWindows)) {
        if (host && host->session() == session)
            window = host;
    }
    if (!window)
        return;
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::startCapture()
{
    if (m_session->controller()->state() != CaptureState::Idle)
        return;
    m_messageBar->dismiss();
    m_session->startCapture();
}

bool MainWindow::openFile(const QString &path)
{
    if (m_session->controller()->state() == CaptureState::Idle)
        m_messageBar->dismiss();
    QString error;
    qint64 skipped = 0;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_session->openFile(path, &error, &skipped);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        m_messages->showError(error);
        return false;
    }
    if (skipped > 0) {
        m_messages->showInformation(tr("Left out %Ln frame(s) without an IP packet.", "",
                                       int(qMin<qint64>(skipped, INT_MAX))));
    }
    return true;
}

void MainWindow::onOfflineFileChanged(const QString &path)
{
    m_health->setOfflineFile(path);
    setWindowTitle(path.isEmpty() ? tr("NFQueue Monitor")
                                  : tr("%1 — NFQueue Monitor").arg(QFileInfo(path).fileName()));
}

void MainWindow::applyFilter(const QString &expression)
{
    QString error;
    if (!m_session->setDisplayFilter(expression, &error))
        m_filterBar->setError(error);
}

void MainWindow::updateCounts()
{
    const PacketTableModel *model = m_session->model();
    m_filterBar->setCounts(model->shownCount(), m_session->store()->size(),
                           !model->displayFilter().isEmpty() || model->hasTimeRange());
}

void MainWindow::showCurrentPacket()
{
    const QModelIndex current = m_table->currentIndex();
    m_details->showStoredPacket(
        *m_session->store(), current.isValid() ? m_session->model()->storeRow(current.row()) : -1,
        [this](const StoredPacket &p) { return m_session->hostDetails(p); });
}

void MainWindow::onStateChanged()
{
    const CaptureState state = m_session->controller()->state();
    m_actions->update(state, m_session->client()->isBusConnected());
    m_interfacePicker->setEnabled(state == CaptureState::Idle);
}

void MainWindow::onBusLost()
{
    m_actions->start()->setEnabled(false);
}

void MainWindow::showSettings()
{
    CaptureSettingsDialog dialog(m_session->client(), this);
    dialog.setSettings(m_session->captureSettings());
    if (!m_session->machine().isEmpty())
        dialog.setDumpFilesUnavailable(
            tr("A capture on %1 from this window writes no file: dump files cannot cross SSH. "
               "Run nfqmon-capture -w FILE on %1, or export from this window.")
                .arg(m_session->machine()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session->saveCaptureSettings(dialog.settings());
    m_session->setReverseLookup(dialog.settings().reverseLookup);
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open pcap file"), QString(),
        tr("pcap and pcapng files (*.pcap *.cap *.pcapng);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

QList<qint64> MainWindow::selectedStoreRows() const
{
    QList<qint64> rows;
    for (int row : m_table->selectedRows()) {
        if (const qint64 storeRow = m_session->model()->storeRow(row); storeRow >= 0)
            rows.append(storeRow);
    }
    return rows;
}

PacketMenu *MainWindow::showPacketMenu(const QPoint &position)
{
    const QList<qint64> rows = selectedStoreRows();
    if (rows.isEmpty())
        return nullptr;
    auto *menu = new PacketMenu(m_session->dropSuggestions(rows), m_session->ownerDrops(rows),
                                m_session->hostDrops(rows), m_session->ownerFilters(rows),
                                m_session->hostFilters(rows), int(rows.size()), this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // The menu's entries add rules of their expression alone (dropLike): previewed as such.
    connect(menu, &PacketMenu::previewRequested, m_session, [this](const QString &expression) {
        m_session->previewRule(Session::dropRule(expression));
    });
    // Its notification will name the application the rows came from, where they share one.
    connect(menu, &PacketMenu::dropRequested, m_session,
            [this, application = m_session->rowsApplication(rows)](const QString &expression) {
                m_session->dropLike(expression, application);
            });
    connect(menu, &PacketMenu::ownerPreviewRequested, m_session, &Session::previewRule);
    connect(menu, &PacketMenu::ownerDropRequested, m_session, &Session::dropFrom);
    connect(menu, &PacketMenu::hostPreviewRequested, m_session, &Session::previewRule);
    connect(menu, &PacketMenu::hostDropRequested, m_session, &Session::dropTo);
    connect(menu, &PacketMenu::customDropRequested, this, &MainWindow::showCustomDrop,
            Qt::QueuedConnection); // after the menu has closed
    connect(menu, &PacketMenu::filterRequested, m_filterBar, &FilterBar::setExpression);
    connect(menu, &PacketMenu::exportRequested, this, &MainWindow::showExportDialog,
            Qt::QueuedConnection);
    menu->popup(m_table->viewport()->mapToGlobal(position));
    return menu;
}

void MainWindow::showCustomDrop(const QString &expression)
{
    RuleDialog dialog(RuleDialog::Purpose::Add, this);
    RuleInfo rule;
    rule.expression = expression;
    dialog.setRule(rule);
    connect(&dialog, &RuleDialog::ruleChanged, m_session, &Session::previewRule);
    m_session->previewRule(dialog.rule());
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_session->previewRule(RuleInfo());
    if (accepted)
        m_session->addRule(dialog.rule());
}

void MainWindow::showExportDialog()
{
    const QList<qint64> selected = selectedStoreRows();
    ExportDialog dialog(m_session->store()->size(), m_session->model()->shownCount(),
                        selected.size(), this);
    if (const QString path = m_session->exportPathSuggestion(); !path.isEmpty())
        dialog.setPath(path);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_session->exportPackets(dialog.scope(), dialog.path(), selected, &error))
        m_messages->showError(error);
}

} // namespace nfqmon
