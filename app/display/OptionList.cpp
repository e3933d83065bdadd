#include "app/display/OptionList.h"

#include "app/display/FieldFormat.h"
#include "app/display/NumberName.h"
#include "helper/protocol/BigEndian.h"

#include <QStringList>

namespace nfqmon {

namespace {

constexpr NumberName Ipv4Options[] = {
    {7, QT_TRANSLATE_NOOP("OptionList", "Record Route")},
    {25, QT_TRANSLATE_NOOP("OptionList", "Quick-Start")},
    {68, QT_TRANSLATE_NOOP("OptionList", "Timestamp")},
    {82, QT_TRANSLATE_NOOP("OptionList", "Traceroute")},
    {130, QT_TRANSLATE_NOOP("OptionList", "Security")},
    {131, QT_TRANSLATE_NOOP("OptionList", "Loose Source Route")},
    {133, QT_TRANSLATE_NOOP("OptionList", "Extended Security")},
    {134, QT_TRANSLATE_NOOP("OptionList", "CIPSO")},
    {136, QT_TRANSLATE_NOOP("OptionList", "Stream ID")},
    {137, QT_TRANSLATE_NOOP("OptionList", "Strict Source Route")},
    {148, QT_TRANSLATE_NOOP("OptionList", "Router Alert")},
};

constexpr NumberName Ipv6Options[] = {
    {0, QT_TRANSLATE_NOOP("OptionList", "Pad1")},
    {1, QT_TRANSLATE_NOOP("OptionList", "PadN")},
    {4, QT_TRANSLATE_NOOP("OptionList", "Tunnel Encapsulation Limit")},
    {5, QT_TRANSLATE_NOOP("OptionList", "Router Alert")},
    {7, QT_TRANSLATE_NOOP("OptionList", "CALIPSO")},
    {0x26, QT_TRANSLATE_NOOP("OptionList", "Quick-Start")},
    {0x63, QT_TRANSLATE_NOOP("OptionList", "RPL Option")},
    {0xc2, QT_TRANSLATE_NOOP("OptionList", "Jumbo Payload")},
    {0xc9, QT_TRANSLATE_NOOP("OptionList", "Home Address")},
};

constexpr NumberName TcpOptions[] = {
    {1, "NOP"},
    {2, "MSS"},
    {3, QT_TRANSLATE_NOOP("OptionList", "window scale")},
    {4, QT_TRANSLATE_NOOP("OptionList", "SACK permitted")},
    {5, "SACK"},
    {8, QT_TRANSLATE_NOOP("OptionList", "timestamps")},
    {19, "MD5"},
    {28, QT_TRANSLATE_NOOP("OptionList", "user timeout")},
    {29, "TCP-AO"},
    {30, "MPTCP"},
    {34, QT_TRANSLATE_NOOP("OptionList", "Fast Open")},
};

} // namespace

// Option lists of IPv4, IPv6 Hop-by-Hop/Destination and TCP headers: type-length-value with
// one-byte padding/end types, so one loop serves all three.
QString OptionList::of(std::span<const std::uint8_t> b, Header header)
{
    const bool ipv6 = header == Header::Ipv6;
    const bool tcp = header == Header::Tcp;
    QStringList names;
    std::size_t at = 0;
    while (at < b.size()) {
        const unsigned type = b[at];
        if (!ipv6 && type == 0) {
            names << tr("end of list");
            break;
        }
        if ((!ipv6 && type == 1) || (ipv6 && type == 0)) {
            names << (ipv6 ? tr("Pad1") : QStringLiteral("NOP"));
            ++at;
            continue;
        }
        if (at + 1 >= b.size() || (!ipv6 && b[at + 1] < 2) ||
            (ipv6 ? std::size_t{b[at + 1]} + 2 : std::size_t{b[at + 1]}) > b.size() - at) {
            names << tr("(cut off or malformed)");
            break;
        }
        const std::size_t length = ipv6 ? std::size_t{b[at + 1]} + 2 : b[at + 1];
        const char *name = tcp ? NumberName::find(TcpOptions, type)
                               : (ipv6 ? NumberName::find(Ipv6Options, type)
                                       : NumberName::find(Ipv4Options, type));
        QString text = name ? tr(name) : tr("type %1").arg(type);
        if (tcp && type == 2 && length == 4)
            text += QLatin1Char(' ') + QString::number(BigEndian::read16(b, at + 2));
        else if (tcp && type == 3 && length == 3)
            text += QLatin1Char(' ') + QString::number(b[at + 2]);
        else if (ipv6 && type == 0xc2 && length == 6)
            text += QLatin1Char(' ') + FieldFormat::bytes(BigEndian::read32(b, at + 2));
        names << text;
        at += length;
    }
    return names.join(QLatin1String(", "));
}

} // namespace nfqmon
