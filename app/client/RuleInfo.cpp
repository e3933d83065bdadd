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

} // namespace nfqmon
