// HostNames: which name a packet gets from what earlier packets said (DNS answers, a TLS
// ClientHello, an HTTP request), which end of the packet the name belongs to, how long it
// lives, and that a flood of names costs no more memory than the fixed tables and evicts only
// the names nobody used lately.
#include "helper/names/HostNames.h"
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/QuicInitialBuilder.h"

#include <QtTest>

using namespace nfqmon;
namespace Build = nfqmon::test::PacketBuilder;

namespace {

constexpr std::int64_t Second = 1'000'000'000;

QByteArray dnsName(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &label : name.split('.')) {
        out += char(label.size());
        out += label;
    }
    return out + '\0';
}

// A response to "A? name" with one A record for `address` (TTL `ttl`).
QByteArray dnsAnswer(const QByteArray &name, const std::array<std::uint8_t, 4> &address,
                     std::uint32_t ttl)
{
    QByteArray m("\x12\x34\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00", 12);
    m += dnsName(name) + QByteArray("\x00\x01\x00\x01", 4);
    m += QByteArray("\xc0\x0c\x00\x01\x00\x01", 6); // a pointer to the question's name
    for (int shift = 24; shift >= 0; shift -= 8)
        m += char(ttl >> shift);
    m += QByteArray("\x00\x04", 2);
    m += QByteArray(reinterpret_cast<const char *>(address.data()), 4);
    return m;
}

QByteArray tlsClientHello(const char *name)
{
    const auto hello = nfqmon::test::QuicInitialBuilder::clientHello(name);
    QByteArray record("\x16\x03\x01", 3);
    record += char(hello.size() >> 8);
    record += char(hello.size() & 0xff);
    return record +
           QByteArray(reinterpret_cast<const char *>(hello.data()), qsizetype(hello.size()));
}

struct Packet {
    QByteArray bytes;
    PacketSummary summary;
};

Packet packet(const QByteArray &bytes)
{
    return {bytes, PacketDecoder::summarize(Build::bytes(bytes))};
}

std::span<const std::uint8_t> span(const Packet &p)
{
    return {reinterpret_cast<const std::uint8_t *>(p.bytes.constData()),
            std::size_t(p.bytes.size())};
}

std::string nameOf(const HostNames &names, const HostRef &host)
{
    std::string name;
    if (host.id && !names.name(host.id, &name))
        return "(forgotten)";
    return name;
}

// What `names` says of a UDP datagram between this machine (10.0.0.1) and `remote`.
std::string hostOfDatagram(HostNames &names, const char *remote, Hook hook, std::int64_t now,
                           std::uint16_t port = 4000)
{
    const Packet p =
        hook == Hook::Output
            ? packet(Build::ipv4("10.0.0.1", remote, Build::Udp, Build::udp(40000, port)))
            : packet(Build::ipv4(remote, "10.0.0.1", Build::Udp, Build::udp(port, 40000)));
    return nameOf(names, names.hostOf(p.summary, hook, now));
}

void learnAnswer(HostNames &names, const QByteArray &name,
                 const std::array<std::uint8_t, 4> &address, std::uint32_t ttl, std::int64_t now)
{
    const Packet answer = packet(Build::ipv4("10.0.0.53", "10.0.0.1", Build::Udp,
                                             Build::udp(53, 40000, dnsAnswer(name, address, ttl))));
    names.learn(answer.summary, span(answer), Hook::PreRouting, now);
}

} // namespace

class tst_HostNamesTable : public QObject
{
    Q_OBJECT

private slots:
    void aDnsAnswerNamesTheRemoteEnd_data();
    void aDnsAnswerNamesTheRemoteEnd();
    void namesLiveForTheirTtlWithAFloor_data();
    void namesLiveForTheirTtlWithAFloor();
    void aServerNameNamesItsFlowBothWays();
    void aConnectionKeepsItsNamePastTheTtl();
    void rulesSeeEveryNameOfThePacket();
    void aLaterAnswerDoesNotChangeAConnectionUnderWay_data();
    void aLaterAnswerDoesNotChangeAConnectionUnderWay();
    void aFloodOfNamesCostsFixedMemory();
    void recentlyUsedNamesSurviveAFlood();
};

void tst_HostNamesTable::aDnsAnswerNamesTheRemoteEnd_data()
{
    QTest::addColumn<int>("hook");
    QTest::addColumn<QByteArray>("remote");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("out, to it") << int(Hook::Output) << QByteArray("10.1.2.3")
                                << QByteArray("a.test");
    QTest::newRow("in, from it") << int(Hook::PreRouting) << QByteArray("10.1.2.3")
                                 << QByteArray("a.test");
    QTest::newRow("another address") << int(Hook::Output) << QByteArray("10.1.2.4") << QByteArray();
}

void tst_HostNamesTable::aDnsAnswerNamesTheRemoteEnd()
{
    QFETCH(int, hook);
    QFETCH(QByteArray, remote);
    QFETCH(QByteArray, expected);
    HostNames names;
    const std::int64_t now = 1000 * Second;
    QCOMPARE(hostOfDatagram(names, remote.constData(), Hook(hook), now), std::string());
    learnAnswer(names, "A.Test", {10, 1, 2, 3}, 300, now);
    // A flow that begins after the answer has the name; the one that began before keeps none.
    QCOMPARE(hostOfDatagram(names, remote.constData(), Hook(hook), now + Second, 4001),
             expected.toStdString());
    QCOMPARE(hostOfDatagram(names, remote.constData(), Hook(hook), now + Second), std::string());
    if (!expected.isEmpty()) {
        const Packet p =
            packet(Build::ipv4("10.0.0.1", remote.constData(), Build::Udp, Build::udp(1, 2)));
        QCOMPARE(names.hostOf(p.summary, Hook::Output, now).source, HostSource::Dns);
    }
}

void tst_HostNamesTable::namesLiveForTheirTtlWithAFloor_data()
{
    QTest::addColumn<std::uint32_t>("ttl");
    QTest::addColumn<int>("aliveSeconds");
    QTest::newRow("TTL 300") << 300u << 300;
    QTest::newRow("TTL 5: the 60 s floor") << 5u << 60;
    QTest::newRow("TTL 0: the floor") << 0u << 60;
    QTest::newRow("TTL a week: a day at most") << 604800u << 86400;
}

void tst_HostNamesTable::namesLiveForTheirTtlWithAFloor()
{
    QFETCH(std::uint32_t, ttl);
    QFETCH(int, aliveSeconds);
    HostNames names;
    const std::int64_t now = 1000 * Second;
    learnAnswer(names, "a.test", {10, 1, 2, 3}, ttl, now);
    QCOMPARE(hostOfDatagram(names, "10.1.2.3", Hook::Output, now + (aliveSeconds - 1) * Second),
             std::string("a.test"));
    // A new flow then (the one above keeps the name it began with).
    QCOMPARE(
        hostOfDatagram(names, "10.1.2.3", Hook::Output, now + (aliveSeconds + 1) * Second, 4001),
        std::string());
}

void tst_HostNamesTable::aServerNameNamesItsFlowBothWays()
{
    HostNames names;
    const std::int64_t now = 1000 * Second;
    // The address has a DNS name already; the flow says which of its names it wants.
    learnAnswer(names, "cdn.example.net", {10, 1, 2, 3}, 300, now);
    const Packet hello = packet(
        Build::ipv4("10.0.0.1", "10.1.2.3", Build::Tcp,
                    Build::tcp(40001, 443, 0x18, 1, 1, {}, tlsClientHello("tls.example.test"))));
    names.learn(hello.summary, span(hello), Hook::Output, now + Second);
    const Packet reply =
        packet(Build::ipv4("10.1.2.3", "10.0.0.1", Build::Tcp, Build::tcp(443, 40001, 0x10)));
    const HostRef back = names.hostOf(reply.summary, Hook::PreRouting, now);
    QCOMPARE(nameOf(names, back), std::string("tls.example.test"));
    QCOMPARE(back.source, HostSource::Tls);
    // Another flow to the address: the name learned last for it (the server name names the
    // address too, for a while).
    const Packet other =
        packet(Build::ipv4("10.0.0.1", "10.1.2.3", Build::Tcp, Build::tcp(40002, 443, 0x10)));
    QCOMPARE(nameOf(names, names.hostOf(other.summary, Hook::Output, now)),
             std::string("tls.example.test"));

    // An HTTP request names its flow too.
    const Packet request =
        packet(Build::ipv4("10.0.0.1", "10.1.2.9", Build::Tcp,
                           Build::tcp(40003, 80, 0x18, 1, 1, {},
                                      "GET / HTTP/1.1\r\nHost: web.example.test:8080\r\n\r\n")));
    names.learn(request.summary, span(request), Hook::Output, now);
    const HostRef web = names.hostOf(request.summary, Hook::Output, now);
    QCOMPARE(nameOf(names, web), std::string("web.example.test"));
    QCOMPARE(web.source, HostSource::Http);
}

void tst_HostNamesTable::aConnectionKeepsItsNamePastTheTtl()
{
    HostNames names;
    const std::int64_t now = 1000 * Second;
    learnAnswer(names, "a.test", {10, 1, 2, 3}, 60, now);
    const Packet syn =
        packet(Build::ipv4("10.0.0.1", "10.1.2.3", Build::Tcp, Build::tcp(40001, 22, 0x02)));
    QCOMPARE(nameOf(names, names.hostOf(syn.summary, Hook::Output, now)), std::string("a.test"));
    // An hour later: the answer has expired, the connection still goes to a.test; a new
    // datagram to the address has no name.
    const std::int64_t later = now + 3600 * Second;
    const Packet data =
        packet(Build::ipv4("10.1.2.3", "10.0.0.1", Build::Tcp, Build::tcp(22, 40001, 0x18)));
    QCOMPARE(nameOf(names, names.hostOf(data.summary, Hook::PreRouting, later)),
             std::string("a.test"));
    QCOMPARE(hostOfDatagram(names, "10.1.2.3", Hook::Output, later), std::string());
}

void tst_HostNamesTable::rulesSeeEveryNameOfThePacket()
{
    HostNames names;
    const std::int64_t now = 1000 * Second;
    learnAnswer(names, "a.test", {10, 1, 2, 3}, 300, now);
    learnAnswer(names, "b.example.test", {10, 1, 2, 3}, 300, now + 1);
    const Packet p = packet(Build::ipv4("10.0.0.1", "10.1.2.3", Build::Udp, Build::udp(1, 2)));
    PacketHostNames all;
    const HostRef host = names.hostOf(p.summary, Hook::Output, now + 2, &all);
    QCOMPARE(nameOf(names, host), std::string("b.example.test")); // the latest
    QStringList seen;
    for (std::string_view name : all.span())
        seen.append(QString::fromLatin1(name.data(), qsizetype(name.size())));
    seen.sort();
    QCOMPARE(seen, (QStringList{QStringLiteral("a.test"), QStringLiteral("b.example.test")}));
}

namespace {
QStringList namesFor(HostNames &names, const Packet &p, Hook hook, std::int64_t now)
{
    PacketHostNames all;
    names.hostOf(p.summary, hook, now, &all);
    QStringList seen;
    for (std::string_view name : all.span())
        seen.append(QString::fromLatin1(name.data(), qsizetype(name.size())));
    seen.sort();
    return seen;
}
} // namespace

void tst_HostNamesTable::aLaterAnswerDoesNotChangeAConnectionUnderWay_data()
{
    QTest::addColumn<bool>("serverName");
    QTest::addColumn<bool>("udp");
    QTest::newRow("a TCP connection, named at its SYN") << false << false;
    QTest::newRow("a TLS connection, named by its ClientHello") << true << false;
    QTest::newRow("a UDP flow, named at its first datagram") << false << true;
}

// A forged answer gives the address another name while a connection to it is under way: the
// connection's packets are judged by the names they had (rules see no new name), a new
// connection to the address by every name.
void tst_HostNamesTable::aLaterAnswerDoesNotChangeAConnectionUnderWay()
{
    QFETCH(bool, serverName);
    QFETCH(bool, udp);
    HostNames names;
    std::int64_t now = 1000 * Second;
    learnAnswer(names, "a.test", {10, 1, 2, 3}, 3600, now);
    const Packet syn =
        packet(Build::ipv4("10.0.0.1", "10.1.2.3", udp ? Build::Udp : Build::Tcp,
                           udp ? Build::udp(40001, 443) : Build::tcp(40001, 443, 0x02)));
    names.learn(syn.summary, span(syn), Hook::Output, ++now);
    names.hostOf(syn.summary, Hook::Output, now);
    if (serverName) {
        const Packet hello =
            packet(Build::ipv4("10.0.0.1", "10.1.2.3", Build::Tcp,
                               Build::tcp(40001, 443, 0x18, 1, 1, {}, tlsClientHello("a.test"))));
        names.learn(hello.summary, span(hello), Hook::Output, ++now);
        names.hostOf(hello.summary, Hook::Output, now);
    }
    learnAnswer(names, "evil.test", {10, 1, 2, 3}, 3600, ++now);

    const Packet reply =
        packet(Build::ipv4("10.1.2.3", "10.0.0.1", udp ? Build::Udp : Build::Tcp,
                           udp ? Build::udp(443, 40001) : Build::tcp(443, 40001, 0x18)));
    QCOMPARE(namesFor(names, reply, Hook::PreRouting, ++now), QStringList{"a.test"});
    const Packet other =
        packet(Build::ipv4("10.0.0.1", "10.1.2.3", udp ? Build::Udp : Build::Tcp,
                           udp ? Build::udp(40002, 443) : Build::tcp(40002, 443, 0x02)));
    const QStringList both{QStringLiteral("a.test"), QStringLiteral("evil.test")};
    QCOMPARE(namesFor(names, other, Hook::Output, now), both);
    if (udp) {
        // A UDP flow has no end: idle for three minutes, as conntrack's, it begins anew.
        QCOMPARE(namesFor(names, reply, Hook::PreRouting, now + 170 * Second),
                 QStringList{"a.test"});
        QCOMPARE(namesFor(names, reply, Hook::PreRouting, now + 351 * Second), both);
    }
}

void tst_HostNamesTable::aFloodOfNamesCostsFixedMemory()
{
    HostNameLimits limits;
    limits.addresses = 1024;
    limits.flows = 256;
    HostNames names(limits);
    const std::size_t fixed = names.stats().memoryBytes;
    QVERIFY(fixed > 0);
    const std::int64_t now = 1000 * Second;
    // 100,000 forged answers, each a new name for a new address.
    for (std::uint32_t i = 0; i < 100000; ++i)
        learnAnswer(names, "n" + QByteArray::number(i) + ".flood.test",
                    {10, std::uint8_t(i >> 16), std::uint8_t(i >> 8), std::uint8_t(i)}, 300, now);
    const HostNameStats stats = names.stats();
    QCOMPARE(stats.memoryBytes, fixed);
    QCOMPARE(stats.learned, std::uint64_t(100000));
    QVERIFY2(stats.evicted >= 100000 - 1024, qPrintable(QString::number(stats.evicted)));
}

void tst_HostNamesTable::recentlyUsedNamesSurviveAFlood()
{
    HostNameLimits limits;
    limits.addresses = 1024;
    HostNames names(limits);
    std::int64_t now = 1000 * Second;
    learnAnswer(names, "kept.test", {10, 200, 0, 1}, 300, now);
    const Packet p = packet(Build::ipv4("10.0.0.1", "10.200.0.1", Build::Udp, Build::udp(1, 2)));
    const HostRef before = names.hostOf(p.summary, Hook::Output, now);
    const HostRef forgotten = [&] {
        learnAnswer(names, "gone.test", {10, 200, 0, 2}, 300, now);
        const Packet q =
            packet(Build::ipv4("10.0.0.1", "10.200.0.2", Build::Udp, Build::udp(1, 2)));
        return names.hostOf(q.summary, Hook::Output, now);
    }();
    // A flood, while kept.test's address keeps being used and gone.test's is not.
    for (std::uint32_t i = 0; i < 20000; ++i) {
        now += 1000;
        learnAnswer(names, "n" + QByteArray::number(i) + ".flood.test",
                    {10, std::uint8_t(i >> 16), std::uint8_t(i >> 8), std::uint8_t(i)}, 300, now);
        if (i % 4 == 0)
            names.hostOf(p.summary, Hook::Output, now);
    }
    // A new flow to the address: the same entry all along.
    const Packet fresh =
        packet(Build::ipv4("10.0.0.1", "10.200.0.1", Build::Udp, Build::udp(3, 2)));
    const HostRef after = names.hostOf(fresh.summary, Hook::Output, now);
    QCOMPARE(nameOf(names, after), std::string("kept.test"));
    QCOMPARE(after.id, before.id);
    // The unused one went, and its id names nothing (never another name).
    QCOMPARE(nameOf(names, forgotten), std::string("(forgotten)"));
}

QTEST_GUILESS_MAIN(tst_HostNamesTable)
#include "tst_hostnamestable.moc"
