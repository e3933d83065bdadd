#include "helper/service/ChainReporter.h"

#include <QMetaObject>

#include <utility>

namespace nfqmon {

ChainReporter::ChainReporter(Report report, QObject *parent)
    : QObject(parent), m_report(std::move(report))
{}

ChainReporter::~ChainReporter()
{
    // The worker's queued result is discarded with this object.
    if (m_worker.joinable())
        m_worker.join();
}

void ChainReporter::request(Done done)
{
    if (m_haveCached && !m_fresh.hasExpired()) {
        done(m_cached);
        return;
    }
    m_waiting.push_back(std::move(done));
    if (m_running)
        return;
    if (m_worker.joinable())
        m_worker.join(); // the previous run, finished already
    m_running = true;
    ++m_runs;
    m_worker = std::thread([this, report = m_report] {
        const ChainReport result = report();
        QMetaObject::invokeMethod(
            this, [this, result] { finished(result); }, Qt::QueuedConnection);
    });
}

void ChainReporter::invalidate()
{
    m_haveCached = false;
    m_runIsStale = m_running;
}

void ChainReporter::finished(const ChainReport &report)
{
    m_running = false;
    if (!std::exchange(m_runIsStale, false)) {
        m_cached = report;
        m_haveCached = true;
        m_fresh.setRemainingTime(CacheMs);
    }
    // A continuation may call request() again: it finds the fresh report.
    const std::vector<Done> waiting = std::exchange(m_waiting, {});
    for (const Done &done : waiting)
        done(report);
}

} // namespace nfqmon
