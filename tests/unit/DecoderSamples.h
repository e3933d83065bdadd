// The sample packets that the tests of the packet walker (tst_packetdecoder) and of its
// description for the window (tst_packetdescription) share: the same broken packets must be
// classified by the one and put in words by the other.
#pragma once

#include "helper/protocol/PacketSummary.h"
#include "tests/support/core/PacketBuilder.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <QTest>

#include <cstdint>
#include <cstring>

namespace nfqmon::test::DecoderSamples {

namespace PB = nfqmon::test::PacketBuilder;

inline QByteArray hexBytes(const char *hex)
{
    return QByteArray::fromHex(hex);
}

// AH in front of `next`, for IPv4 (where the builder does not chain extension headers).
inline QByteArray ahBefore(std::uint8_t next)
{
    QByteArray ah = PB::authentication(0x1000, 7).bytes;
    ah[0] = static_cast<char>(next);
    return ah;
}

// Linux's SYN options: MSS 1460, SACK permitted, timestamps, NOP, window scale 7.
inline QByteArray synOptions()
{
    return hexBytes("020405b4") + hexBytes("0402") + hexBytes("080a0000000100000000") +
           hexBytes("01") + hexBytes("030307");
}

inline QByteArray ipv4Tcp(std::uint8_t flags, const QByteArray &payload = {})
{
    return PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                    PB::tcp(5512, 443, flags, 1000, 0, {}, payload));
}

inline QByteArray routerAlertIpv4()
{
    return hexBytes("94040000");
}

// Record Route with room for 9 addresses: with padding, the largest IPv4 header (60 bytes).
inline QByteArray recordRouteMax()
{
    QByteArray option = hexBytes("072704");
    option += QByteArray(36, '\0');
    return option;
}

inline QByteArray ipv6RouterAlert()
{
    return hexBytes("05020000");
}

inline bool sameSummary(const PacketSummary &a, const PacketSummary &b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Packets that stop early: columns packet, delivered (a NetworkProtocol), missing (what the
// summary says is missing) and problem (the sentence the detail view shows).
inline void addProblemRows()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("delivered");
    QTest::addColumn<int>("missing");
    QTest::addColumn<QString>("problem");

    const int any = int(NetworkProtocol::Unknown);
    const QByteArray tcp4 = ipv4Tcp(TcpFlag::Syn);
    const QByteArray udp4 = PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2, "payload"));
    const QByteArray udp6 =
        PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2, "data"), {PB::hopByHop()});

    QTest::newRow("empty") << QByteArray() << any << int(Missing::NetworkHeader)
                           << QStringLiteral("truncated: the packet is empty");
    QByteArray v5 = tcp4;
    v5[0] = 0x55;
    QTest::newRow("version 5") << v5 << any << int(Missing::NetworkHeader)
                               << QStringLiteral("not an IP packet: the version field is 5");
    QTest::newRow("IPv6 bytes delivered as IPv4")
        << udp6 << int(NetworkProtocol::IPv4) << int(Missing::Malformed)
        << QStringLiteral(
               "malformed: the version field is 6, but the packet was delivered as IPv4");
    QTest::newRow("IPv4 delivered as IPv4")
        << tcp4 << int(NetworkProtocol::IPv4) << int(Missing::Nothing) << QString();
    QTest::newRow("IPv4 header cut")
        << tcp4.left(12) << any << int(Missing::NetworkHeader)
        << QStringLiteral("truncated: the IPv4 header needs 20 bytes, 12 present");
    QTest::newRow("IPv6 header cut")
        << udp6.left(39) << any << int(Missing::NetworkHeader)
        << QStringLiteral("truncated: the IPv6 header needs 40 bytes, 39 present");
    QByteArray ihl4 = tcp4;
    ihl4[0] = 0x44;
    QTest::newRow("IHL 4") << ihl4 << any << int(Missing::Malformed)
                           << QStringLiteral("malformed: the IPv4 header length is 16 bytes, less "
                                             "than the minimum of 20");
    QByteArray shortTotal = tcp4;
    PB::setBe16(shortTotal, 2, 19);
    QTest::newRow("total length below header length")
        << shortTotal << any << int(Missing::Malformed)
        << QStringLiteral(
               "malformed: the IPv4 total length (19) is less than the header length (20)");
    QByteArray tcpBeyond = tcp4;
    PB::setBe16(tcpBeyond, 2, 24);
    QTest::newRow("TCP header beyond total length")
        << tcpBeyond << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the TCP header needs 20 bytes, but the IPv4 total length "
                          "leaves room for 4");
    QByteArray offset4 = tcp4;
    offset4[20 + 12] = 0x40;
    QTest::newRow("TCP data offset 4") << offset4 << any << int(Missing::Malformed)
                                       << QStringLiteral("malformed: the TCP data offset is 16 "
                                                         "bytes, less than the minimum of 20");
    QByteArray offset15 = tcp4;
    offset15[20 + 12] = char(0xf0);
    QTest::newRow("TCP options beyond total length")
        << offset15 << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the TCP header needs 60 bytes, but the IPv4 total length "
                          "leaves room for 20");
    QByteArray udpShort = udp4;
    PB::setBe16(udpShort, 24, 5);
    QTest::newRow("UDP length 5")
        << udpShort << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the UDP length (5) is less than the 8-byte header");
    QByteArray udpLong = udp4;
    PB::setBe16(udpLong, 24, 100);
    QTest::newRow("UDP length beyond total length")
        << udpLong << any << int(Missing::Malformed)
        << QStringLiteral(
               "malformed: the UDP length (100) is more than the 15 bytes the IPv4 total "
               "length leaves for it");
    PB::Ipv4Options firstFragment;
    firstFragment.moreFragments = true;
    QTest::newRow("UDP length of a whole datagram in its first fragment")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp,
                    PB::udp(1, 2, QByteArray(3000, 'x')).left(1480), firstFragment)
        << any << int(Missing::Nothing) << QString();
    QByteArray liteCoverage = PB::ipv4("10.0.0.1", "10.0.0.2", PB::UdpLite, PB::udpLite(1, 2, 3));
    QTest::newRow("UDP-Lite coverage 3")
        << liteCoverage << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the UDP-Lite checksum coverage (3) is less than the 8-byte "
                          "header");
    QByteArray offload = ipv4Tcp(TcpFlag::Ack, QByteArray(100, 'o'));
    PB::setBe16(offload, 2, 0);
    QTest::newRow("IPv4 total length 0 (segmentation offload)")
        << offload << any << int(Missing::Nothing) << QString();
    PB::Ipv4Options longOptions;
    longOptions.options = recordRouteMax();
    QTest::newRow("IPv4 options cut")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp, PB::tcp(1, 2, 0), longOptions).left(44) << any
        << int(Missing::NetworkOptions)
        << QStringLiteral("truncated: the IPv4 header needs 60 bytes, 44 present");
    QByteArray hbhBeyond = udp6;
    PB::setBe16(hbhBeyond, 4, 4);
    QTest::newRow("Hop-by-Hop beyond payload length")
        << hbhBeyond << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the IPv6 Hop-by-Hop Options header needs 8 bytes, but the "
                          "IPv6 payload length leaves room for 4");
    QTest::newRow("IPv6 Routing header cut")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Tcp, PB::tcp(1, 2, 0),
                    {PB::routing(4, 1, QByteArray(36, 'r'))})
               .left(41)
        << any << int(Missing::NetworkOptions)
        << QStringLiteral("truncated: the IPv6 Routing header needs 8 bytes, 1 present");
    QTest::newRow("IPv6 Routing header cut after its length")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Tcp, PB::tcp(1, 2, 0),
                    {PB::routing(4, 1, QByteArray(36, 'r'))})
               .left(50)
        << any << int(Missing::NetworkOptions)
        << QStringLiteral("truncated: the IPv6 Routing header needs 40 bytes, 10 present");
    // Payload length 0 (a jumbogram) leaves the buffer as the bound: 35 Destination Options
    // headers of 2048 bytes each push the transport header past what 16 bits can locate.
    QByteArray longChain = PB::ipv6("2001:db8::1", "2001:db8::2", PB::DestinationOptions, {});
    QByteArray bigOptions(2048, '\0');
    bigOptions[0] = char(PB::DestinationOptions);
    bigOptions[1] = char(255);
    for (int i = 0; i < 35; ++i)
        longChain += bigOptions;
    QTest::newRow("extension headers past 64 KiB")
        << longChain << any << int(Missing::Malformed)
        << QStringLiteral("malformed: the extension headers run past 65535 bytes");
    QTest::newRow("TCP header cut")
        << tcp4.left(32) << any << int(Missing::TransportHeader)
        << QStringLiteral("truncated: the TCP header needs 20 bytes, 12 present");
    QTest::newRow("ICMPv6 header cut")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Icmpv6, PB::icmpv6Echo(false, 1, 1)).left(44)
        << any << int(Missing::TransportHeader)
        << QStringLiteral("truncated: the ICMPv6 header needs 8 bytes, 4 present");
}

// Packets cut at every length: columns packet, fixedEnd, headersEnd, transportEnd, flag and
// flagFrom (the prefix lengths from which on each part is complete or the flag set).
inline void addTruncationRows()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("fixedEnd");     // end of the fixed IPv4/IPv6 header
    QTest::addColumn<int>("headersEnd");   // end of IPv4 options / IPv6 extension headers
    QTest::addColumn<int>("transportEnd"); // end of the transport header
    QTest::addColumn<int>("flag");         // a SummaryFlag that must be set ...
    QTest::addColumn<int>("flagFrom");     // ... exactly from this prefix length on

    const char *a6 = "2001:db8::1";
    const char *b6 = "2001:db8::2";
    QTest::newRow("IPv6 Hop-by-Hop, Routing, TCP with options")
        << PB::ipv6(a6, b6, PB::Tcp, PB::tcp(40000, 443, TcpFlag::Syn, 1, 0, synOptions(), "hello"),
                    {PB::hopByHop(ipv6RouterAlert()), PB::routing(4, 1, QByteArray(16, 'r'))})
        << 40 << 72 << 112 << int(SummaryFlag::HasTcpFlags) << 86;
    QTest::newRow("IPv6 TCP, ports")
        << PB::ipv6(a6, b6, PB::Tcp, PB::tcp(1, 2, TcpFlag::Ack, 1, 0, {}, "data")) << 40 << 40
        << 60 << int(SummaryFlag::HasPorts) << 44;
    QTest::newRow("IPv6 first fragment, UDP")
        << PB::ipv6(a6, b6, PB::Udp, PB::udp(1, 2, "abcdef"), {PB::fragment(0, true, 1)}) << 40
        << 48 << 56 << int(SummaryFlag::HasPorts) << 52;
    QTest::newRow("IPv6 AH, ICMPv6")
        << PB::ipv6(a6, b6, PB::Icmpv6, PB::icmpv6Echo(true, 1, 1, "ping"),
                    {PB::authentication(3, 4)})
        << 40 << 56 << 64 << int(SummaryFlag::HasIcmp) << 58;
    QTest::newRow("IPv6 ESP") << PB::ipv6(a6, b6, PB::Esp, PB::esp(1, 2, "secret")) << 40 << 40
                              << 48 << int(SummaryFlag::HasOptions) << 1000;
    PB::Ipv4Options o;
    o.options = hexBytes("07070400000000");
    QTest::newRow("IPv4 options, TCP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                                                   PB::tcp(1, 2, TcpFlag::Syn, 1, 0, {}, "data"), o)
                                       << 20 << 28 << 48 << int(SummaryFlag::HasTcpFlags) << 42;
    QTest::newRow("IPv4 AH, UDP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Ah,
                                              ahBefore(PB::Udp) + PB::udp(1, 2, "x"))
                                  << 20 << 36 << 44 << int(SummaryFlag::HasPorts) << 40;
    QTest::newRow("IPv4 ICMP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Icmp,
                                           PB::icmpEcho(false, 1, 1, "abc"))
                               << 20 << 20 << 28 << int(SummaryFlag::HasIcmp) << 22;
    QTest::newRow("IPv4 SCTP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Sctp, PB::sctp(1, 2, 3))
                               << 20 << 20 << 32 << int(SummaryFlag::HasPorts) << 24;
    QTest::newRow("IPv4 DCCP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Dccp, PB::dccp(1, 2, 0))
                               << 20 << 20 << 36 << int(SummaryFlag::HasPorts) << 24;
    PB::Ipv4Options later;
    later.fragmentOffset = 8;
    QTest::newRow("IPv4 later fragment")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, "fragment", later) << 20 << 20 << 20
        << int(SummaryFlag::LaterFragment) << 20;
}

// Columns base (empty: random bytes; else random changes to it) and seed.
inline void addRandomInputRows()
{
    QTest::addColumn<QByteArray>("base"); // empty: random bytes; else random changes to it
    QTest::addColumn<quint32>("seed");

    QTest::newRow("random bytes") << QByteArray() << 20240601u;
    QTest::newRow("mutated IPv4 TCP with options")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp, PB::tcp(1, 2, 0x12, 1, 0, synOptions(), "x"))
        << 1u;
    QTest::newRow("mutated IPv4 AH UDP")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Ah, ahBefore(PB::Udp) + PB::udp(1, 2, "xyz")) << 2u;
    QTest::newRow("mutated IPv6 extension chain")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Tcp, PB::tcp(1, 2, 0x02),
                    {PB::hopByHop(ipv6RouterAlert()), PB::routing(4, 1, QByteArray(16, 'r')),
                     PB::fragment(0, true, 7), PB::authentication(1, 1), PB::destinationOptions()})
        << 3u;
    QTest::newRow("mutated ICMPv6")
        << PB::ipv6("fe80::1", "ff02::1", PB::Icmpv6, PB::icmpv6Echo(false, 1, 2, "abcd")) << 4u;
}

// One input of randomInput: random bytes, or `base` with a few bytes changed and cut anywhere.
inline QByteArray randomPacket(const QByteArray &base, QRandomGenerator &random)
{
    QByteArray packet;
    if (base.isEmpty()) {
        packet.resize(random.bounded(0, 160));
        for (char &byte : packet)
            byte = static_cast<char>(random.bounded(256));
        // Mostly IPv4/IPv6 version nibbles, so that the walk gets past the first byte.
        if (!packet.isEmpty() && random.bounded(8) != 0)
            packet[0] = static_cast<char>((random.bounded(2) ? 0x40 : 0x60) | (packet[0] & 0x0f));
    } else {
        packet = base;
        const int changes = random.bounded(1, 5);
        for (int c = 0; c < changes; ++c)
            packet[random.bounded(int(packet.size()))] = static_cast<char>(random.bounded(256));
        packet.truncate(random.bounded(int(packet.size()) + 1));
    }
    return packet;
}

} // namespace nfqmon::test::DecoderSamples
