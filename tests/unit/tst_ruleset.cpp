// RuleSet and CompiledFilter: what a user's rule drops, and what a bad rule says.
#include "helper/protocol/RuleSet.h"

#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"

#include <QtTest>

#include <algorithm>
#include <vector>

using namespace nfqmon;
namespace PacketBuilder = nfqmon::test::PacketBuilder;

namespace {

// The packets the rules are matched against, built the same way in every test.
QByteArray udp(quint16 sourcePort, quint16 destinationPort)
{
    return PacketBuilder::udp(sourcePort, destinationPort, QByteArray("ping"));
}

// flags: the TCP flag byte (0x02 SYN, 0x10 ACK, 0x12 SYN-ACK, ...).
QByteArray tcp(quint16 sourcePort, quint16 destinationPort, quint8 flags)
{
    return PacketBuilder::tcp(sourcePort, destinationPort, flags);
}

QByteArray icmpEcho()
{
    return PacketBuilder::icmpEcho(false, 1, 1);
}

using PacketBuilder::ipv4;
using PacketBuilder::ipv6;
using namespace nfqmon::IpProtocol;

Rule rule(int id, const char *expression, const char *interface = "",
          RuleDirection direction = RuleDirection::Any, bool enabled = true)
{
    Rule r;
    r.id = id;
    r.expression = QString::fromUtf8(expression);
    r.interface = QString::fromUtf8(interface);
    r.direction = direction;
    r.enabled = enabled;
    return r;
}

int matchPacket(const RuleSet &set, const QByteArray &packet, const PacketContext &context,
                std::uint32_t caplen = UINT32_MAX)
{
    const auto size = static_cast<std::uint32_t>(packet.size());
    return set.match(reinterpret_cast<const std::uint8_t *>(packet.constData()),
                     std::min(caplen, size), size, context);
}

const PacketContext Incoming{Hook::PreRouting, "eth0", ""};

} // namespace

Q_DECLARE_METATYPE(nfqmon::Rule)
Q_DECLARE_METATYPE(nfqmon::Hook)
Q_DECLARE_METATYPE(nfqmon::RuleDirection)

class TestRuleSet : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void compileErrors_data();
    void compileErrors();
    void filterMatches_data();
    void filterMatches();
    void ruleOrder_data();
    void ruleOrder();
    void interfaceAndDirection_data();
    void interfaceAndDirection();
    void truncatedPacket_data();
    void truncatedPacket();
    void hostRulesMatchTheLearnedNames_data();
    void hostRulesMatchTheLearnedNames();
    void onlyEnabledHostRulesNeedNames();
};

void TestRuleSet::names()
{
    QCOMPARE(actionName(RuleAction::Drop), QStringLiteral("drop"));
    QCOMPARE(actionName(RuleAction::Accept), QStringLiteral("accept"));
    QCOMPARE(directionName(RuleDirection::Any), QStringLiteral("any"));
    QCOMPARE(directionName(RuleDirection::In), QStringLiteral("in"));
    QCOMPARE(directionName(RuleDirection::Out), QStringLiteral("out"));
}

void TestRuleSet::compileErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("libpcapMessage");

    QTest::newRow("typo in keyword")
        << QStringLiteral("udp and prt 53") << true << QStringLiteral("syntax error");
    QTest::newRow("unbalanced parenthesis")
        << QStringLiteral("(tcp or udp") << true << QStringLiteral("syntax error");
    QTest::newRow("bad IPv4 address") << QStringLiteral("host 999.1.1.1") << true
                                      << QStringLiteral("invalid IPv4 address '999.1.1.1'");
    QTest::newRow("port out of range") << QStringLiteral("udp port 99999") << true
                                       << QStringLiteral("illegal port number 99999 > 65535");
    QTest::newRow("ethernet on raw IP") << QStringLiteral("ether host 00:11:22:33:44:55") << true
                                        << QStringLiteral("ethernet addresses supported only");
    QTest::newRow("mask too long")
        << QStringLiteral("net 10.0.0.0/33") << true << QStringLiteral("mask length must be <= 32");
    QTest::newRow("disabled rules must compile too")
        << QStringLiteral("udp and prt 53") << false << QStringLiteral("syntax error");
    QTest::newRow("too long") << QStringLiteral("tcp or ").repeated(600) + QStringLiteral("udp")
                              << true << QStringLiteral("too long (4203 characters, at most 4096)");
}

void TestRuleSet::compileErrors()
{
    QFETCH(QString, expression);
    QFETCH(bool, enabled);
    QFETCH(QString, libpcapMessage);

    // A valid rule before the bad one: the error must name the bad one.
    const std::vector<Rule> rules{rule(1, "tcp"), rule(7, "", "", RuleDirection::Any, enabled)};
    std::vector<Rule> withBad = rules;
    withBad[1].expression = expression;

    QString error;
    QVERIFY(!RuleSet::compile(withBad, &error));
    QVERIFY2(error.startsWith(QStringLiteral("rule 7 (%1): ").arg(expression)), qPrintable(error));
    QVERIFY2(error.contains(libpcapMessage), qPrintable(error));

    QString filterError;
    QVERIFY(!CompiledFilter::compile(expression, &filterError));
    QVERIFY2(filterError.contains(libpcapMessage), qPrintable(filterError));

    // The same set with a valid expression in its place compiles.
    error.clear();
    QVERIFY2(RuleSet::compile(rules, &error), qPrintable(error));
    QCOMPARE(error, QString());
}

void TestRuleSet::filterMatches_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<bool>("matches");

    const QByteArray dns = ipv4("10.0.0.5", "10.0.0.53", Udp, udp(40000, 53));
    const QByteArray dnsReply = ipv4("10.0.0.53", "10.0.0.5", Udp, udp(53, 40000));
    const QByteArray syn = ipv4("192.168.1.2", "93.184.216.34", Tcp, tcp(51000, 443, 0x02));
    const QByteArray ack = ipv4("192.168.1.2", "93.184.216.34", Tcp, tcp(51000, 443, 0x10));
    const QByteArray ping = ipv4("172.16.0.1", "172.16.0.2", Icmp, icmpEcho());
    const QByteArray v6Syn = ipv6("2001:db8::1", "2001:db8::2", Tcp, tcp(5000, 80, 0x02));
    const QByteArray v6Dns = ipv6("2001:db8::1", "2001:db8::53", Udp, udp(5000, 53));

    QTest::newRow("empty matches all") << QString() << syn << true;
    QTest::newRow("blank matches all") << QStringLiteral("  ") << v6Dns << true;
    QTest::newRow("host, source") << QStringLiteral("host 10.0.0.5") << dns << true;
    QTest::newRow("host, destination") << QStringLiteral("host 10.0.0.5") << dnsReply << true;
    QTest::newRow("host, other") << QStringLiteral("host 10.0.0.6") << dns << false;
    QTest::newRow("src host is not dst") << QStringLiteral("src host 10.0.0.53") << dns << false;
    QTest::newRow("net") << QStringLiteral("net 192.168.0.0/16") << syn << true;
    QTest::newRow("net, other") << QStringLiteral("net 192.168.0.0/24") << syn << false;
    QTest::newRow("udp dst port") << QStringLiteral("udp and dst port 53") << dns << true;
    QTest::newRow("udp dst port, reply")
        << QStringLiteral("udp and dst port 53") << dnsReply << false;
    QTest::newRow("udp port, tcp packet") << QStringLiteral("udp port 443") << syn << false;
    QTest::newRow("tcp syn flag set")
        << QStringLiteral("tcp[tcpflags] & tcp-syn != 0") << syn << true;
    QTest::newRow("tcp syn flag clear")
        << QStringLiteral("tcp[tcpflags] & tcp-syn != 0") << ack << false;
    QTest::newRow("icmp") << QStringLiteral("icmp") << ping << true;
    QTest::newRow("icmp, udp packet") << QStringLiteral("icmp") << dns << false;
    QTest::newRow("ip6 host") << QStringLiteral("ip6 host 2001:db8::2") << v6Syn << true;
    QTest::newRow("ip6 host, other") << QStringLiteral("ip6 host 2001:db8::3") << v6Syn << false;
    QTest::newRow("ip6 host, IPv4 packet")
        << QStringLiteral("ip6 host 2001:db8::2") << syn << false;
    QTest::newRow("ip, IPv6 packet") << QStringLiteral("ip") << v6Syn << false;
    QTest::newRow("udp port on IPv6") << QStringLiteral("udp port 53") << v6Dns << true;
    QTest::newRow("tcp dst port on IPv6") << QStringLiteral("tcp dst port 80") << v6Syn << true;
}

void TestRuleSet::filterMatches()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, packet);
    QFETCH(bool, matches);

    QString error;
    const std::optional<CompiledFilter> filter = CompiledFilter::compile(expression, &error);
    QVERIFY2(filter, qPrintable(error));
    QCOMPARE(filter->expression(), expression);
    const auto size = static_cast<std::uint32_t>(packet.size());
    QCOMPARE(
        filter->matches(reinterpret_cast<const std::uint8_t *>(packet.constData()), size, size),
        matches);

    // Through a rule set, a match is the rule's index; no match is the default, -1.
    const auto set = RuleSet::compile({rule(4, expression.toUtf8().constData())}, &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(matchPacket(*set, packet, Incoming), matches ? 0 : -1);
}

void TestRuleSet::ruleOrder_data()
{
    QTest::addColumn<QList<Rule>>("rules");
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("expected");

    const QByteArray dns = ipv4("10.0.0.5", "10.0.0.53", Udp, udp(40000, 53));

    QTest::newRow("no rules") << QList<Rule>{} << dns << -1;
    QTest::newRow("none matches") << QList<Rule>{rule(1, "tcp"), rule(2, "icmp")} << dns << -1;
    QTest::newRow("first of two matches wins")
        << QList<Rule>{rule(1, "udp"), rule(2, "host 10.0.0.5")} << dns << 0;
    QTest::newRow("later rule when earlier misses")
        << QList<Rule>{rule(1, "tcp"), rule(2, "icmp"), rule(3, "udp port 53")} << dns << 2;
    QTest::newRow("disabled rule skipped")
        << QList<Rule>{rule(1, "udp", "", RuleDirection::Any, false), rule(2, "host 10.0.0.5")}
        << dns << 1;
    QTest::newRow("only disabled rules")
        << QList<Rule>{rule(1, "udp", "", RuleDirection::Any, false)} << dns << -1;
    QTest::newRow("rule on other interface skipped")
        << QList<Rule>{rule(1, "udp", "eth1"), rule(2, "udp", "eth0")} << dns << 1;
}

void TestRuleSet::ruleOrder()
{
    QFETCH(QList<Rule>, rules);
    QFETCH(QByteArray, packet);
    QFETCH(int, expected);

    QString error;
    const auto set = RuleSet::compile(std::vector<Rule>(rules.begin(), rules.end()), &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(set->size(), std::size_t(rules.size()));
    QVERIFY(std::equal(set->rules().begin(), set->rules().end(), rules.begin(), rules.end()));
    QCOMPARE(matchPacket(*set, packet, Incoming), expected);
}

void TestRuleSet::interfaceAndDirection_data()
{
    QTest::addColumn<QString>("interface");
    QTest::addColumn<RuleDirection>("direction");
    QTest::addColumn<Hook>("hook");
    QTest::addColumn<QString>("inInterface");
    QTest::addColumn<QString>("outInterface");
    QTest::addColumn<bool>("matches");

    const auto In = RuleDirection::In;
    const auto Out = RuleDirection::Out;
    const auto Any = RuleDirection::Any;
    const auto Pre = Hook::PreRouting;
    const auto Output = Hook::Output;
    const QString eth0 = QStringLiteral("eth0");
    const QString eth1 = QStringLiteral("eth1");
    const QString none;

    // clang-format off
    QTest::newRow("any/any, arriving")       << none << Any << Pre    << eth0 << none << true;
    QTest::newRow("any/any, leaving")        << none << Any << Output << none << eth0 << true;
    QTest::newRow("in, arriving")            << none << In  << Pre    << eth0 << none << true;
    QTest::newRow("in, leaving")             << none << In  << Output << none << eth0 << false;
    QTest::newRow("out, leaving")            << none << Out << Output << none << eth0 << true;
    QTest::newRow("out, arriving")           << none << Out << Pre    << eth0 << none << false;
    QTest::newRow("eth0 in, on eth0")        << eth0 << In  << Pre    << eth0 << none << true;
    QTest::newRow("eth0 in, on eth1")        << eth0 << In  << Pre    << eth1 << none << false;
    QTest::newRow("eth0 out, on eth0")       << eth0 << Out << Output << none << eth0 << true;
    QTest::newRow("eth0 out, on eth1")       << eth0 << Out << Output << none << eth1 << false;
    QTest::newRow("eth0 any, in on eth0")    << eth0 << Any << Pre    << eth0 << none << true;
    QTest::newRow("eth0 any, out on eth0")   << eth0 << Any << Output << none << eth0 << true;
    QTest::newRow("eth0 any, in on eth1")    << eth0 << Any << Pre    << eth1 << none << false;
    QTest::newRow("eth0 any, out on eth1")   << eth0 << Any << Output << none << eth1 << false;
    // The interface that counts is the one of the packet's hook, not the other one.
    QTest::newRow("eth0 in, out iface eth0") << eth0 << In  << Pre    << eth1 << eth0 << false;
    QTest::newRow("eth0 out, in iface eth0") << eth0 << Out << Output << eth0 << eth1 << false;
    QTest::newRow("eth0 any, no interface")  << eth0 << Any << Pre    << none << none << false;
    QTest::newRow("prefix is not a match")   << QStringLiteral("eth") << Any << Pre << eth0 << none
                                             << false;
    QTest::newRow("longer is not a match")   << QStringLiteral("eth00") << Any << Pre << eth0
                                             << none << false;
    // clang-format on
}

void TestRuleSet::interfaceAndDirection()
{
    QFETCH(QString, interface);
    QFETCH(RuleDirection, direction);
    QFETCH(Hook, hook);
    QFETCH(QString, inInterface);
    QFETCH(QString, outInterface);
    QFETCH(bool, matches);

    Rule r = rule(9, "udp");
    r.interface = interface;
    r.direction = direction;
    QString error;
    const auto set = RuleSet::compile({r}, &error);
    QVERIFY2(set, qPrintable(error));

    const QByteArray in = inInterface.toUtf8();
    const QByteArray out = outInterface.toUtf8();
    const PacketContext context{hook, std::string_view(in.constData(), std::size_t(in.size())),
                                std::string_view(out.constData(), std::size_t(out.size()))};
    const QByteArray packet = ipv4("10.0.0.5", "10.0.0.53", Udp, udp(40000, 53));
    QCOMPARE(matchPacket(*set, packet, context), matches ? 0 : -1);

    // The filter still decides: a TCP packet never matches this UDP rule.
    const QByteArray other = ipv4("10.0.0.5", "10.0.0.53", Tcp, tcp(1, 2, 0x02));
    QCOMPARE(matchPacket(*set, other, context), -1);
}

void TestRuleSet::truncatedPacket_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("caplen");
    QTest::addColumn<int>("expected");

    const QByteArray dns = ipv4("10.0.0.5", "10.0.0.53", Udp, udp(40000, 53));
    const QByteArray syn = ipv4("192.168.1.2", "93.184.216.34", Tcp, tcp(51000, 443, 0x02));
    const QByteArray v6Dns = ipv6("2001:db8::1", "2001:db8::53", Udp, udp(5000, 53));

    QTest::newRow("port beyond caplen") << QStringLiteral("udp dst port 53") << dns << 20 << -1;
    QTest::newRow("port within caplen") << QStringLiteral("udp dst port 53") << dns << 24 << 0;
    QTest::newRow("tcp flags beyond caplen")
        << QStringLiteral("tcp[tcpflags] & tcp-syn != 0") << syn << 30 << -1;
    QTest::newRow("address within caplen") << QStringLiteral("host 10.0.0.53") << dns << 20 << 0;
    QTest::newRow("IPv6 address beyond caplen")
        << QStringLiteral("ip6 host 2001:db8::53") << v6Dns << 30 << -1;
    QTest::newRow("nothing captured") << QStringLiteral("ip or ip6") << dns << 0 << -1;
    QTest::newRow("nothing captured, empty filter") << QString() << dns << 0 << 0;
}

void TestRuleSet::truncatedPacket()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, packet);
    QFETCH(int, caplen);
    QFETCH(int, expected);

    QString error;
    const auto set = RuleSet::compile({rule(1, expression.toUtf8().constData())}, &error);
    QVERIFY2(set, qPrintable(error));
    // Only caplen bytes are handed over, in a buffer of exactly that size, so that the address
    // sanitizer sees any read past them.
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(packet.constData());
    const std::vector<std::uint8_t> captured(bytes, bytes + caplen);
    const auto wire = static_cast<std::uint32_t>(packet.size());
    QCOMPARE(set->match(captured.data(), std::uint32_t(caplen), wire, Incoming), expected);
}

void TestRuleSet::hostRulesMatchTheLearnedNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("names"); // the packet's learned names
    QTest::addColumn<bool>("matches");

    const QString name = QStringLiteral("a.example.org");
    const QString domain = QStringLiteral("*.example.org");
    // clang-format off
    QTest::newRow("no host: any packet")          << QString() << QStringList{} << true;
    QTest::newRow("name, the same name")          << name << QStringList{"a.example.org"} << true;
    QTest::newRow("name, among others")
        << name << QStringList{"cdn.example.net", "a.example.org"} << true;
    QTest::newRow("name, another name")           << name << QStringList{"b.example.org"} << false;
    QTest::newRow("name, a name under it")        << name << QStringList{"x.a.example.org"} << false;
    QTest::newRow("name, its domain")             << name << QStringList{"example.org"} << false;
    QTest::newRow("name, no name learned")        << name << QStringList{} << false;
    QTest::newRow("name written in upper case")
        << QStringLiteral("A.Example.ORG.") << QStringList{"a.example.org"} << true;
    QTest::newRow("domain, the domain itself")    << domain << QStringList{"example.org"} << true;
    QTest::newRow("domain, a name under it")      << domain << QStringList{"a.example.org"} << true;
    QTest::newRow("domain, deeper under it")      << domain << QStringList{"x.y.example.org"} << true;
    QTest::newRow("domain, a longer label")       << domain << QStringList{"badexample.org"} << false;
    QTest::newRow("domain, a suffix of it")       << domain << QStringList{"org"} << false;
    QTest::newRow("domain, another domain")       << domain << QStringList{"example.net"} << false;
    QTest::newRow("domain, no name learned")      << domain << QStringList{} << false;
    QTest::newRow("domain, the second name")
        << domain << QStringList{"cdn.example.net", "img.example.org"} << true;
    // clang-format on
}

void TestRuleSet::hostRulesMatchTheLearnedNames()
{
    QFETCH(QString, host);
    QFETCH(QStringList, names);
    QFETCH(bool, matches);

    Rule r = rule(4, "udp");
    r.host = host;
    QString error;
    const auto set = RuleSet::compile({r}, &error);
    QVERIFY2(set, qPrintable(error));

    std::vector<QByteArray> bytes;
    for (const QString &name : names)
        bytes.push_back(name.toLatin1());
    std::vector<std::string_view> views;
    for (const QByteArray &name : bytes)
        views.emplace_back(name.constData(), std::size_t(name.size()));
    PacketContext context = Incoming;
    context.hostNames = views;
    const QByteArray packet = ipv4("10.0.0.5", "10.0.0.53", Udp, udp(40000, 53));
    const QByteArray other = ipv4("10.0.0.5", "10.0.0.53", Tcp, tcp(1, 2, 0x02));
    const auto *data = reinterpret_cast<const std::uint8_t *>(packet.constData());
    const auto size = std::uint32_t(packet.size());
    const PacketSummary summary = PacketDecoder::summarize({data, size});

    QCOMPARE(set->matchLinear(data, size, size, context), matches ? 0 : -1);
    context.summary = &summary; // through the index, the same answer
    QCOMPARE(set->match(data, size, size, context), matches ? 0 : -1);
    // The name alone does not decide: the filter still has to match.
    QCOMPARE(matchPacket(*set, other, context), -1);
}

void TestRuleSet::onlyEnabledHostRulesNeedNames()
{
    Rule byHost = rule(1, "udp");
    byHost.host = QStringLiteral("*.example.org");
    Rule disabled = byHost;
    disabled.id = 2;
    disabled.enabled = false;
    QString error;
    const auto plain = RuleSet::compile({rule(3, "udp")}, &error);
    const auto off = RuleSet::compile({disabled, rule(3, "udp")}, &error);
    const auto on = RuleSet::compile({rule(3, "tcp"), byHost}, &error);
    QVERIFY2(plain && off && on, qPrintable(error));
    QVERIFY(!plain->needsHostNames());
    QVERIFY(!off->needsHostNames());
    QVERIFY(on->needsHostNames());
    QVERIFY(!on->needsProcess());
}

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
