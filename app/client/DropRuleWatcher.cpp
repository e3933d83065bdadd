#include "app/client/DropRuleWatcher.h"

#include "app/client/HelperClient.h"

namespace nfqmon {

DropRuleWatcher::DropRuleWatcher(QObject *parent) : QObject(parent) {}

DropRuleWatcher::DropRuleWatcher(HelperClient *client, QObject *parent) : QObject(parent)
{
    connect(client, &HelperClient::rulesChanged, this,
            [this, client] { observe(client->rules()); });
}

void DropRuleWatcher::observe(const QList<RuleInfo> &rules)
{
    QHash<uint, Seen> seen;
    seen.reserve(rules.size());
    for (const RuleInfo &rule : rules) {
        auto previous = m_seen.constFind(rule.id);
        Seen state;
        state.expression = rule.expression;
        state.action = rule.action;
        if (previous == m_seen.constEnd() || previous->expression != rule.expression ||
            previous->action != rule.action)
            state.waiting = rule.hits == 0; // first sight (or a new rule under an old id)
        else
            state.waiting = previous->waiting;
        if (state.waiting && rule.hits > 0 && rule.action == RuleAction::Drop) {
            state.waiting = false;
            emit ruleStartedDropping(rule);
        }
        seen.insert(rule.id, state);
    }
    m_seen = std::move(seen); // removed rules are forgotten
}

} // namespace nfqmon
