#include "app/display/TransportFields.h"

#include "app/display/FieldFormat.h"
#include "app/display/IcmpText.h"
#include "app/display/NumberName.h"
#include "app/display/OptionList.h"
#include "helper/protocol/BigEndian.h"

namespace nfqmon {

namespace {

constexpr NumberName DccpTypes[] = {
    {0, "Request"},  {1, "Response"}, {2, "Data"},  {3, "Ack"},  {4, "DataAck"},
    {5, "CloseReq"}, {6, "Close"},    {7, "Reset"}, {8, "Sync"}, {9, "SyncAck"},
};

} // namespace

QList<HeaderField> TransportFields::of(HeaderKind header, std::span<const std::uint8_t> b)
{
    QList<HeaderField> f;
    const auto ports = [&] {
        if (b.size() >= 2)
            f.append({tr("Source port"), QString::number(BigEndian::read16(b, 0))});
        if (b.size() >= 4)
            f.append({tr("Destination port"), QString::number(BigEndian::read16(b, 2))});
    };
    switch (header) {
    case HeaderKind::Tcp:
        ports();
        tcp(b, f);
        break;
    case HeaderKind::Udp:
    case HeaderKind::UdpLite:
        ports();
        if (b.size() >= 6)
            f.append({header == HeaderKind::Udp ? tr("Length") : tr("Checksum coverage"),
                      QString::number(BigEndian::read16(b, 4))});
        if (b.size() >= 8) {
            const unsigned checksum = BigEndian::read16(b, 6);
            f.append({tr("Checksum"), checksum == 0 && header == HeaderKind::Udp
                                          ? tr("0x0000 (none)")
                                          : FieldFormat::hex(checksum, 4)});
        }
        break;
    case HeaderKind::Sctp:
        ports();
        if (b.size() >= 8)
            f.append({tr("Verification tag"), FieldFormat::hex(BigEndian::read32(b, 4), 8)});
        if (b.size() >= 12)
            f.append({tr("Checksum"), FieldFormat::hex(BigEndian::read32(b, 8), 8)});
        break;
    case HeaderKind::Dccp:
        ports();
        if (b.size() >= 5)
            f.append({tr("Data offset"), FieldFormat::bytes(std::size_t{b[4]} * 4)});
        if (b.size() >= 8)
            f.append({tr("Checksum"), FieldFormat::hex(BigEndian::read16(b, 6), 4)});
        if (b.size() >= 9) {
            const unsigned type = (b[8] >> 1) & 0x0f;
            const char *name = NumberName::find(DccpTypes, type);
            f.append({tr("Packet type"),
                      name ? QStringLiteral("%1 (%2)").arg(type).arg(QLatin1String(name))
                           : QString::number(type)});
        }
        break;
    case HeaderKind::Icmp:
    case HeaderKind::Icmpv6:
        icmp(header == HeaderKind::Icmpv6, b, f);
        break;
    default: // a network or extension header or data: NetworkFields, PacketDescription
        break;
    }
    return f;
}

void TransportFields::tcp(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    if (b.size() >= 8)
        f.append({tr("Sequence number"), QString::number(BigEndian::read32(b, 4))});
    if (b.size() >= 12)
        f.append({tr("Acknowledgment number"), QString::number(BigEndian::read32(b, 8))});
    if (b.size() >= 13)
        f.append(
            {tr("Header length"), FieldFormat::bytes(static_cast<std::size_t>(b[12] >> 4) * 4)});
    if (b.size() >= 14) {
        const unsigned bits = (b[12] & 1u) << 8 | b[13];
        QString text = FieldFormat::tcpFlags(b[13]);
        if (bits & 0x100)
            text += QStringLiteral(" AE");
        f.append({tr("Flags"), QStringLiteral("%1 %2").arg(FieldFormat::hex(bits, 3), text)});
    }
    if (b.size() >= 16)
        f.append({tr("Window"), QString::number(BigEndian::read16(b, 14))});
    if (b.size() >= 18)
        f.append({tr("Checksum"), FieldFormat::hex(BigEndian::read16(b, 16), 4)});
    if (b.size() >= 20)
        f.append({tr("Urgent pointer"), QString::number(BigEndian::read16(b, 18))});
    if (b.size() > 20)
        f.append({tr("Options"), OptionList::of(b.subspan(20), OptionList::Header::Tcp)});
}

void TransportFields::icmp(bool v6, std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    if (b.empty())
        return;
    const unsigned type = b[0];
    const QString typeName = IcmpText::typeName(v6, type);
    f.append({tr("Type"), typeName.isEmpty() ? QString::number(type)
                                             : QStringLiteral("%1 (%2)").arg(type).arg(typeName)});
    if (b.size() >= 2) {
        const QString codeName = IcmpText::codeName(v6, type, b[1]);
        f.append({tr("Code"), codeName.isEmpty()
                                  ? QString::number(b[1])
                                  : QStringLiteral("%1 (%2)").arg(b[1]).arg(codeName)});
    }
    if (b.size() >= 4)
        f.append({tr("Checksum"), FieldFormat::hex(BigEndian::read16(b, 2), 4)});
    const bool echo = v6 ? (type == 128 || type == 129) : (type == 0 || type == 8);
    if (echo && b.size() >= 8) {
        f.append({tr("Identifier"), QStringLiteral("%1 (%2)")
                                        .arg(FieldFormat::hex(BigEndian::read16(b, 4), 4))
                                        .arg(BigEndian::read16(b, 4))});
        f.append({tr("Sequence number"), QString::number(BigEndian::read16(b, 6))});
    } else if (v6 && type == 2 && b.size() >= 8) {
        f.append({tr("MTU"), QString::number(BigEndian::read32(b, 4))});
    } else if (!v6 && type == 3 && b.size() >= 8 && b[1] == 4) {
        f.append({tr("Next-hop MTU"), QString::number(BigEndian::read16(b, 6))});
    }
}

} // namespace nfqmon
