// RuleCounterPoller: the rule counters are read on a thread of the poller's own, never by the
// caller (request() and latest() return at once even while a reading takes long), at most once
// an interval, only when asked, and not in the first interval.
#include "helper/engine/RuleCounterPoller.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace nfqmon;
using namespace std::chrono_literals;

class tst_RuleCounterPoller : public QObject
{
    Q_OBJECT

private slots:
    void readsOnlyWhenAskedAtMostOnceAnInterval();
    void callersNeverWaitForAReading();
    void aFailedReadingKeepsTheLastFigures();
};

void tst_RuleCounterPoller::readsOnlyWhenAskedAtMostOnceAnInterval()
{
    std::atomic<int> readings{0};
    RuleCounterPoller poller(
        [&readings] {
            RuleCounterPoller::Reading r;
            r.valid = true;
            r.reachedRules = std::uint64_t(++readings) * 10;
            r.handedOut = 1;
            return r;
        },
        200ms);
    QVERIFY(!poller.latest().valid);
    QThread::msleep(400);
    QCOMPARE(readings.load(), 0); // nobody asked
    for (int i = 0; i < 50; ++i) {
        poller.request();
        QThread::msleep(10);
    }
    // 500 ms of requests: the first at once, then one every 200 ms.
    QTRY_VERIFY(readings.load() >= 2);
    QVERIFY2(readings.load() <= 4, qPrintable(QString::number(readings.load())));
    const RuleCounterPoller::Reading last = poller.latest();
    QVERIFY(last.valid);
    QCOMPARE(last.handedOut, std::uint64_t(1));
    QCOMPARE(last.reachedRules % 10, std::uint64_t(0));
}

void tst_RuleCounterPoller::callersNeverWaitForAReading()
{
    std::atomic<bool> inside{false};
    auto poller = std::make_unique<RuleCounterPoller>(
        [&inside] {
            inside = true;
            QThread::msleep(500); // an iptables-save holding the xtables lock
            RuleCounterPoller::Reading r;
            r.valid = true;
            r.reachedRules = 7;
            return r;
        },
        10ms);
    poller->request();
    QTRY_VERIFY(inside.load());
    QElapsedTimer clock;
    clock.start();
    poller->request();
    QVERIFY(!poller->latest().valid);
    QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(poller->latest().reachedRules, std::uint64_t(7));
    poller.reset(); // joins its thread
}

void tst_RuleCounterPoller::aFailedReadingKeepsTheLastFigures()
{
    std::atomic<int> readings{0};
    RuleCounterPoller poller(
        [&readings] {
            RuleCounterPoller::Reading r;
            r.valid = ++readings == 1;
            r.reachedRules = 5;
            if (!r.valid)
                r.error = QStringLiteral("iptables-save failed");
            return r;
        },
        10ms);
    poller.request();
    QTRY_COMPARE(readings.load(), 1);
    poller.request();
    QTRY_COMPARE(readings.load(), 2);
    QTRY_COMPARE(poller.latest().error, QStringLiteral("iptables-save failed"));
    QVERIFY(poller.latest().valid);
    QCOMPARE(poller.latest().reachedRules, std::uint64_t(5));
}

QTEST_GUILESS_MAIN(tst_RuleCounterPoller)
#include "tst_rulecounterpoller.moc"
