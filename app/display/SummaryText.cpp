#include "app/display/SummaryText.h"

#include "app/display/FieldFormat.h"
#include "app/display/IcmpText.h"
#include "helper/protocol/IpProtocol.h"
#include "helper/protocol/ProtocolName.h"

namespace nfqmon {

QString SummaryText::source(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return {};
    return FieldFormat::address(summary.network, summary.source.data());
}

QString SummaryText::destination(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return {};
    return FieldFormat::address(summary.network, summary.destination.data());
}

QString SummaryText::protocolName(const PacketSummary &summary)
{
    return QString::fromStdString(ProtocolName::of(summary));
}

QString SummaryText::info(const PacketSummary &s)
{
    if (s.network == NetworkProtocol::Unknown) {
        return s.missing == Missing::Malformed
                   ? tr("IP version does not match the packet's family (malformed)")
                   : tr("no IP header");
    }
    if (s.missing == Missing::NetworkHeader)
        return missing(s);
    const bool v6 = s.network == NetworkProtocol::IPv6;
    QString from = FieldFormat::address(s.network, s.source.data());
    QString to = FieldFormat::address(s.network, s.destination.data());
    if (s.flags & SummaryFlag::HasPorts) {
        const QString pattern = v6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2");
        from = pattern.arg(from).arg(s.sourcePort);
        to = pattern.arg(to).arg(s.destinationPort);
    }
    QString line = QStringLiteral("%1 → %2 %3").arg(from, to, FieldFormat::protocol(s.transport));
    if (s.flags & SummaryFlag::HasTcpFlags)
        line += QLatin1Char(' ') + FieldFormat::tcpFlags(s.tcpFlags);
    if (s.flags & SummaryFlag::HasIcmp)
        line += QLatin1Char(' ') + IcmpText::text(v6, s.icmpType, s.icmpCode);
    if (s.flags & SummaryFlag::Fragment) {
        line += QLatin1Char(' ') + tr("[fragment: offset %1, id %2]")
                                       .arg(s.fragmentOffset)
                                       .arg(FieldFormat::hex(s.fragmentId, v6 ? 8 : 4));
    }
    if (s.missing != Missing::Nothing)
        line += QLatin1Char(' ') + missing(s);
    return line;
}

QString SummaryText::missing(const PacketSummary &s)
{
    switch (s.missing) {
    case Missing::Nothing:
        return {};
    case Missing::NetworkHeader:
        return tr("(truncated: %1 header)")
            .arg(s.network == NetworkProtocol::IPv6 ? QStringLiteral("IPv6")
                                                    : QStringLiteral("IPv4"));
    case Missing::NetworkOptions:
        if (s.transport == IpProtocol::Ah)
            return tr("(truncated: authentication header)");
        return s.network == NetworkProtocol::IPv6 ? tr("(truncated: IPv6 extension headers)")
                                                  : tr("(truncated: IPv4 options)");
    case Missing::TransportHeader:
        return tr("(truncated: %1 header)").arg(FieldFormat::protocol(s.transport));
    case Missing::Malformed:
        return tr("(malformed)");
    }
    return {};
}

} // namespace nfqmon
