// The Connections view's model: each TCP or UDP connection of the store's packets is one row,
// both directions together (the bypass programs' key), named by the end that sent first; its
// inspected packets are counted as they arrive, once per event-loop turn; the kernel's figures
// from ListConnections add the packets decided after the depth, the state and the verdict, and a
// connection the kernel decides that no packet here shows gets a row of its own; a cleared store
// empties it; a row's display filter shows exactly that connection's packets.
#include "app/store/ConnectionListModel.h"
#include "app/store/DisplayFilter.h"
#include "app/store/PacketStore.h"
#include "helper/protocol/HelperContract.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/PacketBuilder.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

using Model = ConnectionListModel;

void turn()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

TestPacket udp(const char *source, std::uint16_t sport, const char *destination,
               std::uint16_t dport, qint64 index, Verdict verdict = Verdict::Accept)
{
    return testPacket(PacketBuilder::ipv4(source, destination, PacketBuilder::Udp,
                                          PacketBuilder::udp(sport, dport, QByteArray(20, 'x'))),
                      1'700'000'000'000'000'000 + index * 1'000'000, verdict);
}

QString text(const Model &model, int row, Model::Column column)
{
    return model.index(row, column).data().toString();
}

QVariantMap listed(const QString &low, int lowPort, const QString &high, int highPort,
                   const char *verdict, qulonglong packets, qulonglong bytes, bool current = true)
{
    namespace Field = Contract::ConnectionField;
    return {{Field::Protocol, 17u},      {Field::LowAddress, low},
            {Field::LowPort, lowPort},   {Field::HighAddress, high},
            {Field::HighPort, highPort}, {Field::Verdict, QString::fromLatin1(verdict)},
            {Field::Current, current},   {Field::Packets, packets},
            {Field::Bytes, bytes},       {Field::IdleMs, 5ull}};
}

} // namespace

class tst_ConnectionListModel : public QObject
{
    Q_OBJECT

private slots:
    void bothDirectionsAreOneConnection();
    void theKernelsFiguresAddUp_data();
    void theKernelsFiguresAddUp();
    void aConnectionOnlyTheKernelKnowsGetsARow();
    void aClearedStoreEmptiesIt();
    void aRowsFilterShowsItsPackets();
};

void tst_ConnectionListModel::bothDirectionsAreOneConnection()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    appendInBatches(store,
                    {udp("10.0.0.2", 5000, "10.0.0.1", 53, 0),
                     udp("10.0.0.1", 53, "10.0.0.2", 5000, 1),
                     udp("10.0.0.3", 5000, "10.0.0.1", 53, 2, Verdict::Drop),
                     udp("10.0.0.2", 5000, "10.0.0.1", 53, 3)},
                    2);
    QCOMPARE(model.rowCount(), 0); // taken at the next turn
    turn();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model, 0, Model::Protocol), QStringLiteral("UDP"));
    QCOMPARE(text(model, 0, Model::From), QStringLiteral("10.0.0.2:5000"));
    QCOMPARE(text(model, 0, Model::To), QStringLiteral("10.0.0.1:53"));
    QCOMPARE(text(model, 0, Model::Inspected), QStringLiteral("3"));
    QCOMPARE(text(model, 0, Model::Decided), QString());
    QCOMPARE(text(model, 0, Model::Total), QStringLiteral("3"));
    QCOMPARE(text(model, 0, Model::State), QStringLiteral("inspected"));
    QCOMPARE(text(model, 1, Model::From), QStringLiteral("10.0.0.3:5000"));
    QCOMPARE(text(model, 1, Model::Verdict), QStringLiteral("dropped"));
    // More of the first: counted, no new row.
    appendInBatches(store, {udp("10.0.0.1", 53, "10.0.0.2", 5000, 4)});
    turn();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(text(model, 0, Model::Inspected), QStringLiteral("4"));
}

void tst_ConnectionListModel::theKernelsFiguresAddUp_data()
{
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<bool>("current");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("shownVerdict");
    QTest::newRow("passed") << "accept" << true << "passed by the kernel"
                            << "accepted";
    QTest::newRow("dropped") << "drop" << true << "dropped by the kernel"
                             << "dropped";
    QTest::newRow("rules changed") << "drop" << false << "inspected again (rules changed)"
                                   << "accepted";
}

void tst_ConnectionListModel::theKernelsFiguresAddUp()
{
    QFETCH(QString, verdict);
    QFETCH(bool, current);
    QFETCH(QString, state);
    QFETCH(QString, shownVerdict);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    appendInBatches(store, {udp("10.0.0.2", 5000, "10.0.0.1", 53, 0),
                            udp("10.0.0.1", 53, "10.0.0.2", 5000, 1)});
    turn();
    // ListConnections names the ends the lower first: 10.0.0.1:53 here.
    model.setKernelCounts(Model::kernelCountsFrom(
        {listed(QStringLiteral("10.0.0.1"), 53, QStringLiteral("10.0.0.2"), 5000,
                verdict.toLatin1().constData(), 9, 9 * 48, current)}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, Model::Inspected), QStringLiteral("2"));
    QCOMPARE(text(model, 0, Model::Decided), QStringLiteral("9"));
    QCOMPARE(text(model, 0, Model::Total), QStringLiteral("11"));
    QCOMPARE(text(model, 0, Model::Bytes), QString::number(2 * 48 + 9 * 48));
    QCOMPARE(text(model, 0, Model::State), state);
    QCOMPARE(text(model, 0, Model::Verdict), shownVerdict);
}

void tst_ConnectionListModel::aConnectionOnlyTheKernelKnowsGetsARow()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto counts = Model::kernelCountsFrom(
        {listed(QStringLiteral("2001:db8::1"), 443, QStringLiteral("2001:db8::2"), 40000, "accept",
                100, 150000),
         listed(QStringLiteral("not an address"), 1, QStringLiteral("10.0.0.1"), 2, "accept", 1,
                1)});
    QCOMPARE(counts.size(), 1); // what does not parse is left out
    model.setKernelCounts(counts);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, Model::From), QStringLiteral("[2001:db8::1]:443"));
    QCOMPARE(text(model, 0, Model::Inspected), QStringLiteral("0"));
    QCOMPARE(text(model, 0, Model::Total), QStringLiteral("100"));
    QCOMPARE(model.filterFor(0), QString()); // no packet here to show
    // Figures anew: the same row.
    model.setKernelCounts(counts);
    QCOMPARE(model.rowCount(), 1);
}

void tst_ConnectionListModel::aClearedStoreEmptiesIt()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    appendInBatches(store, {udp("10.0.0.2", 5000, "10.0.0.1", 53, 0)});
    turn();
    QCOMPARE(model.rowCount(), 1);
    store.clear();
    QCOMPARE(model.rowCount(), 0);
    appendInBatches(store, {udp("10.0.0.2", 5001, "10.0.0.1", 53, 1)});
    turn();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, Model::From), QStringLiteral("10.0.0.2:5001"));
}

void tst_ConnectionListModel::aRowsFilterShowsItsPackets()
{
    PacketStore store;
    Model model(&store);
    const QList<TestPacket> packets = {
        udp("10.0.0.2", 5000, "10.0.0.1", 53, 0), udp("10.0.0.1", 53, "10.0.0.2", 5000, 1),
        udp("10.0.0.2", 5001, "10.0.0.1", 53, 2), udp("10.0.0.3", 5000, "10.0.0.1", 53, 3)};
    appendInBatches(store, packets);
    turn();
    QString error;
    const auto filter = DisplayFilter::compile(model.filterFor(0), &error);
    QVERIFY2(filter, qPrintable(error));
    QList<bool> matched;
    for (const TestPacket &p : packets)
        matched.append(
            filter->matchesBytes(reinterpret_cast<const std::uint8_t *>(p.bytes.constData()),
                                 std::uint32_t(p.bytes.size()), std::uint32_t(p.bytes.size())));
    QCOMPARE(matched, (QList<bool>{true, true, false, false}));
}

QTEST_GUILESS_MAIN(tst_ConnectionListModel)
#include "tst_connectionlistmodel.moc"
