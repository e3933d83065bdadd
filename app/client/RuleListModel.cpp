#include "app/client/RuleListModel.h"

#include "app/client/HelperClient.h"

#include <QPointer>
#include <QSet>

namespace nfqmon {

RuleListModel::RuleListModel(HelperClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{
    if (m_client) {
        connect(m_client, &HelperClient::rulesChanged, this,
                [this] { setRules(m_client->rules()); });
        m_rules = m_client->rules();
    }
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int RuleListModel::rowOfRule(uint id) const
{
    for (qsizetype row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == id)
            return int(row);
    }
    return -1;
}

QString RuleListModel::appliesTo(const RuleInfo &rule)
{
    QStringList limits;
    if (!rule.program.isEmpty())
        limits << tr("program %1").arg(rule.program);
    if (rule.user)
        limits << tr("user %1").arg(*rule.user);
    if (!rule.unit.isEmpty())
        limits << tr("unit %1").arg(rule.unit);
    if (rule.host.startsWith(QLatin1String("*.")))
        limits << tr("to %1").arg(rule.host);
    else if (!rule.host.isEmpty())
        limits << tr("to host %1").arg(rule.host);
    return limits.join(QStringLiteral(", "));
}

QString RuleListModel::text(const RuleInfo &rule, int column) const
{
    switch (column) {
    case Expression:
        return rule.expression;
    case Interface:
        return rule.interface.isEmpty() ? tr("any") : rule.interface;
    case Direction:
        switch (rule.direction) {
        case RuleDirection::In:
            return tr("in");
        case RuleDirection::Out:
            return tr("out");
        case RuleDirection::Any:
            return tr("both");
        }
        return {};
    case Action:
        return rule.action == RuleAction::Accept ? tr("accept") : tr("drop");
    case AppliesTo: {
        const QString limits = appliesTo(rule);
        return limits.isEmpty() ? tr("every program") : limits;
    }
    case Hits:
        return QString::number(rule.hits);
    default:
        return {};
    }
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const RuleInfo &rule = m_rules.at(index.row());
    const bool enabled = m_pendingEnabled.value(rule.id, rule.enabled);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Hits)
            return qulonglong(rule.hits); // a number, so that views sort it as one
        return text(rule, index.column());
    case Qt::CheckStateRole:
        if (index.column() == Enabled)
            return enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Enabled)
            return enabled ? tr("Enabled: the rule decides packets")
                           : tr("Disabled: the rule is kept but decides nothing");
        return text(rule, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Hits)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RuleIdRole:
        return rule.id;
    default:
        return {};
    }
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Enabled:
        return tr("On");
    case Expression:
        return tr("Expression");
    case Interface:
        return tr("Interface");
    case Direction:
        return tr("Direction");
    case Action:
        return tr("Action");
    case AppliesTo:
        return tr("Applies to");
    case Hits:
        return tr("Hits");
    default:
        return {};
    }
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Enabled && m_client)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Enabled || !m_client || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    const uint id = m_rules.at(index.row()).id;
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    m_pendingEnabled.insert(id, enabled);
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    QPointer<RuleListModel> self(this);
    m_client->setRuleEnabled(id, enabled, [self, id](const HelperError &error) {
        if (!self)
            return;
        // On success the helper's RulesChanged brings the new state.
        self->m_pendingEnabled.remove(id);
        const int row = self->rowOfRule(id);
        if (row >= 0)
            emit self->dataChanged(self->index(row, 0), self->index(row, ColumnCount - 1));
        if (error.isError())
            emit self->errorOccurred(error.sentence());
    });
    return true;
}

void RuleListModel::setRules(const QList<RuleInfo> &rules)
{
    QSet<uint> wanted;
    for (const RuleInfo &rule : rules)
        wanted.insert(rule.id);
    // Rules that are gone, from the bottom up.
    for (int row = int(m_rules.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_rules.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_rules.removeAt(row);
        endRemoveRows();
    }
    // Then row by row: in place, moved up from further down, or new.
    for (int row = 0; row < int(rules.size()); ++row) {
        const RuleInfo &rule = rules.at(row);
        const int current =
            row < m_rules.size() && m_rules.at(row).id == rule.id ? row : rowOfRule(rule.id);
        if (current < 0) {
            beginInsertRows({}, row, row);
            m_rules.insert(row, rule);
            endInsertRows();
            continue;
        }
        if (current != row) { // current > row: everything above is settled
            beginMoveRows({}, current, current, {}, row);
            m_rules.move(current, row);
            endMoveRows();
        }
        if (!(m_rules.at(row) == rule)) {
            m_rules[row] = rule;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace nfqmon
