// PackedPacket: a StoredPacket survives packing into 56 bytes, every field the window uses
// (verdict, hook, family and what the decoder missed share a byte), and AddressTable gives each
// distinct address one id, readable while it grows.
#include "AddressTable.h"
#include "PackedPacket.h"

#include <QTest>

#include <arpa/inet.h>

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
    QCOMPARE(table.idOf(AddressTable::Address{}), 0u);
    const std::uint32_t a = table.idOf(address("10.0.0.1"));
    const std::uint32_t b = table.idOf(address("fd00::1"));
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(table.idOf(address("10.0.0.1")), a);
    // Past a block: earlier entries stay where they were.
    const AddressTable::Address *first = &table.at(a);
    for (int i = 0; i < 10000; ++i) {
        AddressTable::Address x{};
        x[0] = 0x20;
        x[14] = std::uint8_t(i >> 8);
        x[15] = std::uint8_t(i);
        table.idOf(x);
    }
    QCOMPARE(table.size(), 10003u);
    QCOMPARE(&table.at(a), first);
    QCOMPARE(table.at(b), address("fd00::1"));
}

QTEST_GUILESS_MAIN(tst_PackedPacket)
#include "tst_packedpacket.moc"
