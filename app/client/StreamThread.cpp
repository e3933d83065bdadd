#include "app/client/StreamThread.h"

#include "app/client/StreamReader.h"

#include <QThread>

namespace nfqmon {

namespace {
constexpr qint64 ResumeBelow = StreamThread::MaxBytesInFlight / 2;
}

StreamThread::StreamThread(int fd, QObject *parent) : QObject(parent), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("nfqmon stream"));
    m_reader = new StreamReader(fd);
    m_reader->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(
        m_reader, &StreamReader::batchArrived, m_reader,
        [this](const StreamBatch &batch) { onBatch(batch); }, Qt::DirectConnection);
    // Queued like the batches, so the end comes after the last of them.
    connect(m_reader, &StreamReader::streamError, this,
            [this](const QString &message) { m_error = message; });
    connect(m_reader, &StreamReader::finished, this, [this] {
        m_finished = true;
        emit finished(m_error);
    });
    m_thread->start();
}

StreamThread::~StreamThread()
{
    // The reader closes its socket when it is deleted, as the thread ends.
    m_thread->quit();
    m_thread->wait();
}

void StreamThread::onBatch(const StreamBatch &batch)
{
    const qint64 bytes = batch.payload.size();
    if (m_inFlight.fetch_add(bytes) + bytes > MaxBytesInFlight)
        pause();
    QMetaObject::invokeMethod(
        this, [this, batch] { deliver(batch); }, Qt::QueuedConnection);
}

void StreamThread::pause()
{
    m_reader->setPaused(true);
    m_paused = true;
    // Everything may have been delivered meanwhile, with nobody left to resume us.
    if (m_inFlight.load() < ResumeBelow && m_paused.exchange(false))
        m_reader->setPaused(false);
}

void StreamThread::deliver(const StreamBatch &batch)
{
    emit batchArrived(batch);
    const qint64 bytes = batch.payload.size();
    if (m_inFlight.fetch_sub(bytes) - bytes < ResumeBelow)
        resume();
}

void StreamThread::resume()
{
    if (m_paused.exchange(false))
        QMetaObject::invokeMethod(
            m_reader, [reader = m_reader] { reader->setPaused(false); }, Qt::QueuedConnection);
}

} // namespace nfqmon
