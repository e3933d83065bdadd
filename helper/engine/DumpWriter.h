// A pcap dump fed by the queue threads through RecordConsumer rings and written on its own
// thread, so a slow disk never slows the packet path. Flushed at least every second and at stop.
// A write error (disk full) stops this dump with a message; capture goes on.
#pragma once

#include "helper/engine/RecordConsumer.h"
#include "helper/protocol/PcapWriter.h"

#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace nfqmon {

class DumpWriter : public RecordConsumer
{
public:
    using MessageHandler = std::function<void(const QString &)>;

    // acceptedOnly: the dump of accepted packets (dump_output) rather than all (dump_input).
    DumpWriter(int producers, bool acceptedOnly, std::uint32_t snapLength);
    ~DumpWriter() override;

    bool open(const QString &path, QString *error);
    bool openFd(int fd, const QString &name, QString *error);

    // onError runs on the writer thread, once, when the file fails.
    void start(MessageHandler onError);
    // Writes what the rings still hold, flushes and closes. Call after the producers stopped.
    void stop();

    QString fileName() const { return m_writer.name(); }
    std::uint64_t packetsWritten() const { return m_written.load(std::memory_order_relaxed); }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    QString errorString() const; // valid once failed()

private:
    void run();
    void writePending();
    void checkFailure();

    PcapWriter m_writer;
    MessageHandler m_onError;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_failed{false};
    std::atomic<std::uint64_t> m_written{0};
};

} // namespace nfqmon
