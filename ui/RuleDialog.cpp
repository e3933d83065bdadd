#include "ui/RuleDialog.h"

#include "helper/protocol/CompiledFilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QVBoxLayout>

#include <pwd.h>

namespace nfqmon {

RuleDialog::RuleDialog(Purpose purpose, QWidget *parent)
    : QDialog(parent), m_expression(new QLineEdit(this)), m_message(new QLabel(this)),
      m_interface(new QComboBox(this)), m_direction(new QComboBox(this)),
      m_action(new QComboBox(this)), m_program(new QLineEdit(this)), m_user(new QLineEdit(this)),
      m_unit(new QLineEdit(this)), m_host(new QLineEdit(this)),
      m_enabled(new QCheckBox(tr("&Enabled"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(purpose == Purpose::Add ? tr("Add rule") : tr("Edit rule"));
    m_expression->setObjectName(QStringLiteral("ruleExpression"));
    m_expression->setPlaceholderText(tr("e.g. udp and dst port 53, host 10.0.0.5"));
    m_expression->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    m_message->setObjectName(QStringLiteral("ruleMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    m_interface->setObjectName(QStringLiteral("ruleInterface"));
    m_interface->setEditable(true);
    m_interface->addItem(tr("every interface"), QString());
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces())
        m_interface->addItem(interface.name(), interface.name());
    m_interface->setToolTip(tr("The rule applies to packets on this interface only"));
    m_direction->setObjectName(QStringLiteral("ruleDirection"));
    m_direction->addItem(tr("both directions"), directionName(RuleDirection::Any));
    m_direction->addItem(tr("incoming"), directionName(RuleDirection::In));
    m_direction->addItem(tr("outgoing"), directionName(RuleDirection::Out));
    m_action->addItem(tr("drop"), actionName(RuleAction::Drop));
    m_action->addItem(tr("accept"), actionName(RuleAction::Accept));
    m_action->setToolTip(tr("Rules are tried in order; the first that matches decides. Packets "
                            "no rule matches are accepted."));
    m_program->setObjectName(QStringLiteral("ruleProgram"));
    m_program->setPlaceholderText(tr("every program; e.g. /usr/bin/curl"));
    m_program->setToolTip(tr("Only packets this program sent or receives (its executable's full "
                             "path)"));
    m_user->setObjectName(QStringLiteral("ruleUser"));
    m_user->setPlaceholderText(tr("every user; a name or a number"));
    m_user->setToolTip(tr("Only packets of this user's programs"));
    m_unit->setObjectName(QStringLiteral("ruleUnit"));
    m_unit->setPlaceholderText(tr("every unit; e.g. firefox*.scope, cron.service"));
    m_unit->setToolTip(tr("Only packets of programs in a systemd service or scope whose name "
                          "matches (* and ? allowed)"));
    m_host->setObjectName(QStringLiteral("ruleHost"));
    m_host->setPlaceholderText(tr("every host; e.g. a.example.org, *.example.org"));
    m_host->setToolTip(tr("Only packets to or from this host name, or with *. before a domain, "
                          "this domain and every name under it; matched against the names the "
                          "helper learned from the traffic, so packets without a learned name "
                          "never match"));
    m_enabled->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Packets matching:"), m_expression);
    form->addRow(QString(), m_message);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("&Direction:"), m_direction);
    form->addRow(tr("On &interface:"), m_interface);
    form->addRow(tr("P&rogram:"), m_program);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Systemd u&nit:"), m_unit);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(QString(), m_enabled);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(purpose == Purpose::Add ? tr("Add rule") : tr("Save rule"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_expression, m_program, m_user, m_unit, m_host})
        connect(edit, &QLineEdit::textChanged, this, &RuleDialog::check);
    // What the rule catches depends on its direction and interface too.
    const auto changed = [this] {
        if (m_valid)
            emit ruleChanged(rule());
    };
    connect(m_interface, &QComboBox::currentTextChanged, this, changed);
    connect(m_direction, &QComboBox::currentIndexChanged, this, changed);
    connect(m_action, &QComboBox::currentIndexChanged, this, changed);
    check();
}

void RuleDialog::setRule(const RuleInfo &rule)
{
    m_rule = rule;
    m_expression->setText(rule.expression);
    const int interface = m_interface->findData(rule.interface);
    if (interface >= 0)
        m_interface->setCurrentIndex(interface);
    else
        m_interface->setEditText(rule.interface);
    m_direction->setCurrentIndex(qMax(0, m_direction->findData(directionName(rule.direction))));
    m_action->setCurrentIndex(qMax(0, m_action->findData(actionName(rule.action))));
    m_enabled->setChecked(rule.enabled);
    m_program->setText(rule.program);
    m_user->setText(rule.user ? QString::number(*rule.user) : QString());
    m_unit->setText(rule.unit);
    m_host->setText(rule.host);
    check();
}

RuleInfo RuleDialog::rule() const
{
    RuleInfo rule = m_rule;
    rule.expression = m_expression->text().trimmed();
    const QString typed = m_interface->currentText().trimmed();
    const int index = m_interface->findText(typed);
    rule.interface = index >= 0 ? m_interface->itemData(index).toString() : typed;
    rule.direction =
        directionFromName(m_direction->currentData().toString()).value_or(RuleDirection::Any);
    rule.action = actionFromName(m_action->currentData().toString()).value_or(RuleAction::Drop);
    rule.enabled = m_enabled->isChecked();
    rule.program = m_program->text().trimmed();
    bool valid = false;
    rule.user = typedUser(&valid);
    rule.unit = m_unit->text().trimmed();
    rule.host = Rule::normalHost(m_host->text().trimmed());
    return rule;
}

std::optional<quint32> RuleDialog::typedUser(bool *valid) const
{
    const QString text = m_user->text().trimmed();
    *valid = true;
    if (text.isEmpty())
        return std::nullopt;
    bool number = false;
    const uint uid = text.toUInt(&number);
    if (number && uid != 0xffffffffu)
        return uid;
    // Names are this machine's (the helper decides by uid).
    const QByteArray name = text.toLocal8Bit();
    passwd entry{};
    passwd *found = nullptr;
    char buffer[4096];
    if (getpwnam_r(name.constData(), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return quint32(found->pw_uid);
    *valid = false;
    return std::nullopt;
}

QString RuleDialog::ownerProblem() const
{
    QString problem;
    const QString program = m_program->text().trimmed();
    if (!program.isEmpty() && !Rule::isProgramPath(program, &problem))
        return tr("Program: %1").arg(problem);
    bool userValid = false;
    typedUser(&userValid);
    if (!userValid)
        return tr("User: no user is called %1 here").arg(m_user->text().trimmed());
    const QString unit = m_unit->text().trimmed();
    if (!unit.isEmpty() && !Rule::isUnitGlob(unit, &problem))
        return tr("Systemd unit: %1").arg(problem);
    const QString host = m_host->text().trimmed();
    if (!host.isEmpty() && !Rule::isHostPattern(host, &problem))
        return tr("Host: %1").arg(problem);
    return {};
}

void RuleDialog::check()
{
    const QString expression = m_expression->text().trimmed();
    QString error;
    if (expression.isEmpty()) {
        m_valid = false;
        m_message->setText(tr("A rule needs an expression: which packets does it match?"));
    } else {
        m_valid = CompiledFilter::compile(expression, &error).has_value();
        if (const QString problem = m_valid ? ownerProblem() : QString(); !problem.isEmpty()) {
            m_valid = false;
            error = problem;
        }
        m_message->setText(m_valid ? tr("Valid. Matching packets are highlighted in the table.")
                                   : error);
    }
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     m_valid ? QColor(0x2e, 0x7b, 0x3f) : QColor(0xb0, 0x2a, 0x20));
    m_message->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    if (m_valid)
        emit ruleChanged(rule());
}

} // namespace nfqmon
