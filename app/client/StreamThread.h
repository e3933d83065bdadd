// Reads one packet stream (StreamReader) on a thread of its own and hands the batches to the
// thread that owns this object, in order. At most MaxBytesInFlight of batches wait there: past
// that the reader pauses, the socket fills, and the helper drops records for this client only
// and counts them (the next batch reports the loss), instead of the window's memory growing
// without bound while its event loop is busy.
#pragma once

#include "helper/protocol/StreamBatch.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace nfqmon {

class StreamReader;

class StreamThread : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxBytesInFlight = 64 * 1024 * 1024;

    // Takes ownership of fd and starts reading at once.
    explicit StreamThread(int fd, QObject *parent = nullptr);
    ~StreamThread() override; // closes the stream (the helper stops sending) and joins

    bool isFinished() const { return m_finished; }

signals:
    void batchArrived(const nfqmon::StreamBatch &batch);
    // The stream ended: the helper closed it (error empty) or it broke (error says how).
    void finished(const QString &error);

private:
    void onBatch(const StreamBatch &batch); // in the reader's thread
    void deliver(const StreamBatch &batch); // in ours
    void pause();                           // in the reader's thread
    void resume();                          // in ours

    QThread *m_thread = nullptr;
    StreamReader *m_reader = nullptr; // lives in m_thread
    std::atomic<qint64> m_inFlight{0};
    std::atomic<bool> m_paused{false};
    QString m_error;
    bool m_finished = false;
};

} // namespace nfqmon
