// 1,000 captures started and stopped over the bus (every tenth with a stream open), as a user
// who starts and stops a lot: afterwards the helper is the same process, with as many open
// descriptors as after the first hundred, no more than a little more memory, and no chains.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/ProcessCpu.h"
#include "tests/support/network/IptablesSnapshot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

namespace {

constexpr int Cycles = 1000;
constexpr int Baseline = 100; // cycles before measuring: caches and pools have their sizes
// Memory the heap may grow by over 900 cycles (allocator fragmentation, not a leak: a leak of
// one small allocation per cycle would already be about 50 KiB, of one record buffer far more).
constexpr qint64 AllowedGrowthKiB = 1024;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool MemoryMeasurable = false; // AddressSanitizer keeps freed memory in quarantine
#else
constexpr bool MemoryMeasurable = true;
#endif

int descriptorsOf(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid))
                   .entryList(QDir::System | QDir::NoDotAndDotDot)
                   .size());
}

int chainLines()
{
    return int(IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).size());
}

} // namespace

class tst_ServiceCycles : public ServiceTest
{
    Q_OBJECT

private slots:
    void thousandStartsAndStopsLeaveNothingBehind();
};

void tst_ServiceCycles::thousandStartsAndStopsLeaveNothingBehind()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    const QJsonArray options{BusClient::captureOn({QStringLiteral("vethA")})};
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("GetStatus")));
    const qint64 pid = m_bed.bus().helperPid();
    QVERIFY(pid > 0);

    int baseDescriptors = 0;
    qint64 baseMemory = 0;
    QElapsedTimer clock;
    clock.start();
    for (int cycle = 1; cycle <= Cycles; ++cycle) {
        NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"), options));
        if (cycle % 10 == 0)
            NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
        NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
        if (cycle % 100 == 0)
            QVERIFY2(chainLines() == 0,
                     qPrintable(QStringLiteral("chains left after cycle %1").arg(cycle)));
        if (cycle == Baseline) {
            baseDescriptors = descriptorsOf(pid);
            baseMemory = processResidentKiB(pid);
        }
    }
    const int descriptors = descriptorsOf(pid);
    const qint64 memory = processResidentKiB(pid);
    qInfo("%d cycles in %.1f s; helper descriptors %d after %d cycles, %d after %d; resident "
          "memory %lld KiB, then %lld KiB",
          Cycles, double(clock.elapsed()) / 1000, baseDescriptors, Baseline, descriptors, Cycles,
          baseMemory, memory);
    QCOMPARE(m_bed.bus().helperPid(), pid);
    QCOMPARE(descriptors, baseDescriptors);
    if (MemoryMeasurable)
        QVERIFY2(memory - baseMemory <= AllowedGrowthKiB,
                 qPrintable(QStringLiteral("grew by %1 KiB").arg(memory - baseMemory)));
    else
        qInfo("memory not compared: AddressSanitizer's quarantine holds freed memory");
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

QTEST_GUILESS_MAIN(tst_ServiceCycles)
#include "tst_service_cycles.moc"
