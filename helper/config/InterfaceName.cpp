#include "helper/config/InterfaceName.h"

#include "helper/config/QuotedText.h"

#include <QSet>

#include <net/if.h>

namespace nfqmon::InterfaceName {

namespace {

// IFNAMSIZ counts the terminating NUL.
constexpr qsizetype maxNameBytes = IFNAMSIZ - 1;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString codePoint(char32_t c)
{
    return QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

bool isAllowedAscii(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
           c == U'.' || c == U'_' || c == U'@' || c == U'-';
}

// What is wrong with one character, as the end of a sentence "... contains <this>"; empty when
// the character is allowed.
QString characterProblem(char32_t c)
{
    if (isAllowedAscii(c))
        return {};
    switch (c) {
    case U' ':
        return QStringLiteral("a space");
    case U'\t':
        return QStringLiteral("a tab");
    case U'\n':
        return QStringLiteral("a newline");
    case U'\r':
        return QStringLiteral("a carriage return");
    case U'/':
    case U':':
        return QStringLiteral("'%1', which the kernel does not allow in interface names")
            .arg(QChar(char16_t(c)));
    case U'+':
        return QStringLiteral("'+', which iptables reads as a wildcard");
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return QStringLiteral("a control character (U+%1)").arg(codePoint(c));
    if (QChar::isSpace(c))
        return QStringLiteral("a space character (U+%1)").arg(codePoint(c));
    QString what = c < 0x80
                       ? QStringLiteral("'%1'").arg(QChar(char16_t(c)))
                       : QStringLiteral("'%1' (U+%2)").arg(QString::fromUcs4(&c, 1), codePoint(c));
    return what + QStringLiteral("; only letters A-Z and a-z, digits, '.', '_', '@' and '-' are "
                                 "allowed");
}

} // namespace

bool isValid(const QString &name, QString *error)
{
    const QString subject = QStringLiteral("interface name ") + quotedText(name);
    if (name.isEmpty())
        return fail(error, QStringLiteral("interface name is empty"));
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return fail(error, subject + QStringLiteral(" is reserved by the kernel"));
    if (name.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
        return fail(error, subject + QStringLiteral(" is reserved: \"any\" stands for every "
                                                    "interface and must be given alone"));
    if (name.startsWith(u'-'))
        return fail(error, subject + QStringLiteral(" starts with '-', which would read as a "
                                                    "command-line option"));
    // Character problems first: "eth0 -A INPUT -j ACCEPT" is better told "contains a space" than
    // "too long".
    for (const char32_t c : name.toUcs4()) {
        const QString problem = characterProblem(c);
        if (!problem.isEmpty())
            return fail(error, subject + QStringLiteral(" contains ") + problem);
    }
    const qsizetype bytes = name.toUtf8().size();
    if (bytes > maxNameBytes)
        return fail(error,
                    subject + QStringLiteral(" is %1 bytes long; the kernel allows at most %2")
                                  .arg(bytes)
                                  .arg(maxNameBytes));
    return true;
}

bool parseList(const QString &text, QStringList *names, bool *any, QString *error)
{
    const QString subject = QStringLiteral("interface list ") + quotedText(text);
    if (text.trimmed().isEmpty())
        return fail(error, QStringLiteral("no interface given; name one or more interfaces "
                                          "separated by commas, or \"any\""));
    QStringList result;
    QSet<QString> seen;
    bool sawAny = false;
    const QStringList items = text.split(u',');
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i).trimmed();
        if (item.isEmpty())
            return fail(error, subject + QStringLiteral(" has an empty item (item %1 of %2)")
                                             .arg(i + 1)
                                             .arg(items.size()));
        if (item.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
            sawAny = true;
            continue;
        }
        QString problem;
        if (!isValid(item, &problem))
            return fail(error, problem);
        // Refused rather than merged: a repeated name is most often a typo for another interface.
        if (seen.contains(item))
            return fail(error, subject + QStringLiteral(" names ") + quotedText(item) +
                                   QStringLiteral(" twice"));
        seen.insert(item);
        result.append(item);
    }
    if (sawAny && (items.size() > 1))
        return fail(error, subject + QStringLiteral(": \"any\" already means every interface and "
                                                    "cannot be combined with other names"));
    if (names)
        *names = result;
    if (any)
        *any = sawAny;
    return true;
}

QStringList missing(const QStringList &names)
{
    QStringList absent;
    for (const QString &name : names) {
        if (::if_nametoindex(name.toUtf8().constData()) == 0)
            absent.append(name);
    }
    return absent;
}

} // namespace nfqmon::InterfaceName
