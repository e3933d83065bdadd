// RuleSuggestion offers, for the chosen packets, rules from the source, to the destination, for
// the conversation, to the port and for the protocol. Every expression compiles for link type
// RAW, matches each packet it came from, and among many other packets matches exactly those
// with the same property; items a packet cannot support (no port, no IP) are left out.
#include "app/display/SummaryText.h"
#include "app/store/RuleSuggestion.h"
#include "helper/protocol/CompiledFilter.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QTest>

using namespace nfqmon;
using namespace nfqmon::test;

using Items = QList<RuleSuggestion::Item>;
Q_DECLARE_METATYPE(RuleSuggestion::Item)

namespace {

using namespace PacketBuilder;

// The second fragment of a UDP datagram: no transport header.
QByteArray laterUdpFragment()
{
    Ipv4Options options;
    options.fragmentOffset = 64;
    return ipv4("10.0.0.1", "10.0.0.2", Udp, QByteArray(16, 'f'), options);
}

TestPacket make(const QByteArray &bytes)
{
    return testPacket(bytes, 1'700'000'000'000'000'000);
}

StoredPacket stored(const TestPacket &t)
{
    StoredPacket p;
    p.packetLength = t.record.packetLength;
    p.capturedLength = t.record.capturedLength;
    p.summary = t.record.summary;
    return p;
}

QByteArray address(const PacketSummary &s, bool source)
{
    const auto &a = source ? s.source : s.destination;
    return QByteArray(1, char(s.network)) +
           QByteArray(reinterpret_cast<const char *>(a.data()), 16);
}

bool portVisible(const PacketSummary &s)
{
    return (s.flags & SummaryFlag::HasPorts) && !(s.flags & SummaryFlag::LaterFragment) &&
           !(s.network == NetworkProtocol::IPv6 && (s.flags & SummaryFlag::HasOptions)) &&
           (s.transport == Tcp || s.transport == Udp || s.transport == Sctp);
}

bool hasExtensions(const PacketSummary &s)
{
    return s.network == NetworkProtocol::IPv6 && (s.flags & SummaryFlag::HasOptions);
}

// The test's own statement of what an item means, for a packet of the pool.
bool shouldMatch(const QString &label, const QList<TestPacket> &chosen, const PacketSummary &s)
{
    if (s.network == NetworkProtocol::Unknown || s.missing == Missing::NetworkHeader)
        return false;
    for (const TestPacket &c : chosen) {
        const PacketSummary &k = c.record.summary;
        if (label.startsWith("From ") && address(k, true) == address(s, true))
            return true;
        if (label.startsWith("To port ") && portVisible(s) && s.transport == k.transport &&
            s.destinationPort == k.destinationPort)
            return true;
        if (label.startsWith("To ") && !label.startsWith("To port ") &&
            address(k, false) == address(s, false))
            return true;
        if (label.startsWith("Conversation ")) {
            const QSet<QByteArray> a{address(k, true), address(k, false)};
            const QSet<QByteArray> b{address(s, true), address(s, false)};
            if (a == b)
                return true;
        }
        if (label.startsWith("Protocol ") && s.transport == k.transport) {
            if (!hasExtensions(s))
                return true;
            // libpcap finds a protocol behind IPv6 extension headers only with protochain,
            // which the item adds when a chosen packet needed it.
            for (const TestPacket &d : chosen) {
                if (d.record.summary.transport == s.transport && hasExtensions(d.record.summary))
                    return true;
            }
        }
    }
    return false;
}

QList<TestPacket> pool()
{
    QList<TestPacket> packets = mixedPackets(300);
    packets << make(ipv4("10.0.0.2", "10.0.0.1", Udp, udp(53, 5353, "a")))
            << make(ipv4("10.0.0.1", "10.0.0.3", Udp, udp(5353, 53, "a")))
            << make(ipv4("10.0.0.1", "10.0.0.2", Tcp, tcp(5353, 53, TcpFlag::Syn)))
            << make(ipv6("2001:db8::1", "2001:db8::2", Udp, udp(1, 53, "x"), {hopByHop()}))
            << make(ipv6("2001:db8::1", "2001:db8::2", Udp, udp(1, 53, "x")))
            << make(ipv6("2001:db8::5", "2001:db8::2", Esp, esp(7, 1, "data")))
            << make(ipv4("192.0.2.1", "192.0.2.2", Esp, esp(7, 1, "data")))
            << make(laterUdpFragment()) << make(QByteArray("\x00\x01\x02\x03", 4));
    return packets;
}

} // namespace

class tst_RuleSuggestion : public QObject
{
    Q_OBJECT

private slots:
    void suggestions_data();
    void suggestions();
};

void tst_RuleSuggestion::suggestions_data()
{
    QTest::addColumn<QList<TestPacket>>("chosen");
    QTest::addColumn<Items>("expected");

    const TestPacket dns = make(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(5353, 53, "q")));
    const TestPacket answer = make(ipv4("10.0.0.2", "10.0.0.1", Udp, udp(53, 5353, "a")));
    const TestPacket web6 =
        make(ipv6("2001:db8::1", "2001:db8::80", Tcp, tcp(40000, 443, TcpFlag::Syn)));
    const TestPacket ping = make(ipv4("10.0.0.9", "10.0.0.1", Icmp, icmpEcho(false, 1, 1)));
    const TestPacket hopByHopUdp =
        make(ipv6("2001:db8::1", "2001:db8::2", Udp, udp(1, 53, "x"), {hopByHop()}));
    const TestPacket laterFragment = make(laterUdpFragment());
    const TestPacket esp6 = make(ipv6("2001:db8::5", "2001:db8::2", Esp, esp(7, 1, "data")));

    QTest::newRow("one IPv4 UDP packet")
        << QList<TestPacket>{dns}
        << Items{{"From 10.0.0.1", "src host 10.0.0.1"},
                 {"To 10.0.0.2", "dst host 10.0.0.2"},
                 {"Conversation 10.0.0.1 ⇄ 10.0.0.2", "host 10.0.0.1 and host 10.0.0.2"},
                 {"To port 53/udp", "udp dst port 53"},
                 {"Protocol UDP", "udp"}};
    QTest::newRow("one IPv6 TCP packet") << QList<TestPacket>{web6}
                                         << Items{{"From 2001:db8::1", "src host 2001:db8::1"},
                                                  {"To 2001:db8::80", "dst host 2001:db8::80"},
                                                  {"Conversation 2001:db8::1 ⇄ 2001:db8::80",
                                                   "host 2001:db8::1 and host 2001:db8::80"},
                                                  {"To port 443/tcp", "tcp dst port 443"},
                                                  {"Protocol TCP", "tcp"}};
    QTest::newRow("both ways of one conversation")
        << QList<TestPacket>{dns, answer, dns}
        << Items{{"From 10.0.0.1, 10.0.0.2", "src host 10.0.0.1 or src host 10.0.0.2"},
                 {"To 10.0.0.2, 10.0.0.1", "dst host 10.0.0.2 or dst host 10.0.0.1"},
                 {"Conversation 10.0.0.1 ⇄ 10.0.0.2", "host 10.0.0.1 and host 10.0.0.2"},
                 {"To port 53/udp, 5353/udp", "udp dst port 53 or udp dst port 5353"},
                 {"Protocol UDP", "udp"}};
    QTest::newRow("two conversations, no common port")
        << QList<TestPacket>{dns, ping}
        << Items{{"From 10.0.0.1, 10.0.0.9", "src host 10.0.0.1 or src host 10.0.0.9"},
                 {"To 10.0.0.2, 10.0.0.1", "dst host 10.0.0.2 or dst host 10.0.0.1"},
                 {"Conversation 10.0.0.1 ⇄ 10.0.0.2, 10.0.0.9 ⇄ 10.0.0.1",
                  "(host 10.0.0.1 and host 10.0.0.2) or (host 10.0.0.1 and host 10.0.0.9)"},
                 {"Protocol UDP, ICMP", "udp or icmp"}};
    QTest::newRow("IPv6 extension headers") << QList<TestPacket>{hopByHopUdp}
                                            << Items{{"From 2001:db8::1", "src host 2001:db8::1"},
                                                     {"To 2001:db8::2", "dst host 2001:db8::2"},
                                                     {"Conversation 2001:db8::1 ⇄ 2001:db8::2",
                                                      "host 2001:db8::1 and host 2001:db8::2"},
                                                     {"Protocol UDP", "udp or ip6 protochain 17"}};
    QTest::newRow("later fragment")
        << QList<TestPacket>{laterFragment}
        << Items{{"From 10.0.0.1", "src host 10.0.0.1"},
                 {"To 10.0.0.2", "dst host 10.0.0.2"},
                 {"Conversation 10.0.0.1 ⇄ 10.0.0.2", "host 10.0.0.1 and host 10.0.0.2"},
                 {"Protocol UDP", "udp"}};
    QTest::newRow("protocol without a keyword")
        << QList<TestPacket>{esp6}
        << Items{
               {"From 2001:db8::5", "src host 2001:db8::5"},
               {"To 2001:db8::2", "dst host 2001:db8::2"},
               {"Conversation 2001:db8::5 ⇄ 2001:db8::2", "host 2001:db8::2 and host 2001:db8::5"},
               {"Protocol ESP", "ip proto 50 or ip6 proto 50"}};
    QList<TestPacket> many;
    for (int i = 1; i <= 5; ++i)
        many.append(make(ipv4(QByteArray("10.1.0." + QByteArray::number(i)).constData(), "10.0.0.2",
                              Udp, udp(5353, 53, "q"))));
    QTest::newRow("many sources")
        << many
        << Items{{"From 10.1.0.1, 10.1.0.2, 10.1.0.3 and 2 more",
                  "src host 10.1.0.1 or src host 10.1.0.2 or src host 10.1.0.3 or "
                  "src host 10.1.0.4 or src host 10.1.0.5"},
                 {"To 10.0.0.2", "dst host 10.0.0.2"},
                 {"Conversation 10.1.0.1 ⇄ 10.0.0.2, 10.1.0.2 ⇄ 10.0.0.2, 10.1.0.3 ⇄ 10.0.0.2 "
                  "and 2 more",
                  "(host 10.0.0.2 and host 10.1.0.1) or (host 10.0.0.2 and host 10.1.0.2) or "
                  "(host 10.0.0.2 and host 10.1.0.3) or (host 10.0.0.2 and host 10.1.0.4) or "
                  "(host 10.0.0.2 and host 10.1.0.5)"},
                 {"To port 53/udp", "udp dst port 53"},
                 {"Protocol UDP", "udp"}};
    QTest::newRow("not IP") << QList<TestPacket>{make(QByteArray("\x00\x01\x02\x03", 4))}
                            << Items{};
    QTest::newRow("IP and not IP")
        << QList<TestPacket>{dns, make(QByteArray("\x00\x01\x02\x03", 4))} << Items{};
    QTest::newRow("nothing chosen") << QList<TestPacket>{} << Items{};
}

void tst_RuleSuggestion::suggestions()
{
    QFETCH(QList<TestPacket>, chosen);
    QFETCH(Items, expected);
    QList<StoredPacket> packets;
    for (const TestPacket &t : chosen)
        packets.append(stored(t));
    const Items items = RuleSuggestion::forPackets(packets);
    for (qsizetype i = 0; i < std::min(items.size(), expected.size()); ++i) {
        QCOMPARE(items[i].label, expected[i].label);
        QCOMPARE(items[i].expression, expected[i].expression);
    }
    QCOMPARE(items.size(), expected.size());

    const QList<TestPacket> others = pool() + chosen;
    for (const RuleSuggestion::Item &item : items) {
        QString error;
        const auto filter = CompiledFilter::compile(item.expression, &error);
        QVERIFY2(filter, qPrintable(item.expression + ": " + error));
        for (const TestPacket &p : others) {
            const bool match = filter->matches(PacketBuilder::bytes(p.bytes).data(),
                                               p.record.capturedLength, p.record.packetLength);
            if (match != shouldMatch(item.label, chosen, p.record.summary))
                QFAIL(qPrintable(QStringLiteral("\"%1\" %2 %3")
                                     .arg(item.expression, match ? "matches" : "misses",
                                          SummaryText::info(p.record.summary))));
        }
    }
}

QTEST_GUILESS_MAIN(tst_RuleSuggestion)
#include "tst_rulesuggestion.moc"
