#include "app/store/RowJobScheduler.h"

#include <QtConcurrent>

namespace nfqmon {

RowJobScheduler::RowJobScheduler(Deliver onResult, QObject *parent)
    : QObject(parent), m_deliver(std::move(onResult)),
      m_watcher(new QFutureWatcher<RowJobResult>(this))
{
    // Taken, not copied: the future would otherwise share the rows with the table.
    connect(m_watcher, &QFutureWatcherBase::finished, this,
            [this] { deliver(m_watcher->future().takeResult()); });
}

RowJobScheduler::~RowJobScheduler()
{
    if (m_cancel)
        *m_cancel = true; // the worker keeps its own copies and ends soon
}

bool RowJobScheduler::start(RowJob job)
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_running = false;
    job.id = ++m_id;
    job.cancel = m_cancel;
    if (job.work() <= SynchronousLimit) {
        deliver(job.run());
        return false;
    }
    m_running = true;
    m_watcher->setFuture(QtConcurrent::run([job = std::move(job)] { return job.run(); }));
    return true;
}

void RowJobScheduler::cancel()
{
    if (m_cancel)
        *m_cancel = true;
    ++m_id;
    m_running = false;
}

void RowJobScheduler::deliver(RowJobResult result)
{
    if (result.id != m_id || result.cancelled)
        return; // superseded
    m_running = false;
    m_deliver(std::move(result));
}

} // namespace nfqmon
