// CaptureStatus: GetStatus's map as the helper writes it and the window reads it. What a map
// missing keys or carrying values of the wrong type turns into is what the window shows.
#include "helper/protocol/CaptureStatus.h"
#include "helper/protocol/HelperContract.h"

#include <QTest>

using namespace nfqmon;

namespace Key = Contract::Status;

class tst_CaptureStatus : public QObject
{
    Q_OBJECT

private slots:
    void aRunningCaptureReadsBackAsWritten();
    void anIdleHelperSendsOnlyStateMessageAndStreams();
    void anEmptyMapReadsAsIdleWithNothingToSay();
    void countersMissingFromARunningCaptureReadAsZero();
    void passedUnseenIsUnknownUntilSent();
    void attributionLostOnlyWhileProgramsAreAttributed();
    void decidedOnlyWithAnInspectionDepth();
    void valuesOfTheWrongTypeReadAsDefaults_data();
    void valuesOfTheWrongTypeReadAsDefaults();
    void anUnknownStateReadsAsIdle();
};

namespace {

CaptureStatus running()
{
    CaptureStatus s;
    s.running = true;
    s.message = QStringLiteral("dump of received packets: disk full");
    s.streams = 2;
    s.interfaces = {QStringLiteral("eth0"), QStringLiteral("wlan0")};
    s.automaticRules = true;
    s.queue = 7;
    s.queues = 2;
    s.snapLength = 1500;
    s.received = 5'000'000'000ull;
    s.accepted = 4'000'000'000ull;
    s.dropped = 12;
    s.lost = 3;
    s.kernelDropped = 4;
    s.failOpen = true;
    s.families = {QStringLiteral("IPv4"), QStringLiteral("IPv6")};
    s.notice = QStringLiteral("IPv6 is not captured");
    s.startedBy = QStringLiteral(":1.42");
    s.startedByUid = 1000;
    s.keepRunning = true;
    s.passedUnseen = 9;
    s.attributionLost = 7;
    s.decided = CaptureStatus::Decided{8, 6'000'000'000ull, 9'000'000'000'000ull, 5, 700};
    s.dumpInput = CaptureStatus::Dump{100, QStringLiteral("No space left on device")};
    s.dumpOutput = CaptureStatus::Dump{90, QString()};
    return s;
}

} // namespace

void tst_CaptureStatus::aRunningCaptureReadsBackAsWritten()
{
    const CaptureStatus written = running();
    const QVariantMap map = written.toVariantMap();
    QCOMPARE(map.value(Key::State).toString(), Key::Running);
    QCOMPARE(map.value(Key::Received).metaType(), QMetaType::fromType<qulonglong>()); // t
    QCOMPARE(map.value(Key::Queue).metaType(), QMetaType::fromType<uint>());          // u
    QCOMPARE(map.value(Key::DumpInputError).toString(), QStringLiteral("No space left on device"));
    QCOMPARE(CaptureStatus::fromVariantMap(map), written);
}

void tst_CaptureStatus::anIdleHelperSendsOnlyStateMessageAndStreams()
{
    CaptureStatus idle = CaptureStatus::idle(QStringLiteral("stopped by :1.42"));
    idle.streams = 1;
    const QVariantMap map = idle.toVariantMap();
    QCOMPARE(map.keys(), (QStringList{Key::Message, Key::State, Key::Streams}));
    QCOMPARE(map.value(Key::State).toString(), Key::Idle);
    const CaptureStatus read = CaptureStatus::fromVariantMap(map);
    QCOMPARE(read, idle);
    QVERIFY(!read.running);
    QCOMPARE(read.message, QStringLiteral("stopped by :1.42"));
}

void tst_CaptureStatus::anEmptyMapReadsAsIdleWithNothingToSay()
{
    const CaptureStatus read = CaptureStatus::fromVariantMap({});
    QVERIFY(!read.running);
    QVERIFY(read.message.isEmpty());
    QCOMPARE(read, CaptureStatus::idle());
}

void tst_CaptureStatus::countersMissingFromARunningCaptureReadAsZero()
{
    const CaptureStatus read = CaptureStatus::fromVariantMap(
        {{Key::State, Key::Running}, {Key::Interfaces, QStringList{Key::AnyInterface}}});
    QVERIFY(read.running);
    QCOMPARE(read.interfaces, QStringList{Key::AnyInterface});
    QCOMPARE(read.received, 0u);
    QCOMPARE(read.dropped, 0u);
    QCOMPARE(read.kernelDropped, 0u);
    QVERIFY(!read.failOpen);
    QVERIFY(read.notice.isEmpty());
    QVERIFY(!read.passedUnseen);
    QVERIFY(!read.attributionLost);
    QVERIFY(!read.dumpInput);
    QVERIFY(!read.dumpOutput);
}

void tst_CaptureStatus::passedUnseenIsUnknownUntilSent()
{
    CaptureStatus status = running();
    status.passedUnseen.reset();
    QVERIFY(!status.toVariantMap().contains(Key::PassedUnseen));
    QVERIFY(!CaptureStatus::fromVariantMap(status.toVariantMap()).passedUnseen);
    status.passedUnseen = 0; // known, and none passed
    QCOMPARE(CaptureStatus::fromVariantMap(status.toVariantMap()).passedUnseen,
             std::optional<quint64>(0));
}

void tst_CaptureStatus::attributionLostOnlyWhileProgramsAreAttributed()
{
    CaptureStatus status = running();
    QCOMPARE(status.toVariantMap().value(Key::AttributionLost).toULongLong(), 7u);
    status.attributionLost.reset(); // attribution = no, or the kernel refused the programs
    QVERIFY(!status.toVariantMap().contains(Key::AttributionLost));
    QVERIFY(!CaptureStatus::fromVariantMap(status.toVariantMap()).attributionLost);
}

void tst_CaptureStatus::decidedOnlyWithAnInspectionDepth()
{
    CaptureStatus status = running();
    const QVariantMap map = status.toVariantMap();
    QCOMPARE(map.value(Key::InspectPackets).metaType(), QMetaType::fromType<uint>());
    QCOMPARE(map.value(Key::DecidedPassed).toULongLong(), 6'000'000'000ull);
    QCOMPARE(map.value(Key::DecidedDroppedBytes).toULongLong(), 700u);
    status.decided.reset(); // inspect_packets = all
    for (const QString &key : {Key::InspectPackets, Key::DecidedPassed, Key::DecidedPassedBytes,
                               Key::DecidedDropped, Key::DecidedDroppedBytes})
        QVERIFY(!status.toVariantMap().contains(key));
    QVERIFY(!CaptureStatus::fromVariantMap(status.toVariantMap()).decided);
}

void tst_CaptureStatus::valuesOfTheWrongTypeReadAsDefaults_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("received as words") << Key::Received << QVariant(QStringLiteral("many"));
    QTest::newRow("dropped as a list")
        << Key::Dropped << QVariant(QStringList{QStringLiteral("1")});
    QTest::newRow("passedUnseen as words")
        << Key::PassedUnseen << QVariant(QStringLiteral("unknown"));
    QTest::newRow("notice as a map") << Key::Notice << QVariant(QVariantMap{{Key::Notice, 1}});
}

void tst_CaptureStatus::valuesOfTheWrongTypeReadAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    const CaptureStatus read =
        CaptureStatus::fromVariantMap({{Key::State, Key::Running}, {key, value}});
    QVERIFY(read.running);
    QCOMPARE(read.received, 0u);
    QCOMPARE(read.dropped, 0u);
    QVERIFY(!read.passedUnseen);
    QVERIFY(read.notice.isEmpty());
}

void tst_CaptureStatus::anUnknownStateReadsAsIdle()
{
    QVariantMap map = running().toVariantMap();
    map.insert(Key::State, QStringLiteral("starting"));
    QVERIFY(!CaptureStatus::fromVariantMap(map).running);
    map.insert(Key::State, 1);
    QVERIFY(!CaptureStatus::fromVariantMap(map).running);
}

QTEST_GUILESS_MAIN(tst_CaptureStatus)
#include "tst_capturestatus.moc"
