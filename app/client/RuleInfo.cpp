#include "RuleInfo.h"

namespace nfqmon {

RuleInfo RuleInfo::fromMap(const QVariantMap &map)
{
    RuleInfo rule;
    rule.id = map.value(QStringLiteral("id")).toUInt();
    rule.expression = map.value(QStringLiteral("expression")).toString();
    rule.interface = map.value(QStringLiteral("interface")).toString();
    rule.direction = map.value(QStringLiteral("direction"), rule.direction).toString();
    rule.action = map.value(QStringLiteral("action"), rule.action).toString();
    rule.enabled = map.value(QStringLiteral("enabled"), true).toBool();
    rule.hits = map.value(QStringLiteral("hits")).toULongLong();
    return rule;
}

QVariantMap RuleInfo::toFields() const
{
    return {{QStringLiteral("expression"), expression},
            {QStringLiteral("interface"), interface},
            {QStringLiteral("direction"), direction},
            {QStringLiteral("action"), action},
            {QStringLiteral("enabled"), enabled}};
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
