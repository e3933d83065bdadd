#include "helper/protocol/Rule.h"

#include "helper/protocol/CaptureLimits.h"

#include <QFileInfo>

#include <arpa/inet.h>

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

bool Rule::isUnitGlob(const QString &glob, QString *problem)
{
    if (glob.size() > 255) {
        *problem = QStringLiteral("a unit's name is at most 255 characters");
        return false;
    }
    if (glob.contains(u'/')) {
        *problem = QStringLiteral("name the unit (cron.service), not its cgroup's path");
        return false;
    }
    int open = -1;
    for (int i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        const bool unitCharacter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                                   (c >= u'0' && c <= u'9') || QStringView(u":-_.@\\").contains(c);
        if (c == u'[')
            open = i;
        else if (c == u']')
            open = -1;
        else if (!unitCharacter && c != u'*' && c != u'?' &&
                 !(open >= 0 && (c == u'!' || c == u'^'))) {
            *problem = QStringLiteral("'%1' is not in a unit's name (letters, digits, ':', '-', "
                                      "'_', '.', '@' and '\\', and the glob characters '*', "
                                      "'?' and '[...]')")
                           .arg(c);
            return false;
        }
    }
    if (open >= 0) {
        *problem = QStringLiteral("the '[' at %1 is not closed").arg(open + 1);
        return false;
    }
    // Only services and scopes hold programs: the glob must be able to end like one of them.
    const bool open_end = glob.endsWith(u'*') || glob.endsWith(u'?') || glob.endsWith(u']');
    if (!open_end && !glob.endsWith(QLatin1String(".service")) &&
        !glob.endsWith(QLatin1String(".scope"))) {
        *problem = QStringLiteral("%1 can match no unit that runs programs: only a .service or a "
                                  ".scope does (%1.service?)")
                       .arg(glob);
        return false;
    }
    return true;
}

namespace {

constexpr qsizetype MaxHostNameLength = 253; // RFC 1035, written without the trailing dot
constexpr qsizetype MaxLabelLength = 63;

bool isHostNameCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'-' || c == u'_' || c == u'.';
}

// A character as a message shows it: control and other invisible ones by their code.
QString shownCharacter(QChar c)
{
    if (c.isPrint() && !c.isSpace())
        return QStringLiteral("'%1'").arg(c);
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

bool Rule::isHostPattern(const QString &pattern, QString *problem)
{
    QStringView name(pattern);
    if (name.startsWith(QLatin1String("*.")))
        name = name.mid(2);
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty()) {
        *problem = QStringLiteral("a host is a name (a.example.org) or a domain (*.example.org)");
        return false;
    }
    if (name.size() > MaxHostNameLength) {
        *problem = QStringLiteral("a host name is at most %1 characters").arg(MaxHostNameLength);
        return false;
    }
    for (const QChar c : name) {
        if (c == u'*') {
            *problem = QStringLiteral("host name \"%1\": '*' is allowed only as a leading \"*.\" "
                                      "(*.example.org: the domain and every name under it)")
                           .arg(pattern);
            return false;
        }
        if (!isHostNameCharacter(c)) {
            *problem = QStringLiteral("%1 is not in a host name (letters, digits, '-', '_' and "
                                      "dots; international names in their xn-- form)")
                           .arg(shownCharacter(c));
            return false;
        }
    }
    for (const QStringView label : name.split(u'.')) {
        if (label.isEmpty()) {
            *problem = QStringLiteral("host name \"%1\" has an empty label").arg(pattern);
            return false;
        }
        if (label.size() > MaxLabelLength) {
            *problem = QStringLiteral("host name \"%1\" has a label longer than %2 characters")
                           .arg(pattern)
                           .arg(MaxLabelLength);
            return false;
        }
    }
    // The learned names never include addresses: a rule naming one could never match.
    const QByteArray text = name.toLatin1();
    unsigned char address[16];
    if (inet_pton(AF_INET, text.constData(), address) == 1) {
        *problem = QStringLiteral("%1 is an address, not a host name: write it in the expression "
                                  "(host %1)")
                       .arg(text);
        return false;
    }
    return true;
}

QString Rule::normalHost(const QString &pattern)
{
    QString host = pattern.toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
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
