// Runs the packet table's RowJobs one at a time: a small job at once in the calling thread, a
// big one in a worker (QtConcurrent) while the event loop goes on. Only the latest job counts:
// starting one cancels the one running, and a superseded or cancelled job's result is never
// delivered. Results go to a function of the owner (moved: the rows are not copied), from the
// calling thread, before start() returns for a small job.
#pragma once

#include "app/store/RowJob.h"
#include "app/store/RowJobResult.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace nfqmon {

class RowJobScheduler : public QObject
{
    Q_OBJECT
public:
    // Up to this many packets of work, a job runs at once in the calling thread.
    static constexpr qint64 SynchronousLimit = 20'000;

    using Deliver = std::function<void(RowJobResult)>;

    explicit RowJobScheduler(Deliver onResult, QObject *parent = nullptr);
    ~RowJobScheduler() override; // cancels the running job (the worker ends soon)

    // Cancels the running job and runs `job` (its id and cancel flag are set here). True when
    // it runs in a worker, false when its result has already been delivered.
    bool start(RowJob job);
    // Drops the running job: its result is not delivered.
    void cancel();
    // A worker runs the latest job; its result is still to come.
    bool isRunning() const { return m_running; }

private:
    void deliver(RowJobResult result);

    Deliver m_deliver;
    QFutureWatcher<RowJobResult> *m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_id = 0; // of the latest job
    bool m_running = false;
};

} // namespace nfqmon
