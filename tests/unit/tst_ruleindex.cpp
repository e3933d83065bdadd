// RuleAnchor and RuleIndex: which expressions get an anchor (and which must not), and that
// matching through the index gives exactly the answer of trying every rule, over rule sets and
// packets chosen to catch a wrong anchor: hosts, networks, ports and protocols that do and do not
// fit, fragments, IPv6 extension headers, SCTP and DCCP ports, truncated packets, disabled rules
// and rules bound to an interface or direction.
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/RuleAnchor.h"
#include "helper/protocol/RuleSet.h"
#include "tests/support/core/PacketBuilder.h"

#include <QtTest>

#include <arpa/inet.h>

#include <random>

using namespace nfqmon;
namespace PB = nfqmon::test::PacketBuilder;

class tst_RuleIndex : public QObject
{
    Q_OBJECT

private slots:
    void anchors_data();
    void anchors();
    void indexAgreesWithEveryRule_data();
    void indexAgreesWithEveryRule();
    void manyRulesMeetFewCandidates();
};

void tst_RuleIndex::anchors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("anchor"); // "" for none

    QTest::newRow("host") << "host 10.0.0.5"
                          << "host 10.0.0.5/32";
    QTest::newRow("src host, widened") << "src host 10.0.0.5"
                                       << "host 10.0.0.5/32";
    QTest::newRow("ip host") << "ip host 10.0.0.5"
                             << "host 10.0.0.5/32";
    QTest::newRow("ip6 host") << "ip6 host fd00::5"
                              << "host fd00::5/128";
    QTest::newRow("ip with an IPv6 address") << "ip host fd00::5"
                                             << "";
    QTest::newRow("net") << "net 10.1.0.0/16"
                         << "net 10.1.0.0/16";
    QTest::newRow("dst net v6") << "dst net fd00:77::/32"
                                << "net fd00:77::/32";
    QTest::newRow("net without length") << "net 10.1"
                                        << "";
    QTest::newRow("port") << "port 53"
                          << "port 53";
    QTest::newRow("udp dst port") << "udp dst port 53"
                                  << "port 53";
    QTest::newRow("conjunction: best anchor") << "udp and dst port 53"
                                              << "port 53";
    QTest::newRow("host beats port") << "tcp port 80 and host 10.0.0.5"
                                     << "host 10.0.0.5/32";
    QTest::newRow("C operators") << "udp && dst port 53"
                                 << "port 53";
    QTest::newRow("protocol") << "udp"
                              << "protocol 17";
    QTest::newRow("icmp6") << "icmp6"
                           << "protocol 58";
    QTest::newRow("family") << "ip6"
                            << "family 6";
    QTest::newRow("or: none") << "host 10.0.0.5 or port 53"
                              << "";
    QTest::newRow("|| : none") << "port 53 || port 54"
                               << "";
    QTest::newRow("or before and: none") << "udp or tcp and port 53"
                                         << "";
    QTest::newRow("or in parentheses") << "(host 10.0.0.5 or host 10.0.0.6) and port 53"
                                       << "port 53";
    QTest::newRow("negated: none") << "not host 10.0.0.5"
                                   << "";
    QTest::newRow("! negated: none") << "!port 53"
                                     << "";
    QTest::newRow("negation elsewhere") << "host 10.0.0.5 and not port 53"
                                        << "host 10.0.0.5/32";
    QTest::newRow("bare value inherits: not guessed") << "port 80 and 443"
                                                      << "port 80";
    QTest::newRow("host name: libpcap's") << "host example.org"
                                          << "";
    QTest::newRow("service name") << "port domain"
                                  << "";
    QTest::newRow("port range") << "portrange 1-100"
                                << "";
    QTest::newRow("empty: none") << ""
                                 << "";
    QTest::newRow("length test") << "len > 100"
                                 << "";
    QTest::newRow("upper case") << "UDP and HOST 10.0.0.5"
                                << "host 10.0.0.5/32";
}

void tst_RuleIndex::anchors()
{
    QFETCH(QString, expression);
    QFETCH(QString, anchor);
    const std::optional<RuleAnchor> a = RuleAnchor::of(expression);
    QString got;
    if (a) {
        char text[INET6_ADDRSTRLEN] = {};
        switch (a->kind) {
        case RuleAnchor::Kind::Host:
        case RuleAnchor::Kind::Net:
            inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->address.data(), text, sizeof text);
            got = QStringLiteral("%1 %2/%3")
                      .arg(a->kind == RuleAnchor::Kind::Host ? "host" : "net", text)
                      .arg(a->prefixLength);
            break;
        case RuleAnchor::Kind::Port:
            got = QStringLiteral("port %1").arg(a->port);
            break;
        case RuleAnchor::Kind::Protocol:
            got = QStringLiteral("protocol %1").arg(a->protocol);
            break;
        case RuleAnchor::Kind::Family:
            got = QStringLiteral("family %1").arg(a->family);
            break;
        }
    }
    QCOMPARE(got, anchor);
}

namespace {

QList<QByteArray> packets()
{
    QList<QByteArray> list;
    const QByteArray payload("payload of a test packet");
    for (const char *src : {"10.0.0.5", "10.1.2.3", "192.0.2.7"}) {
        for (const char *dst : {"10.0.0.6", "10.1.200.1", "198.51.100.9"}) {
            list.append(PB::ipv4(src, dst, PB::Udp, PB::udp(5353, 53, payload)));
            list.append(PB::ipv4(src, dst, PB::Tcp, PB::tcp(40000, 80, 0x02)));
            list.append(PB::ipv4(src, dst, PB::Tcp, PB::tcp(443, 51000, 0x12)));
            list.append(PB::ipv4(src, dst, PB::Icmp, PB::icmpEcho(false, 1, 1)));
            list.append(PB::ipv4(src, dst, PB::Sctp, PB::sctp(53, 2905, 7)));
            list.append(PB::ipv4(src, dst, PB::Dccp, PB::dccp(53, 5004, 0)));
            PB::Ipv4Options first;
            first.moreFragments = true;
            list.append(PB::ipv4(src, dst, PB::Udp, PB::udp(5353, 53, payload), first));
            PB::Ipv4Options later;
            later.fragmentOffset = 64;
            list.append(PB::ipv4(src, dst, PB::Udp, payload, later));
            PB::Ipv4Options options;
            options.options = QByteArray("\x94\x04\x00\x00", 4); // router alert
            list.append(PB::ipv4(src, dst, PB::Udp, PB::udp(1234, 53, payload), options));
        }
    }
    for (const char *src : {"fd00::5", "fd00:77::1", "2001:db8::1"}) {
        for (const char *dst : {"fd00::6", "fd00:77:1::2"}) {
            list.append(PB::ipv6(src, dst, PB::Udp, PB::udp(5353, 53, payload)));
            list.append(PB::ipv6(src, dst, PB::Tcp, PB::tcp(40000, 80, 0x02)));
            list.append(PB::ipv6(src, dst, PB::Icmpv6, PB::icmpv6Echo(false, 1, 1)));
            list.append(PB::ipv6(src, dst, PB::Udp, PB::udp(5353, 53, payload), {PB::hopByHop()}));
            list.append(PB::ipv6(src, dst, PB::Udp, PB::udp(5353, 53, payload),
                                 {PB::fragment(0, true, 0x99)}));
            list.append(PB::ipv6(src, dst, PB::Udp, payload, {PB::fragment(64, false, 0x99)}));
            list.append(PB::ipv6(src, dst, PB::Tcp, PB::tcp(22, 40000, 0x10),
                                 {PB::destinationOptions(), PB::routing(0, 0)}));
        }
    }
    // Cut short: the decoder misses something, and the index must not guess.
    const QList<QByteArray> whole = list;
    for (const QByteArray &packet : whole) {
        list.append(packet.left(22));
        list.append(packet.left(44));
    }
    list.append(QByteArray("\x45", 1));
    list.append(QByteArray(40, '\0'));
    return list;
}

Rule rule(int id, const QString &expression, const char *interface = "",
          RuleDirection direction = RuleDirection::Any, bool enabled = true)
{
    Rule r;
    r.id = id;
    r.expression = expression;
    r.interface = QLatin1String(interface);
    r.direction = direction;
    r.enabled = enabled;
    return r;
}

} // namespace

void tst_RuleIndex::indexAgreesWithEveryRule_data()
{
    QTest::addColumn<QStringList>("expressions");
    QTest::newRow("hosts") << QStringList{"host 10.0.0.6", "src host 192.0.2.7",
                                          "dst host 10.1.2.3", "ip6 host fd00::6"};
    QTest::newRow("nets") << QStringList{"net 10.1.0.0/16", "dst net 198.51.100.0/24",
                                         "net fd00::/16", "src net 10.0.0.0/8"};
    QTest::newRow("ports") << QStringList{"port 53",          "udp dst port 53",
                                          "tcp src port 443", "sctp port 2905",
                                          "port 5004",        "tcp port 80 and host 10.0.0.5"};
    QTest::newRow("protocols and families")
        << QStringList{"udp", "icmp", "icmp6", "ip6", "ip", "tcp and ip6"};
    QTest::newRow("no anchor") << QStringList{"len > 60", "host 10.0.0.5 or port 80", "not udp",
                                              "ip[8] = 64", "port 53 and 80"};
    QTest::newRow("unanchored before anchored")
        << QStringList{"len > 20", "udp", "host 10.0.0.6", "ip6 and len > 40", "tcp"};
    QTest::newRow("mixed, order matters") << QStringList{"udp and dst port 53",
                                                         "net 10.0.0.0/8",
                                                         "len > 100",
                                                         "host 10.0.0.6",
                                                         "icmp",
                                                         "ip6 and udp",
                                                         "tcp"};
}

void tst_RuleIndex::indexAgreesWithEveryRule()
{
    QFETCH(QStringList, expressions);
    std::vector<Rule> rules;
    int id = 1;
    for (const QString &expression : expressions) {
        rules.push_back(rule(id++, expression));
        // The same rule bound to an interface, a direction, and disabled: the index must
        // leave those checks to the rule.
        rules.push_back(rule(id++, expression, "vethB"));
        rules.push_back(rule(id++, expression, "", RuleDirection::Out));
        rules.push_back(rule(id++, expression, "", RuleDirection::Any, false));
    }
    // Shuffled as well: first match must still win.
    std::mt19937 random(42);
    for (int round = 0; round < 2; ++round) {
        QString error;
        const auto set = RuleSet::compile(rules, &error);
        QVERIFY2(set, qPrintable(error));
        int matched = 0;
        for (const QByteArray &packet : packets()) {
            const PacketSummary summary = PacketDecoder::summarize(PB::bytes(packet));
            for (const Hook hook : {Hook::PreRouting, Hook::Output}) {
                for (const char *interface : {"vethA", "vethB"}) {
                    const PacketContext context{hook, interface, interface, &summary};
                    const auto *bytes = reinterpret_cast<const std::uint8_t *>(packet.constData());
                    const auto length = std::uint32_t(packet.size());
                    const int indexed = set->match(bytes, length, length, context);
                    const int linear = set->matchLinear(bytes, length, length, context);
                    QVERIFY2(indexed == linear,
                             qPrintable(QStringLiteral("%1 vs %2 for %3")
                                            .arg(indexed)
                                            .arg(linear)
                                            .arg(QString::fromLatin1(packet.toHex()))));
                    matched += linear >= 0;
                }
            }
        }
        QVERIFY(matched > 0); // the rows say something
        std::shuffle(rules.begin(), rules.end(), random);
    }
}

void tst_RuleIndex::manyRulesMeetFewCandidates()
{
    std::vector<Rule> rules;
    for (int i = 0; i < 1000; ++i) {
        const QString expression = i % 3 == 0 ? QStringLiteral("host 192.0.2.%1").arg(i % 250 + 1)
                                   : i % 3 == 1
                                       ? QStringLiteral("udp and dst port %1").arg(20000 + i)
                                       : QStringLiteral("net 198.51.%1.0/24").arg(i % 250);
        rules.push_back(rule(i + 1, expression));
    }
    QString error;
    const auto set = RuleSet::compile(rules, &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(set->index().unanchored(), std::size_t(0));
    const QByteArray packet = PB::ipv4("10.0.0.5", "10.99.0.9", PB::Udp, PB::udp(5000, 9));
    const PacketSummary summary = PacketDecoder::summarize(PB::bytes(packet));
    std::vector<std::uint32_t> candidates;
    QVERIFY(set->index().candidates(summary, &candidates));
    QVERIFY(candidates.empty());
    const QByteArray hit = PB::ipv4("192.0.2.7", "10.99.0.9", PB::Udp, PB::udp(5000, 20001));
    const PacketSummary hitSummary = PacketDecoder::summarize(PB::bytes(hit));
    QVERIFY(set->index().candidates(hitSummary, &candidates));
    QVERIFY2(candidates.size() <= 4, qPrintable(QString::number(candidates.size())));
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(hit.constData());
    const int first = set->match(bytes, std::uint32_t(hit.size()), std::uint32_t(hit.size()),
                                 PacketContext{Hook::PreRouting, "eth0", {}, &hitSummary, nullptr, {}});
    QCOMPARE(first, set->matchLinear(bytes, std::uint32_t(hit.size()), std::uint32_t(hit.size()),
                                     PacketContext{Hook::PreRouting, "eth0", {}, nullptr, nullptr, {}}));
    QVERIFY(first >= 0);
}

QTEST_GUILESS_MAIN(tst_RuleIndex)
#include "tst_ruleindex.moc"
