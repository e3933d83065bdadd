// The machine's network interfaces as a checkable list for choosing where to capture: "any"
// first, then each interface with its state and addresses. Checking "any" unchecks the others
// and checking another unchecks "any" (the helper takes either "any" or names). The interfaces
// are this machine's, or, once setInterfaces() gave some, another machine's (its helper's
// ListInterfaces): refresh() then asks for them again (refreshRequested()).
#pragma once

#include <QAbstractListModel>
#include <QStringList>

namespace nfqmon {

class InterfaceListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: "any", "eth0", ...
        IsUpRole,                    // bool (true for "any")
        AddressesRole,               // QStringList
    };
    static const QString Any;

    explicit InterfaceListModel(QObject *parent = nullptr); // reads the interfaces

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "any" alone, or the checked names in list order; empty when nothing is checked.
    QStringList checked() const;
    // Names that do not exist (any more) are left out.
    void setChecked(const QStringList &names);
    // Reads the interfaces again; checks stay with their names.
    void refresh();

    struct Interface {
        QString name;
        bool up = false;
        QStringList addresses;
    };
    // Another machine's interfaces from here on; checks stay with their names.
    void setInterfaces(const QList<Interface> &interfaces);

signals:
    void checkedChanged(const QStringList &checked);
    // refresh() on another machine's interfaces: the caller asks that machine.
    void refreshRequested();

private:
    struct Entry {
        QString name;
        bool up = false;
        QStringList addresses;
        bool checked = false;
        bool sameInterface(const Entry &other) const
        {
            return name == other.name && up == other.up && addresses == other.addresses;
        }
    };
    static QList<Entry> readInterfaces();
    void replaceEntries(QList<Entry> fresh);
    bool m_given = false; // the interfaces came from setInterfaces()
    void setCheckedRows(const QList<bool> &checks);

    QList<Entry> m_entries; // m_entries[0] is "any"
};

} // namespace nfqmon
