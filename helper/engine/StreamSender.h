// The packet stream to one client: a RecordConsumer whose thread turns the records into batches
// (StreamFormat.h) and writes them to its end of a socket pair; the other end goes to the
// client (OpenStream hands it out over D-Bus). A client that reads slowly fills the socket; the
// thread then stops draining its rings, so records are lost for this client only, counted, and
// the count reaches the client in the next batch header. The packet path never waits.
//
//   auto sender = StreamSender::create(engine.producerCount(), {}, &error);
//   int clientFd = sender->takeClientFd();  // hand out (dup), then close
//   sender->start([] { /* on the sender's thread: ask the owner to detach and stop it */ });
//   engine.attach(sender);
//   ...
//   engine.detach(sender); sender->stop();  // or engine.stop() first, then stop()
#pragma once

#include "helper/attribution/PacketOwners.h"
#include "helper/engine/RecordConsumer.h"
#include "helper/names/HostNames.h"
#include "helper/protocol/StreamEncoder.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace nfqmon {

class StreamSender : public RecordConsumer
{
public:
    struct Options {
        std::uint32_t snapLength = 65535; // bytes of each packet the client gets
        bool acceptedOnly = false;
        std::size_t ringBytes = 8u << 20;            // per queue thread
        int socketBufferBytes = 4 << 20;             // SO_SNDBUF of the helper's end
        std::uint32_t batchBytes = 1u << 20;         // a batch this big is sent at once
        std::chrono::milliseconds maxDelay{10};      // how long a record may wait for company
        std::chrono::milliseconds stopTimeout{1000}; // stop(): how long to wait for the client
        // Where the processes that records name are described; each goes to the client once,
        // before the first record that names it. nullptr: records name none.
        std::shared_ptr<PacketOwners> owners;
        // Where the host names that records name are kept; each goes to the client once, before
        // the first record that names it. nullptr: records name none.
        std::shared_ptr<HostNames> hostNames;
    };
    using FinishedHandler = std::function<void()>;

    // Makes the socket pair; nullptr and a sentence when the system refuses.
    static std::shared_ptr<StreamSender> create(int producers, Options options, QString *error);
    ~StreamSender() override; // stop()

    // The client's end, once (then -1); the caller owns it. CLOEXEC, blocking.
    int takeClientFd();

    // onFinished runs on the sender's thread, once, when the client closed its end or a write
    // failed. It must not stop or destroy the sender (that joins this very thread): post to the
    // owner's thread instead.
    void start(FinishedHandler onFinished = {});
    // Sends what the rings still hold (waiting up to stopTimeout for a slow client), joins the
    // thread and closes the helper's end: the client reads the end of the stream. Idempotent.
    // Call after detaching from the engine, or after the engine stopped, on the owner's thread
    // (not from a queue thread dropping the last reference: it may wait for the client).
    void stop();
    // Starts stopping without waiting; stop() then joins. Stops many senders in parallel.
    void requestStop();

    bool finished() const { return m_finished.load(std::memory_order_acquire); }
    QString errorString() const; // why it finished: client gone, or a write error
    std::uint64_t batchesSent() const { return m_batches.load(std::memory_order_relaxed); }
    std::uint64_t recordsSent() const { return m_records.load(std::memory_order_relaxed); }

private:
    struct Token { // keeps the constructor to create(), while make_shared can call it
        explicit Token() = default;
    };

public:
    StreamSender(Token, int producers, const Options &options, int fd, int clientFd);

private:
    enum class Flush { Done, Full, Closed };

    void run();
    bool gather();
    // Puts the description of the record's process before it, once: false when the batch is
    // full.
    bool describe(const PacketRecord &record);
    bool describeHost(const PacketRecord &record);
    static constexpr std::size_t MaxDescribedProcesses = 65536;
    static constexpr std::size_t MaxDescribedHosts = 65536;
    Flush flush();
    void waitForClient(short events, bool onData, int timeoutMs);
    void finish(const QString &reason);

    Options m_options;
    int m_fd = -1;
    std::atomic<int> m_clientFd{-1};
    StreamEncoder m_encoder;
    std::unordered_set<std::uint32_t> m_describedProcesses; // sent to this client already
    std::unordered_set<std::uint64_t> m_describedHosts;
    std::string m_hostName;
    std::span<const std::uint8_t> m_sealed; // the batch being written; empty when none
    std::size_t m_sent = 0;                 // bytes of it already written
    FinishedHandler m_onFinished;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_errorMutex;
    QString m_error;
    std::atomic<std::uint64_t> m_batches{0};
    std::atomic<std::uint64_t> m_records{0};
};

} // namespace nfqmon
