#include "ui/InterfacePicker.h"

#include "app/client/InterfaceListModel.h"

#include <QMenu>
#include <QMouseEvent>
#include <QSignalBlocker>

namespace nfqmon {

namespace {

// A menu whose checkable entries toggle without closing it, for ticking several boxes.
class StayOpenMenu : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *action = activeAction();
        if (action && action->isCheckable() && action->isEnabled()) {
            action->trigger();
            event->accept();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
};

} // namespace

InterfacePicker::InterfacePicker(InterfaceListModel *model, QWidget *parent)
    : QToolButton(parent), m_model(model)
{
    setObjectName(QStringLiteral("interfacePicker"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("The interfaces to capture on"));
    auto *menu = new StayOpenMenu(this);
    menu->setToolTipsVisible(true);
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, &InterfacePicker::fillMenu);
    connect(m_model, &InterfaceListModel::checkedChanged, this, &InterfacePicker::updateText);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this, menu] {
        updateText();
        for (QAction *action : menu->actions()) {
            if (!action->isCheckable())
                continue;
            const QModelIndex index = m_model->index(action->data().toInt());
            const QSignalBlocker blocker(action); // only follows the model
            action->setChecked(index.data(Qt::CheckStateRole).value<Qt::CheckState>() ==
                               Qt::Checked);
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &InterfacePicker::updateText);
    updateText();
}

void InterfacePicker::fillMenu()
{
    m_model->refresh(); // interfaces come and go
    QMenu *menu = this->menu();
    menu->clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        QAction *action = menu->addAction(index.data(Qt::DisplayRole).toString());
        action->setToolTip(index.data(Qt::ToolTipRole).toString());
        action->setCheckable(true);
        action->setData(row);
        action->setChecked(index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked);
        connect(action, &QAction::toggled, this, [this, row](bool checked) {
            m_model->setData(m_model->index(row), checked ? Qt::Checked : Qt::Unchecked,
                             Qt::CheckStateRole);
        });
        if (row == 0)
            menu->addSeparator();
    }
}

void InterfacePicker::updateText()
{
    const QStringList checked = m_model->checked();
    setText(checked.isEmpty() ? tr("Interfaces: none")
                              : tr("Interfaces: %1").arg(checked.join(QStringLiteral(", "))));
}

} // namespace nfqmon
