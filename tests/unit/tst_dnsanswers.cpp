// DNS responses arrive from anyone who can send to port 53: these tests build real messages
// (answers, CNAME chains, compression) and broken ones (loops, forward pointers, cuts) and
// check what DnsAnswers learns from each, and that it refuses what it must.
#include "helper/names/DnsAnswers.h"

#include <QStringList>
#include <QTest>

#include <arpa/inet.h>

using namespace nfqmon;

namespace {

constexpr quint16 Response = 0x8180; // QR, RD, RA; RCODE 0
constexpr quint16 TypeA = 1;
constexpr quint16 TypeCname = 5;
constexpr quint16 TypeAaaa = 28;

QByteArray be16(quint16 v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}

QByteArray be32(quint32 v)
{
    return be16(quint16(v >> 16)) + be16(quint16(v));
}

QByteArray header(quint16 flags, int questions, int answers)
{
    return be16(0x1234) + be16(flags) + be16(quint16(questions)) + be16(quint16(answers)) +
           be16(0) + be16(0);
}

QByteArray pointer(int offset)
{
    return be16(quint16(0xc000 | offset));
}

// "www.example.com" as labels, ending in the root unless `pointerTo` ends it instead.
QByteArray name(const QByteArray &dotted, int pointerTo = -1)
{
    QByteArray out;
    if (!dotted.isEmpty())
        for (const QByteArray &label : dotted.split('.'))
            out += char(label.size()) + label;
    return pointerTo >= 0 ? out + pointer(pointerTo) : out + '\0';
}

QByteArray question(const QByteArray &wireName, quint16 type = TypeA)
{
    return wireName + be16(type) + be16(1);
}

QByteArray record(const QByteArray &owner, quint16 type, quint32 ttl, const QByteArray &data,
                  quint16 recordClass = 1)
{
    return owner + be16(type) + be16(recordClass) + be32(ttl) + be16(quint16(data.size())) + data;
}

QByteArray address(const char *text)
{
    unsigned char bytes[16];
    if (inet_pton(AF_INET, text, bytes) == 1)
        return QByteArray(reinterpret_cast<const char *>(bytes), 4);
    if (inet_pton(AF_INET6, text, bytes) == 1)
        return QByteArray(reinterpret_cast<const char *>(bytes), 16);
    qFatal("bad address %s", text);
}

// A response to `asked` (A) with `answers` records; the question's name starts at offset 12.
QByteArray response(const QByteArray &asked, const QList<QByteArray> &answers,
                    quint16 flags = Response)
{
    QByteArray m = header(flags, 1, int(answers.size())) + question(name(asked));
    for (const QByteArray &r : answers)
        m += r;
    return m;
}

std::span<const std::uint8_t> bytes(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())};
}

// "name owner address ttl" per answer.
QStringList describe(std::span<const DnsAddress> answers)
{
    QStringList out;
    for (const DnsAddress &a : answers) {
        char text[INET6_ADDRSTRLEN] = {};
        inet_ntop(a.family == NetworkProtocol::IPv4 ? AF_INET : AF_INET6, a.address.data(), text,
                  sizeof text);
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(QLatin1String(a.name.view().data(), qsizetype(a.name.view().size())),
                        QLatin1String(a.owner.view().data(), qsizetype(a.owner.view().size())),
                        QLatin1String(text))
                   .arg(a.ttl);
    }
    return out;
}

QStringList parsed(const QByteArray &message)
{
    std::array<DnsAddress, 16> out;
    return describe(std::span(out).first(DnsAnswers::parse(bytes(message), out)));
}

QStringList parsedTcp(const QByteArray &payload)
{
    std::array<DnsAddress, 16> out;
    return describe(std::span(out).first(DnsAnswers::parseTcp(bytes(payload), out)));
}

QByteArray chain(int links)
{
    // l0.example → l1.example → … → l<links>.example, which has the address.
    QList<QByteArray> answers;
    for (int i = 0; i < links; ++i)
        answers << record(name("l" + QByteArray::number(i) + ".example"), TypeCname, 300,
                          name("l" + QByteArray::number(i + 1) + ".example"));
    answers << record(name("l" + QByteArray::number(links) + ".example"), TypeA, 300,
                      address("192.0.2.9"));
    return response("l0.example", answers);
}

} // namespace

class TestDnsAnswers : public QObject
{
    Q_OBJECT

private slots:
    void responsesNameTheirAddresses_data();
    void responsesNameTheirAddresses();
    void brokenOrForeignMessagesGiveNothing_data();
    void brokenOrForeignMessagesGiveNothing();
    void tcpSegmentsHoldWholeMessages_data();
    void tcpSegmentsHoldWholeMessages();
    void writesNoMoreThanItIsGiven();
    void readsAtMostMaxRecords();
};

void TestDnsAnswers::responsesNameTheirAddresses_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("answers");
    const QByteArray ip = address("192.0.2.1");

    QTest::newRow("one A record") << response("www.example.com",
                                              {record(name("www.example.com"), TypeA, 300, ip)})
                                  << QStringList{"www.example.com www.example.com 192.0.2.1 300"};
    QTest::newRow("owner compressed to the question")
        << response("www.example.com", {record(pointer(12), TypeA, 300, ip)})
        << QStringList{"www.example.com www.example.com 192.0.2.1 300"};
    QTest::newRow("AAAA") << response("v6.example.com",
                                      {record(pointer(12), TypeAaaa, 60, address("2001:db8::53"))})
                          << QStringList{"v6.example.com v6.example.com 2001:db8::53 60"};
    QTest::newRow("upper case normalised")
        << response("WWW.Example.COM", {record(pointer(12), TypeA, 300, ip)})
        << QStringList{"www.example.com www.example.com 192.0.2.1 300"};
    {
        // www.example.org → cdn.example.net → A; the CNAME's target compressed into its owner's
        // suffix is not possible here, so the A's owner points at the CNAME's data (offset 45).
        const QByteArray m = response("www.example.org",
                                      {record(pointer(12), TypeCname, 60, name("cdn.example.net")),
                                       record(pointer(45), TypeA, 300, ip)});
        QTest::newRow("CNAME chain, compressed, the lower TTL")
            << m << QStringList{"www.example.org cdn.example.net 192.0.2.1 60"};
    }
    QTest::newRow("CNAME chain out of order")
        << response("a.example", {record(name("c.example"), TypeA, 30, ip),
                                  record(name("b.example"), TypeCname, 100, name("c.example")),
                                  record(name("a.example"), TypeCname, 200, name("b.example"))})
        << QStringList{"a.example c.example 192.0.2.1 30"};
    QTest::newRow("chain of MaxChain links")
        << chain(int(DnsAnswers::MaxChain)) << QStringList{"l0.example l8.example 192.0.2.9 300"};
    QTest::newRow("chain longer than MaxChain: the owner names it")
        << chain(int(DnsAnswers::MaxChain) + 1)
        << QStringList{"l9.example l9.example 192.0.2.9 300"};
    QTest::newRow("CNAME loop ends the chain")
        << response("a.example", {record(name("a.example"), TypeCname, 60, name("b.example")),
                                  record(name("b.example"), TypeCname, 60, name("a.example")),
                                  record(name("b.example"), TypeA, 60, ip)})
        << QStringList{"a.example b.example 192.0.2.1 60"};
    QTest::newRow("a record the question does not reach")
        << response("www.example.com", {record(name("other.example"), TypeA, 300, ip)})
        << QStringList{"other.example other.example 192.0.2.1 300"};
    QTest::newRow("several addresses")
        << response("multi.example", {record(pointer(12), TypeA, 10, ip),
                                      record(pointer(12), TypeA, 10, address("192.0.2.2")),
                                      record(pointer(12), TypeAaaa, 10, address("2001:db8::1"))})
        << QStringList{"multi.example multi.example 192.0.2.1 10",
                       "multi.example multi.example 192.0.2.2 10",
                       "multi.example multi.example 2001:db8::1 10"};
    QTest::newRow("TTL with its top bit set is zero")
        << response("www.example.com", {record(pointer(12), TypeA, 0x80000010u, ip)})
        << QStringList{"www.example.com www.example.com 192.0.2.1 0"};
    QTest::newRow("records not read are stepped over")
        << response("www.example.com",
                    {record(pointer(12), 16, 300, QByteArray("\x05hello", 6)), // TXT
                     record(pointer(12), TypeA, 300, QByteArray(5, '\1')),     // bad length
                     record(pointer(12), TypeA, 300, ip, 3),                   // class CH
                     record(name("1.2.3.4"), TypeA, 300, ip),                  // an address
                     record(QByteArray("\x03"
                                       "a.b\x00",
                                       5),
                            TypeA, 300, ip), // dot in a label
                     record(pointer(12), TypeA, 300, address("192.0.2.3"))})
        << QStringList{"www.example.com www.example.com 192.0.2.3 300"};
}

void TestDnsAnswers::responsesNameTheirAddresses()
{
    QFETCH(QByteArray, message);
    QFETCH(QStringList, answers);
    QCOMPARE(parsed(message), answers);
}

void TestDnsAnswers::brokenOrForeignMessagesGiveNothing_data()
{
    QTest::addColumn<QByteArray>("message");
    const QByteArray ip = address("192.0.2.1");
    const QByteArray good =
        response("www.example.com", {record(name("www.example.com"), TypeA, 300, ip)});

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("header only") << good.left(12);
    QTest::newRow("a query") << response("www.example.com", {record(pointer(12), TypeA, 300, ip)},
                                         0x0100);
    QTest::newRow("RCODE NXDOMAIN")
        << response("www.example.com", {record(pointer(12), TypeA, 300, ip)}, Response | 3);
    QTest::newRow("RCODE SERVFAIL")
        << response("www.example.com", {record(pointer(12), TypeA, 300, ip)}, Response | 2);
    QTest::newRow("two questions") << header(Response, 2, 1) + question(name("a.example")) +
                                          question(name("b.example")) +
                                          record(name("a.example"), TypeA, 300, ip);
    QTest::newRow("no question") << header(Response, 0, 1) +
                                        record(name("a.example"), TypeA, 300, ip);
    QTest::newRow("cut in the last record") << good.left(good.size() - 2);
    QTest::newRow("cut in the question") << good.left(20);
    QTest::newRow("more answers counted than there are") << header(Response, 1, 2) +
                                                                question(name("a.example")) +
                                                                record(pointer(12), TypeA, 300, ip);
    // The question's name is 17 bytes at 12: the answer's owner is at 33.
    QTest::newRow("pointer to itself")
        << response("www.example.com", {record(pointer(33), TypeA, 300, ip)});
    QTest::newRow("loop through a label") << response(
        "www.example.com", {record(QByteArray("\x01x", 2) + pointer(33), TypeA, 300, ip)});
    {
        // The owner points past its record, at a pointer back to the owner.
        QByteArray m = header(Response, 1, 1) + question(name("a.example"));
        const int owner = int(m.size());
        m += record(pointer(owner + 16), TypeA, 300, ip) + pointer(owner);
        QTest::newRow("pointer forward") << m;
    }
    QTest::newRow("question pointing forward") << header(Response, 1, 1) + pointer(17) +
                                                      be16(TypeA) + be16(1) +
                                                      record(name("a.example"), TypeA, 300, ip);
    QTest::newRow("label type 0x40")
        << header(Response, 1, 0) + QByteArray("\x41x\x00", 3) + be16(TypeA) + be16(1);
    QTest::newRow("name over 255 bytes")
        << response(QByteArray(60, 'a') + '.' + QByteArray(60, 'b') + '.' + QByteArray(60, 'c') +
                        '.' + QByteArray(60, 'd') + '.' + QByteArray(10, 'e'),
                    {record(pointer(12), TypeA, 300, ip)});
}

void TestDnsAnswers::brokenOrForeignMessagesGiveNothing()
{
    QFETCH(QByteArray, message);
    QCOMPARE(parsed(message), QStringList());
}

void TestDnsAnswers::tcpSegmentsHoldWholeMessages_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QStringList>("answers");
    const QByteArray first =
        response("one.example", {record(pointer(12), TypeA, 300, address("192.0.2.1"))});
    const QByteArray second =
        response("two.example", {record(pointer(12), TypeAaaa, 300, address("2001:db8::2"))});
    const QByteArray both =
        be16(quint16(first.size())) + first + be16(quint16(second.size())) + second;

    QTest::newRow("one message") << be16(quint16(first.size())) + first
                                 << QStringList{"one.example one.example 192.0.2.1 300"};
    QTest::newRow("two messages") << both
                                  << QStringList{"one.example one.example 192.0.2.1 300",
                                                 "two.example two.example 2001:db8::2 300"};
    QTest::newRow("the second cut: the first only")
        << both.left(both.size() - 1) << QStringList{"one.example one.example 192.0.2.1 300"};
    QTest::newRow("a query between them")
        << be16(quint16(first.size())) + first + be16(12) + header(0x0100, 0, 0) +
               be16(quint16(second.size())) + second
        << QStringList{"one.example one.example 192.0.2.1 300",
                       "two.example two.example 2001:db8::2 300"};
    QTest::newRow("the first cut: nothing") << both.left(first.size()) << QStringList();
    QTest::newRow("a length byte only") << QByteArray(1, '\0') << QStringList();
    QTest::newRow("without length prefix") << first << QStringList();
}

void TestDnsAnswers::tcpSegmentsHoldWholeMessages()
{
    QFETCH(QByteArray, payload);
    QFETCH(QStringList, answers);
    QCOMPARE(parsedTcp(payload), answers);
}

void TestDnsAnswers::writesNoMoreThanItIsGiven()
{
    QList<QByteArray> answers;
    for (int i = 0; i < 5; ++i)
        answers << record(pointer(12), TypeA, 300, address("192.0.2.1"));
    const QByteArray m = response("many.example", answers);
    std::array<DnsAddress, 3> out;
    QCOMPARE(DnsAnswers::parse(bytes(m), out), std::size_t(3));
    QCOMPARE(DnsAnswers::parse(bytes(m), std::span<DnsAddress>()), std::size_t(0));
    const QByteArray tcp = be16(quint16(m.size())) + m + be16(quint16(m.size())) + m;
    std::array<DnsAddress, 7> tcpOut;
    QCOMPARE(DnsAnswers::parseTcp(bytes(tcp), tcpOut), std::size_t(7));
}

void TestDnsAnswers::readsAtMostMaxRecords()
{
    // 100 records of which the last 36 are addresses: only the first MaxRecords are read.
    QList<QByteArray> answers;
    for (int i = 0; i < 64; ++i)
        answers << record(pointer(12), 16, 300, QByteArray("\x01x", 2));
    for (int i = 0; i < 36; ++i)
        answers << record(pointer(12), TypeA, 300, address("192.0.2.1"));
    std::array<DnsAddress, 64> out;
    QCOMPARE(DnsAnswers::parse(bytes(response("big.example", answers)), out), std::size_t(0));
    answers.swapItemsAt(0, 99);
    QCOMPARE(DnsAnswers::parse(bytes(response("big.example", answers)), out), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestDnsAnswers)
#include "tst_dnsanswers.moc"
