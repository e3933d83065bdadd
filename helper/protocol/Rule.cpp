#include "Rule.h"

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

} // namespace nfqmon
