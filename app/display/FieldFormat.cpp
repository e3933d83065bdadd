#include "app/display/FieldFormat.h"

#include "app/display/NumberName.h"

#include <QStringList>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace nfqmon {

namespace {

// IANA protocol keywords; not translated, they are what users type in filters.
constexpr NumberName ProtocolNames[] = {
    {0, "HOPOPT"},     {1, "ICMP"},       {2, "IGMP"},      {4, "IPIP"},         {6, "TCP"},
    {17, "UDP"},       {33, "DCCP"},      {41, "IPv6"},     {43, "IPv6-Route"},  {44, "IPv6-Frag"},
    {47, "GRE"},       {50, "ESP"},       {51, "AH"},       {58, "ICMPv6"},      {59, "IPv6-NoNxt"},
    {60, "IPv6-Opts"}, {89, "OSPF"},      {103, "PIM"},     {112, "VRRP"},       {115, "L2TP"},
    {132, "SCTP"},     {135, "Mobility"}, {136, "UDPLite"}, {137, "MPLS-in-IP"},
};

} // namespace

QString FieldFormat::hex(std::uint32_t value, int digits)
{
    return QStringLiteral("0x%1").arg(value, digits, 16, QLatin1Char('0'));
}

QString FieldFormat::bytes(std::size_t count)
{
    return count == 1 ? tr("1 byte") : tr("%1 bytes").arg(count);
}

QString FieldFormat::protocol(unsigned number)
{
    if (const char *name = NumberName::find(ProtocolNames, number))
        return QString::fromLatin1(name);
    return QStringLiteral("proto %1").arg(number);
}

QString FieldFormat::protocolWithNumber(unsigned number)
{
    return QStringLiteral("%1 (%2)").arg(protocol(number)).arg(number);
}

QString FieldFormat::address(NetworkProtocol network, const std::uint8_t *bytes)
{
    char text[INET6_ADDRSTRLEN] = {};
    const int family = network == NetworkProtocol::IPv6 ? AF_INET6 : AF_INET;
    if (inet_ntop(family, bytes, text, sizeof text) == nullptr)
        return {};
    return QString::fromLatin1(text);
}

QString FieldFormat::tcpFlags(std::uint8_t flags)
{
    static constexpr const char *Names[] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    QStringList set;
    for (int bit = 0; bit < 8; ++bit) {
        if ((flags & (1u << bit)) != 0)
            set << QString::fromLatin1(Names[bit]);
    }
    if (set.isEmpty())
        return tr("[none]");
    return QLatin1Char('[') + set.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString FieldFormat::dscp(unsigned value)
{
    QString name;
    if (value == 46)
        name = QStringLiteral("EF");
    else if (value == 44)
        name = QStringLiteral("VOICE-ADMIT");
    else if (value == 1)
        name = QStringLiteral("LE");
    else if (value % 8 == 0)
        name = QStringLiteral("CS%1").arg(value / 8);
    else if (value / 8 >= 1 && value / 8 <= 4 && value % 2 == 0 && value % 8 <= 6)
        name = QStringLiteral("AF%1%2").arg(value / 8).arg(value % 8 / 2);
    return name.isEmpty() ? QString::number(value) : QStringLiteral("%1 (%2)").arg(name).arg(value);
}

QString FieldFormat::ecn(unsigned value)
{
    static constexpr const char *Names[] = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
    return QString::fromLatin1(Names[value & 3]);
}

} // namespace nfqmon
