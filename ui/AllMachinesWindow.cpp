#include "ui/AllMachinesWindow.h"

#include "app/session/AllMachines.h"
#include "app/session/Session.h"
#include "app/store/OwnerTerms.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "ui/ApplicationIcon.h"
#include "ui/FilterBar.h"
#include "ui/PacketDetails.h"
#include "ui/PacketTableView.h"
#include "ui/WindowLayout.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace nfqmon {

AllMachinesWindow::AllMachinesWindow(AllMachines *machines, QWidget *parent)
    : QMainWindow(parent), m_machines(machines)
{
    setObjectName(QStringLiteral("allMachinesWindow"));
    setWindowTitle(tr("All machines — NFQueue Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nfqmon.svg")));

    auto *central = new QWidget(this);
    m_filterBar = new FilterBar(central);
    m_table = new PacketTableView(central);
    m_table->setModel(machines->model());
    m_table->setElideRight(PacketTableModel::Info);
    machines->model()->setIconMaker(&ApplicationIcon::make);
    m_details = new PacketDetails(central);
    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filterBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_machineList = new QLabel(this);
    m_machineList->setObjectName(QStringLiteral("machineList"));
    statusBar()->addWidget(m_machineList, 1);

    // The columns as a machine's window first has them, with the machine first after the
    // number: it is what this table is for.
    WindowLayout(this, splitter, m_table).setInitialColumnWidths();
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(PacketTableModel::Machine), 1);
    const QRect screen = this->screen()->availableGeometry();
    resize(qMin(1400, screen.width() * 8 / 10), qMin(900, screen.height() * 8 / 10));

    PacketTableModel *model = machines->model();
    connect(model, &PacketTableModel::filteringChanged, m_filterBar, &FilterBar::setBusy);
    connect(model, &PacketTableModel::countsChanged, this, &AllMachinesWindow::updateCounts);
    connect(m_filterBar, &FilterBar::filterRequested, this, &AllMachinesWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AllMachinesWindow::showCurrentPacket);
    connect(m_table, &QWidget::customContextMenuRequested, this,
            &AllMachinesWindow::showPacketMenu);
    connect(machines, &AllMachines::machineAdded, this, &AllMachinesWindow::updateMachines);
    m_filterBar->setExpression(model->displayFilter());
    updateMachines();
    updateCounts();
}

QMenu *AllMachinesWindow::showPacketMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    const qint64 row = index.isValid() ? m_machines->model()->storeRow(index.row()) : -1;
    if (row < 0)
        return nullptr;
    const StoredPacket packet = m_machines->store()->at(row);
    const QString machine = m_machines->store()->machineNameOf(packet);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *open = menu->addAction(tr("Open the window of %1").arg(machine));
    open->setObjectName(QStringLiteral("openMachineWindow"));
    Session *session = m_machines->sessionOf(packet);
    open->setEnabled(session != nullptr);
    if (!session)
        open->setToolTip(tr("The window of %1 is closed.").arg(machine));
    connect(open, &QAction::triggered, this, [this, session = QPointer<Session>(session)] {
        if (session)
            emit machineWindowRequested(session);
    });
    QAction *only = menu->addAction(tr("Show only packets of %1").arg(machine));
    only->setObjectName(QStringLiteral("filterMachine"));
    connect(only, &QAction::triggered, this, [this, machine] {
        m_filterBar->setExpression(QStringLiteral("machine ") + OwnerTerms::quoted(machine));
    });
    menu->popup(m_table->viewport()->mapToGlobal(position));
    return menu;
}

void AllMachinesWindow::applyFilter(const QString &expression)
{
    QString error;
    if (!m_machines->model()->setDisplayFilter(expression, &error))
        m_filterBar->setError(error);
}

void AllMachinesWindow::updateCounts()
{
    const PacketTableModel *model = m_machines->model();
    m_filterBar->setCounts(model->shownCount(), m_machines->store()->size(),
                           !model->displayFilter().isEmpty() || model->hasTimeRange());
}

void AllMachinesWindow::updateMachines()
{
    const QStringList names = m_machines->machineNames();
    m_machineList->setText(tr("Packets of %1, each from when it joined this table.")
                               .arg(QLocale().createSeparatedList(names)));
}

void AllMachinesWindow::showCurrentPacket()
{
    const QModelIndex current = m_table->currentIndex();
    m_details->showStoredPacket(
        *m_machines->store(), current.isValid() ? m_machines->model()->storeRow(current.row()) : -1,
        [this](const StoredPacket &p) { return m_machines->hostDetails(p); });
}

} // namespace nfqmon
