// CaptureOptions::validate: the one check of a capture's options for the config file, StartCapture
// and the engine. The bus is held tighter than root's config file; an interface must exist only
// once a capture starts.
#include "helper/config/CaptureOptions.h"
#include "helper/protocol/CaptureLimits.h"

#include <QTest>

using namespace nfqmon;
using Check = CaptureOptions::Check;

Q_DECLARE_METATYPE(CaptureOptions::Check)

class tst_CaptureOptions : public QObject
{
    Q_OBJECT

private slots:
    void theDefaultsOnLoopbackPassEveryCheck();
    void theBusTakesLessThanRootsConfigFile_data();
    void theBusTakesLessThanRootsConfigFile();
    void aQueueRangePastTheLastQueueIsRefusedAlike_data();
    void aQueueRangePastTheLastQueueIsRefusedAlike();
    void anUnknownInterfaceIsRefusedOnlyWhenACaptureStarts();
    void noInterfaceAtAllIsRefused();
    void anInspectionDepthPastTheLimitIsRefusedAlike();
};

namespace {

CaptureOptions loopback()
{
    CaptureOptions options;
    options.interfaces = {QStringLiteral("lo")};
    return options;
}

} // namespace

void tst_CaptureOptions::theDefaultsOnLoopbackPassEveryCheck()
{
    for (const Check check : {Check::ConfigFile, Check::DBus, Check::Start}) {
        QString error;
        QVERIFY2(loopback().validate(check, &error), qPrintable(error));
    }
}

void tst_CaptureOptions::theBusTakesLessThanRootsConfigFile_data()
{
    QTest::addColumn<uint>("queues");
    QTest::addColumn<uint>("snapLength");
    QTest::addColumn<QString>("busError");
    QTest::newRow("more queues than the bus gives")
        << Limits::MaxQueues << Limits::DefaultSnapLength
        << "the number of queues must be between 1 and 16, not 64";
    QTest::newRow("more of a packet than the kernel copies")
        << 1u << Limits::MaxSnapLength
        << "the snap length must be between 64 and 65535 bytes, not 262144";
}

void tst_CaptureOptions::theBusTakesLessThanRootsConfigFile()
{
    QFETCH(uint, queues);
    QFETCH(uint, snapLength);
    QFETCH(QString, busError);
    CaptureOptions options = loopback();
    options.queueCount = std::uint16_t(queues);
    options.snapLength = snapLength;
    QString error;
    QVERIFY2(options.validate(Check::ConfigFile, &error), qPrintable(error));
    QVERIFY2(options.validate(Check::Start, &error), qPrintable(error));
    QVERIFY(!options.validate(Check::DBus, &error));
    QCOMPARE(error, busError);
}

void tst_CaptureOptions::aQueueRangePastTheLastQueueIsRefusedAlike_data()
{
    QTest::addColumn<Check>("check");
    QTest::newRow("config file") << Check::ConfigFile;
    QTest::newRow("D-Bus") << Check::DBus;
    QTest::newRow("start") << Check::Start;
}

void tst_CaptureOptions::aQueueRangePastTheLastQueueIsRefusedAlike()
{
    QFETCH(Check, check);
    CaptureOptions options = loopback();
    options.queueNumber = 65530;
    options.queueCount = 8;
    QString error;
    QVERIFY(!options.validate(check, &error));
    QCOMPARE(error, QStringLiteral("queues 65530 to 65537 go past the last queue number, 65535"));
}

void tst_CaptureOptions::anUnknownInterfaceIsRefusedOnlyWhenACaptureStarts()
{
    CaptureOptions options = loopback();
    options.interfaces.append(QStringLiteral("nfqnope0"));
    QString error;
    QVERIFY2(options.validate(Check::ConfigFile, &error), qPrintable(error));
    for (const Check check : {Check::DBus, Check::Start}) {
        QVERIFY(!options.validate(check, &error));
        QVERIFY2(error.startsWith(QStringLiteral("unknown interface(s): nfqnope0 (see `ip link`")),
                 qPrintable(error));
    }
}

void tst_CaptureOptions::noInterfaceAtAllIsRefused()
{
    CaptureOptions options;
    QString error;
    QVERIFY(!options.validate(Check::ConfigFile, &error));
    QVERIFY2(error.contains(QStringLiteral("no interface to capture on")), qPrintable(error));
    options.anyInterface = true;
    QVERIFY2(options.validate(Check::DBus, &error), qPrintable(error));
}

void tst_CaptureOptions::anInspectionDepthPastTheLimitIsRefusedAlike()
{
    CaptureOptions options = loopback();
    options.inspectPackets = Limits::MaxInspectPackets;
    for (const Check check : {Check::ConfigFile, Check::DBus, Check::Start}) {
        QString error;
        QVERIFY2(options.validate(check, &error), qPrintable(error));
    }
    options.inspectPackets = Limits::MaxInspectPackets + 1;
    for (const Check check : {Check::ConfigFile, Check::DBus, Check::Start}) {
        QString error;
        QVERIFY(!options.validate(check, &error));
        QCOMPARE(error, QStringLiteral("the packets inspected of each connection must be \"all\" "
                                       "or between 1 and 1000000, not 1000001"));
    }
}

QTEST_GUILESS_MAIN(tst_CaptureOptions)
#include "tst_captureoptions.moc"
