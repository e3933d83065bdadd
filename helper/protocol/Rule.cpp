#include "helper/protocol/Rule.h"

#include "helper/protocol/CaptureLimits.h"

#include <QFileInfo>

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

QString Rule::programWarning() const
{
    if (program.isEmpty())
        return {};
    const QFileInfo file(program);
    if (file.isSymLink() && file.exists())
        return QStringLiteral("rule %1: %2 is a link to %3, and the kernel names a program by "
                              "its real path: name %3 for the rule to match it")
            .arg(id)
            .arg(program, file.canonicalFilePath());
    if (!file.exists())
        return QStringLiteral("rule %1: %2 does not exist (yet): the rule matches once a program "
                              "is installed there")
            .arg(id)
            .arg(program);
    if (!file.isFile())
        return QStringLiteral("rule %1: %2 is not a file: no program can match it")
            .arg(id)
            .arg(program);
    return {};
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
