#include "tests/support/core/PacketBuilder.h"

#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace nfqmon::test::PacketBuilder {

namespace {

void appendBe16(QByteArray &out, std::uint16_t value)
{
    out.append(static_cast<char>(value >> 8));
    out.append(static_cast<char>(value & 0xff));
}

void appendBe32(QByteArray &out, std::uint32_t value)
{
    appendBe16(out, static_cast<std::uint16_t>(value >> 16));
    appendBe16(out, static_cast<std::uint16_t>(value & 0xffff));
}

std::uint16_t be16At(const QByteArray &data, qsizetype offset)
{
    return static_cast<std::uint16_t>(static_cast<std::uint8_t>(data[offset]) << 8 |
                                      static_cast<std::uint8_t>(data[offset + 1]));
}

QByteArray address(int family, const char *text)
{
    QByteArray out(family == AF_INET6 ? 16 : 4, '\0');
    if (inet_pton(family, text, out.data()) != 1)
        qFatal("PacketBuilder: not an IPv%d address: %s", family == AF_INET6 ? 6 : 4, text);
    return out;
}

// The one's complement sum of RFC 1071, folded to 16 bits.
std::uint32_t sum16(const QByteArray &data, std::uint32_t sum = 0)
{
    for (qsizetype i = 0; i + 1 < data.size(); i += 2)
        sum += be16At(data, i);
    if (data.size() % 2 != 0)
        sum += static_cast<std::uint32_t>(static_cast<std::uint8_t>(data.back())) << 8;
    while (sum > 0xffff)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

std::uint16_t checksum(const QByteArray &data, std::uint32_t initial = 0)
{
    return static_cast<std::uint16_t>(~sum16(data, initial) & 0xffff);
}

// Fills the transport checksum that needs the pseudo-header (`pseudo` without the length and
// protocol, which differ in layout between the families and are added by the caller).
void fillTransportChecksum(QByteArray &l4, std::uint8_t protocol, const QByteArray &pseudo)
{
    qsizetype field = -1;
    qsizetype covered = l4.size();
    if (protocol == Tcp && l4.size() >= 20)
        field = 16;
    else if ((protocol == Udp || protocol == UdpLite) && l4.size() >= 8)
        field = 6;
    else if (protocol == Icmpv6 && l4.size() >= 4)
        field = 2;
    if (field < 0)
        return;
    if (protocol == UdpLite && be16At(l4, 4) != 0)
        covered = qMin<qsizetype>(be16At(l4, 4), l4.size());
    setBe16(l4, static_cast<int>(field), 0);
    std::uint16_t value = checksum(l4.left(covered), sum16(pseudo));
    if (value == 0 && protocol == Udp)
        value = 0xffff; // zero means "no checksum" in UDP
    setBe16(l4, static_cast<int>(field), value);
}

Extension optionsHeader(std::uint8_t type, const QByteArray &options)
{
    QByteArray bytes(2, '\0');
    bytes += options;
    const qsizetype padding = (8 - bytes.size() % 8) % 8;
    if (padding == 1) {
        bytes.append('\0'); // Pad1
    } else if (padding > 1) {
        bytes.append('\x01'); // PadN
        bytes.append(static_cast<char>(padding - 2));
        bytes.append(QByteArray(padding - 2, '\0'));
    }
    bytes[1] = static_cast<char>(bytes.size() / 8 - 1);
    return {type, bytes};
}

} // namespace

void setBe16(QByteArray &packet, int offset, std::uint16_t value)
{
    packet[offset] = static_cast<char>(value >> 8);
    packet[offset + 1] = static_cast<char>(value & 0xff);
}

QByteArray ipv4(const char *src, const char *dst, std::uint8_t protocol, const QByteArray &payload,
                const Ipv4Options &options)
{
    QByteArray ipOptions = options.options;
    while (ipOptions.size() % 4 != 0)
        ipOptions.append('\0'); // End of option list
    const qsizetype headerLength = 20 + ipOptions.size();
    Q_ASSERT(headerLength <= 60);
    Q_ASSERT(options.fragmentOffset % 8 == 0);
    const QByteArray source = address(AF_INET, src);
    const QByteArray destination = address(AF_INET, dst);

    QByteArray l4 = payload;
    const bool isFragment = options.moreFragments || options.fragmentOffset != 0;
    if (!isFragment) {
        QByteArray pseudo = source + destination;
        pseudo.append('\0');
        pseudo.append(static_cast<char>(protocol));
        appendBe16(pseudo, static_cast<std::uint16_t>(l4.size()));
        fillTransportChecksum(l4, protocol, pseudo);
    }

    QByteArray out;
    out.append(static_cast<char>(0x40 | headerLength / 4));
    out.append(static_cast<char>(options.tos));
    appendBe16(out, static_cast<std::uint16_t>(headerLength + l4.size()));
    appendBe16(out, options.id);
    appendBe16(out, static_cast<std::uint16_t>((options.dontFragment ? 0x4000 : 0) |
                                               (options.moreFragments ? 0x2000 : 0) |
                                               options.fragmentOffset / 8));
    out.append(static_cast<char>(options.ttl));
    out.append(static_cast<char>(protocol));
    appendBe16(out, 0);
    out += source + destination + ipOptions;
    setBe16(out, 10, checksum(out));
    return out + l4;
}

Extension hopByHop(const QByteArray &options)
{
    return optionsHeader(HopByHop, options);
}

Extension destinationOptions(const QByteArray &options)
{
    return optionsHeader(DestinationOptions, options);
}

Extension routing(std::uint8_t type, std::uint8_t segmentsLeft, const QByteArray &data)
{
    QByteArray bytes(4, '\0');
    bytes[2] = static_cast<char>(type);
    bytes[3] = static_cast<char>(segmentsLeft);
    bytes += data;
    while (bytes.size() % 8 != 0)
        bytes.append('\0');
    bytes[1] = static_cast<char>(bytes.size() / 8 - 1);
    return {Routing, bytes};
}

Extension fragment(std::uint16_t offset, bool more, std::uint32_t id)
{
    Q_ASSERT(offset % 8 == 0);
    QByteArray bytes(2, '\0');
    appendBe16(bytes, static_cast<std::uint16_t>(offset | (more ? 1 : 0)));
    appendBe32(bytes, id);
    return {Fragment, bytes};
}

Extension authentication(std::uint32_t spi, std::uint32_t sequence, int icvLength)
{
    Q_ASSERT(icvLength >= 0 && icvLength % 4 == 0);
    QByteArray bytes(4, '\0');
    appendBe32(bytes, spi);
    appendBe32(bytes, sequence);
    bytes += QByteArray(icvLength, '\0');
    bytes[1] = static_cast<char>(bytes.size() / 4 - 2);
    return {Ah, bytes};
}

QByteArray ipv6(const char *src, const char *dst, std::uint8_t protocol, const QByteArray &payload,
                const QList<Extension> &extensions, const Ipv6Options &options)
{
    const QByteArray source = address(AF_INET6, src);
    const QByteArray destination = address(AF_INET6, dst);

    QByteArray l4 = payload;
    bool isFragment = false;
    for (const Extension &extension : extensions)
        isFragment = isFragment || extension.type == Fragment;
    if (!isFragment) {
        QByteArray pseudo = source + destination;
        appendBe32(pseudo, static_cast<std::uint32_t>(l4.size()));
        pseudo.append(QByteArray(3, '\0'));
        pseudo.append(static_cast<char>(protocol));
        fillTransportChecksum(l4, protocol, pseudo);
    }

    QByteArray chain;
    for (qsizetype i = 0; i < extensions.size(); ++i) {
        QByteArray bytes = extensions[i].bytes;
        Q_ASSERT(!bytes.isEmpty());
        bytes[0] = static_cast<char>(i + 1 < extensions.size() ? extensions[i + 1].type : protocol);
        chain += bytes;
    }

    QByteArray out;
    appendBe32(out, 6u << 28 | std::uint32_t{options.trafficClass} << 20 |
                        (options.flowLabel & 0xfffff));
    appendBe16(out, static_cast<std::uint16_t>(chain.size() + l4.size()));
    out.append(static_cast<char>(extensions.isEmpty() ? protocol : extensions.front().type));
    out.append(static_cast<char>(options.hopLimit));
    return out + source + destination + chain + l4;
}

QByteArray tcp(std::uint16_t sport, std::uint16_t dport, std::uint8_t flags, std::uint32_t seq,
               std::uint32_t ack, const QByteArray &options, const QByteArray &payload,
               std::uint16_t window)
{
    QByteArray tcpOptions = options;
    while (tcpOptions.size() % 4 != 0)
        tcpOptions.append('\0'); // End of option list
    Q_ASSERT(tcpOptions.size() <= 40);
    QByteArray out;
    appendBe16(out, sport);
    appendBe16(out, dport);
    appendBe32(out, seq);
    appendBe32(out, ack);
    out.append(static_cast<char>((20 + tcpOptions.size()) / 4 << 4));
    out.append(static_cast<char>(flags));
    appendBe16(out, window);
    appendBe16(out, 0); // checksum
    appendBe16(out, 0); // urgent pointer
    return out + tcpOptions + payload;
}

QByteArray udp(std::uint16_t sport, std::uint16_t dport, const QByteArray &payload)
{
    QByteArray out;
    appendBe16(out, sport);
    appendBe16(out, dport);
    appendBe16(out, static_cast<std::uint16_t>(8 + payload.size()));
    appendBe16(out, 0);
    return out + payload;
}

QByteArray udpLite(std::uint16_t sport, std::uint16_t dport, std::uint16_t coverage,
                   const QByteArray &payload)
{
    QByteArray out;
    appendBe16(out, sport);
    appendBe16(out, dport);
    appendBe16(out, coverage);
    appendBe16(out, 0);
    return out + payload;
}

QByteArray sctp(std::uint16_t sport, std::uint16_t dport, std::uint32_t tag,
                const QByteArray &chunks)
{
    QByteArray out;
    appendBe16(out, sport);
    appendBe16(out, dport);
    appendBe32(out, tag);
    appendBe32(out, 0);
    return out + chunks;
}

QByteArray dccp(std::uint16_t sport, std::uint16_t dport, std::uint8_t type,
                const QByteArray &payload)
{
    QByteArray out;
    appendBe16(out, sport);
    appendBe16(out, dport);
    out.append(static_cast<char>(16 / 4)); // data offset
    out.append('\0');                      // CCVal, CsCov
    appendBe16(out, 0);                    // checksum
    out.append(static_cast<char>((type & 0x0f) << 1 | 1));
    out.append('\0');
    appendBe16(out, 0);
    appendBe32(out, 1); // sequence number, low bits
    return out + payload;
}

QByteArray icmp(std::uint8_t type, std::uint8_t code, std::uint32_t rest, const QByteArray &payload)
{
    QByteArray out;
    out.append(static_cast<char>(type));
    out.append(static_cast<char>(code));
    appendBe16(out, 0);
    appendBe32(out, rest);
    out += payload;
    setBe16(out, 2, checksum(out));
    return out;
}

QByteArray icmpEcho(bool reply, std::uint16_t id, std::uint16_t sequence, const QByteArray &payload)
{
    return icmp(reply ? 0 : 8, 0, std::uint32_t{id} << 16 | sequence, payload);
}

QByteArray icmpv6(std::uint8_t type, std::uint8_t code, std::uint32_t rest,
                  const QByteArray &payload)
{
    QByteArray out;
    out.append(static_cast<char>(type));
    out.append(static_cast<char>(code));
    appendBe16(out, 0);
    appendBe32(out, rest);
    return out + payload;
}

QByteArray icmpv6Echo(bool reply, std::uint16_t id, std::uint16_t sequence,
                      const QByteArray &payload)
{
    return icmpv6(reply ? 129 : 128, 0, std::uint32_t{id} << 16 | sequence, payload);
}

QByteArray esp(std::uint32_t spi, std::uint32_t sequence, const QByteArray &data)
{
    QByteArray out;
    appendBe32(out, spi);
    appendBe32(out, sequence);
    return out + data;
}

} // namespace nfqmon::test::PacketBuilder
