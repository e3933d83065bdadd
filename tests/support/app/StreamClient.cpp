#include "tests/support/app/StreamClient.h"

#include "app/client/StreamReader.h"

#include <QDeadlineTimer>

#include <time.h>

namespace nfqmon::test {

namespace {
std::int64_t realtimeNs()
{
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

StreamClient::StreamClient(int fd, Keep keep)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    // Made in its thread, so that its socket notifier belongs to that thread's event loop.
    QMetaObject::invokeMethod(
        m_context,
        [this, fd, keep] {
            m_reader = new StreamReader(fd, m_context);
            QObject::connect(m_reader, &StreamReader::batchArrived, m_context,
                             [this, keep](const StreamBatch &batch) {
                                 std::lock_guard lock(m_mutex);
                                 if (keep == Keep::Batches)
                                     m_batches.append({batch, realtimeNs()});
                                 m_records += std::uint64_t(batch.size());
                                 m_lostTotal = batch.lostTotal;
                             });
            QObject::connect(m_reader, &StreamReader::streamError, m_context,
                             [this](const QString &message) {
                                 std::lock_guard lock(m_mutex);
                                 m_error = message;
                             });
            QObject::connect(m_reader, &StreamReader::finished, m_context, [this] {
                std::lock_guard lock(m_mutex);
                m_finished = true;
            });
        },
        Qt::BlockingQueuedConnection);
}

StreamClient::~StreamClient()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_reader; }, Qt::BlockingQueuedConnection);
    m_context->deleteLater(); // when the thread ends
    m_thread.quit();
    m_thread.wait();
}

void StreamClient::close()
{
    QMetaObject::invokeMethod(
        m_context, [this] { m_reader->close(); }, Qt::BlockingQueuedConnection);
}

QList<StreamClient::Received> StreamClient::batches() const
{
    std::lock_guard lock(m_mutex);
    return m_batches;
}

std::uint64_t StreamClient::records() const
{
    std::lock_guard lock(m_mutex);
    return m_records;
}

std::uint64_t StreamClient::lostTotal() const
{
    std::lock_guard lock(m_mutex);
    return m_lostTotal;
}

bool StreamClient::finished() const
{
    std::lock_guard lock(m_mutex);
    return m_finished;
}

QString StreamClient::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

bool StreamClient::waitFinished(std::chrono::milliseconds timeout) const
{
    QDeadlineTimer deadline(timeout);
    while (!finished()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace nfqmon::test
