#include "app/client/InterfaceListModel.h"

#include <QNetworkInterface>

#include <algorithm>

namespace nfqmon {

const QString InterfaceListModel::Any = QStringLiteral("any");

InterfaceListModel::InterfaceListModel(QObject *parent) : QAbstractListModel(parent)
{
    m_entries = readInterfaces();
}

QList<InterfaceListModel::Entry> InterfaceListModel::readInterfaces()
{
    QList<Entry> entries{Entry{Any, true, {}, false}};
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        Entry entry;
        entry.name = interface.name();
        entry.up =
            interface.flags().testFlags(QNetworkInterface::IsUp | QNetworkInterface::IsRunning);
        for (const QNetworkAddressEntry &address : interface.addressEntries()) {
            QHostAddress ip = address.ip();
            ip.setScopeId({}); // fe80::1, not fe80::1%eth0: the name is beside it
            entry.addresses.append(ip.toString());
        }
        entries.append(entry);
    }
    return entries;
}

int InterfaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant InterfaceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const bool any = index.row() == 0;
    switch (role) {
    case Qt::DisplayRole:
        if (any)
            return tr("any (all interfaces)");
        return entry.addresses.isEmpty()
                   ? tr("%1 (%2)").arg(entry.name, entry.up ? tr("up") : tr("down"))
                   : tr("%1 (%2) %3")
                         .arg(entry.name, entry.up ? tr("up") : tr("down"),
                              entry.addresses.join(QStringLiteral(", ")));
    case Qt::ToolTipRole:
        if (any)
            return tr("Capture on every interface, including those that appear later.");
        return entry.addresses.isEmpty() ? tr("No addresses")
                                         : entry.addresses.join(QLatin1Char('\n'));
    case Qt::CheckStateRole:
        return entry.checked ? Qt::Checked : Qt::Unchecked;
    case NameRole:
        return entry.name;
    case IsUpRole:
        return entry.up;
    case AddressesRole:
        return entry.addresses;
    default:
        return {};
    }
}

bool InterfaceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    const bool check = value.value<Qt::CheckState>() == Qt::Checked;
    QList<bool> checks;
    for (const Entry &entry : std::as_const(m_entries))
        checks.append(entry.checked);
    checks[index.row()] = check;
    if (check && index.row() == 0)
        std::fill(checks.begin() + 1, checks.end(), false);
    else if (check)
        checks[0] = false;
    setCheckedRows(checks);
    return true;
}

Qt::ItemFlags InterfaceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

QHash<int, QByteArray> InterfaceListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(IsUpRole, "isUp");
    names.insert(AddressesRole, "addresses");
    return names;
}

QStringList InterfaceListModel::checked() const
{
    QStringList names;
    for (const Entry &entry : m_entries) {
        if (entry.checked)
            names.append(entry.name);
    }
    return names;
}

void InterfaceListModel::setChecked(const QStringList &names)
{
    const bool any = names.contains(Any);
    QList<bool> checks;
    for (qsizetype row = 0; row < m_entries.size(); ++row)
        checks.append(row == 0 ? any : !any && names.contains(m_entries.at(row).name));
    setCheckedRows(checks);
}

void InterfaceListModel::setCheckedRows(const QList<bool> &checks)
{
    const QStringList before = checked();
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].checked == checks.at(row))
            continue;
        m_entries[row].checked = checks.at(row);
        const QModelIndex changed = index(int(row));
        emit dataChanged(changed, changed, {Qt::CheckStateRole});
    }
    if (checked() != before)
        emit checkedChanged(checked());
}

void InterfaceListModel::refresh()
{
    if (m_given)
        emit refreshRequested();
    else
        replaceEntries(readInterfaces());
}

void InterfaceListModel::setInterfaces(const QList<Interface> &interfaces)
{
    m_given = true;
    QList<Entry> fresh{Entry{Any, true, {}, false}};
    for (const Interface &interface : interfaces)
        fresh.append(Entry{interface.name, interface.up, interface.addresses, false});
    replaceEntries(std::move(fresh));
}

void InterfaceListModel::replaceEntries(QList<Entry> fresh)
{
    const QStringList wasChecked = checked();
    for (Entry &entry : fresh)
        entry.checked = wasChecked.contains(entry.name);
    bool sameNames = fresh.size() == m_entries.size();
    for (qsizetype row = 0; sameNames && row < fresh.size(); ++row)
        sameNames = fresh.at(row).name == m_entries.at(row).name;
    if (!sameNames) {
        beginResetModel();
        m_entries = std::move(fresh);
        endResetModel();
    } else {
        for (qsizetype row = 0; row < fresh.size(); ++row) {
            if (fresh.at(row).sameInterface(m_entries.at(row)))
                continue;
            m_entries[row] = fresh.at(row);
            const QModelIndex changed = index(int(row));
            emit dataChanged(changed, changed);
        }
    }
    if (checked() != wasChecked)
        emit checkedChanged(checked());
}

} // namespace nfqmon
