// The decoder runs on every packet in the root helper, so it must survive anything (checked under
// the sanitizers with truncated, malformed and random input) and must say exactly what a user
// reads in the packet table and the detail tree.
#include "PacketBuilder.h"
#include "PacketDecoder.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

using namespace nfqmon;
namespace PB = nfqmon::test::PacketBuilder;

#if defined(__SANITIZE_ADDRESS__)
#define NFQMON_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NFQMON_TEST_ASAN 1
#endif
#endif

#ifdef NFQMON_TEST_ASAN
// From compiler-rt's sanitizer/allocator_interface.h, which GCC does not install.
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*mallocHook)(const volatile void *,
                                                                            std::size_t),
                                                         void (*freeHook)(const volatile void *));
#endif

// Counts heap allocations made by this thread while `countAllocations` is set, to hold
// summarize() to its promise of not allocating: operator new always, and under AddressSanitizer
// also malloc() (which Qt's containers use) through the sanitizer's allocator hooks.
namespace {
thread_local bool countAllocations = false;
std::atomic<int> allocations{0};

void *counted(std::size_t size) noexcept
{
    if (countAllocations)
        ++allocations;
    return std::malloc(size == 0 ? 1 : size);
}

#ifdef NFQMON_TEST_ASAN
void countMalloc(const volatile void *, std::size_t)
{
    if (countAllocations)
        ++allocations;
}
void ignoreFree(const volatile void *) {}
#endif
} // namespace

// Every replaceable form, so that the sanitizer sees matching allocation and release.
void *operator new(std::size_t size)
{
    if (void *p = counted(size))
        return p;
    throw std::bad_alloc();
}
void *operator new[](std::size_t size)
{
    if (void *p = counted(size))
        return p;
    throw std::bad_alloc();
}
void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    return counted(size);
}
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept
{
    return counted(size);
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete[](void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}
void operator delete(void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}
void operator delete[](void *p, const std::nothrow_t &) noexcept
{
    std::free(p);
}

namespace {

static_assert(noexcept(PacketDecoder::summarize(std::span<const std::uint8_t>())));

QByteArray hexBytes(const char *hex)
{
    return QByteArray::fromHex(hex);
}

// AH in front of `next`, for IPv4 (where the builder does not chain extension headers).
QByteArray ahBefore(std::uint8_t next)
{
    QByteArray ah = PB::authentication(0x1000, 7).bytes;
    ah[0] = static_cast<char>(next);
    return ah;
}

// Linux's SYN options: MSS 1460, SACK permitted, timestamps, NOP, window scale 7.
QByteArray synOptions()
{
    return hexBytes("020405b4") + hexBytes("0402") + hexBytes("080a0000000100000000") +
           hexBytes("01") + hexBytes("030307");
}

QByteArray ipv4Tcp(std::uint8_t flags, const QByteArray &payload = {})
{
    return PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                    PB::tcp(5512, 443, flags, 1000, 0, {}, payload));
}

QByteArray routerAlertIpv4()
{
    return hexBytes("94040000");
}

// Record Route with room for 9 addresses: with padding, the largest IPv4 header (60 bytes).
QByteArray recordRouteMax()
{
    QByteArray option = hexBytes("072704");
    option += QByteArray(36, '\0');
    return option;
}

QByteArray ipv6RouterAlert()
{
    return hexBytes("05020000");
}

bool sameSummary(const PacketSummary &a, const PacketSummary &b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

QString describe(const PacketSummary &s)
{
    return QStringLiteral("network %1 transport %2 missing %3 flags 0x%4 ports %5/%6 offset %7")
        .arg(int(s.network))
        .arg(s.transport)
        .arg(int(s.missing))
        .arg(s.flags, 0, 16)
        .arg(s.sourcePort)
        .arg(s.destinationPort)
        .arg(s.transportOffset);
}

// What must hold for any input: the two entry points agree, offsets stay inside the packet,
// layers are in order and do not overlap, a problem is named exactly when something is missing.
QString invariantViolation(const QByteArray &packet)
{
    // A heap block of exactly the packet's size (QByteArray keeps spare room and a NUL after
    // its data), so that the sanitizer reports a read of even one byte past the end.
    const std::vector<std::uint8_t> exact(packet.begin(), packet.end());
    const std::span<const std::uint8_t> bytes(exact);
    const PacketSummary s = PacketDecoder::summarize(bytes);
    const DecodedPacket d = PacketDecoder::decode(bytes);
    if (!sameSummary(s, d.summary))
        return QStringLiteral("decode() and summarize() disagree");
    if (s.transportOffset > packet.size())
        return QStringLiteral("transportOffset %1 beyond the packet").arg(s.transportOffset);
    if ((s.flags & SummaryFlag::HasPorts) && s.transportOffset + 4 > packet.size())
        return QStringLiteral("ports claimed beyond the packet");
    if ((s.flags & SummaryFlag::LaterFragment) && !(s.flags & SummaryFlag::Fragment))
        return QStringLiteral("a later fragment that is not a fragment");
    if ((s.flags & SummaryFlag::LaterFragment) && (s.flags & SummaryFlag::HasPorts))
        return QStringLiteral("ports in a later fragment");
    if (d.problem.isEmpty() != (s.missing == Missing::Nothing))
        return QStringLiteral("problem \"%1\" but missing %2").arg(d.problem).arg(int(s.missing));
    int end = 0;
    for (const HeaderLayer &layer : d.layers) {
        if (layer.offset < end || layer.length <= 0 || layer.offset + layer.length > packet.size())
            return QStringLiteral("layer %1 at %2+%3 out of place")
                .arg(layer.name)
                .arg(layer.offset)
                .arg(layer.length);
        end = layer.offset + layer.length;
    }
    if (PacketDecoder::infoText(s).isEmpty() || PacketDecoder::protocolName(s).isEmpty())
        return QStringLiteral("empty text");
    return {};
}

} // namespace

class TestPacketDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void summarize_data();
    void summarize();
    void problems_data();
    void problems();
    void truncation_data();
    void truncation();
    void randomInput_data();
    void randomInput();
    void summarizeDoesNotAllocate();
    void addresses_data();
    void addresses();
    void infoText_data();
    void infoText();
    void layers_data();
    void layers();
};

void TestPacketDecoder::initTestCase()
{
#ifdef NFQMON_TEST_ASAN
    QVERIFY(__sanitizer_install_malloc_and_free_hooks(countMalloc, ignoreFree) != 0);
#endif
}

void TestPacketDecoder::summarize_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("network");
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("sourcePort");
    QTest::addColumn<int>("destinationPort");
    QTest::addColumn<int>("tcpFlags");
    QTest::addColumn<int>("icmpType");
    QTest::addColumn<int>("icmpCode");
    QTest::addColumn<int>("transportOffset");
    QTest::addColumn<int>("ttl");
    QTest::addColumn<uint>("fragmentId");
    QTest::addColumn<uint>("fragmentOffset");

    using namespace SummaryFlag;
    const int v4 = 4;
    const int v6 = 6;
    const int tcpFlags = HasPorts | HasTcpFlags;
    const char *a6 = "2001:db8::1";
    const char *b6 = "2001:db8::2";

    QTest::newRow("IPv4 TCP SYN/ACK") << ipv4Tcp(TcpFlag::Syn | TcpFlag::Ack) << v4 << 6 << tcpFlags
                                      << 5512 << 443 << 0x12 << 0 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 TCP with options, all flags")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp, PB::tcp(1, 2, 0xff, 0, 0, synOptions())) << v4
        << 6 << tcpFlags << 1 << 2 << 0xff << 0 << 0 << 20 << 64 << 0u << 0u;
    {
        PB::Ipv4Options o;
        o.options = routerAlertIpv4();
        o.ttl = 1;
        QTest::newRow("IPv4 Router Alert option, UDP")
            << PB::ipv4("10.0.0.1", "224.0.0.22", PB::Udp, PB::udp(5353, 53, "x"), o) << v4 << 17
            << (HasPorts | HasOptions) << 5353 << 53 << 0 << 0 << 0 << 24 << 1 << 0u << 0u;
        o.options = recordRouteMax();
        QTest::newRow("IPv4 60-byte header, TCP")
            << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp, PB::tcp(80, 81, TcpFlag::Rst), o) << v4
            << 6 << (tcpFlags | HasOptions) << 80 << 81 << 0x04 << 0 << 0 << 60 << 1 << 0u << 0u;
    }
    QTest::newRow("IPv4 UDP") << PB::ipv4("10.0.0.9", "10.0.0.2", PB::Udp, PB::udp(53, 3312, "a"))
                              << v4 << 17 << int(HasPorts) << 53 << 3312 << 0 << 0 << 0 << 20 << 64
                              << 0u << 0u;
    QTest::newRow("IPv4 UDP-Lite")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::UdpLite, PB::udpLite(7000, 7001, 8, "abc")) << v4
        << 136 << int(HasPorts) << 7000 << 7001 << 0 << 0 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 SCTP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Sctp,
                                           PB::sctp(2905, 2906, 0xdeadbeef))
                               << v4 << 132 << int(HasPorts) << 2905 << 2906 << 0 << 0 << 0 << 20
                               << 64 << 0u << 0u;
    QTest::newRow("IPv4 DCCP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Dccp,
                                           PB::dccp(5004, 5005, 0))
                               << v4 << 33 << int(HasPorts) << 5004 << 5005 << 0 << 0 << 0 << 20
                               << 64 << 0u << 0u;
    QTest::newRow("IPv4 ICMP echo request")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Icmp, PB::icmpEcho(false, 1, 2)) << v4 << 1
        << int(HasIcmp) << 0 << 0 << 0 << 8 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 ICMP port unreachable")
        << PB::ipv4("10.0.0.2", "10.0.0.1", PB::Icmp, PB::icmp(3, 3, 0, QByteArray(28, 'q'))) << v4
        << 1 << int(HasIcmp) << 0 << 0 << 0 << 3 << 3 << 20 << 64 << 0u << 0u;
    {
        PB::Ipv4Options o;
        o.id = 0x1c46;
        o.moreFragments = true;
        QTest::newRow("IPv4 first fragment")
            << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(4000, 53, QByteArray(1472, 'd')),
                        o)
            << v4 << 17 << (HasPorts | Fragment) << 4000 << 53 << 0 << 0 << 0 << 20 << 64 << 0x1c46u
            << 0u;
        o.fragmentOffset = 1480;
        QTest::newRow("IPv4 middle fragment")
            << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, QByteArray(1480, 'd'), o) << v4 << 17
            << (Fragment | LaterFragment) << 0 << 0 << 0 << 0 << 0 << 20 << 64 << 0x1c46u << 1480u;
        o.moreFragments = false;
        o.fragmentOffset = 2960;
        QTest::newRow("IPv4 last fragment")
            << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, QByteArray(100, 'd'), o) << v4 << 17
            << (Fragment | LaterFragment) << 0 << 0 << 0 << 0 << 0 << 20 << 64 << 0x1c46u << 2960u;
        PB::Ipv4Options df;
        df.dontFragment = true;
        QTest::newRow("IPv4 don't fragment is no fragment")
            << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2), df) << v4 << 17
            << int(HasPorts) << 1 << 2 << 0 << 0 << 0 << 20 << 64 << 0u << 0u;
    }
    QTest::newRow("IPv4 GRE (by number)")
        << PB::ipv4("10.0.0.1", "10.0.0.2", 47, hexBytes("00000800")) << v4 << 47 << 0 << 0 << 0
        << 0 << 0 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 AH, TCP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Ah,
                                              ahBefore(PB::Tcp) + PB::tcp(22, 5000, 0x18))
                                  << v4 << 6 << tcpFlags << 22 << 5000 << 0x18 << 0 << 0 << 36 << 64
                                  << 0u << 0u;
    QTest::newRow("IPv4 ESP") << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Esp, PB::esp(0x100, 1, "xx"))
                              << v4 << 50 << 0 << 0 << 0 << 0 << 0 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 trailing bytes after total length")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2)) + QByteArray(6, '\0') << v4
        << 17 << int(HasPorts) << 1 << 2 << 0 << 0 << 0 << 20 << 64 << 0u << 0u;
    QTest::newRow("IPv4 snapped payload is complete")
        << ipv4Tcp(TcpFlag::Psh | TcpFlag::Ack, QByteArray(500, 'p')).left(60) << v4 << 6
        << tcpFlags << 5512 << 443 << 0x18 << 0 << 0 << 20 << 64 << 0u << 0u;

    {
        PB::Ipv6Options o;
        o.hopLimit = 255;
        QTest::newRow("IPv6 TCP") << PB::ipv6(a6, b6, PB::Tcp, PB::tcp(40000, 443, TcpFlag::Syn),
                                              {}, o)
                                  << v6 << 6 << tcpFlags << 40000 << 443 << 0x02 << 0 << 0 << 40
                                  << 255 << 0u << 0u;
    }
    QTest::newRow("IPv6 UDP") << PB::ipv6(a6, b6, PB::Udp, PB::udp(5353, 53, "q")) << v6 << 17
                              << int(HasPorts) << 5353 << 53 << 0 << 0 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("IPv6 UDP-Lite")
        << PB::ipv6(a6, b6, PB::UdpLite, PB::udpLite(1, 2, 0, "abc")) << v6 << 136 << int(HasPorts)
        << 1 << 2 << 0 << 0 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("IPv6 SCTP") << PB::ipv6(a6, b6, PB::Sctp, PB::sctp(9, 10, 1)) << v6 << 132
                               << int(HasPorts) << 9 << 10 << 0 << 0 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("IPv6 DCCP") << PB::ipv6(a6, b6, PB::Dccp, PB::dccp(11, 12, 2, "data")) << v6
                               << 33 << int(HasPorts) << 11 << 12 << 0 << 0 << 0 << 40 << 64 << 0u
                               << 0u;
    QTest::newRow("ICMPv6 echo request")
        << PB::ipv6(a6, b6, PB::Icmpv6, PB::icmpv6Echo(false, 7, 1)) << v6 << 58 << int(HasIcmp)
        << 0 << 0 << 0 << 128 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("ICMPv6 neighbor solicitation")
        << PB::ipv6("fe80::1", "ff02::1:ff00:2", PB::Icmpv6,
                    PB::icmpv6(135, 0, 0, QByteArray(16, 1)))
        << v6 << 58 << int(HasIcmp) << 0 << 0 << 0 << 135 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("ICMP (v4) inside IPv6 is just a number")
        << PB::ipv6(a6, b6, PB::Icmp, PB::icmpEcho(false, 1, 1)) << v6 << 1 << 0 << 0 << 0 << 0 << 0
        << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("IPv6 Hop-by-Hop, UDP")
        << PB::ipv6("fe80::1", "ff02::16", PB::Udp, PB::udp(1, 2),
                    {PB::hopByHop(ipv6RouterAlert())})
        << v6 << 17 << (HasPorts | HasOptions) << 1 << 2 << 0 << 0 << 0 << 48 << 64 << 0u << 0u;
    QTest::newRow("IPv6 Hop-by-Hop, Routing, Destination Options, TCP")
        << PB::ipv6(
               a6, b6, PB::Tcp, PB::tcp(1234, 80, TcpFlag::Fin | TcpFlag::Ack),
               {PB::hopByHop(), PB::routing(4, 1, QByteArray(20, 'r')), PB::destinationOptions()})
        << v6 << 6 << (tcpFlags | HasOptions) << 1234 << 80 << 0x11 << 0 << 0 << 80 << 64 << 0u
        << 0u;
    QTest::newRow("IPv6 first fragment")
        << PB::ipv6(a6, b6, PB::Udp, PB::udp(5000, 53, QByteArray(1000, 'f')),
                    {PB::fragment(0, true, 0xabcdef)})
        << v6 << 17 << (HasPorts | HasOptions | Fragment) << 5000 << 53 << 0 << 0 << 0 << 48 << 64
        << 0xabcdefu << 0u;
    QTest::newRow("IPv6 later fragment")
        << PB::ipv6(a6, b6, PB::Udp, QByteArray(200, 'f'), {PB::fragment(1232, false, 0xabcdef)})
        << v6 << 17 << (HasOptions | Fragment | LaterFragment) << 0 << 0 << 0 << 0 << 0 << 48 << 64
        << 0xabcdefu << 1232u;
    QTest::newRow("IPv6 Hop-by-Hop, first fragment, Destination Options, TCP")
        << PB::ipv6(a6, b6, PB::Tcp, PB::tcp(1, 2, TcpFlag::Ack),
                    {PB::hopByHop(), PB::fragment(0, true, 5), PB::destinationOptions()})
        << v6 << 6 << (tcpFlags | HasOptions | Fragment) << 1 << 2 << 0x10 << 0 << 0 << 64 << 64
        << 5u << 0u;
    QTest::newRow("IPv6 atomic fragment is no fragment")
        << PB::ipv6(a6, b6, PB::Udp, PB::udp(1, 2), {PB::fragment(0, false, 9)}) << v6 << 17
        << (HasPorts | HasOptions) << 1 << 2 << 0 << 0 << 0 << 48 << 64 << 0u << 0u;
    QTest::newRow("IPv6 AH, TCP") << PB::ipv6(a6, b6, PB::Tcp, PB::tcp(1, 2, TcpFlag::Syn),
                                              {PB::authentication(1, 2)})
                                  << v6 << 6 << (tcpFlags | HasOptions) << 1 << 2 << 0x02 << 0 << 0
                                  << 56 << 64 << 0u << 0u;
    QTest::newRow("IPv6 ESP stops")
        << PB::ipv6(a6, b6, PB::Esp, PB::esp(5, 6, QByteArray(40, 'e'))) << v6 << 50 << 0 << 0 << 0
        << 0 << 0 << 0 << 40 << 64 << 0u << 0u;
    QTest::newRow("IPv6 Hop-by-Hop, ESP")
        << PB::ipv6(a6, b6, PB::Esp, PB::esp(5, 6), {PB::hopByHop()}) << v6 << 50 << int(HasOptions)
        << 0 << 0 << 0 << 0 << 0 << 48 << 64 << 0u << 0u;
    QTest::newRow("IPv6 no next header")
        << PB::ipv6(a6, b6, PB::NoNext, {}, {PB::destinationOptions()}) << v6 << 59
        << int(HasOptions) << 0 << 0 << 0 << 0 << 0 << 48 << 64 << 0u << 0u;
    QTest::newRow("IPv6 OSPF (by number)")
        << PB::ipv6("fe80::1", "ff02::5", 89, QByteArray(24, 0)) << v6 << 89 << 0 << 0 << 0 << 0
        << 0 << 0 << 40 << 64 << 0u << 0u;
}

void TestPacketDecoder::summarize()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, network);
    QFETCH(int, transport);
    QFETCH(int, flags);
    QFETCH(int, sourcePort);
    QFETCH(int, destinationPort);
    QFETCH(int, tcpFlags);
    QFETCH(int, icmpType);
    QFETCH(int, icmpCode);
    QFETCH(int, transportOffset);
    QFETCH(int, ttl);
    QFETCH(uint, fragmentId);
    QFETCH(uint, fragmentOffset);

    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet));
    QCOMPARE(int(s.missing), int(Missing::Nothing));
    QCOMPARE(int(s.network), network);
    QCOMPARE(int(s.transport), transport);
    QCOMPARE(int(s.flags), flags);
    QCOMPARE(int(s.sourcePort), sourcePort);
    QCOMPARE(int(s.destinationPort), destinationPort);
    QCOMPARE(int(s.tcpFlags), tcpFlags);
    QCOMPARE(int(s.icmpType), icmpType);
    QCOMPARE(int(s.icmpCode), icmpCode);
    QCOMPARE(int(s.transportOffset), transportOffset);
    QCOMPARE(int(s.ttl), ttl);
    QCOMPARE(uint(s.fragmentId), fragmentId);
    QCOMPARE(uint(s.fragmentOffset), fragmentOffset);

    const DecodedPacket d = PacketDecoder::decode(PB::bytes(packet));
    QVERIFY(sameSummary(s, d.summary));
    QCOMPARE(d.problem, QString());
    QVERIFY(!d.layers.isEmpty());
    // A complete packet is covered by its layers from the first byte to the last.
    int end = 0;
    for (const HeaderLayer &layer : d.layers) {
        QCOMPARE(layer.offset, end);
        end += layer.length;
    }
    QCOMPARE(end, packet.size());
}

void TestPacketDecoder::problems_data()
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

void TestPacketDecoder::problems()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, delivered);
    QFETCH(int, missing);
    QFETCH(QString, problem);

    const auto family = static_cast<NetworkProtocol>(delivered);
    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet), family);
    QCOMPARE(int(s.missing), missing);
    const DecodedPacket d = PacketDecoder::decode(PB::bytes(packet), family);
    QVERIFY(sameSummary(s, d.summary));
    QCOMPARE(d.problem, problem);
}

void TestPacketDecoder::truncation_data()
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

void TestPacketDecoder::truncation()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, fixedEnd);
    QFETCH(int, headersEnd);
    QFETCH(int, transportEnd);
    QFETCH(int, flag);
    QFETCH(int, flagFrom);

    for (int n = 0; n <= packet.size(); ++n) {
        const QByteArray prefix = packet.left(n);
        const std::vector<std::uint8_t> exact(prefix.begin(), prefix.end()); // see above
        const PacketSummary s = PacketDecoder::summarize(exact);
        const Missing expected = n < fixedEnd       ? Missing::NetworkHeader
                                 : n < headersEnd   ? Missing::NetworkOptions
                                 : n < transportEnd ? Missing::TransportHeader
                                                    : Missing::Nothing;
        const QByteArray where =
            QStringLiteral("prefix of %1 bytes: %2").arg(n).arg(describe(s)).toUtf8();
        QVERIFY2(s.missing == expected, where.constData());
        QVERIFY2(((s.flags & flag) != 0) == (n >= flagFrom), where.constData());
        if (n >= headersEnd)
            QVERIFY2(s.transportOffset == headersEnd, where.constData());
        const QString violation = invariantViolation(prefix);
        QVERIFY2(violation.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(n).arg(violation)));
        const QString info = PacketDecoder::infoText(s);
        if (n > 0) // an empty packet is "no IP header"
            QVERIFY2(info.contains(QLatin1String("(truncated")) == (expected != Missing::Nothing),
                     qPrintable(info));
    }
}

void TestPacketDecoder::randomInput_data()
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

void TestPacketDecoder::randomInput()
{
    QFETCH(QByteArray, base);
    QFETCH(quint32, seed);

    QRandomGenerator random(seed);
    constexpr int Iterations = 20000;
    for (int i = 0; i < Iterations; ++i) {
        QByteArray packet;
        if (base.isEmpty()) {
            packet.resize(random.bounded(0, 160));
            for (char &byte : packet)
                byte = static_cast<char>(random.bounded(256));
            // Mostly IPv4/IPv6 version nibbles, so that the walk gets past the first byte.
            if (!packet.isEmpty() && random.bounded(8) != 0)
                packet[0] =
                    static_cast<char>((random.bounded(2) ? 0x40 : 0x60) | (packet[0] & 0x0f));
        } else {
            packet = base;
            const int changes = random.bounded(1, 5);
            for (int c = 0; c < changes; ++c)
                packet[random.bounded(int(packet.size()))] = static_cast<char>(random.bounded(256));
            packet.truncate(random.bounded(int(packet.size()) + 1));
        }
        const QString violation = invariantViolation(packet);
        QVERIFY2(
            violation.isEmpty(),
            qPrintable(
                QStringLiteral("%1 for %2").arg(violation, QString::fromLatin1(packet.toHex()))));
    }
}

void TestPacketDecoder::summarizeDoesNotAllocate()
{
    QList<QByteArray> packets = {
        ipv4Tcp(TcpFlag::Syn),
        PB::ipv6("2001:db8::1", "2001:db8::2", PB::Udp, PB::udp(1, 2, "q"),
                 {PB::hopByHop(), PB::fragment(0, true, 1), PB::authentication(1, 2)}),
        PB::ipv4("10.0.0.1", "10.0.0.2", PB::Icmp, PB::icmpEcho(false, 1, 1)).left(22),
        QByteArray("garbage"),
        QByteArray(),
    };
    allocations = 0;
    countAllocations = true;
    std::uint32_t sum = 0; // keeps the calls from being optimised away
    for (int round = 0; round < 100; ++round) {
        for (const QByteArray &packet : packets)
            sum += PacketDecoder::summarize(PB::bytes(packet)).transportOffset;
    }
    countAllocations = false;
    QCOMPARE(allocations.load(), 0);
    QVERIFY(sum > 0);

    // The counter works (a call through a volatile pointer cannot be optimised away) ...
    void *(*volatile allocate)(std::size_t) = &::operator new;
    countAllocations = true;
    void *p = allocate(16);
    countAllocations = false;
    ::operator delete(p);
    QVERIFY(allocations.load() > 0);
#ifdef NFQMON_TEST_ASAN
    // ... and sees malloc() too: decode() builds Qt containers.
    allocations = 0;
    countAllocations = true;
    const DecodedPacket decoded = PacketDecoder::decode(PB::bytes(packets.front()));
    countAllocations = false;
    QVERIFY(allocations.load() > 0);
    QVERIFY(!decoded.layers.isEmpty());
#endif
}

void TestPacketDecoder::addresses_data()
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

void TestPacketDecoder::addresses()
{
    QFETCH(QByteArray, packet);
    QFETCH(QString, source);
    QFETCH(QString, destination);

    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet));
    QCOMPARE(PacketDecoder::sourceText(s), source);
    QCOMPARE(PacketDecoder::destinationText(s), destination);
}

void TestPacketDecoder::infoText_data()
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

void TestPacketDecoder::infoText()
{
    QFETCH(QByteArray, packet);
    QFETCH(QString, protocol);
    QFETCH(QString, info);

    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet));
    QCOMPARE(PacketDecoder::protocolName(s), protocol);
    QCOMPARE(PacketDecoder::infoText(s), info);
}

void TestPacketDecoder::layers_data()
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

void TestPacketDecoder::layers()
{
    QFETCH(QByteArray, packet);
    QFETCH(QStringList, names);
    QFETCH(QStringList, fields);
    QFETCH(QString, problem);

    // An allocation of exactly the packet's size (QByteArray keeps spare room and a NUL), so
    // that the sanitizer build catches any read past the end.
    const std::vector<std::uint8_t> exactSize(packet.cbegin(), packet.cend());
    const DecodedPacket d = PacketDecoder::decode(exactSize);
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

QTEST_GUILESS_MAIN(TestPacketDecoder)
#include "tst_packetdecoder.moc"
