// Adding or editing a rule: the expression in the pcap filter language (checked with libpcap as
// the user types), the interface, the direction, the action, and the program, user, unit and
// host it is limited to. The window previews what the
// rule would catch while the dialog is open (ruleChanged).
#pragma once

#include "app/client/RuleInfo.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace nfqmon {

class RuleDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Add, Edit };

    // "On interface" offers the machine's interfaces; another name may be typed.
    explicit RuleDialog(Purpose purpose, QWidget *parent = nullptr);

    void setRule(const RuleInfo &rule);
    RuleInfo rule() const; // id and hits as set; the rest from the form

    QLineEdit *expressionEdit() const { return m_expression; }
    bool isExpressionValid() const { return m_valid; }

signals:
    // The rule as the form has it, whenever the expression is valid and a field changes, for
    // the table's preview.
    void ruleChanged(const nfqmon::RuleInfo &rule);

private:
    void check();
    // Empty when the program, user, unit and host fields are valid; otherwise why not.
    QString ownerProblem() const;
    // The user field as a uid: a number, or a name this machine knows; nullopt when empty.
    std::optional<quint32> typedUser(bool *valid) const;

    RuleInfo m_rule;
    bool m_valid = false;
    QLineEdit *m_expression;
    QLabel *m_message;
    QComboBox *m_interface;
    QComboBox *m_direction;
    QComboBox *m_action;
    QLineEdit *m_program;
    QLineEdit *m_user;
    QLineEdit *m_unit;
    QLineEdit *m_host;
    QCheckBox *m_enabled;
    QDialogButtonBox *m_buttons;
};

} // namespace nfqmon
