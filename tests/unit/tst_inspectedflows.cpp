// What the queue threads decide with an inspection depth, without the kernel: BypassKey names
// both directions of a TCP or UDP connection alike (as bypass.bpf.c does) and nothing else
// (fragments, ICMP, IPv6 extension headers); InspectedFlows hands a flow to the kernel at its
// N-th inspected packet, again under each new generation of the rules, and starts counting
// again at a SYN, after an idle spell, or when another flow took its slot.
#include "helper/bypass/InspectedFlows.h"
#include "helper/protocol/BypassKey.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>

using namespace nfqmon;

namespace {

PacketSummary packet(int family, std::uint8_t transport, const char *source, std::uint16_t sport,
                     const char *destination, std::uint16_t dport)
{
    PacketSummary s;
    s.network = family == 4 ? NetworkProtocol::IPv4 : NetworkProtocol::IPv6;
    s.transport = transport;
    inet_pton(family == 4 ? AF_INET : AF_INET6, source, s.source.data());
    inet_pton(family == 4 ? AF_INET : AF_INET6, destination, s.destination.data());
    s.sourcePort = sport;
    s.destinationPort = dport;
    s.flags = SummaryFlag::HasPorts;
    if (transport == IPPROTO_TCP) {
        s.flags |= SummaryFlag::HasTcpFlags;
        s.tcpFlags = TcpFlag::Ack;
    }
    return s;
}

PacketSummary reply(PacketSummary s)
{
    std::swap(s.source, s.destination);
    std::swap(s.sourcePort, s.destinationPort);
    return s;
}

constexpr std::int64_t Second = 1'000'000'000;

} // namespace

class tst_InspectedFlows : public QObject
{
    Q_OBJECT

private slots:
    void bothDirectionsShareAKey_data();
    void bothDirectionsShareAKey();
    void onlyTcpAndUdpWithPortsHaveKeys_data();
    void onlyTcpAndUdpWithPortsHaveKeys();
    void theNthPacketHandsTheFlowOver();
    void aNewGenerationDecidesAgain();
    void aSynOrAnIdleSpellStartsAgain();
    void aFlowThatLostItsSlotStartsAgain();
};

void tst_InspectedFlows::bothDirectionsShareAKey_data()
{
    QTest::addColumn<PacketSummary>("summary");
    QTest::newRow("UDP over IPv4") << packet(4, IPPROTO_UDP, "10.0.0.2", 5353, "10.0.0.1", 53);
    QTest::newRow("TCP over IPv6") << packet(6, IPPROTO_TCP, "fd00::9", 443, "fd00::1", 40000);
    QTest::newRow("one address, two ports")
        << packet(4, IPPROTO_UDP, "127.0.0.1", 6000, "127.0.0.1", 5000);
}

void tst_InspectedFlows::bothDirectionsShareAKey()
{
    QFETCH(PacketSummary, summary);
    const auto forward = BypassKey::of(summary);
    const auto back = BypassKey::of(reply(summary));
    QVERIFY(forward && back);
    QVERIFY(*forward == *back);
    // The lower endpoint first, the port in network order, as the kernel programs read them.
    const nfq_bypass_key &k = forward->raw;
    QCOMPARE(int(k.family), summary.network == NetworkProtocol::IPv4 ? 4 : 6);
    QCOMPARE(k.protocol, summary.transport);
    const int order = std::memcmp(k.low, k.high, sizeof k.low);
    QVERIFY(order < 0 || (order == 0 && ntohs(k.low_port) < ntohs(k.high_port)));
    QVERIFY(ntohs(k.low_port) == summary.sourcePort ||
            ntohs(k.low_port) == summary.destinationPort);
    // Another port is another flow.
    PacketSummary other = summary;
    ++other.sourcePort;
    QVERIFY(!(*BypassKey::of(other) == *forward));
}

void tst_InspectedFlows::onlyTcpAndUdpWithPortsHaveKeys_data()
{
    QTest::addColumn<PacketSummary>("summary");
    QTest::addColumn<bool>("keyed");
    const PacketSummary udp = packet(4, IPPROTO_UDP, "10.0.0.2", 1000, "10.0.0.1", 53);
    QTest::newRow("UDP") << udp << true;
    PacketSummary fragment = udp;
    fragment.flags |= SummaryFlag::Fragment;
    QTest::newRow("a fragment") << fragment << false;
    PacketSummary icmp = packet(4, IPPROTO_ICMP, "10.0.0.2", 0, "10.0.0.1", 0);
    icmp.flags = SummaryFlag::HasIcmp;
    QTest::newRow("ICMP") << icmp << false;
    PacketSummary sctp = udp;
    sctp.transport = IPPROTO_SCTP;
    QTest::newRow("SCTP") << sctp << false;
    PacketSummary extension = packet(6, IPPROTO_UDP, "fd00::2", 1000, "fd00::1", 53);
    extension.flags |= SummaryFlag::HasOptions;
    QTest::newRow("IPv6 with extension headers") << extension << false;
    PacketSummary options = udp;
    options.flags |= SummaryFlag::HasOptions;
    QTest::newRow("IPv4 with options") << options << true;
    PacketSummary cut = udp;
    cut.missing = Missing::TransportHeader;
    QTest::newRow("a header cut off") << cut << false;
}

void tst_InspectedFlows::onlyTcpAndUdpWithPortsHaveKeys()
{
    QFETCH(PacketSummary, summary);
    QFETCH(bool, keyed);
    QCOMPARE(BypassKey::of(summary).has_value(), keyed);
}

void tst_InspectedFlows::theNthPacketHandsTheFlowOver()
{
    InspectedFlows flows(3);
    const auto key = *BypassKey::of(packet(4, IPPROTO_UDP, "10.0.0.2", 1000, "10.0.0.1", 53));
    const auto back =
        *BypassKey::of(reply(packet(4, IPPROTO_UDP, "10.0.0.2", 1000, "10.0.0.1", 53)));
    QVERIFY(!flows.count(key, 1, 1 * Second));
    QVERIFY(!flows.count(back, 1, 1 * Second)); // a reply counts for the same flow
    QVERIFY(flows.count(key, 1, 1 * Second));   // the third: stored by the caller
    flows.stored(key, 1);
    QVERIFY(!flows.count(key, 1, 2 * Second)); // in flight when it was stored: not again
    // Not stored (the kernel refused): the next packet tries again.
    InspectedFlows unstored(1);
    QVERIFY(unstored.count(key, 1, Second));
    QVERIFY(unstored.count(key, 1, Second));
}

void tst_InspectedFlows::aNewGenerationDecidesAgain()
{
    InspectedFlows flows(2);
    const auto key = *BypassKey::of(packet(6, IPPROTO_TCP, "fd00::2", 40000, "fd00::1", 443));
    flows.count(key, 1, Second);
    QVERIFY(flows.count(key, 1, Second));
    flows.stored(key, 1);
    // The rules changed: the flow's next packet is inspected and decides again, once.
    QVERIFY(flows.count(key, 2, Second));
    flows.stored(key, 2);
    QVERIFY(!flows.count(key, 2, Second));
}

void tst_InspectedFlows::aSynOrAnIdleSpellStartsAgain()
{
    InspectedFlows flows(2);
    PacketSummary s = packet(4, IPPROTO_TCP, "10.0.0.2", 40000, "10.0.0.1", 22);
    const auto key = *BypassKey::of(s);
    flows.count(key, 1, Second);
    QVERIFY(flows.count(key, 1, Second));
    flows.stored(key, 1);
    // The same ports, a new connection: counted from its SYN, which itself is never stored.
    s.tcpFlags = TcpFlag::Syn;
    const auto syn = *BypassKey::of(s);
    QVERIFY(syn.opening);
    QVERIFY(syn == key);
    QVERIFY(!flows.count(syn, 1, 2 * Second));
    QVERIFY(flows.count(key, 1, 2 * Second));
    flows.stored(key, 1);
    // Idle longer than the kernel keeps a decision: a new flow.
    const std::int64_t later = 2 * Second + std::int64_t(NFQ_BYPASS_IDLE_NS) + 1;
    QVERIFY(!flows.count(key, 1, later));
    QVERIFY(flows.count(key, 1, later));
}

void tst_InspectedFlows::aFlowThatLostItsSlotStartsAgain()
{
    // One slot: each flow takes it from the other, and neither is handed over.
    InspectedFlows flows(2, 1);
    const auto a = *BypassKey::of(packet(4, IPPROTO_UDP, "10.0.0.2", 1000, "10.0.0.1", 53));
    const auto b = *BypassKey::of(packet(4, IPPROTO_UDP, "10.0.0.3", 1000, "10.0.0.1", 53));
    for (int i = 0; i < 4; ++i) {
        QVERIFY(!flows.count(a, 1, Second));
        QVERIFY(!flows.count(b, 1, Second));
    }
    QVERIFY(!flows.count(a, 1, Second));
    QVERIFY(flows.count(a, 1, Second));
}

QTEST_GUILESS_MAIN(tst_InspectedFlows)
#include "tst_inspectedflows.moc"
