// PacketCellText: what the packet table writes for a packet, column by column, and what its
// tooltips add (the time to the nanosecond, bytes on the wire against bytes captured, the user's
// uid and gid), for packets as the helper records them and as a pcap file gives them.
#include "app/store/PacketCellText.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

using Model = PacketTableModel;
using Texts = QMap<int, QString>; // column -> text

// The stored packet of `packet`, the only one in `store`.
StoredPacket stored(PacketStore &store, const TestPacket &packet)
{
    store.appendPacket(packet.record, packet.bytes);
    return store.at(store.size() - 1);
}

} // namespace

class tst_PacketCellText : public QObject
{
    Q_OBJECT

private slots:
    void everyColumnHasATitle();
    void cellsSayWhatThePacketIs_data();
    void cellsSayWhatThePacketIs();
    void timeIsTheTimeOfDayToTheMicrosecond();
    void fragmentNamesItsOffsetAndId();
};

void tst_PacketCellText::everyColumnHasATitle()
{
    QSet<QString> titles;
    for (int column = 0; column < Model::ColumnCount; ++column) {
        const QString title = PacketCellText::title(column);
        QVERIFY2(!title.isEmpty(), qPrintable(QString::number(column)));
        titles.insert(title);
    }
    QCOMPARE(titles.size(), int(Model::ColumnCount));
    QCOMPARE(PacketCellText::title(Model::Number), QStringLiteral("No."));
    QCOMPARE(PacketCellText::title(Model::Info), QStringLiteral("Info"));
    QVERIFY(PacketCellText::title(Model::ColumnCount).isNull());
}

void tst_PacketCellText::cellsSayWhatThePacketIs_data()
{
    using namespace PacketBuilder;
    QTest::addColumn<TestPacket>("packet");
    // And the tooltips of Length and User.
    QTest::addColumn<Texts>("texts");
    QTest::addColumn<QString>("lengthTip");
    QTest::addColumn<QString>("userTip");

    const qint64 t = 1'700'000'000'123'456'789;
    TestPacket syn = testPacket(ipv4("10.1.2.3", "192.0.2.9", Tcp, tcp(40000, 443, TcpFlag::Syn)),
                                t, Verdict::Drop, 3, Hook::Output, "wlan0");
    syn.record.uid = 1000;
    syn.record.gid = 100;
    syn.record.flags = RecordFlag::HasUid | RecordFlag::HasGid;
    QTest::newRow("dropped by a rule, outgoing, user and group")
        << syn << Texts{{Model::Number, "1"},
                        {Model::Interface, "wlan0"},
                        {Model::Direction, "out"},
                        {Model::Source, "10.1.2.3"},
                        {Model::Destination, "192.0.2.9"},
                        {Model::Protocol, "TCP"},
                        {Model::Length, "40"},
                        {Model::Verdict, "dropped by rule 3"},
                        {Model::User, "1000"}}
        << "40 bytes"
        << "uid 1000, gid 100";

    TestPacket user = testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(5000, 53, "q")), t,
                                 Verdict::Drop, -1, Hook::Output, "eth1");
    user.record.uid = 0;
    user.record.flags = RecordFlag::HasUid;
    QTest::newRow("dropped by no rule, root's socket") << user
                                                       << Texts{{Model::Interface, "eth1"},
                                                                {Model::Protocol, "UDP"},
                                                                {Model::Verdict, "dropped"},
                                                                {Model::User, "0"}}
                                                       << "29 bytes"
                                                       << "uid 0";

    const TestPacket dns = testPacket(ipv6("2001:db8::1", "2001:db8::53", Udp, udp(5353, 53, "q")),
                                      t, Verdict::Accept, -1, Hook::PreRouting, "eth0");
    QTest::newRow("accepted, incoming, IPv6")
        << dns << Texts{{Model::Interface, "eth0"},     {Model::Direction, "in"},
                        {Model::Source, "2001:db8::1"}, {Model::Destination, "2001:db8::53"},
                        {Model::Verdict, "accepted"},   {Model::User, ""}}
        << "49 bytes"
        << "The kernel did not say which user's socket this packet belongs to.";

    TestPacket cut = testPacket(ipv4("10.0.0.1", "10.0.0.2", Icmp, icmpEcho(false, 1, 1)), t,
                                Verdict::Accept, 5);
    cut.record.packetLength = 1500; // the rest of it was not captured
    QTest::newRow("accepted by a rule, cut short")
        << cut
        << Texts{{Model::Protocol, "ICMP"},
                 {Model::Length, "1500"},
                 {Model::Verdict, "accepted by rule 5"}}
        << "1500 bytes on the wire, 28 captured"
        << "The kernel did not say which user's socket this packet belongs to.";

    // A pcap file knows no verdict, direction or interface.
    TestPacket file = testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(5000, 53)), t);
    file.record.flags = StoredFlag::NoVerdict;
    std::fill(std::begin(file.record.inInterface), std::end(file.record.inInterface), '\0');
    QTest::newRow("from a pcap file")
        << file
        << Texts{{Model::Interface, ""},
                 {Model::Direction, ""},
                 {Model::Verdict, ""},
                 {Model::Length, "28"}}
        << "28 bytes"
        << "The kernel did not say which user's socket this packet belongs to.";
}

void tst_PacketCellText::cellsSayWhatThePacketIs()
{
    QFETCH(TestPacket, packet);
    QFETCH(Texts, texts);
    QFETCH(QString, lengthTip);
    QFETCH(QString, userTip);
    PacketStore store;
    const PacketCellText text(&store);
    const StoredPacket p = stored(store, packet);
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        QCOMPARE(text.display(p, it.key()), it.value());
    QCOMPARE(text.toolTip(p, Model::Length), lengthTip);
    QCOMPARE(text.toolTip(p, Model::User), userTip);
    // Where the tooltip has nothing to add, it is the cell's text (cut off in a narrow column).
    QCOMPARE(text.toolTip(p, Model::Source), text.display(p, Model::Source));
    QCOMPARE(text.toolTip(p, Model::Info), text.display(p, Model::Info));
    QVERIFY(!text.display(p, Model::Info).isEmpty());
    QVERIFY(text.display(p, Model::ColumnCount).isEmpty());
}

void tst_PacketCellText::timeIsTheTimeOfDayToTheMicrosecond()
{
    using namespace PacketBuilder;
    const qint64 ns = 1'700'000'000'123'456'789;
    PacketStore store;
    const PacketCellText text(&store);
    const StoredPacket p =
        stored(store, testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, udp(1, 2)), ns));
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ns / 1'000'000);
    QCOMPARE(text.display(p, Model::Time), local.toString("HH:mm:ss") + ".123456");
    QCOMPARE(text.toolTip(p, Model::Time), local.toString("yyyy-MM-dd HH:mm:ss") + ".123456789");
}

void tst_PacketCellText::fragmentNamesItsOffsetAndId()
{
    using namespace PacketBuilder;
    Ipv4Options options;
    options.id = 0x4321;
    options.fragmentOffset = 1480;
    options.moreFragments = true;
    PacketStore store;
    const PacketCellText text(&store);
    const StoredPacket p = stored(
        store, testPacket(ipv4("10.0.0.1", "10.0.0.2", Udp, QByteArray(64, 'x'), options), 0));
    const QString info = text.display(p, Model::Info);
    QVERIFY2(info.contains("offset 1480") && info.contains("4321"), qPrintable(info));
}

QTEST_GUILESS_MAIN(tst_PacketCellText)
#include "tst_packetcelltext.moc"
