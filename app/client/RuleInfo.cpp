#include "RuleInfo.h"

#include "HelperContract.h"

namespace nfqmon {

namespace Key = Contract::RuleField;

RuleInfo RuleInfo::fromMap(const QVariantMap &map)
{
    RuleInfo rule;
    rule.id = map.value(Key::Id).toUInt();
    rule.expression = map.value(Key::Expression).toString();
    rule.interface = map.value(Key::Interface).toString();
    rule.direction = map.value(Key::Direction, rule.direction).toString();
    rule.action = map.value(Key::Action, rule.action).toString();
    rule.enabled = map.value(Key::Enabled, true).toBool();
    rule.hits = map.value(Key::Hits).toULongLong();
    return rule;
}

QVariantMap RuleInfo::toFields() const
{
    return {{Key::Expression, expression},
            {Key::Interface, interface},
            {Key::Direction, direction},
            {Key::Action, action},
            {Key::Enabled, enabled}};
}

std::optional<Rule> RuleInfo::toRule() const
{
    const std::optional<RuleDirection> knownDirection = directionFromName(direction);
    const std::optional<RuleAction> knownAction = actionFromName(action);
    if (!knownDirection || !knownAction)
        return std::nullopt;
    Rule rule;
    rule.id = int(id);
    rule.expression = expression;
    rule.interface = interface;
    rule.direction = *knownDirection;
    rule.action = *knownAction;
    rule.enabled = enabled;
    return rule;
}

} // namespace nfqmon
