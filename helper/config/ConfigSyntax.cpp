#include "helper/config/ConfigSyntax.h"

#include "helper/config/QuotedText.h"

namespace nfqmon::ConfigSyntax {

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

std::optional<QString> parseValue(QStringView rest, bool *quoted, QString *error)
{
    qsizetype i = 0;
    while (i < rest.size() && rest.at(i).isSpace())
        ++i;
    QString value;
    *quoted = false;
    if (i < rest.size() && rest.at(i) == u'"') {
        *quoted = true;
        ++i;
        bool closed = false;
        while (i < rest.size()) {
            const QChar c = rest.at(i++);
            if (c == u'"') {
                closed = true;
                break;
            }
            if (c == u'\\') {
                if (i == rest.size())
                    break;
                const QChar next = rest.at(i++);
                if (next != u'"' && next != u'\\') {
                    *error = QStringLiteral("unknown escape \\%1 in a quoted value; only \\\" and "
                                            "\\\\ are recognised")
                                 .arg(next);
                    return std::nullopt;
                }
                value += next;
                continue;
            }
            value += c;
        }
        if (!closed) {
            *error = QStringLiteral("the quoted value is not closed: a '\"' is missing at the end "
                                    "of the line");
            return std::nullopt;
        }
        const QStringView after = rest.mid(i).trimmed();
        if (!after.isEmpty() && !isCommentStart(after.front())) {
            *error = QStringLiteral("unexpected text %1 after the closing quote")
                         .arg(quotedText(after.toString(), 60));
            return std::nullopt;
        }
        return value;
    }
    qsizetype end = i;
    while (end < rest.size()) {
        if (isCommentStart(rest.at(end)) && (end == i || rest.at(end - 1).isSpace()))
            break;
        ++end;
    }
    value = rest.mid(i, end - i).trimmed().toString();
    return value;
}

std::optional<bool> parseBoolean(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

std::optional<quint64> parseNumber(const QString &text, quint64 min, quint64 max)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const quint64 number = text.toULongLong();
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

} // namespace nfqmon::ConfigSyntax
