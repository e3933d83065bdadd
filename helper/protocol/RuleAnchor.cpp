#include "helper/protocol/RuleAnchor.h"

#include <QStringList>

#include <arpa/inet.h>

namespace nfqmon {

namespace {

// Splits into words, with parentheses and the C-style operators as words of their own.
QStringList tokens(const QString &expression)
{
    QString spaced;
    spaced.reserve(expression.size() * 2);
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression[i];
        if (c == u'(' || c == u')') {
            spaced += u' ';
            spaced += c;
            spaced += u' ';
        } else if ((c == u'&' || c == u'|') && i + 1 < expression.size() &&
                   expression[i + 1] == c) {
            spaced += u' ';
            spaced += c;
            spaced += c;
            spaced += u' ';
            ++i;
        } else if (c == u'!') {
            spaced += QStringLiteral(" ! ");
        } else {
            spaced += c;
        }
    }
    return spaced.split(u' ', Qt::SkipEmptyParts);
}

bool parseAddress(const QString &text, RuleAnchor *anchor)
{
    const QByteArray bytes = text.toLatin1();
    if (inet_pton(AF_INET, bytes.constData(), anchor->address.data()) == 1) {
        anchor->family = 4;
        anchor->prefixLength = 32;
        return true;
    }
    if (inet_pton(AF_INET6, bytes.constData(), anchor->address.data()) == 1) {
        anchor->family = 6;
        anchor->prefixLength = 128;
        return true;
    }
    return false;
}

// "ADDRESS/LENGTH" with the host bits cleared (libpcap refuses set host bits, so a compiled
// rule never has them).
bool parseNet(const QString &text, RuleAnchor *anchor)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0 || !parseAddress(text.left(slash), anchor))
        return false;
    bool ok = false;
    const int length = text.mid(slash + 1).toInt(&ok);
    const int maximum = anchor->family == 4 ? 32 : 128;
    if (!ok || length < 0 || length > maximum)
        return false;
    anchor->prefixLength = length;
    for (int bit = length; bit < maximum; ++bit)
        anchor->address[std::size_t(bit / 8)] &= std::uint8_t(~(0x80u >> (bit % 8)));
    return true;
}

std::optional<std::uint8_t> protocolNumber(const QString &word)
{
    if (word == QLatin1String("tcp"))
        return 6;
    if (word == QLatin1String("udp"))
        return 17;
    if (word == QLatin1String("icmp"))
        return 1;
    if (word == QLatin1String("icmp6"))
        return 58;
    if (word == QLatin1String("sctp"))
        return 132;
    return std::nullopt;
}

// One conjunct: [ip|ip6|tcp|udp|sctp] [src|dst] (host|net|port) VALUE, or a protocol alone.
std::optional<RuleAnchor> anchorOf(QStringList words)
{
    RuleAnchor anchor;
    if (words.size() == 1) {
        if (const auto number = protocolNumber(words[0])) {
            anchor.kind = RuleAnchor::Kind::Protocol;
            anchor.protocol = *number;
            return anchor;
        }
        if (words[0] == QLatin1String("ip") || words[0] == QLatin1String("ip6")) {
            anchor.kind = RuleAnchor::Kind::Family;
            anchor.family = words[0] == QLatin1String("ip") ? 4 : 6;
            return anchor;
        }
        return std::nullopt;
    }
    int family = 0;
    bool transportQualifier = false;
    if (words[0] == QLatin1String("ip") || words[0] == QLatin1String("ip6")) {
        family = words[0] == QLatin1String("ip") ? 4 : 6;
        words.removeFirst();
    } else if (words[0] == QLatin1String("tcp") || words[0] == QLatin1String("udp") ||
               words[0] == QLatin1String("sctp")) {
        transportQualifier = true;
        words.removeFirst();
    }
    if (!words.isEmpty() && (words[0] == QLatin1String("src") || words[0] == QLatin1String("dst")))
        words.removeFirst(); // widened to either direction: still necessary
    if (words.size() != 2)
        return std::nullopt;
    const QString &type = words[0];
    const QString &value = words[1];
    if (type == QLatin1String("host") && !transportQualifier && parseAddress(value, &anchor)) {
        if (family != 0 && family != anchor.family)
            return std::nullopt; // libpcap refuses the mix anyway
        anchor.kind = RuleAnchor::Kind::Host;
        return anchor;
    }
    if (type == QLatin1String("net") && !transportQualifier && parseNet(value, &anchor)) {
        if (family != 0 && family != anchor.family)
            return std::nullopt;
        anchor.kind = RuleAnchor::Kind::Net;
        return anchor;
    }
    if (type == QLatin1String("port") && family == 0) {
        bool ok = false;
        const uint port = value.toUInt(&ok);
        if (!ok || port > 65535)
            return std::nullopt; // service names are libpcap's to resolve
        anchor.kind = RuleAnchor::Kind::Port;
        anchor.port = std::uint16_t(port);
        return anchor;
    }
    return std::nullopt;
}

int selectivity(const RuleAnchor &anchor)
{
    switch (anchor.kind) {
    case RuleAnchor::Kind::Host:
        return 5;
    case RuleAnchor::Kind::Port:
        return 4;
    case RuleAnchor::Kind::Net:
        return 3;
    case RuleAnchor::Kind::Protocol:
        return 2;
    case RuleAnchor::Kind::Family:
        return 1;
    }
    return 0;
}

} // namespace

std::optional<RuleAnchor> RuleAnchor::of(const QString &expression)
{
    const QStringList words = tokens(expression.trimmed().toLower());
    // libpcap gives "and" and "or" the same precedence, left to right: an "or" outside
    // parentheses makes every split into conjuncts wrong, so such an expression has no anchor.
    QList<QStringList> conjuncts{{}};
    int depth = 0;
    for (const QString &word : words) {
        if (word == u'(')
            ++depth;
        else if (word == u')')
            --depth;
        if (depth == 0 && (word == QLatin1String("or") || word == QLatin1String("||")))
            return std::nullopt;
        if (depth == 0 && (word == QLatin1String("and") || word == QLatin1String("&&")))
            conjuncts.append(QStringList());
        else
            conjuncts.last().append(word);
    }
    if (depth != 0)
        return std::nullopt;
    std::optional<RuleAnchor> best;
    for (const QStringList &conjunct : conjuncts) {
        // A negation or a group says nothing certain at this level; a bare value would take
        // the qualifiers of the conjunct before it ("host A and B"): not guessed.
        if (conjunct.isEmpty() || conjunct.contains(QStringLiteral("(")) ||
            conjunct.contains(QStringLiteral("not")) || conjunct.contains(QStringLiteral("!")))
            continue;
        const std::optional<RuleAnchor> anchor = anchorOf(conjunct);
        if (anchor && (!best || selectivity(*anchor) > selectivity(*best)))
            best = anchor;
    }
    return best;
}

} // namespace nfqmon
