#include "tests/support/core/DumpFile.h"

#include "helper/protocol/PcapReader.h"

#include <QFile>

#include <arpa/inet.h>

namespace nfqmon::test {

namespace {

std::uint16_t read16(const QByteArray &bytes, qsizetype at)
{
    return std::uint16_t((std::uint8_t(bytes[at]) << 8) | std::uint8_t(bytes[at + 1]));
}

QString addressText(int family, const char *bytes)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(family, bytes, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

bool ipv4ChecksumValid(const QByteArray &bytes, int headerLength)
{
    std::uint32_t sum = 0;
    for (int i = 0; i < headerLength; i += 2)
        sum += read16(bytes, i);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum == 0xffff;
}

} // namespace

bool DumpedPacket::isIcmpEcho(bool reply) const
{
    if (protocol == 1)
        return icmpType == (reply ? 0 : 8);
    if (protocol == 58)
        return icmpType == (reply ? 129 : 128);
    return false;
}

QString DumpedPacket::describe() const
{
    if (ipVersion == 0)
        return QStringLiteral("non-IP, %1 bytes").arg(bytes.size());
    QString text = QStringLiteral("IPv%1 ").arg(ipVersion);
    if (isUdp() || isTcp()) {
        const QString format = ipVersion == 6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2");
        text += (isUdp() ? QStringLiteral("UDP ") : QStringLiteral("TCP ")) +
                format.arg(source).arg(sourcePort) + QStringLiteral(" > ") +
                format.arg(destination).arg(destinationPort);
    } else if (icmpType >= 0) {
        text += QStringLiteral("ICMP%1 type %2 %3 > %4")
                    .arg(ipVersion == 6 ? QStringLiteral("v6") : QString())
                    .arg(icmpType)
                    .arg(source, destination);
    } else {
        text += QStringLiteral("proto %1 %2 > %3").arg(protocol).arg(source, destination);
    }
    return text + QStringLiteral(" payload %1 bytes%2")
                      .arg(payload.size())
                      .arg(headerValid ? QString() : QStringLiteral(" (bad header)"));
}

DumpedPacket DumpedPacket::decode(const QByteArray &bytes)
{
    DumpedPacket packet;
    packet.bytes = bytes;
    if (bytes.isEmpty())
        return packet;
    const int version = std::uint8_t(bytes[0]) >> 4;
    qsizetype transport = 0;
    qsizetype end = 0; // end of the IP packet as its length fields say
    if (version == 4 && bytes.size() >= 20) {
        const int headerLength = (std::uint8_t(bytes[0]) & 0x0f) * 4;
        if (headerLength < 20 || headerLength > bytes.size())
            return packet;
        packet.ipVersion = 4;
        packet.source = addressText(AF_INET, bytes.constData() + 12);
        packet.destination = addressText(AF_INET, bytes.constData() + 16);
        packet.protocol = std::uint8_t(bytes[9]);
        end = read16(bytes, 2);
        packet.headerValid = end == bytes.size() && ipv4ChecksumValid(bytes, headerLength);
        // A later fragment has no transport header.
        if ((read16(bytes, 6) & 0x1fff) != 0)
            return packet;
        transport = headerLength;
    } else if (version == 6 && bytes.size() >= 40) {
        packet.ipVersion = 6;
        packet.source = addressText(AF_INET6, bytes.constData() + 8);
        packet.destination = addressText(AF_INET6, bytes.constData() + 24);
        end = 40 + read16(bytes, 4);
        packet.headerValid = end == bytes.size();
        int next = std::uint8_t(bytes[6]);
        transport = 40;
        // Hop-by-hop, routing, destination options, fragment: skipped to the transport header.
        while ((next == 0 || next == 43 || next == 60 || next == 44) &&
               transport + 8 <= bytes.size()) {
            const int following = std::uint8_t(bytes[transport]);
            if (next == 44) {
                if ((read16(bytes, transport + 2) & 0xfff8) != 0) {
                    packet.protocol = following;
                    return packet;
                }
                transport += 8;
            } else {
                transport += (std::uint8_t(bytes[transport + 1]) + 1) * 8;
            }
            next = following;
        }
        packet.protocol = next;
    } else {
        return packet;
    }
    end = qMin(end, bytes.size());
    if (packet.protocol == 17 && transport + 8 <= end) {
        packet.sourcePort = read16(bytes, transport);
        packet.destinationPort = read16(bytes, transport + 2);
        const qsizetype length = read16(bytes, transport + 4);
        packet.headerValid = packet.headerValid && transport + length == end;
        packet.payload = bytes.mid(transport + 8, qMin(length, end - transport) - 8);
    } else if (packet.protocol == 6 && transport + 20 <= end) {
        packet.sourcePort = read16(bytes, transport);
        packet.destinationPort = read16(bytes, transport + 2);
        const qsizetype dataOffset = (std::uint8_t(bytes[transport + 12]) >> 4) * 4;
        packet.payload = bytes.mid(transport + dataOffset, end - transport - dataOffset);
    } else if ((packet.protocol == 1 || packet.protocol == 58) && transport + 8 <= end) {
        packet.icmpType = std::uint8_t(bytes[transport]);
        packet.payload = bytes.mid(transport + 8, end - transport - 8);
    }
    return packet;
}

bool DumpFile::load(const QString &path, QString *error)
{
    m_packets.clear();
    QFile raw(path);
    if (!raw.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, raw.errorString());
        return false;
    }
    const QByteArray head = raw.read(4);
    if (head.size() == 4) {
        const std::uint32_t little = std::uint8_t(head[0]) | std::uint8_t(head[1]) << 8 |
                                     std::uint8_t(head[2]) << 16 |
                                     std::uint32_t(std::uint8_t(head[3])) << 24;
        const std::uint32_t big = std::uint8_t(head[3]) | std::uint8_t(head[2]) << 8 |
                                  std::uint8_t(head[1]) << 16 |
                                  std::uint32_t(std::uint8_t(head[0])) << 24;
        // The magic is written in the writer's byte order; either order is a valid file.
        m_magic = (big == NanosecondMagic || big == 0xa1b2c3d4) ? big : little;
    }

    PcapReader reader;
    if (!reader.open(path, error))
        return false;
    m_linkType = reader.linkType();
    PcapPacket packet;
    while (reader.next(&packet)) {
        DumpedPacket dumped = DumpedPacket::decode(packet.data);
        dumped.timestampNs = packet.timestampNs;
        dumped.wireLength = packet.wireLength;
        m_packets.append(dumped);
    }
    if (!reader.errorString().isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, reader.errorString());
        return false;
    }
    return true;
}

int DumpFile::count(const std::function<bool(const DumpedPacket &)> &match) const
{
    int n = 0;
    for (const DumpedPacket &packet : m_packets)
        n += match(packet) ? 1 : 0;
    return n;
}

QString DumpFile::describe(int limit) const
{
    QString text = QStringLiteral("%1 packets:\n").arg(m_packets.size());
    for (int i = 0; i < m_packets.size() && i < limit; ++i)
        text += QStringLiteral("  %1\n").arg(m_packets.at(i).describe());
    if (m_packets.size() > limit)
        text += QStringLiteral("  ...\n");
    return text;
}

} // namespace nfqmon::test
