// The packet walker runs on every packet in the root helper, so it must survive anything (checked
// under the sanitizers with truncated, malformed and random input), never allocate on the packet
// path, and report exactly the summary the rules match and the headers the window describes
// (their text: tst_packetdescription).
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/unit/DecoderSamples.h"

#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

using namespace nfqmon;
using namespace nfqmon::test::DecoderSamples;
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
// headers are in order and do not overlap, an issue is named exactly when something is missing.
QString invariantViolation(const QByteArray &packet)
{
    // A heap block of exactly the packet's size (QByteArray keeps spare room and a NUL after
    // its data), so that the sanitizer reports a read of even one byte past the end.
    const std::vector<std::uint8_t> exact(packet.begin(), packet.end());
    const std::span<const std::uint8_t> bytes(exact);
    const PacketSummary s = PacketDecoder::summarize(bytes);
    const PacketWalk w = PacketDecoder::walk(bytes);
    if (!sameSummary(s, w.summary))
        return QStringLiteral("walk() and summarize() disagree");
    if (s.transportOffset > packet.size())
        return QStringLiteral("transportOffset %1 beyond the packet").arg(s.transportOffset);
    if ((s.flags & SummaryFlag::HasPorts) && s.transportOffset + 4 > packet.size())
        return QStringLiteral("ports claimed beyond the packet");
    if ((s.flags & SummaryFlag::LaterFragment) && !(s.flags & SummaryFlag::Fragment))
        return QStringLiteral("a later fragment that is not a fragment");
    if ((s.flags & SummaryFlag::LaterFragment) && (s.flags & SummaryFlag::HasPorts))
        return QStringLiteral("ports in a later fragment");
    if ((w.issue.kind == DecodeIssue::Kind::None) != (s.missing == Missing::Nothing))
        return QStringLiteral("issue %1 but missing %2").arg(int(w.issue.kind)).arg(int(s.missing));
    std::size_t end = 0;
    for (const HeaderSpan &header : w.headers) {
        if (header.offset < end || header.length == 0 ||
            header.offset + header.length > std::size_t(packet.size()))
            return QStringLiteral("header %1 at %2+%3 out of place")
                .arg(int(header.kind))
                .arg(header.offset)
                .arg(header.length);
        end = header.offset + header.length;
    }
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
    void walkNamesEveryHeaderInOrder_data();
    void walkNamesEveryHeaderInOrder();
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

    const PacketWalk w = PacketDecoder::walk(PB::bytes(packet));
    QVERIFY(sameSummary(s, w.summary));
    QCOMPARE(int(w.issue.kind), int(DecodeIssue::Kind::None));
    QVERIFY(!w.headers.isEmpty());
    // A complete packet is covered by its headers from the first byte to the last.
    std::size_t end = 0;
    for (const HeaderSpan &header : w.headers) {
        QCOMPARE(header.offset, end);
        end += header.length;
    }
    QCOMPARE(end, std::size_t(packet.size()));
}

void TestPacketDecoder::problems_data()
{
    addProblemRows();
}

void TestPacketDecoder::problems()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, delivered);
    QFETCH(int, missing);

    const auto family = static_cast<NetworkProtocol>(delivered);
    const PacketSummary s = PacketDecoder::summarize(PB::bytes(packet), family);
    QCOMPARE(int(s.missing), missing);
    const PacketWalk w = PacketDecoder::walk(PB::bytes(packet), family);
    QVERIFY(sameSummary(s, w.summary));
    QCOMPARE(w.issue.kind == DecodeIssue::Kind::None, missing == int(Missing::Nothing));
}

void TestPacketDecoder::truncation_data()
{
    addTruncationRows();
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
    }
}

void TestPacketDecoder::randomInput_data()
{
    addRandomInputRows();
}

void TestPacketDecoder::randomInput()
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
    // ... and sees malloc() too: walk() builds a Qt container.
    allocations = 0;
    countAllocations = true;
    const PacketWalk walked = PacketDecoder::walk(PB::bytes(packets.front()));
    countAllocations = false;
    QVERIFY(allocations.load() > 0);
    QVERIFY(!walked.headers.isEmpty());
#endif
}

// The headers the window describes, each with the bytes of it that are present.
void TestPacketDecoder::walkNamesEveryHeaderInOrder_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<QList<int>>("kinds");   // HeaderKind values
    QTest::addColumn<QList<int>>("lengths"); // each header's bytes, one after the other

    using K = HeaderKind;
    QTest::newRow("IPv4 TCP SYN with options")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Tcp,
                    PB::tcp(5512, 443, TcpFlag::Syn, 123456789, 0, synOptions()))
        << QList<int>{int(K::IPv4), int(K::Tcp)} << QList<int>{20, 40};
    QTest::newRow("IPv4 UDP, data, trailing bytes")
        << PB::ipv4("10.0.0.1", "10.0.0.2", PB::Udp, PB::udp(1, 2, "x")) + QByteArray(4, '\0')
        << QList<int>{int(K::IPv4), int(K::Udp), int(K::Data), int(K::Trailer)}
        << QList<int>{20, 8, 1, 4};
    QTest::newRow("IPv6 Hop-by-Hop, Fragment, UDP")
        << PB::ipv6("fe80::1", "ff02::16", PB::Udp, PB::udp(1000, 53, "hi"),
                    {PB::hopByHop(ipv6RouterAlert()), PB::fragment(0, true, 0xabcdef)})
        << QList<int>{int(K::IPv6), int(K::HopByHop), int(K::Fragment), int(K::Udp), int(K::Data)}
        << QList<int>{40, 8, 8, 8, 2};
    QTest::newRow("IPv6 Routing, AH, ICMPv6 echo")
        << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Icmpv6, PB::icmpv6Echo(false, 0x1234, 7),
                    {PB::routing(4, 2, QByteArray(16, 'r')), PB::authentication(0xcafe, 9)})
        << QList<int>{int(K::IPv6), int(K::Routing), int(K::Authentication), int(K::Icmpv6)}
        << QList<int>{40, 24, 16, 8};
    QTest::newRow("ESP") << PB::ipv6("2001:db8::1", "2001:db8::2", PB::Esp, PB::esp(0x42, 3, "ab"))
                         << QList<int>{int(K::IPv6), int(K::Esp)} << QList<int>{40, 10};
    QTest::newRow("TCP cut after 12 bytes")
        << ipv4Tcp(TcpFlag::Syn).left(32) << QList<int>{int(K::IPv4), int(K::Tcp)}
        << QList<int>{20, 12};
}

void TestPacketDecoder::walkNamesEveryHeaderInOrder()
{
    QFETCH(QByteArray, packet);
    QFETCH(QList<int>, kinds);
    QFETCH(QList<int>, lengths);

    const PacketWalk w = PacketDecoder::walk(PB::bytes(packet));
    QList<int> actualKinds;
    QList<int> actualLengths;
    std::size_t end = 0;
    for (const HeaderSpan &header : w.headers) {
        QCOMPARE(header.offset, end);
        end += header.length;
        actualKinds << int(header.kind);
        actualLengths << int(header.length);
    }
    QCOMPARE(actualKinds, kinds);
    QCOMPARE(actualLengths, lengths);
}

QTEST_GUILESS_MAIN(TestPacketDecoder)
#include "tst_packetdecoder.moc"
