#include "helper/service/RuleRequest.h"

#include "helper/config/InterfaceName.h"
#include "helper/config/QuotedText.h"
#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/HelperContract.h"
#include "helper/service/ArgumentReader.h"

namespace nfqmon::RuleRequest {

std::optional<Rule> apply(const QVariantMap &fields, Rule base, bool expressionRequired,
                          QString *error)
{
    namespace Key = Contract::RuleField;
    ArgumentReader in(fields, QStringLiteral("rule field"));
    in.onlyKnownKeys({Key::Expression, Key::Interface, Key::Direction, Key::Action, Key::Enabled,
                      Key::Program, Key::User, Key::Unit, Key::Host});
    if (in.ok() && expressionRequired && !in.has(Key::Expression))
        in.fail(QStringLiteral("a rule needs an expression (pcap filter syntax, e.g. "
                               "\"udp and dst port 53\")"));
    if (const auto expression = in.string(Key::Expression, Limits::MaxRuleExpressionLength)) {
        if (expression->trimmed().isEmpty())
            in.fail(QStringLiteral("a rule's expression must not be empty"));
        base.expression = expression->trimmed();
    }
    if (const auto interface = in.string(Key::Interface, Limits::MaxInterfaceNameLength)) {
        QString problem;
        if (!interface->isEmpty() && !InterfaceName::isValid(*interface, &problem))
            in.fail(problem);
        base.interface = *interface;
    }
    if (const auto direction = in.string(Key::Direction, 16)) {
        if (const auto known = directionFromName(*direction))
            base.direction = *known;
        else
            in.fail(
                QStringLiteral("rule field direction must be \"any\", \"in\" or \"out\", not %1")
                    .arg(quotedText(*direction)));
    }
    if (const auto action = in.string(Key::Action, 16)) {
        if (const auto known = actionFromName(*action))
            base.action = *known;
        else
            in.fail(QStringLiteral("rule field action must be \"drop\" or \"accept\", not %1")
                        .arg(quotedText(*action)));
    }
    if (const auto enabled = in.boolean(Key::Enabled))
        base.enabled = *enabled;
    if (const auto program = in.string(Key::Program, Limits::MaxProgramPathLength)) {
        QString problem;
        if (!program->isEmpty() && !Rule::isProgramPath(*program, &problem))
            in.fail(QStringLiteral("rule field program: ") + problem);
        base.program = *program;
    }
    if (const auto unit = in.string(Key::Unit, 255)) {
        QString problem;
        if (!unit->isEmpty() && !Rule::isUnitGlob(*unit, &problem))
            in.fail(QStringLiteral("rule field unit: ") + problem);
        base.unit = *unit;
    }
    if (const auto host = in.string(Key::Host, 256)) {
        QString problem;
        if (!host->isEmpty() && !Rule::isHostPattern(*host, &problem))
            in.fail(QStringLiteral("rule field host: ") + problem);
        base.host = Rule::normalHost(*host);
    }
    if (const auto user = in.number(Key::User, 0, Key::AnyUser))
        base.user = *user == Key::AnyUser ? std::nullopt : std::optional<std::uint32_t>(*user);
    if (!in.ok()) {
        *error = in.error();
        return std::nullopt;
    }
    return base;
}

} // namespace nfqmon::RuleRequest
