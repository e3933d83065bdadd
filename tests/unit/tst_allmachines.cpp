// The table of every machine (AllMachines, PacketStore::appendFrom()): packets of several
// machines meet in one store, each machine's interfaces, programs and host names kept apart
// from another's with the same names and numbers (their helpers number alike); the Machine column
// names each packet's machine, the display filter's "machine NAME" narrows to one, and sorting by
// it groups them. A session added late names its next packets' programs by what its stream
// described before. The sessions are real ones without a bus; their batches come as the capture
// controller hands them on.
#include "app/client/CaptureController.h"
#include "app/session/AllMachines.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "tests/support/app/StoreTestData.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cstring>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

using Model = PacketTableModel;

// A packet of process 1 (described with it: `program`) to host 5 (`host`) on eth0.
TestPacket ownedPacket(qint64 index, const char *program, const QString &host)
{
    TestPacket p = withHost(mixedPacket(index), 5, host);
    p.record.origin = Origin::Process;
    p.record.processId = 1;
    p.process = ProcessInfo{};
    p.process->id = 1;
    p.process->pid = 100;
    p.process->executable = std::string("/usr/bin/") + program;
    std::memset(p.record.inInterface, 0, sizeof p.record.inInterface);
    std::memset(p.record.outInterface, 0, sizeof p.record.outInterface);
    std::strcpy(p.record.hook == Hook::Output ? p.record.outInterface : p.record.inInterface,
                "eth0");
    return p;
}

void feed(PacketStore &store, quint8 machine, const QList<TestPacket> &packets)
{
    for (const StreamBatch &batch : streamBatches(packets))
        store.appendFrom(machine, batch);
}

void feed(Session &session, const QList<TestPacket> &packets)
{
    for (const StreamBatch &batch : streamBatches(packets))
        emit session.controller()->batchArrived(batch);
}

void turn()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

QStringList column(const Model &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

} // namespace

class tst_AllMachines : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachMachineKeepsItsOwnNames_data();
    void eachMachineKeepsItsOwnNames();
    void theMachineColumnFiltersAndSorts_data();
    void theMachineColumnFiltersAndSorts();
    void aSessionAddedLateNamesItsProgramsAsBefore();
};

void tst_AllMachines::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("nfqmon-allmachines-test"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_AllMachines::eachMachineKeepsItsOwnNames_data()
{
    QTest::addColumn<int>("machine");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("host");
    QTest::newRow("laptop") << 1 << "laptop"
                            << "curl"
                            << "a.test";
    QTest::newRow("admin@gw") << 2 << "admin@gw"
                              << "sshd"
                              << "b.test";
    QTest::newRow("the 255th") << 255 << "nas"
                               << "rsync"
                               << "c.test";
}

void tst_AllMachines::eachMachineKeepsItsOwnNames()
{
    QFETCH(int, machine);
    QFETCH(QString, name);
    QFETCH(QString, program);
    QFETCH(QString, host);
    PacketStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    // Another machine first, with the same interface, process number and host number.
    store.setMachineName(3, QStringLiteral("other"));
    feed(store, 3, {ownedPacket(0, "other-program", QStringLiteral("other.test"))});
    store.setMachineName(quint8(machine), name);
    feed(store, quint8(machine), {ownedPacket(1, qPrintable(program), host)});
    QCOMPARE(store.size(), 2);
    const StoredPacket other = store.at(0);
    const StoredPacket p = store.at(1);
    QCOMPARE(store.machineOf(p), quint8(machine));
    QCOMPARE(store.machineNameOf(p), name);
    QCOMPARE(store.machineNameOf(other), QStringLiteral("other"));
    QCOMPARE(store.interfaceName(Model::interfaceIdOf(p)), QStringLiteral("eth0"));
    QVERIFY(Model::interfaceIdOf(p) != Model::interfaceIdOf(other)); // eth0 of each machine
    QVERIFY(store.process(p.processId));
    QCOMPARE(QString::fromStdString(store.process(p.processId)->executable),
             QStringLiteral("/usr/bin/") + program);
    QCOMPARE(QString::fromStdString(store.process(other.processId)->executable),
             QStringLiteral("/usr/bin/other-program"));
    QCOMPARE(store.hostName(p.host), host);
    QCOMPARE(store.hostName(other.host), QStringLiteral("other.test"));
    // A snapshot (the workers' view) names the machines as the store does.
    const PacketSnapshot snapshot = store.snapshot();
    QCOMPARE(snapshot.machineNameOf(snapshot.at(1)), name);
    QCOMPARE(snapshot.machineNameOf(snapshot.at(0)), QStringLiteral("other"));
}

void tst_AllMachines::theMachineColumnFiltersAndSorts_data()
{
    QTest::addColumn<int>("perMachine"); // packets of each machine
    QTest::newRow("a few (matched as they come)") << 30;
    QTest::newRow("many (filtered and sorted in a worker)") << 6000;
}

void tst_AllMachines::theMachineColumnFiltersAndSorts()
{
    QFETCH(int, perMachine);
    AllMachines machines;
    QString error;
    QVERIFY2(machines.open(&error), qPrintable(error));
    Session laptop(QDBusConnection(QStringLiteral("no bus")));
    Session gateway(QDBusConnection(QStringLiteral("no bus")));
    // The gateway's store named as a remote session's is (after its SSH destination).
    const QString gw = QStringLiteral("admin@gw");
    gateway.store()->setMachineName(0, gw);
    QVERIFY(machines.add(&laptop));
    QVERIFY(!machines.add(&laptop)); // once
    QCOMPARE(machines.machineNames(), QStringList{laptop.machineName()});
    Model &model = *machines.model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(Model::Machine, Qt::Horizontal).toString(),
             QStringLiteral("Machine"));

    // The gateway is added (its name is what its session says), then both capture, interleaved.
    QSignalSpy added(&machines, &AllMachines::machineAdded);
    QVERIFY(machines.add(&gateway));
    QCOMPARE(added.size(), 1);
    QCOMPARE(machines.machineNames().size(), 2);
    QCOMPARE(machines.machineNames().at(1), gw);
    for (int first = 0; first < perMachine; first += 10) {
        feed(laptop, mixedPackets(10, first));
        feed(gateway, mixedPackets(10, first));
    }
    turn();
    QCOMPARE(model.rowCount(), 2 * perMachine);
    const QStringList all = column(model, Model::Machine);
    QCOMPARE(all.count(laptop.machineName()), perMachine);
    QCOMPARE(all.count(gw), perMachine);
    QCOMPARE(all.mid(0, 20), QStringList(10, laptop.machineName()) + QStringList(10, gw));
    // Each session's own table has only its own packets.
    QCOMPARE(laptop.store()->size(), perMachine);

    QVERIFY2(model.setDisplayFilter(QStringLiteral("machine ") + gw, &error), qPrintable(error));
    QTRY_VERIFY(!model.isFiltering());
    QCOMPARE(column(model, Model::Machine), QStringList(perMachine, gw));
    QVERIFY(model.setDisplayFilter(QStringLiteral("tcp and not machine ") + gw, &error));
    QTRY_VERIFY(!model.isFiltering());
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(column(model, Model::Machine), QStringList(model.rowCount(), laptop.machineName()));
    QCOMPARE(column(model, Model::Protocol), QStringList(model.rowCount(), QStringLiteral("TCP")));

    // Sorted by machine: each machine's packets together, by name, in arrival order within.
    QVERIFY(model.setDisplayFilter({}, &error));
    QTRY_VERIFY(!model.isFiltering());
    model.sort(Model::Machine, Qt::DescendingOrder);
    QTRY_VERIFY(!model.isFiltering());
    const QStringList sorted = column(model, Model::Machine);
    QStringList expected = all;
    std::sort(expected.begin(), expected.end(), std::greater<>());
    QCOMPARE(sorted, expected);
    // New packets go to their place in that order.
    feed(gateway, mixedPackets(3, perMachine));
    turn();
    QTRY_COMPARE(model.rowCount(), 2 * perMachine + 3);
    expected = column(model, Model::Machine);
    std::sort(expected.begin(), expected.end(), std::greater<>());
    QCOMPARE(column(model, Model::Machine), expected);
}

void tst_AllMachines::aSessionAddedLateNamesItsProgramsAsBefore()
{
    Session session(QDBusConnection(QStringLiteral("no bus")));
    QString error;
    QVERIFY2(session.open(&error), qPrintable(error));
    // Its stream described process 1 and host 5 with the first packet, before the table was.
    feed(session, {ownedPacket(0, "curl", QStringLiteral("a.test"))});
    AllMachines machines;
    QVERIFY(machines.open(&error));
    QVERIFY(machines.add(&session));
    TestPacket later = ownedPacket(1, "curl", QStringLiteral("a.test"));
    later.process.reset(); // described once per stream: not again
    later.host.reset();
    feed(session, {later});
    turn();
    const Model &model = *machines.model();
    QCOMPARE(model.rowCount(), 1); // from when it was added
    QCOMPARE(model.index(0, Model::Application).data().toString(), QStringLiteral("curl"));
    QCOMPARE(model.index(0, Model::Host).data().toString(), QStringLiteral("a.test"));
    QCOMPARE(model.index(0, Model::Machine).data().toString(), session.machineName());
    QCOMPARE(machines.sessionOf(machines.store()->at(0)), &session);
    QCOMPARE(machines.hostDetails(machines.store()->at(0)),
             session.hostDetails(session.store()->at(1)));
}

QTEST_MAIN(tst_AllMachines)
#include "tst_allmachines.moc"
