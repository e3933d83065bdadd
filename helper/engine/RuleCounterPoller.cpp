#include "helper/engine/RuleCounterPoller.h"

#include <QThread>

namespace nfqmon {

RuleCounterPoller::RuleCounterPoller(Read read, std::chrono::milliseconds interval)
    : m_read(std::move(read)), m_interval(interval)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("nfqmon-counters"));
    m_thread->start(QThread::LowPriority);
}

RuleCounterPoller::~RuleCounterPoller()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
}

void RuleCounterPoller::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_all();
}

RuleCounterPoller::Reading RuleCounterPoller::latest() const
{
    const std::lock_guard lock(m_mutex);
    return m_latest;
}

void RuleCounterPoller::run()
{
    std::unique_lock lock(m_mutex);
    // Not in the capture's first interval: a capture started and stopped at once (a script, a
    // user trying settings) does not wait for a reading at its stop.
    if (m_wake.wait_for(lock, m_interval, [this] { return m_stopping; }))
        return;
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested || m_stopping; });
        if (m_stopping)
            return;
        m_requested = false;
        lock.unlock();
        Reading reading = m_read();
        lock.lock();
        if (reading.valid) {
            m_latest = std::move(reading);
        } else {
            m_latest.error = reading.error; // the last good figures stay
        }
        // At most one reading an interval, however often it is asked for.
        if (m_wake.wait_for(lock, m_interval, [this] { return m_stopping; }))
            return;
    }
}

} // namespace nfqmon
