// GetChains' answer without letting callers make the root helper fork at will: the report
// (iptables-save and ip6tables-save) runs on a worker thread, never on the service's event loop;
// callers that ask while it runs share its answer; and an answer is reused for CacheMs after it
// arrived. So however many calls come in, the helper runs at most one pair of *-save tools at a
// time and starts a new pair at most once per CacheMs.
#pragma once

#include "helper/engine/ChainManager.h"

#include <QDeadlineTimer>
#include <QObject>

#include <functional>
#include <thread>
#include <vector>

namespace nfqmon {

class ChainReporter : public QObject
{
    Q_OBJECT
public:
    using Report = std::function<ChainReport()>;
    using Done = std::function<void(const ChainReport &report)>;

    static constexpr int CacheMs = 1000;

    // `report` runs on the worker thread; ChainManager::report() unless a test gives another.
    explicit ChainReporter(Report report = &ChainManager::report, QObject *parent = nullptr);
    ~ChainReporter() override; // waits for a report under way (a few milliseconds)

    // `done` runs on this object's thread: at once with a fresh cached report, else when the
    // report under way (or one started now) arrives.
    void request(Done done);
    // The helper changed the chains itself (a capture started or stopped): the next request
    // runs a new report.
    void invalidate();
    int runs() const { return m_runs; }     // reports started so far
    bool busy() const { return m_running; } // a report runs; callers may be waiting for it

private:
    void finished(const ChainReport &report);

    Report m_report;
    std::thread m_worker;
    bool m_running = false;
    std::vector<Done> m_waiting;
    ChainReport m_cached;
    QDeadlineTimer m_fresh{QDeadlineTimer::Forever}; // set when m_cached is valid
    bool m_haveCached = false;
    bool m_runIsStale = false; // invalidated while running: answer the waiters, keep nothing
    int m_runs = 0;
};

} // namespace nfqmon
