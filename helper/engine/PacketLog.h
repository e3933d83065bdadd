// The headless packet log (`log = FILE`, `-` for standard output): a JSON line per packet
// (PacketLogLine), fed by the queue threads through RecordConsumer rings and written on its own
// thread, so a slow disk or reader never slows the packet path. Written out at least every
// second and at stop. A write error stops the log with a message; capture goes on.
#pragma once

#include "helper/engine/RecordConsumer.h"
#include "helper/protocol/ProcessInfo.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

namespace nfqmon {

class HostNames;
class PacketOwners;

class PacketLog : public RecordConsumer
{
public:
    using MessageHandler = std::function<void(const QString &)>;

    explicit PacketLog(int producers);
    ~PacketLog() override;

    // Appends to `path` (made mode 0600: command lines are other users' data), or writes to
    // standard output for "-". False and a sentence when it cannot be opened.
    bool open(const QString &path, QString *error);
    // Where the processes the records name are described; may be null (attribution off).
    void setOwners(std::shared_ptr<PacketOwners> owners) { m_owners = std::move(owners); }
    // Where the host names the records refer to are kept; may be null (host names off).
    void setHostNames(std::shared_ptr<HostNames> names) { m_hostNames = std::move(names); }

    // onError runs on the writer thread, once, when writing fails.
    void start(MessageHandler onError);
    // Writes what the rings still hold and closes. Call after the producers stopped.
    void stop();

    QString fileName() const { return m_name; }
    std::uint64_t linesWritten() const { return m_written.load(std::memory_order_relaxed); }
    QString errorString() const; // empty while the log works

private:
    void run();
    void formatPending();
    bool writeOut(); // the buffer to the file; false on an error
    const ProcessInfo *processOf(std::uint32_t id);

    QString m_name;
    int m_fd = -1;
    bool m_ownsFd = false;
    std::shared_ptr<PacketOwners> m_owners;
    std::shared_ptr<HostNames> m_hostNames;
    std::string m_host; // the record's host name, looked up for its line
    // Looked up once per process (PacketOwners' lock is the packet path's).
    std::unordered_map<std::uint32_t, std::shared_ptr<const ProcessInfo>> m_processes;
    std::string m_buffer;
    std::uint64_t m_buffered = 0; // lines in m_buffer
    MessageHandler m_onError;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_failed{false};
    QString m_error; // set by the writer thread before m_failed
    std::atomic<std::uint64_t> m_written{0};
};

} // namespace nfqmon
