// Parsing of /proc/net/netfilter/nfnetlink_queue, where the kernel's queue drops come from.
#include "helper/engine/KernelQueueStats.h"

#include <QTest>

using namespace nfqmon;

class TestKernelQueueStats : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("queue");
        QTest::addColumn<quint32>("portId");
        QTest::addColumn<quint64>("queueDropped");
        QTest::addColumn<quint64>("userDropped");
        QTest::newRow("one queue")
            << QByteArray("    0 3612482938     0 2 65535     0     0       42  1\n") << 1 << 0
            << 3612482938u << quint64(0) << quint64(0);
        QTest::newRow("drops") << QByteArray("    7  1234  12 2 256   991   17  9000  1\n") << 1
                               << 7 << 1234u << quint64(991) << quint64(17);
        QTest::newRow("two, first reported")
            << QByteArray("    1 11 0 2 65535 5 6 7 1\n    2 22 0 2 65535 8 9 10 1\n") << 2 << 1
            << 11u << quint64(5) << quint64(6);
        QTest::newRow("garbage ignored") << QByteArray("hello world\n\n x y z 1 2 3 4 5\n") << 0
                                         << 0 << 0u << quint64(0) << quint64(0);
    }
    void parse()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, count);
        const auto stats = KernelQueueStats::parse(text);
        QCOMPARE(stats.size(), count);
        if (count == 0)
            return;
        QFETCH(int, queue);
        QFETCH(quint32, portId);
        QFETCH(quint64, queueDropped);
        QFETCH(quint64, userDropped);
        QCOMPARE(int(stats[0].queue), queue);
        QCOMPARE(stats[0].portId, portId);
        QCOMPARE(stats[0].queueDropped, queueDropped);
        QCOMPARE(stats[0].userDropped, userDropped);
    }
    // The last packet id: how many packets the kernel handed to the program (passed unseen
    // subtracts it from the queue rules' counters).
    void idSequence()
    {
        const auto stats = KernelQueueStats::parse("    7  1234  12 2 256   991   17  9000  1\n"
                                                   "    8  1235  0 2 256   0   0\n");
        QCOMPARE(stats.size(), 2);
        QCOMPARE(stats[0].idSequence, std::uint64_t(9000));
        QCOMPARE(stats[1].idSequence, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestKernelQueueStats)
#include "tst_kernelqueuestats.moc"
