#include "app/store/RuleSuggestion.h"

#include "app/display/SummaryText.h"
#include "helper/protocol/IpProtocol.h"

#include <QStringList>

namespace nfqmon {

namespace {

constexpr int LabelValues = 3; // values named in a label before "and N more"

bool hasAddresses(const StoredPacket &p)
{
    return p.summary.network != NetworkProtocol::Unknown &&
           p.summary.missing != Missing::NetworkHeader;
}

// libpcap's protocol primitives look at the IPv6 header's own next-header field only; after
// extension headers just `ip6 protochain` finds the protocol, and no port primitive works.
bool hasExtensionHeaders(const StoredPacket &p)
{
    return p.summary.network == NetworkProtocol::IPv6 &&
           (p.summary.flags & SummaryFlag::HasOptions);
}

QString portProtocolKeyword(std::uint8_t transport)
{
    switch (transport) {
    case IpProtocol::Tcp:
        return QStringLiteral("tcp");
    case IpProtocol::Udp:
        return QStringLiteral("udp");
    case IpProtocol::Sctp:
        return QStringLiteral("sctp");
    default:
        return {};
    }
}

// The protocol is known (not an IPv6 extension header where the chain was cut off).
bool hasProtocol(const StoredPacket &p)
{
    return hasAddresses(p) && p.summary.missing != Missing::NetworkOptions;
}

bool hasPort(const StoredPacket &p)
{
    const PacketSummary &s = p.summary;
    return hasAddresses(p) && (s.flags & SummaryFlag::HasPorts) &&
           !(s.flags & SummaryFlag::LaterFragment) && !hasExtensionHeaders(p) &&
           !portProtocolKeyword(s.transport).isEmpty();
}

// The protocol as libpcap says it, for both IP versions where the protocol exists in both.
QString protocolExpression(std::uint8_t transport, bool throughExtensionHeaders)
{
    QString expression;
    switch (transport) {
    case IpProtocol::Tcp:
    case IpProtocol::Udp:
    case IpProtocol::Sctp:
        expression = portProtocolKeyword(transport);
        break;
    case IpProtocol::Icmp:
        expression = QStringLiteral("icmp");
        break;
    case IpProtocol::Icmpv6:
        expression = QStringLiteral("icmp6");
        break;
    default:
        expression = QStringLiteral("ip proto %1 or ip6 proto %1").arg(transport);
        break;
    }
    if (throughExtensionHeaders)
        expression += QStringLiteral(" or ip6 protochain %1").arg(transport);
    return expression;
}

// Values in first-seen order without repeats.
void addOnce(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list.append(value);
}

QString joinedValues(const QStringList &values)
{
    if (values.size() <= LabelValues)
        return values.join(QStringLiteral(", "));
    return RuleSuggestion::tr("%1 and %n more", nullptr, int(values.size() - LabelValues))
        .arg(values.first(LabelValues).join(QStringLiteral(", ")));
}

QString combined(const QStringList &parts, bool parenthesise)
{
    if (parts.size() == 1 || !parenthesise)
        return parts.join(QStringLiteral(" or "));
    QStringList wrapped;
    for (const QString &part : parts)
        wrapped.append(QLatin1Char('(') + part + QLatin1Char(')'));
    return wrapped.join(QStringLiteral(" or "));
}

} // namespace

QList<RuleSuggestion::Item> RuleSuggestion::forPackets(const QList<StoredPacket> &packets)
{
    QList<Item> items;
    if (packets.isEmpty())
        return items;

    const bool addresses = std::all_of(packets.begin(), packets.end(), hasAddresses);
    if (addresses) {
        QStringList sources, destinations, conversations, conversationLabels;
        for (const StoredPacket &p : packets) {
            const QString from = SummaryText::source(p.summary);
            const QString to = SummaryText::destination(p.summary);
            addOnce(sources, from);
            addOnce(destinations, to);
            // Both ways are one conversation: the lower address first.
            const QString a = std::min(from, to);
            const QString b = std::max(from, to);
            const QString conversation = a == b ? QStringLiteral("host %1").arg(a)
                                                : QStringLiteral("host %1 and host %2").arg(a, b);
            if (!conversations.contains(conversation)) {
                conversations.append(conversation);
                conversationLabels.append(QStringLiteral("%1 ⇄ %2").arg(from, to));
            }
        }
        QStringList parts;
        for (const QString &s : sources)
            parts.append(QStringLiteral("src host %1").arg(s));
        items.append({tr("From %1").arg(joinedValues(sources)), combined(parts, false)});
        parts.clear();
        for (const QString &d : destinations)
            parts.append(QStringLiteral("dst host %1").arg(d));
        items.append({tr("To %1").arg(joinedValues(destinations)), combined(parts, false)});
        items.append({tr("Conversation %1").arg(joinedValues(conversationLabels)),
                      combined(conversations, true)});
    }

    if (std::all_of(packets.begin(), packets.end(), hasPort)) {
        QStringList labels, parts;
        for (const StoredPacket &p : packets) {
            const QString keyword = portProtocolKeyword(p.summary.transport);
            addOnce(labels, QStringLiteral("%1/%2").arg(p.summary.destinationPort).arg(keyword));
            addOnce(parts,
                    QStringLiteral("%1 dst port %2").arg(keyword).arg(p.summary.destinationPort));
        }
        items.append({tr("To port %1").arg(joinedValues(labels)), combined(parts, false)});
    }

    if (std::all_of(packets.begin(), packets.end(), hasProtocol)) {
        QStringList labels, parts;
        QList<int> transports;
        QList<bool> throughExtensions;
        for (const StoredPacket &p : packets) {
            const int index = int(transports.indexOf(p.summary.transport));
            if (index < 0) {
                transports.append(p.summary.transport);
                throughExtensions.append(hasExtensionHeaders(p));
                addOnce(labels, SummaryText::protocolName(p.summary));
            } else if (hasExtensionHeaders(p)) {
                throughExtensions[index] = true;
            }
        }
        for (qsizetype i = 0; i < transports.size(); ++i)
            parts.append(protocolExpression(std::uint8_t(transports[i]), throughExtensions[i]));
        // Every part is a chain of `or`: no parentheses needed.
        items.append({tr("Protocol %1").arg(joinedValues(labels)), combined(parts, false)});
    }
    return items;
}

} // namespace nfqmon
