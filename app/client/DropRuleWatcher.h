// Tells when a new drop rule starts dropping packets, for the desktop notification: a drop rule
// that had no hits when this watcher first saw it (one just added, or one that never matched)
// reports once, at the first list in which its hits have risen. Rules that were already dropping
// when the window opened stay quiet, so that starting nfqmon does not bring a burst of old news.
// A rule whose expression or action changes counts as a new rule. Feed it HelperClient::rules().
#pragma once

#include "app/client/RuleInfo.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace nfqmon {

class HelperClient;

class DropRuleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DropRuleWatcher(QObject *parent = nullptr);
    // Follows client->rulesChanged().
    explicit DropRuleWatcher(HelperClient *client, QObject *parent = nullptr);

    // The helper's rule list as it is now.
    void observe(const QList<RuleInfo> &rules);

signals:
    void ruleStartedDropping(const nfqmon::RuleInfo &rule);

private:
    struct Seen {
        QString expression;
        RuleAction action = RuleAction::Drop;
        bool waiting = false; // had no hits at first sight, has not reported yet
    };
    QHash<uint, Seen> m_seen;
};

} // namespace nfqmon
