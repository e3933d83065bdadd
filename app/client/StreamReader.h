// The client's end of the packet stream: reads the socket the helper handed out (OpenStream)
// whenever it has data, decodes it and hands out whole batches. The helper closing its end (the
// capture stopped) is finished(); bad data is streamError() and closes the socket, which the
// helper notices and stops sending.
#pragma once

#include "helper/protocol/StreamBatch.h"
#include "helper/protocol/StreamDecoder.h"

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace nfqmon {

class StreamReader : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of fd (made non-blocking here); it is read in this object's thread.
    explicit StreamReader(int fd, QObject *parent = nullptr);
    ~StreamReader() override;

    bool isOpen() const { return m_fd >= 0; }
    // Closes the stream without a signal: the helper sees the client gone and stops sending.
    void close();
    // Stops reading until resumed: the socket fills, and the helper counts what this client
    // loses. For a reader whose batches pile up faster than they are consumed.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    std::uint64_t batchesReceived() const { return m_batches; }
    std::uint64_t recordsReceived() const { return m_records; }
    std::uint64_t lostTotal() const { return m_lostTotal; } // as the helper last reported it
    QString errorString() const { return m_error; }

signals:
    // A batch in arrival order; batch.lostSincePrevious is what this client lost since the
    // previous batch (batch.lostTotal the running total). A batch may be empty and only report a
    // loss.
    void batchArrived(const nfqmon::StreamBatch &batch);
    void streamError(const QString &message);
    void finished(); // the helper closed the stream, or after streamError()

private:
    void readAvailable();
    void deliver();
    void fail(const QString &message);

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    StreamDecoder m_decoder;
    QByteArray m_buffer;
    std::uint64_t m_batches = 0;
    std::uint64_t m_records = 0;
    std::uint64_t m_lostTotal = 0;
    QString m_error;
    bool m_paused = false;
};

} // namespace nfqmon
