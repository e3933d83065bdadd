// ChainReporter: GetChains callers share one report. The report (iptables-save and
// ip6tables-save in the helper; here a stand-in that takes 100 ms and counts its runs, so that
// the scheduling is checked without touching any firewall) runs on a worker thread, callers that
// ask while it runs get its answer, and an answer is reused for CacheMs.
#include "helper/service/ChainReporter.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace nfqmon;

class tst_ChainReporter : public QObject
{
    Q_OBJECT

private slots:
    void concurrentCallersShareOneRun();
    void freshAnswerIsReusedThenRenewed();
    void invalidatedByTheHelpersOwnChanges();
    void destroyedWhileRunning();

private:
    ChainReporter::Report slowReport(int ms)
    {
        return [this, ms] {
            ++m_runs;
            m_thread = QThread::currentThread();
            QThread::msleep(ms);
            ChainReport report;
            report.error = QStringLiteral("run %1").arg(m_runs.load());
            return report;
        };
    }

    std::atomic<int> m_runs{0};
    std::atomic<QThread *> m_thread{nullptr};
};

void tst_ChainReporter::concurrentCallersShareOneRun()
{
    m_runs = 0;
    ChainReporter reporter(slowReport(100));
    QStringList answers;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 50; ++i)
        reporter.request([&answers](const ChainReport &report) { answers.append(report.error); });
    // The service's thread is not held up by the report.
    QVERIFY(clock.elapsed() < 50);
    QVERIFY(answers.isEmpty());
    QTRY_COMPARE(answers.size(), 50);
    QCOMPARE(m_runs.load(), 1);
    QCOMPARE(reporter.runs(), 1);
    QCOMPARE(answers.count(QStringLiteral("run 1")), 50);
    QVERIFY(m_thread.load() != QThread::currentThread());
}

void tst_ChainReporter::freshAnswerIsReusedThenRenewed()
{
    m_runs = 0;
    ChainReporter reporter(slowReport(10));
    QString answer;
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    QTRY_COMPARE(answer, QStringLiteral("run 1"));

    // Within CacheMs: answered at once, from the cache.
    answer.clear();
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    QCOMPARE(answer, QStringLiteral("run 1"));
    QCOMPARE(m_runs.load(), 1);

    // After it: a new run.
    QThread::msleep(ChainReporter::CacheMs + 50);
    answer.clear();
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    QVERIFY(answer.isEmpty());
    QTRY_COMPARE(answer, QStringLiteral("run 2"));
    QCOMPARE(m_runs.load(), 2);
}

void tst_ChainReporter::invalidatedByTheHelpersOwnChanges()
{
    m_runs = 0;
    ChainReporter reporter(slowReport(50));
    QString answer;
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    // Invalidated while running: the waiting caller gets that run, the next asks again.
    reporter.invalidate();
    QTRY_COMPARE(answer, QStringLiteral("run 1"));
    answer.clear();
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    QTRY_COMPARE(answer, QStringLiteral("run 2"));
    // Invalidated while cached: the cache is dropped.
    reporter.invalidate();
    answer.clear();
    reporter.request([&answer](const ChainReport &report) { answer = report.error; });
    QVERIFY(answer.isEmpty());
    QTRY_COMPARE(answer, QStringLiteral("run 3"));
}

void tst_ChainReporter::destroyedWhileRunning()
{
    m_runs = 0;
    bool answered = false;
    {
        ChainReporter reporter(slowReport(100));
        reporter.request([&answered](const ChainReport &) { answered = true; });
    } // waits for the run; its answer goes nowhere
    QCoreApplication::processEvents();
    QCOMPARE(m_runs.load(), 1);
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(tst_ChainReporter)
#include "tst_chainreporter.moc"
