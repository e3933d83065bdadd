// A client of the packet stream for tests: a StreamReader on a thread of its own, as a real
// client reads while the test thread is busy sending traffic. Everything it received is kept,
// each batch with the time (CLOCK_REALTIME, ns) it arrived, or only the counts.
#pragma once

#include "helper/protocol/StreamBatch.h"

#include <QList>
#include <QString>
#include <QThread>

#include <chrono>
#include <mutex>

namespace nfqmon {
class StreamReader;
}

namespace nfqmon::test {

class StreamClient
{
public:
    struct Received {
        StreamBatch batch;
        std::int64_t arrivedNs = 0;
    };

    // CountOnly: a reader that keeps nothing but the counts (a benchmark's, for long floods).
    enum class Keep { Batches, CountOnly };

    explicit StreamClient(int fd, Keep keep = Keep::Batches); // takes ownership of fd
    ~StreamClient();
    StreamClient(const StreamClient &) = delete;
    StreamClient &operator=(const StreamClient &) = delete;

    // Closes the client's end, as a client that goes away.
    void close();

    QList<Received> batches() const;
    std::uint64_t records() const;   // in all batches so far
    std::uint64_t lostTotal() const; // as the last batch reported it
    bool finished() const;
    QString error() const;
    // Waits, without an event loop of the caller's, until finished() or the timeout.
    bool waitFinished(std::chrono::milliseconds timeout) const;

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    StreamReader *m_reader = nullptr;
    mutable std::mutex m_mutex;
    QList<Received> m_batches;
    std::uint64_t m_records = 0;
    std::uint64_t m_lostTotal = 0;
    bool m_finished = false;
    QString m_error;
};

} // namespace nfqmon::test
