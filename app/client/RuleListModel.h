// The helper's rules as a table (first-match order), following HelperClient::rules(): rows are
// inserted, removed and moved one by one, and hits change in place, so a view keeps its
// selection while the counters run. The Enabled column is checkable and asks the helper
// (SetRuleEnabled); the box shows the request until the helper's answer comes back.
#pragma once

#include "app/client/RuleInfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace nfqmon {

class HelperClient;

class RuleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // AppliesTo: the program, user, systemd unit and host the rule is limited to.
    enum Column { Enabled, Expression, Interface, Direction, Action, AppliesTo, Hits, ColumnCount };
    enum Role { RuleIdRole = Qt::UserRole + 1 }; // uint

    // client may be null (then the model only shows what setRules() gives it).
    explicit RuleListModel(HelperClient *client, QObject *parent = nullptr);

    // "program /usr/bin/curl, user 1000, unit cron.service, to host a.example.org" (or "to
    // *.example.org"): what the rule is limited to; empty when it applies to every program and
    // host.
    static QString appliesTo(const RuleInfo &rule);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    uint ruleId(int row) const { return m_rules.at(row).id; }
    RuleInfo rule(int row) const { return m_rules.at(row); }
    int rowOfRule(uint id) const; // -1 when there is none

    // The helper's list, applied as row changes (what the client's rulesChanged() brings).
    void setRules(const QList<RuleInfo> &rules);

signals:
    void errorOccurred(const QString &message); // a change the helper refused

private:
    QString text(const RuleInfo &rule, int column) const;

    HelperClient *m_client;
    QList<RuleInfo> m_rules;
    QHash<uint, bool> m_pendingEnabled; // asked for, not yet answered
};

} // namespace nfqmon
