// The rules dock: every rule of the helper in first-match order with its expression, interface,
// direction, action and live hit counter; enable/disable with the box, add, edit (double-click),
// move up/down and delete. Changes go to the helper (a polkit prompt may come); the list shows
// what the helper then reports.
#pragma once

#include "app/client/RuleInfo.h"

#include <QWidget>

class QAction;
class QTableView;

namespace nfqmon {

class HelperClient;
class RuleListModel;

class RulesPanel : public QWidget
{
    Q_OBJECT
public:
    RulesPanel(HelperClient *client, RuleListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    void addRule();
    void editRule(int row);
    void moveRule(int row, int by);
    void removeRule(int row);

signals:
    void errorOccurred(const QString &message);
    // position: where it was, for putting it back.
    void ruleRemoved(const nfqmon::RuleInfo &rule, int position);
    // The rule a dialog is editing, for the table's preview; one without an expression when
    // the dialog closes.
    void previewRequested(const nfqmon::RuleInfo &rule);

private:
    int currentRow() const;
    void updateActions();
    // The dialog's preview while it is open.
    bool runDialog(class RuleDialog &dialog);

    HelperClient *m_client;
    RuleListModel *m_model;
    QTableView *m_view;
    QAction *m_add;
    QAction *m_edit;
    QAction *m_up;
    QAction *m_down;
    QAction *m_remove;
};

} // namespace nfqmon
