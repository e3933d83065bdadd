#include "helper/config/QuotedText.h"

namespace nfqmon {

QString quotedText(const QString &text, qsizetype maxShown)
{
    QString out = QStringLiteral("\"");
    const QString shown = text.size() > maxShown ? text.left(maxShown) : text;
    for (const QChar c : shown) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += u'\\';
            out += c;
        } else if (u == u'\n') {
            out += QStringLiteral("\\n");
        } else if (u == u'\t') {
            out += QStringLiteral("\\t");
        } else if (u == u'\r') {
            out += QStringLiteral("\\r");
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0)) {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    if (shown.size() != text.size())
        out += QStringLiteral("...");
    out += u'"';
    return out;
}

} // namespace nfqmon
