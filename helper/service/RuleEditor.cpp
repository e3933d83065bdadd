#include "helper/service/RuleEditor.h"

#include "helper/engine/CaptureEngine.h"
#include "helper/engine/HeadlessRunner.h"
#include "helper/protocol/RuleFields.h"
#include "helper/protocol/RuleSet.h"
#include "helper/service/RuleRequest.h"
#include "helper/service/ServiceError.h"

namespace nfqmon {

namespace {

std::uint64_t hitsOf(const CaptureEngine *engine, int ruleId)
{
    if (!engine)
        return 0;
    for (const auto &entry : engine->statistics().rules)
        if (entry.rule.id == ruleId)
            return entry.hits;
    return 0;
}

// To the journal: the rule is kept (the program may be installed later), but whoever reads why
// it never matches finds the reason there.
void warnAboutProgram(const Rule &rule)
{
    if (const QString warning = rule.programWarning(); !warning.isEmpty())
        printWarning(warning);
}

} // namespace

QList<QVariantMap> RuleEditor::list(const CaptureEngine *engine) const
{
    QList<QVariantMap> list;
    for (const Rule &rule : m_store.rules())
        list.append(RuleFields::describe(rule, hitsOf(engine, rule.id)));
    return list;
}

ServiceReply RuleEditor::add(const QVariantMap &fields, CaptureEngine *engine)
{
    QString error;
    auto rule = RuleRequest::apply(fields, Rule{}, true, &error);
    if (!rule)
        return ServiceReply::error(ServiceError::InvalidArgument, error);
    if (m_store.rules().size() >= std::size_t(RuleStore::MaxRules))
        return ServiceReply::error(
            ServiceError::InvalidArgument,
            QStringLiteral("there are already %1 rules, the most the helper keeps")
                .arg(RuleStore::MaxRules));
    rule->id = m_store.nextId();
    std::vector<Rule> next = m_store.rules();
    next.push_back(*rule);
    const ServiceReply changed = commit(next, engine);
    if (!changed.isError())
        warnAboutProgram(*rule);
    return changed.isError() ? changed : ServiceReply::ok({uint(rule->id)});
}

ServiceReply RuleEditor::change(uint id, const QVariantMap &fields, CaptureEngine *engine)
{
    return withRule(
        id,
        [&fields](std::vector<Rule> &rules, std::size_t index) {
            QString error;
            const auto rule = RuleRequest::apply(fields, rules[index], false, &error);
            if (!rule)
                return ServiceReply::error(ServiceError::InvalidArgument, error);
            if (rule->program != rules[index].program)
                warnAboutProgram(*rule);
            rules[index] = *rule;
            return ServiceReply::ok();
        },
        engine);
}

ServiceReply RuleEditor::setEnabled(uint id, bool enabled, CaptureEngine *engine)
{
    return withRule(
        id,
        [enabled](std::vector<Rule> &rules, std::size_t index) {
            rules[index].enabled = enabled;
            return ServiceReply::ok();
        },
        engine);
}

ServiceReply RuleEditor::move(uint id, uint position, CaptureEngine *engine)
{
    return withRule(
        id,
        [position](std::vector<Rule> &rules, std::size_t index) {
            if (position >= rules.size())
                return ServiceReply::error(
                    ServiceError::InvalidArgument,
                    QStringLiteral("position %1 is past the last rule (positions count from 0 to "
                                   "%2)")
                        .arg(position)
                        .arg(rules.size() - 1));
            const Rule moved = rules[index];
            rules.erase(rules.begin() + qsizetype(index));
            rules.insert(rules.begin() + position, moved);
            return ServiceReply::ok();
        },
        engine);
}

ServiceReply RuleEditor::remove(uint id, CaptureEngine *engine)
{
    return withRule(
        id,
        [](std::vector<Rule> &rules, std::size_t index) {
            rules.erase(rules.begin() + qsizetype(index));
            return ServiceReply::ok();
        },
        engine);
}

ServiceReply RuleEditor::withRule(uint id, const Change &change, CaptureEngine *engine)
{
    std::vector<Rule> next = m_store.rules();
    const auto it = std::find_if(next.begin(), next.end(),
                                 [id](const Rule &rule) { return uint(rule.id) == id; });
    if (it == next.end())
        return ServiceReply::error(ServiceError::NoSuchRule,
                                   QStringLiteral("there is no rule %1").arg(id));
    const ServiceReply changed = change(next, std::size_t(it - next.begin()));
    return changed.isError() ? changed : commit(next, engine);
}

ServiceReply RuleEditor::commit(const std::vector<Rule> &next, CaptureEngine *engine)
{
    QString error;
    if (!RuleSet::compile(next, &error))
        return ServiceReply::error(ServiceError::BadRule, error);
    if (!m_store.save(next, &error))
        return ServiceReply::error(ServiceError::Failed, error);
    if (engine && !engine->setRules(next, &error))
        return ServiceReply::error(ServiceError::Failed, error);
    return ServiceReply::ok();
}

} // namespace nfqmon
