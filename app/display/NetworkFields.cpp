#include "app/display/NetworkFields.h"

#include "app/display/FieldFormat.h"
#include "app/display/NumberName.h"
#include "app/display/OptionList.h"
#include "helper/protocol/BigEndian.h"

#include <QStringList>

#include <algorithm>

namespace nfqmon {

namespace {

constexpr NumberName RoutingTypes[] = {
    {0, QT_TRANSLATE_NOOP("NetworkFields", "source route (deprecated)")},
    {2, QT_TRANSLATE_NOOP("NetworkFields", "Mobile IPv6")},
    {3, QT_TRANSLATE_NOOP("NetworkFields", "RPL source route")},
    {4, QT_TRANSLATE_NOOP("NetworkFields", "segment routing")},
};

} // namespace

QList<HeaderField> NetworkFields::of(HeaderKind header, std::span<const std::uint8_t> b)
{
    QList<HeaderField> f;
    switch (header) {
    case HeaderKind::IPv4:
        ipv4(b, f);
        break;
    case HeaderKind::IPv6:
        ipv6(b, f);
        break;
    case HeaderKind::HopByHop:
    case HeaderKind::Routing:
    case HeaderKind::Fragment:
    case HeaderKind::DestinationOptions:
    case HeaderKind::Authentication:
    case HeaderKind::Esp:
        extension(header, b, f);
        break;
    default: // a transport header or data: TransportFields, PacketDescription
        break;
    }
    return f;
}

void NetworkFields::ipv4(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    const std::size_t headerLength = std::size_t{b[0] & 0x0fu} * 4;
    f.append({tr("Version"), QString::number(b[0] >> 4)});
    f.append({tr("Header length"), FieldFormat::bytes(headerLength)});
    if (b.size() >= 2) {
        f.append({tr("DSCP"), FieldFormat::dscp(b[1] >> 2)});
        f.append({tr("ECN"), FieldFormat::ecn(b[1])});
    }
    if (b.size() >= 4)
        f.append({tr("Total length"), QString::number(BigEndian::read16(b, 2))});
    if (b.size() >= 6) {
        const unsigned id = BigEndian::read16(b, 4);
        f.append(
            {tr("Identification"), QStringLiteral("%1 (%2)").arg(FieldFormat::hex(id, 4)).arg(id)});
    }
    if (b.size() >= 8) {
        const unsigned field = BigEndian::read16(b, 6);
        QStringList set;
        if (field & 0x8000)
            set << tr("reserved bit");
        if (field & 0x4000)
            set << tr("don't fragment");
        if (field & 0x2000)
            set << tr("more fragments");
        f.append({tr("Flags"),
                  QStringLiteral("%1 (%2)").arg(FieldFormat::hex(field >> 13, 1),
                                                set.isEmpty() ? tr("none", "no flag set")
                                                              : set.join(QLatin1String(", ")))});
        f.append({tr("Fragment offset"), FieldFormat::bytes((field & 0x1fffu) * 8)});
    }
    if (b.size() >= 9)
        f.append({tr("Time to live"), QString::number(b[8])});
    if (b.size() >= 10)
        f.append({tr("Protocol"), FieldFormat::protocolWithNumber(b[9])});
    if (b.size() >= 12) {
        QString value = FieldFormat::hex(BigEndian::read16(b, 10), 4);
        if (headerLength >= 20 && b.size() >= headerLength) {
            // One's complement sum of the header without its checksum field.
            std::uint32_t sum = 0;
            for (std::size_t at = 0; at < headerLength; at += 2)
                sum += at == 10 ? 0 : BigEndian::read16(b, at);
            while (sum > 0xffff)
                sum = (sum & 0xffff) + (sum >> 16);
            const std::uint32_t expected = ~sum & 0xffff;
            value += expected == BigEndian::read16(b, 10)
                         ? tr(" (correct)")
                         : tr(" (incorrect, should be %1)").arg(FieldFormat::hex(expected, 4));
        }
        f.append({tr("Header checksum"), value});
    }
    if (b.size() >= 16)
        f.append({tr("Source"), FieldFormat::address(NetworkProtocol::IPv4, b.data() + 12)});
    if (b.size() >= 20)
        f.append({tr("Destination"), FieldFormat::address(NetworkProtocol::IPv4, b.data() + 16)});
    if (b.size() >= 20 && headerLength >= 20) {
        const auto options = b.subspan(20, std::min(headerLength, b.size()) - 20);
        f.append({tr("Options"), headerLength == 20
                                     ? tr("none", "no options")
                                     : OptionList::of(options, OptionList::Header::Ipv4)});
    }
}

void NetworkFields::ipv6(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    f.append({tr("Version"), QString::number(b[0] >> 4)});
    if (b.size() >= 4) {
        const std::uint32_t first = BigEndian::read32(b, 0);
        const unsigned trafficClass = (first >> 20) & 0xff;
        f.append({tr("Traffic class"),
                  QStringLiteral("%1 (DSCP %2, ECN %3)")
                      .arg(FieldFormat::hex(trafficClass, 2), FieldFormat::dscp(trafficClass >> 2),
                           FieldFormat::ecn(trafficClass))});
        f.append({tr("Flow label"), FieldFormat::hex(first & 0xfffff, 5)});
    }
    if (b.size() >= 6) {
        const unsigned length = BigEndian::read16(b, 4);
        f.append({tr("Payload length"), length == 0 ? tr("0 (jumbogram or segmentation offload)")
                                                    : QString::number(length)});
    }
    if (b.size() >= 7)
        f.append({tr("Next header"), FieldFormat::protocolWithNumber(b[6])});
    if (b.size() >= 8)
        f.append({tr("Hop limit"), QString::number(b[7])});
    if (b.size() >= 24)
        f.append({tr("Source"), FieldFormat::address(NetworkProtocol::IPv6, b.data() + 8)});
    if (b.size() >= 40)
        f.append({tr("Destination"), FieldFormat::address(NetworkProtocol::IPv6, b.data() + 24)});
}

void NetworkFields::extension(HeaderKind header, std::span<const std::uint8_t> b,
                              QList<HeaderField> &f)
{
    if (header == HeaderKind::Esp) {
        if (b.size() >= 4)
            f.append({tr("SPI"), FieldFormat::hex(BigEndian::read32(b, 0), 8)});
        if (b.size() >= 8) {
            f.append({tr("Sequence number"), QString::number(BigEndian::read32(b, 4))});
            f.append({tr("Encrypted data"), FieldFormat::bytes(b.size() - 8)});
        }
        return;
    }
    f.append({tr("Next header"), FieldFormat::protocolWithNumber(b[0])});
    if (header == HeaderKind::Fragment) {
        if (b.size() >= 4) {
            const unsigned field = BigEndian::read16(b, 2);
            f.append({tr("Fragment offset"), FieldFormat::bytes(field & 0xfff8u)});
            f.append({tr("More fragments"), (field & 1) ? tr("yes") : tr("no")});
        }
        if (b.size() >= 8)
            f.append({tr("Identification"), FieldFormat::hex(BigEndian::read32(b, 4), 8)});
        return;
    }
    if (b.size() < 2)
        return;
    if (header == HeaderKind::Authentication) {
        f.append({tr("Length"), FieldFormat::bytes((std::size_t{b[1]} + 2) * 4)});
        if (b.size() >= 8)
            f.append({tr("SPI"), FieldFormat::hex(BigEndian::read32(b, 4), 8)});
        if (b.size() >= 12)
            f.append({tr("Sequence number"), QString::number(BigEndian::read32(b, 8))});
        return;
    }
    f.append({tr("Length"), FieldFormat::bytes((std::size_t{b[1]} + 1) * 8)});
    if (header == HeaderKind::Routing) {
        if (b.size() >= 3) {
            const char *name = NumberName::find(RoutingTypes, b[2]);
            f.append({tr("Routing type"), name ? QStringLiteral("%1 (%2)").arg(b[2]).arg(tr(name))
                                               : QString::number(b[2])});
        }
        if (b.size() >= 4)
            f.append({tr("Segments left"), QString::number(b[3])});
        return;
    }
    f.append({tr("Options"), OptionList::of(b.subspan(2), OptionList::Header::Ipv6)});
}

} // namespace nfqmon
