#include "helper/protocol/RuleFields.h"

#include "helper/protocol/HelperContract.h"

namespace nfqmon::RuleFields {

namespace Key = Contract::RuleField;

QVariantMap toMap(const Rule &rule)
{
    return {{Key::Expression, rule.expression},
            {Key::Interface, rule.interface},
            {Key::Direction, directionName(rule.direction)},
            {Key::Action, actionName(rule.action)},
            {Key::Enabled, rule.enabled},
            {Key::Program, rule.program},
            {Key::User, uint(rule.user.value_or(Key::AnyUser))},
            {Key::Unit, rule.unit},
            {Key::Host, rule.host}};
}

QVariantMap describe(const Rule &rule, std::uint64_t hits)
{
    QVariantMap map = toMap(rule);
    map.insert(Key::Id, uint(rule.id));
    map.insert(Key::Hits, qulonglong(hits));
    return map;
}

Rule fromMap(const QVariantMap &map, Rule base)
{
    base.id = int(map.value(Key::Id, uint(base.id)).toUInt());
    base.expression = map.value(Key::Expression, base.expression).toString();
    base.interface = map.value(Key::Interface, base.interface).toString();
    base.direction =
        directionFromName(map.value(Key::Direction).toString()).value_or(base.direction);
    base.action = actionFromName(map.value(Key::Action).toString()).value_or(base.action);
    base.enabled = map.value(Key::Enabled, base.enabled).toBool();
    base.program = map.value(Key::Program, base.program).toString();
    base.unit = map.value(Key::Unit, base.unit).toString();
    base.host = map.value(Key::Host, base.host).toString();
    if (map.contains(Key::User)) {
        const uint user = map.value(Key::User).toUInt();
        base.user = user == Key::AnyUser ? std::nullopt : std::optional<std::uint32_t>(user);
    }
    return base;
}

std::uint64_t hitsOf(const QVariantMap &map)
{
    return map.value(Key::Hits).toULongLong();
}

} // namespace nfqmon::RuleFields
