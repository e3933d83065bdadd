#include "helper/protocol/Rule.h"

namespace nfqmon {

QString actionName(RuleAction action)
{
    switch (action) {
    case RuleAction::Drop:
        return QStringLiteral("drop");
    case RuleAction::Accept:
        return QStringLiteral("accept");
    }
    return QString();
}

QString directionName(RuleDirection direction)
{
    switch (direction) {
    case RuleDirection::Any:
        return QStringLiteral("any");
    case RuleDirection::In:
        return QStringLiteral("in");
    case RuleDirection::Out:
        return QStringLiteral("out");
    }
    return QString();
}

std::optional<RuleAction> actionFromName(const QString &name)
{
    for (auto action : {RuleAction::Drop, RuleAction::Accept})
        if (actionName(action) == name)
            return action;
    return std::nullopt;
}

std::optional<RuleDirection> directionFromName(const QString &name)
{
    for (auto direction : {RuleDirection::Any, RuleDirection::In, RuleDirection::Out})
        if (directionName(direction) == name)
            return direction;
    return std::nullopt;
}

} // namespace nfqmon
