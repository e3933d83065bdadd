#include "RuleRequest.h"

#include "ArgumentReader.h"
#include "InterfaceName.h"
#include "QuotedText.h"

namespace nfqmon::RuleRequest {

std::optional<Rule> apply(const QVariantMap &fields, Rule base, bool expressionRequired,
                          QString *error)
{
    ArgumentReader in(fields, QStringLiteral("rule field"));
    in.onlyKnownKeys({QStringLiteral("expression"), QStringLiteral("interface"),
                      QStringLiteral("direction"), QStringLiteral("action"),
                      QStringLiteral("enabled")});
    if (in.ok() && expressionRequired && !in.has(QStringLiteral("expression")))
        in.fail(QStringLiteral("a rule needs an expression (pcap filter syntax, e.g. "
                               "\"udp and dst port 53\")"));
    if (const auto expression = in.string(QStringLiteral("expression"), MaxExpressionLength)) {
        if (expression->trimmed().isEmpty())
            in.fail(QStringLiteral("a rule's expression must not be empty"));
        base.expression = expression->trimmed();
    }
    if (const auto interface = in.string(QStringLiteral("interface"), 64)) {
        QString problem;
        if (!interface->isEmpty() && !InterfaceName::isValid(*interface, &problem))
            in.fail(problem);
        base.interface = *interface;
    }
    if (const auto direction = in.string(QStringLiteral("direction"), 16)) {
        if (const auto known = directionFromName(*direction))
            base.direction = *known;
        else
            in.fail(
                QStringLiteral("rule field direction must be \"any\", \"in\" or \"out\", not %1")
                    .arg(quotedText(*direction)));
    }
    if (const auto action = in.string(QStringLiteral("action"), 16)) {
        if (const auto known = actionFromName(*action))
            base.action = *known;
        else
            in.fail(QStringLiteral("rule field action must be \"drop\" or \"accept\", not %1")
                        .arg(quotedText(*action)));
    }
    if (const auto enabled = in.boolean(QStringLiteral("enabled")))
        base.enabled = *enabled;
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return base;
}

QVariantMap describe(const Rule &rule, std::uint64_t hits)
{
    return {{QStringLiteral("id"), uint(rule.id)},
            {QStringLiteral("expression"), rule.expression},
            {QStringLiteral("interface"), rule.interface},
            {QStringLiteral("direction"), directionName(rule.direction)},
            {QStringLiteral("action"), actionName(rule.action)},
            {QStringLiteral("enabled"), rule.enabled},
            {QStringLiteral("hits"), qulonglong(hits)}};
}

} // namespace nfqmon::RuleRequest
