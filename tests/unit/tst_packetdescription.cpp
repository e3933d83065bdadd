// What a user reads of a packet: the packet table's Source, Destination, Protocol and Info
// columns, the header tree's layers and fields and the sentence that says what is missing; for
// any input (truncated, malformed, random) a description that matches the walk the packet path
// runs (tst_packetdecoder).
#include "app/display/PacketDescription.h"
#include "app/display/SummaryText.h"
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/unit/DecoderSamples.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <vector>

using namespace nfqmon;
using namespace nfqmon::test::DecoderSamples;
namespace PB = nfqmon::test::PacketBuilder;

namespace {

// What must hold for any input: the description is the walk's (same summary, one layer for each
// header, in place), a problem is named exactly when something is missing, and the table's
// columns have text.
QString invariantViolation(const QByteArray &packet)
{
    // A heap block of exactly the packet's size (QByteArray keeps spare room and a NUL after
    // its data), so that the sanitizer reports a read of even one byte past the end.
    const std::vector<std::uint8_t> exact(packet.begin(), packet.end());
    const std::span<const std::uint8_t> bytes(exact);
    const PacketSummary s = PacketDecoder::summarize(bytes);
    const PacketWalk w = PacketDecoder::walk(bytes);
    const PacketDescription d = PacketDescription::of(bytes);
    if (!sameSummary(s, d.summary))
        return QStringLiteral("the description and summarize() disagree");
    if (d.problem.isEmpty() != (s.missing == Missing::Nothing))
        return QStringLiteral("problem \"%1\" but missing %2").arg(d.problem).arg(int(s.missing));
    if (d.layers.size() != w.headers.size())
        return QStringLiteral("%1 layers for %2 headers")
            .arg(d.layers.size())
            .arg(w.headers.size());
    for (qsizetype i = 0; i < d.layers.size(); ++i) {
        const HeaderLayer &layer = d.layers[i];
        if (layer.name.isEmpty() || layer.offset != int(w.headers[i].offset) ||
            layer.length != int(w.headers[i].length))
            return QStringLiteral("layer %1 at %2+%3 out of place")
                .arg(layer.name)
                .arg(layer.offset)
                .arg(layer.length);
    }
    if (SummaryText::info(s).isEmpty() || SummaryText::protocolName(s).isEmpty())
        return QStringLiteral("empty text");
    return {};
}

} // namespace

class TestPacketDescription : public QObject
{
    Q_OBJECT

private slots:
    void problems_data();
    void problems();
    void truncation_data();
    void truncation();
    void randomInput_data();
    void randomInput();
    void addresses_data();
    void addresses();
    void infoText_data();
    void infoText();
    void layers_data();
    void layers();
};

void TestPacketDescription::problems_data()
{
    addProblemRows();
}

void TestPacketDescription::problems()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, delivered);
    QFETCH(QString, problem);

    const auto family = static_cast<NetworkProtocol>(delivered);
    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet), family);
    const PacketDescription d = PacketDescription::of(PB::bytes(packet), family);
    QVERIFY(sameSummary(s, d.summary));
    QCOMPARE(d.problem, problem);
}

void TestPacketDescription::truncation_data()
{
    addTruncationRows();
}

// The Info column says "(truncated ...)" exactly for the prefixes that lack a header.
void TestPacketDescription::truncation()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, fixedEnd);
    QFETCH(int, headersEnd);
    QFETCH(int, transportEnd);

    for (int n = 0; n <= packet.size(); ++n) {
        const QByteArray prefix = packet.left(n);
        const std::vector<std::uint8_t> exact(prefix.begin(), prefix.end()); // see above
        const PacketSummary s = PacketDecoder::summarize(exact);
        const Missing expected = n < fixedEnd       ? Missing::NetworkHeader
                                 : n < headersEnd   ? Missing::NetworkOptions
                                 : n < transportEnd ? Missing::TransportHeader
                                                    : Missing::Nothing;
        const QString violation = invariantViolation(prefix);
        QVERIFY2(violation.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(n).arg(violation)));
        const QString info = SummaryText::info(s);
        if (n > 0) // an empty packet is "no IP header"
            QVERIFY2(info.contains(QLatin1String("(truncated")) == (expected != Missing::Nothing),
                     qPrintable(info));
    }
}

void TestPacketDescription::randomInput_data()
{
    addRandomInputRows();
}

void TestPacketDescription::randomInput()
{
    QFETCH(QByteArray, base);
    QFETCH(quint32, seed);

    QRandomGenerator random(seed);
    constexpr int Iterations = 20000;
    for (int i = 0; i < Iterations; ++i) {
        const QByteArray packet = randomPacket(base, random);
        const QString violation = invariantViolation(packet);
        QVERIFY2(
            violation.isEmpty(),
            qPrintable(
                QStringLiteral("%1 for %2").arg(violation, QString::fromLatin1(packet.toHex()))));
    }
}

void TestPacketDescription::addresses_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");

    const QByteArray udp = PB::udp(1, 2);
    QTest::newRow("IPv4") << PB::ipv4("10.0.0.1", "255.255.255.255", PB::Udp, udp)
                          << QStringLiteral("10.0.0.1") << QStringLiteral("255.255.255.255");
    QTest::newRow("IPv4 zeros") << PB::ipv4("0.0.0.0", "192.168.100.200", PB::Udp, udp)
                                << QStringLiteral("0.0.0.0") << QStringLiteral("192.168.100.200");
    QTest::newRow("longest zero run compressed")
        << PB::ipv6("2001:0db8:0000:0000:0000:0000:0000:0001", "fe80:0:0:0:0:0:0:1", PB::Udp, udp)
        << QStringLiteral("2001:db8::1") << QStringLiteral("fe80::1");
    QTest::newRow("first of equal runs, no single-field compression")
        << PB::ipv6("2001:db8:0:0:1:0:0:1", "2001:db8:0:1:1:1:1:1", PB::Udp, udp)
        << QStringLiteral("2001:db8::1:0:0:1") << QStringLiteral("2001:db8:0:1:1:1:1:1");
    QTest::newRow("longer run wins")
        << PB::ipv6("2001:0:0:1:0:0:0:1", "2001:db8:0:0:0:1:0:0", PB::Udp, udp)
        << QStringLiteral("2001:0:0:1::1") << QStringLiteral("2001:db8::1:0:0");
    QTest::newRow("lower case, unspecified, loopback")
        << PB::ipv6("2001:DB8::ABCD", "::", PB::Udp, udp) << QStringLiteral("2001:db8::abcd")
        << QStringLiteral("::");
    QTest::newRow("loopback and multicast")
        << PB::ipv6("::1", "ff02::1:ff00:2", PB::Udp, udp) << QStringLiteral("::1")
        << QStringLiteral("ff02::1:ff00:2");
    QTest::newRow("IPv4-mapped") << PB::ipv6("::ffff:192.0.2.1", "2001:db8:1:2:3:4:5:6", PB::Udp,
                                             udp)
                                 << QStringLiteral("::ffff:192.0.2.1")
                                 << QStringLiteral("2001:db8:1:2:3:4:5:6");
    QTest::newRow("no header, no address") << QByteArray(10, 0x45) << QString() << QString();
}

void TestPacketDescription::addresses()
{
    QFETCH(QByteArray, packet);
    QFETCH(QString, source);
    QFETCH(QString, destination);

    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet));
    QCOMPARE(SummaryText::source(s), source);
    QCOMPARE(SummaryText::destination(s), destination);
}

void TestPacketDescription::infoText_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("info");

    QTest::newRow("TCP SYN/ACK") << ipv4Tcp(TcpFlag::Syn | TcpFlag::Ack) << QStringLiteral("TCP")
                                 << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP [SYN, ACK]");
    QTest::newRow("TCP FIN/PSH/ACK")
        << ipv4Tcp(TcpFlag::Fin | TcpFlag::Psh | TcpFlag::Ack) << QStringLiteral("TCP")
        << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP [FIN, PSH, ACK]");
    QTest::newRow("TCP no flags") << ipv4Tcp(0) << QStringLiteral("TCP")
                                  << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP [none]");
    QTest::newRow("TCP ECN setup")
        << ipv4Tcp(TcpFlag::Syn | TcpFlag::Ece | TcpFlag::Cwr) << QStringLiteral("TCP")
        << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP [SYN, ECE, CWR]");
    QTest::newRow("ICMP echo request")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Icmp, PB::icmpEcho(false, 1, 1))
        << QStringLiteral("ICMP") << QStringLiteral("10.0.0.1 → 10.0.0.2 ICMP echo request");
    QTest::newRow("ICMP echo reply")
        << PB::ipv4("10.0.0.2", "10.0.0.1", PB::Icmp, PB::icmpEcho(true, 1, 1))
        << QStringLiteral("ICMP") << QStringLiteral("10.0.0.2 → 10.0.0.1 ICMP echo reply");
    QTest::newRow("ICMP port unreachable")
        << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Icmp, PB::icmp(3, 3)) << QStringLiteral("ICMP")
        << QStringLiteral("10.0.0.9 → 10.0.0.2 ICMP destination unreachable (port unreachable)");
    QTest::newRow("ICMP TTL exceeded")
        << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Icmp, PB::icmp(11, 0)) << QStringLiteral("ICMP")
        << QStringLiteral("10.0.0.9 → 10.0.0.2 ICMP time exceeded (in transit)");
    QTest::newRow("ICMP unknown type")
        << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Icmp, PB::icmp(42, 7)) << QStringLiteral("ICMP")
        << QStringLiteral("10.0.0.9 → 10.0.0.2 ICMP type 42 code 7");
    QTest::newRow("UDP over IPv6")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(5353, 53))
        << QStringLiteral("UDP") << QStringLiteral("[2001:db8::1]:5353 → [2001:db8::2]:53 UDP");
    QTest::newRow("ICMPv6 echo request")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Icmpv6, PB::icmpv6Echo(false, 1, 1))
        << QStringLiteral("ICMPv6")
        << QStringLiteral("2001:db8::1 → 2001:db8::2 ICMPv6 echo request");
    QTest::newRow("ICMPv6 neighbor advertisement")
        << PB::ipv6("fe80::2", "fe80::1", PB::Icmpv6, PB::icmpv6(136, 0, 0, QByteArray(16, 0)))
        << QStringLiteral("ICMPv6")
        << QStringLiteral("fe80::2 → fe80::1 ICMPv6 neighbor advertisement");
    QTest::newRow("ICMPv6 port unreachable")
        << PB::ipv6("2001:db8::2", "2001:db8::1", PB::Icmpv6, PB::icmpv6(1, 4))
        << QStringLiteral("ICMPv6")
        << QStringLiteral("2001:db8::2 → 2001:db8::1 ICMPv6 destination unreachable (port "
                          "unreachable)");
    QTest::newRow("SCTP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Sctp, PB::sctp(36412, 36412, 1))
                          << QStringLiteral("SCTP")
                          << QStringLiteral("10.0.0.1:36412 → 10.0.0.2:36412 SCTP");
    QTest::newRow("UDP-Lite") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::UdpLite, PB::udpLite(1, 2, 0))
                              << QStringLiteral("UDPLite")
                              << QStringLiteral("10.0.0.1:1 → 10.0.0.2:2 UDPLite");
    QTest::newRow("DCCP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Dccp, PB::dccp(3, 4, 0))
                          << QStringLiteral("DCCP")
                          << QStringLiteral("10.0.0.1:3 → 10.0.0.2:4 DCCP");
    QTest::newRow("ESP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Esp, PB::esp(1, 2))
                         << QStringLiteral("ESP") << QStringLiteral("10.0.0.1 → 10.0.0.2 ESP");
    QTest::newRow("unassigned protocol")
        << PB::ipv4("10.0.0.1", "10.0.0.2", 253, "x") << QStringLiteral("proto 253")
        << QStringLiteral("10.0.0.1 → 10.0.0.2 proto 253");
    PB::Ipv4Options later;
    later.id = 0x1c46;
    later.fragmentOffset = 1480;
    QTest::newRow("IPv4 later fragment")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, "data", later) << QStringLiteral("UDP")
        << QStringLiteral("10.0.0.1 → 10.0.0.2 UDP [fragment: offset 1480, id 0x1c46]");
    QTest::newRow("IPv6 first fragment")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2),
                    {PB::fragment(0, true, 0xabc)})
        << QStringLiteral("UDP")
        << QStringLiteral("[2001:db8::1]:1 → [2001:db8::2]:2 UDP [fragment: offset 0, id "
                          "0x00000abc]");
    QTest::newRow("TCP cut after the ports")
        << ipv4Tcp(TcpFlag::Syn).left(32) << QStringLiteral("TCP")
        << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP (truncated: TCP header)");
    QTest::newRow("IPv4 cut") << ipv4Tcp(TcpFlag::Syn).left(19) << QStringLiteral("?")
                              << QStringLiteral("(truncated: IPv4 header)");
    QTest::newRow("IPv4 options cut")
        <<
        [] {
            PB::Ipv4Options o;
            o.options = recordRouteMax();
            return PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2), o).left(30);
        }()
        << QStringLiteral("UDP")
        << QStringLiteral("10.0.0.1 → 10.0.0.2 UDP (truncated: IPv4 options)");
    QTest::newRow("IPv6 chain cut in the Routing header")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2),
                    {PB::hopByHop(), PB::routing(4, 1, QByteArray(16, 'r'))})
               .left(50)
        << QStringLiteral("IPv6-Route")
        << QStringLiteral(
               "2001:db8::1 → 2001:db8::2 IPv6-Route (truncated: IPv6 extension headers)");
    QTest::newRow("IPv6 chain cut in the Fragment header")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2),
                    {PB::fragment(0, true, 1)})
               .left(44)
        << QStringLiteral("IPv6-Frag")
        << QStringLiteral(
               "2001:db8::1 → 2001:db8::2 IPv6-Frag (truncated: IPv6 extension headers)");
    QByteArray malformed = ipv4Tcp(TcpFlag::Syn);
    PB::setBe16(malformed, 2, 24);
    QTest::newRow("malformed") << malformed << QStringLiteral("TCP")
                               << QStringLiteral("10.0.0.1:5512 → 10.0.0.2:443 TCP (malformed)");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("?") << QStringLiteral("no IP header");
}

void TestPacketDescription::infoText()
{
    QFETCH(QByteArray, packet);
    QFETCH(QString, protocol);
    QFETCH(QString, info);

    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet));
    QCOMPARE(SummaryText::protocolName(s), protocol);
    QCOMPARE(SummaryText::info(s), info);
}

void TestPacketDescription::layers_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<QStringList>("names");
    // "Layer/Field=value" for an exact value, "Layer/Field~text" for a value containing text.
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("problem");

    PB::Ipv4Options df;
    df.dontFragment = true;
    df.tos = 46 << 2 | 1;
    QTest::newRow("IPv4 TCP SYN with options")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                    PB::tcp(5512, 443, TcpFlag::Syn, 123456789, 0, synOptions()), df)
        << QStringList{"IPv4", "TCP"}
        << QStringList{"IPv4/Version=4",
                       "IPv4/Header length=20 bytes",
                       "IPv4/DSCP=EF (46)",
                       "IPv4/ECN=ECT(1)",
                       "IPv4/Total length=60",
                       "IPv4/Identification=0x1234 (4660)",
                       "IPv4/Flags=0x2 (don't fragment)",
                       "IPv4/Fragment offset=0 bytes",
                       "IPv4/Time to live=64",
                       "IPv4/Protocol=TCP (6)",
                       "IPv4/Header checksum~(correct)",
                       "IPv4/Source=10.0.0.1",
                       "IPv4/Destination=10.0.0.2",
                       "IPv4/Options=none",
                       "TCP/Source port=5512",
                       "TCP/Destination port=443",
                       "TCP/Sequence number=123456789",
                       "TCP/Acknowledgment number=0",
                       "TCP/Header length=40 bytes",
                       "TCP/Flags=0x002 [SYN]",
                       "TCP/Window=64240",
                       "TCP/Checksum~0x",
                       "TCP/Urgent pointer=0",
                       "TCP/Options=MSS 1460, SACK permitted, timestamps, NOP, window scale 7"}
        << QString();

    QByteArray badChecksum = PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2, "x"));
    PB::setBe16(badChecksum, 10, 0);
    QTest::newRow("IPv4 wrong header checksum, trailing bytes")
        << badChecksum + QByteArray(4, '\0') << QStringList{"IPv4", "UDP", "Data", "Trailing bytes"}
        << QStringList{"IPv4/Header checksum~(incorrect, should be 0x", "UDP/Length=9",
                       "UDP/Checksum~0x", "Data/Length=1 byte", "Trailing bytes/Length=4 bytes"}
        << QString();

    PB::Ipv4Options ra;
    ra.options = routerAlertIpv4();
    ra.moreFragments = true;
    ra.id = 0xbeef;
    QTest::newRow("IPv4 Router Alert, first fragment")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2), ra)
        << QStringList{"IPv4", "UDP"}
        << QStringList{"IPv4/Header length=24 bytes", "IPv4/Options=Router Alert",
                       "IPv4/Flags=0x1 (more fragments)", "IPv4/Identification=0xbeef (48879)"}
        << QString();

    QTest::newRow("IPv6 Hop-by-Hop, Fragment, UDP")
        << PB::ipv6("fe80::1", "ff02::16", PB::Udp, PB::udp(1000, 53, "hi"),
                    {PB::hopByHop(ipv6RouterAlert()), PB::fragment(0, true, 0xabcdef)},
                    {1, 0xb8, 0x12345})
        << QStringList{"IPv6", "IPv6 Hop-by-Hop Options", "IPv6 Fragment", "UDP", "Data"}
        << QStringList{"IPv6/Version=6",
                       "IPv6/Traffic class=0xb8 (DSCP EF (46), ECN Not-ECT)",
                       "IPv6/Flow label=0x12345",
                       "IPv6/Payload length=26",
                       "IPv6/Next header=HOPOPT (0)",
                       "IPv6/Hop limit=1",
                       "IPv6/Source=fe80::1",
                       "IPv6/Destination=ff02::16",
                       "IPv6 Hop-by-Hop Options/Next header=IPv6-Frag (44)",
                       "IPv6 Hop-by-Hop Options/Length=8 bytes",
                       "IPv6 Hop-by-Hop Options/Options=Router Alert, PadN",
                       "IPv6 Fragment/Next header=UDP (17)",
                       "IPv6 Fragment/Fragment offset=0 bytes",
                       "IPv6 Fragment/More fragments=yes",
                       "IPv6 Fragment/Identification=0x00abcdef",
                       "UDP/Source port=1000",
                       "UDP/Destination port=53",
                       "UDP/Length=10",
                       "Data/Length=2 bytes"}
        << QString();

    QTest::newRow("IPv6 Routing, AH, ICMPv6 echo")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Icmpv6, PB::icmpv6Echo(false, 0x1234, 7),
                    {PB::routing(4, 2, QByteArray(16, 'r')), PB::authentication(0xcafe, 9)})
        << QStringList{"IPv6", "IPv6 Routing", "Authentication Header", "ICMPv6"}
        << QStringList{"IPv6 Routing/Routing type=4 (segment routing)",
                       "IPv6 Routing/Segments left=2",
                       "IPv6 Routing/Length=24 bytes",
                       "Authentication Header/Next header=ICMPv6 (58)",
                       "Authentication Header/Length=16 bytes",
                       "Authentication Header/SPI=0x0000cafe",
                       "Authentication Header/Sequence number=9",
                       "ICMPv6/Type=128 (echo request)",
                       "ICMPv6/Code=0",
                       "ICMPv6/Identifier=0x1234 (4660)",
                       "ICMPv6/Sequence number=7"}
        << QString();

    QTest::newRow("ICMP port unreachable")
        << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Icmp, PB::icmp(3, 3, 0, QByteArray(28, 0)))
        << QStringList{"IPv4", "ICMP", "Data"}
        << QStringList{"ICMP/Type=3 (destination unreachable)", "ICMP/Code=3 (port unreachable)",
                       "Data/Length=28 bytes"}
        << QString();

    // Found by fuzz_packetdecoder: the code of an unreachable was read before its presence.
    QTest::newRow("ICMP unreachable cut after its type")
        << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Icmp, PB::icmp(3, 4)).left(21)
        << QStringList{"IPv4", "ICMP"} << QStringList{"ICMP/Type=3 (destination unreachable)"}
        << QStringLiteral("truncated: the ICMP header needs 8 bytes, 1 present");

    QTest::newRow("ESP") << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Esp, PB::esp(0x42, 3, "ab"))
                         << QStringList{"IPv6", "Encapsulating Security Payload"}
                         << QStringList{"Encapsulating Security Payload/SPI=0x00000042",
                                        "Encapsulating Security Payload/Sequence number=3",
                                        "Encapsulating Security Payload/Encrypted data=2 bytes"}
                         << QString();

    QTest::newRow("TCP cut after 12 bytes")
        << ipv4Tcp(TcpFlag::Syn).left(32) << QStringList{"IPv4", "TCP"}
        << QStringList{"TCP/Source port=5512", "TCP/Acknowledgment number=0"}
        << QStringLiteral("truncated: the TCP header needs 20 bytes, 12 present");
}

void TestPacketDescription::layers()
{
    QFETCH(QByteArray, packet);
    QFETCH(QStringList, names);
    QFETCH(QStringList, fields);
    QFETCH(QString, problem);

    // An allocation of exactly the packet's size (QByteArray keeps spare room and a NUL), so
    // that the sanitizer build catches any read past the end.
    const std::vector<std::uint8_t> exactSize(packet.cbegin(), packet.cend());
    const PacketDescription d = PacketDescription::of(exactSize);
    QStringList actualNames;
    for (const HeaderLayer &layer : d.layers)
        actualNames << layer.name;
    QCOMPARE(actualNames, names);
    QCOMPARE(d.problem, problem);

    for (const QString &expected : fields) {
        const qsizetype slash = expected.indexOf(QLatin1Char('/'));
        const qsizetype mark = expected.indexOf(QRegularExpression(QStringLiteral("[=~]")), slash);
        QVERIFY(slash > 0 && mark > slash);
        const QString layerName = expected.left(slash);
        const QString fieldName = expected.mid(slash + 1, mark - slash - 1);
        const QString value = expected.mid(mark + 1);
        const bool exact = expected[mark] == QLatin1Char('=');
        bool found = false;
        for (const HeaderLayer &layer : d.layers) {
            if (layer.name != layerName)
                continue;
            for (const HeaderField &field : layer.fields) {
                if (field.name != fieldName)
                    continue;
                found = true;
                const bool matches = exact ? field.value == value : field.value.contains(value);
                QVERIFY2(matches,
                         qPrintable(QStringLiteral("%1/%2 is \"%3\", expected %4")
                                        .arg(layerName, fieldName, field.value, expected)));
            }
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no field %1").arg(expected)));
    }
}

QTEST_GUILESS_MAIN(TestPacketDescription)
#include "tst_packetdescription.moc"
