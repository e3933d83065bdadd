// The work of the rule methods (ListRules, AddRule, ChangeRule, SetRuleEnabled, MoveRule,
// RemoveRule) once polkit said yes: each change is checked, compiled, saved and handed to the
// running capture, or refused with the error to send, and then nothing has changed. HelperService
// checks who may call and announces every change that succeeded (RulesChanged).
#pragma once

#include "helper/service/RuleStore.h"
#include "helper/service/ServiceReply.h"

#include <QList>
#include <QVariantMap>

#include <cstdint>
#include <functional>
#include <vector>

namespace nfqmon {

class CaptureEngine;

class RuleEditor
{
public:
    explicit RuleEditor(RuleStore &store) : m_store(store) {}

    // `engine`: the running capture or null; it gets every change and counts the hits.
    QList<QVariantMap> list(const CaptureEngine *engine) const;
    ServiceReply add(const QVariantMap &fields, CaptureEngine *engine); // replies the new id
    ServiceReply change(uint id, const QVariantMap &fields, CaptureEngine *engine);
    ServiceReply setEnabled(uint id, bool enabled, CaptureEngine *engine);
    ServiceReply move(uint id, uint position, CaptureEngine *engine);
    ServiceReply remove(uint id, CaptureEngine *engine);

private:
    using Change = std::function<ServiceReply(std::vector<Rule> &rules, std::size_t index)>;
    ServiceReply withRule(uint id, const Change &change, CaptureEngine *engine);
    ServiceReply commit(const std::vector<Rule> &next, CaptureEngine *engine);

    RuleStore &m_store;
};

} // namespace nfqmon
