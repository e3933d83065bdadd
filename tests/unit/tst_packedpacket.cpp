// PackedPacket: a StoredPacket survives packing into 56 bytes, every field the window uses
// (verdict, hook, family and what the decoder missed share a byte), and AddressTable gives each
// distinct address one id, readable while it grows, and forgets an address with its last use,
// giving its id to a later one.
#include "app/store/AddressTable.h"
#include "app/store/PackedPacket.h"

#include <QTest>

#include <arpa/inet.h>

#include <map>
#include <random>

using namespace nfqmon;

namespace {

AddressTable::Address address(const char *text)
{
    AddressTable::Address a{};
    if (inet_pton(AF_INET, text, a.data()) != 1)
        inet_pton(AF_INET6, text, a.data());
    return a;
}

} // namespace

class tst_PackedPacket : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void addressesOncePerAddress();
    void addressesGoWithTheirLastUse();
    void manyUsesAndReleasesAgreeWithAMap();
};

void tst_PackedPacket::roundTrip_data()
{
    QTest::addColumn<int>("network");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<int>("hook");
    QTest::addColumn<int>("missing");
    QTest::newRow("IPv4 accepted in") << 4 << "10.0.0.1"
                                      << "192.0.2.9" << 1 << 0 << 0;
    QTest::newRow("IPv6 dropped out") << 6 << "fd00::1"
                                      << "2001:db8::ffff" << 0 << 3 << 0;
    QTest::newRow("not IP, cut") << 0 << "0.0.0.0"
                                 << "0.0.0.0" << 1 << 0 << 1;
    QTest::newRow("malformed") << 4 << "10.0.0.1"
                               << "10.0.0.1" << 0 << 0 << 4;
}

void tst_PackedPacket::roundTrip()
{
    QFETCH(int, network);
    QFETCH(QString, source);
    QFETCH(QString, destination);
    QFETCH(int, verdict);
    QFETCH(int, hook);
    QFETCH(int, missing);
    StoredPacket p;
    p.number = 77;
    p.timestampNs = 1'800'000'000'123'456'789;
    p.packetLength = 65000;
    p.capturedLength = 262144;
    p.byteOffset = 0xfffffff0;
    p.uid = 1000;
    p.gid = 4294967295u;
    p.ruleId = 12345;
    p.inInterface = 3;
    p.outInterface = 65535;
    p.verdict = Verdict(verdict);
    p.hook = Hook(hook);
    p.flags = RecordFlag::HasUid | RecordFlag::Gso | StoredFlag::NoVerdict;
    p.summary.source = address(qPrintable(source));
    p.summary.destination = address(qPrintable(destination));
    p.summary.network = NetworkProtocol(network);
    p.summary.missing = Missing(missing);
    p.summary.transport = 17;
    p.summary.ttl = 63;
    p.summary.flags = SummaryFlag::HasPorts | SummaryFlag::Fragment;
    p.summary.tcpFlags = 0x12;
    p.summary.icmpType = 3;
    p.summary.icmpCode = 13;
    p.summary.sourcePort = 5353;
    p.summary.destinationPort = 65535;
    AddressTable addresses;
    const PackedPacket packed = PackedPacket::pack(p, addresses);
    const StoredPacket back = packed.unpack(77, addresses);
    QCOMPARE(std::memcmp(&back, &p, sizeof p), 0);
}

void tst_PackedPacket::addressesOncePerAddress()
{
    AddressTable table;
    QCOMPARE(table.size(), 1u); // the zero address
    QCOMPARE(table.acquire(AddressTable::Address{}), 0u);
    const std::uint32_t a = table.acquire(address("10.0.0.1"));
    const std::uint32_t b = table.acquire(address("fd00::1"));
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(table.acquire(address("10.0.0.1")), a);
    // Past a block: earlier entries stay where they were.
    const AddressTable::Address *first = &table.at(a);
    for (int i = 0; i < 10000; ++i) {
        AddressTable::Address x{};
        x[0] = 0x20;
        x[14] = std::uint8_t(i >> 8);
        x[15] = std::uint8_t(i);
        table.acquire(x);
    }
    QCOMPARE(table.size(), 10003u);
    QCOMPARE(&table.at(a), first);
    QCOMPARE(table.at(b), address("fd00::1"));
}

void tst_PackedPacket::addressesGoWithTheirLastUse()
{
    AddressTable table;
    const std::uint32_t a = table.acquire(address("10.0.0.1"));
    QCOMPARE(table.acquire(address("10.0.0.1")), a); // two uses
    const std::uint32_t b = table.acquire(address("10.0.0.2"));
    QCOMPARE(table.size(), 3u);
    table.release(a);
    QCOMPARE(table.size(), 3u); // one use left
    QCOMPARE(table.at(a), address("10.0.0.1"));
    table.release(a);
    QCOMPARE(table.size(), 2u);
    const std::uint32_t c = table.acquire(address("fd00::3"));
    QCOMPARE(c, a); // the free id, not a new one
    QCOMPARE(table.at(c), address("fd00::3"));
    QCOMPARE(table.at(b), address("10.0.0.2"));
    QCOMPARE(table.acquire(address("10.0.0.2")), b);
    // The zero address is always there, however often it is given back.
    table.release(0);
    table.release(0);
    QCOMPARE(table.acquire(AddressTable::Address{}), 0u);
    QCOMPARE(table.at(0), AddressTable::Address{});
}

void tst_PackedPacket::manyUsesAndReleasesAgreeWithAMap()
{
    // Random uses and releases of 5,000 addresses (colliding runs in the index, moves when one
    // goes): every address keeps its id while used, the table holds exactly those in use, and
    // its memory follows the most in use at once, not how many came and went.
    AddressTable table;
    std::map<AddressTable::Address, std::pair<std::uint32_t, int>> uses; // id, uses
    std::mt19937 random(7);
    const auto addressOf = [](int n) {
        AddressTable::Address x{};
        x[0] = 0x20;
        x[1] = 0x01;
        x[14] = std::uint8_t(n >> 8);
        x[15] = std::uint8_t(n);
        return x;
    };
    std::size_t memoryAtFirstPeak = 0;
    for (int step = 0; step < 400'000; ++step) {
        const int range = step < 200'000 ? 5000 : 2500; // fewer in use in the second half
        const AddressTable::Address x = addressOf(int(random() % unsigned(range)));
        auto found = uses.find(x);
        if (found != uses.end() && random() % 2) {
            table.release(found->second.first);
            if (--found->second.second == 0)
                uses.erase(found);
        } else {
            const std::uint32_t id = table.acquire(x);
            if (found != uses.end()) {
                QCOMPARE(id, found->second.first);
                ++found->second.second;
            } else {
                QVERIFY(id != 0);
                uses[x] = {id, 1};
            }
        }
        if (step == 199'999) {
            memoryAtFirstPeak = table.memoryBytes();
            // Give back the upper half, so the second half reuses their ids.
            for (auto i = uses.begin(); i != uses.end();) {
                if (i->first[14] * 256 + i->first[15] >= 2500) {
                    for (int n = 0; n < i->second.second; ++n)
                        table.release(i->second.first);
                    i = uses.erase(i);
                } else {
                    ++i;
                }
            }
        }
    }
    QCOMPARE(table.size(), std::uint32_t(uses.size() + 1));
    for (const auto &[x, use] : uses) {
        QCOMPARE(table.at(use.first), x);
        QCOMPARE(table.acquire(x), use.first);
    }
    QCOMPARE(table.memoryBytes(), memoryAtFirstPeak);
}

QTEST_GUILESS_MAIN(tst_PackedPacket)
#include "tst_packedpacket.moc"
