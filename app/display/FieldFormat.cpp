#include "app/display/FieldFormat.h"

#include "helper/protocol/ProtocolName.h"

#include <QStringList>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace nfqmon {

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
    return QString::fromStdString(ProtocolName::of(number));
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
