#include "helper/protocol/Rule.h"

#include "helper/protocol/CaptureLimits.h"

namespace nfqmon {

bool Rule::isProgramPath(const QString &path, QString *problem)
{
    if (!path.startsWith(u'/')) {
        *problem = QStringLiteral("a program is named by its full path (starting with '/')");
        return false;
    }
    if (path.size() > Limits::MaxProgramPathLength) {
        *problem = QStringLiteral("a program's path is at most %1 characters")
                       .arg(Limits::MaxProgramPathLength);
        return false;
    }
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            *problem = QStringLiteral("a program's path must not contain control characters");
            return false;
        }
    }
    return true;
}

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
