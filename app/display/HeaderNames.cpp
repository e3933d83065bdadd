#include "app/display/HeaderNames.h"

namespace nfqmon {

QString HeaderNames::layer(HeaderKind header)
{
    switch (header) {
    case HeaderKind::IPv4:
        return QStringLiteral("IPv4");
    case HeaderKind::IPv6:
        return QStringLiteral("IPv6");
    case HeaderKind::HopByHop:
        return tr("IPv6 Hop-by-Hop Options");
    case HeaderKind::Routing:
        return tr("IPv6 Routing");
    case HeaderKind::Fragment:
        return tr("IPv6 Fragment");
    case HeaderKind::DestinationOptions:
        return tr("IPv6 Destination Options");
    case HeaderKind::Authentication:
        return tr("Authentication Header");
    case HeaderKind::Esp:
        return tr("Encapsulating Security Payload");
    case HeaderKind::Tcp:
        return QStringLiteral("TCP");
    case HeaderKind::Udp:
        return QStringLiteral("UDP");
    case HeaderKind::UdpLite:
        return QStringLiteral("UDP-Lite");
    case HeaderKind::Sctp:
        return QStringLiteral("SCTP");
    case HeaderKind::Dccp:
        return QStringLiteral("DCCP");
    case HeaderKind::Icmp:
        return QStringLiteral("ICMP");
    case HeaderKind::Icmpv6:
        return QStringLiteral("ICMPv6");
    case HeaderKind::Data:
        return tr("Data");
    case HeaderKind::Trailer:
        return tr("Trailing bytes");
    }
    return {};
}

QString HeaderNames::phrase(HeaderKind header)
{
    switch (header) {
    case HeaderKind::IPv4:
        return tr("IPv4 header");
    case HeaderKind::IPv6:
        return tr("IPv6 header");
    case HeaderKind::HopByHop:
        return tr("IPv6 Hop-by-Hop Options header");
    case HeaderKind::Routing:
        return tr("IPv6 Routing header");
    case HeaderKind::Fragment:
        return tr("IPv6 Fragment header");
    case HeaderKind::DestinationOptions:
        return tr("IPv6 Destination Options header");
    case HeaderKind::Authentication:
        return tr("Authentication Header", "in a sentence: the … needs N bytes");
    case HeaderKind::Esp:
        return tr("ESP header");
    case HeaderKind::Tcp:
        return tr("TCP header");
    case HeaderKind::Udp:
        return tr("UDP header");
    case HeaderKind::UdpLite:
        return tr("UDP-Lite header");
    case HeaderKind::Sctp:
        return tr("SCTP common header");
    case HeaderKind::Dccp:
        return tr("DCCP header");
    case HeaderKind::Icmp:
        return tr("ICMP header");
    case HeaderKind::Icmpv6:
        return tr("ICMPv6 header");
    case HeaderKind::Data:
    case HeaderKind::Trailer:
        break;
    }
    return {};
}

} // namespace nfqmon
