#include "ui/RulesPanel.h"

#include "app/client/HelperClient.h"
#include "app/client/RuleListModel.h"
#include "ui/RuleDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QPointer>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace nfqmon {

RulesPanel::RulesPanel(HelperClient *client, RuleListModel *model, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(model), m_view(new QTableView(this))
{
    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_add = toolBar->addAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add rule…"), this,
                               &RulesPanel::addRule);
    m_edit = toolBar->addAction(QIcon(QStringLiteral(":/icons/edit.svg")), tr("Edit rule…"), this,
                                [this] { editRule(currentRow()); });
    m_up = toolBar->addAction(QIcon(QStringLiteral(":/icons/up.svg")), tr("Move up"), this,
                              [this] { moveRule(currentRow(), -1); });
    m_down = toolBar->addAction(QIcon(QStringLiteral(":/icons/down.svg")), tr("Move down"), this,
                                [this] { moveRule(currentRow(), +1); });
    m_remove = toolBar->addAction(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Delete rule"),
                                  this, [this] { removeRule(currentRow()); });
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_remove);

    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RuleListModel::Expression,
                                                     QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Rules"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RuleListModel::Enabled)
            editRule(index.row());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &RulesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesPanel::updateActions);
    connect(m_model, &RuleListModel::errorOccurred, this, &RulesPanel::errorOccurred);
    updateActions();
}

int RulesPanel::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesPanel::updateActions()
{
    const int row = currentRow();
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
}

bool RulesPanel::runDialog(RuleDialog &dialog)
{
    connect(&dialog, &RuleDialog::ruleChanged, this, &RulesPanel::previewRequested);
    if (dialog.isExpressionValid())
        emit previewRequested(dialog.rule());
    const bool accepted = dialog.exec() == QDialog::Accepted;
    emit previewRequested(RuleInfo());
    return accepted;
}

void RulesPanel::addRule()
{
    RuleDialog dialog(RuleDialog::Purpose::Add, this);
    if (!runDialog(dialog))
        return;
    QPointer<RulesPanel> self(this);
    m_client->addRule(dialog.rule().toFields(), [self](uint, const HelperError &error) {
        if (self && error.isError())
            emit self->errorOccurred(tr("The rule was not added. %1").arg(error.sentence()));
    });
}

void RulesPanel::editRule(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const RuleInfo before = m_model->rule(row);
    RuleDialog dialog(RuleDialog::Purpose::Edit, this);
    dialog.setRule(before);
    if (!runDialog(dialog))
        return;
    const RuleInfo after = dialog.rule();
    if (after == before)
        return;
    QPointer<RulesPanel> self(this);
    m_client->changeRule(before.id, after.toFields(), [self](const HelperError &error) {
        if (self && error.isError())
            emit self->errorOccurred(tr("The rule was not changed. %1").arg(error.sentence()));
    });
}

void RulesPanel::moveRule(int row, int by)
{
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    const uint id = m_model->ruleId(row);
    QPointer<RulesPanel> self(this);
    // The selection follows the row when the list moves it (persistent indexes).
    m_client->moveRule(id, uint(to), [self](const HelperError &error) {
        if (self && error.isError())
            emit self->errorOccurred(tr("The rule was not moved. %1").arg(error.sentence()));
    });
}

void RulesPanel::removeRule(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const RuleInfo rule = m_model->rule(row);
    QPointer<RulesPanel> self(this);
    m_client->removeRule(rule.id, [self, rule, row](const HelperError &error) {
        if (!self)
            return;
        if (error.isError())
            emit self->errorOccurred(tr("The rule was not deleted. %1").arg(error.sentence()));
        else
            emit self->ruleRemoved(rule, row);
    });
}

} // namespace nfqmon
