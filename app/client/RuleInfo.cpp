#include "app/client/RuleInfo.h"

#include "helper/protocol/RuleFields.h"

namespace nfqmon {

RuleInfo RuleInfo::fromMap(const QVariantMap &map)
{
    const Rule rule = RuleFields::fromMap(map);
    RuleInfo info;
    info.id = uint(rule.id);
    info.expression = rule.expression;
    info.interface = rule.interface;
    info.direction = rule.direction;
    info.action = rule.action;
    info.enabled = rule.enabled;
    info.program = rule.program;
    info.user = rule.user;
    info.unit = rule.unit;
    info.host = rule.host;
    info.hits = RuleFields::hitsOf(map);
    return info;
}

QVariantMap RuleInfo::toFields() const
{
    return RuleFields::toMap(toRule());
}

Rule RuleInfo::toRule() const
{
    Rule rule;
    rule.id = int(id);
    rule.expression = expression;
    rule.interface = interface;
    rule.direction = direction;
    rule.action = action;
    rule.enabled = enabled;
    rule.program = program;
    rule.user = user;
    rule.unit = unit;
    rule.host = host;
    return rule;
}

} // namespace nfqmon
