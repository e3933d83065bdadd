#include "helper/engine/PacketLog.h"

#include "helper/attribution/PacketOwners.h"
#include "helper/engine/PacketLogLine.h"
#include "helper/names/HostNames.h"

#include <QFile>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace nfqmon {

namespace {

constexpr std::size_t FlushBytes = 64 * 1024; // written out at once beyond this
constexpr std::size_t MaxRememberedProcesses = 16384;

} // namespace

// The log needs no packet bytes: the record's summary is the line.
PacketLog::PacketLog(int producers) : RecordConsumer(producers, Options{0, false, 4u << 20}) {}

PacketLog::~PacketLog()
{
    stop();
    if (m_ownsFd && m_fd >= 0)
        ::close(m_fd);
}

bool PacketLog::open(const QString &path, QString *error)
{
    if (path == QLatin1String("-")) {
        m_name = QStringLiteral("standard output");
        m_fd = STDOUT_FILENO;
        return true;
    }
    m_name = path;
    m_fd = ::open(QFile::encodeName(path).constData(),
                  O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY, 0600);
    if (m_fd < 0) {
        *error = QStringLiteral("cannot open the packet log %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_ownsFd = true;
    return true;
}

void PacketLog::start(MessageHandler onError)
{
    m_onError = std::move(onError);
    m_thread = std::thread([this] { run(); });
}

void PacketLog::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    interrupt();
    m_thread.join();
}

QString PacketLog::errorString() const
{
    return m_failed.load() ? m_error : QString();
}

void PacketLog::run()
{
    using Clock = std::chrono::steady_clock;
    auto lastWrite = Clock::now();
    while (!m_stopping.load()) {
        waitForData(200);
        formatPending();
        if (!m_buffer.empty() && (m_buffer.size() >= FlushBytes ||
                                  Clock::now() - lastWrite >= std::chrono::seconds(1))) {
            writeOut();
            lastWrite = Clock::now();
        }
    }
    formatPending();
    writeOut();
}

void PacketLog::formatPending()
{
    while (drain([this](const PacketRecord &record, std::span<const std::uint8_t>) {
               if (m_failed.load(std::memory_order_relaxed))
                   return;
               const ProcessInfo *process =
                   record.origin == Origin::Process ? processOf(record.processId) : nullptr;
               m_host.clear();
               if (record.hostId && m_hostNames)
                   m_hostNames->name(record.hostId, &m_host);
               PacketLogLine::append(m_buffer, record, process, m_host);
               ++m_buffered;
           }) > 0) {
        if (m_buffer.size() >= FlushBytes && !writeOut())
            break;
    }
}

bool PacketLog::writeOut()
{
    if (m_failed.load())
        return false;
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = QStringLiteral("the packet log %1 could not be written: %2")
                          .arg(m_name, QString::fromLocal8Bit(std::strerror(n < 0 ? errno : EIO)));
            m_failed.store(true);
            deactivate();
            m_buffer.clear();
            m_buffered = 0;
            if (m_onError)
                m_onError(m_error);
            return false;
        }
        done += std::size_t(n);
    }
    m_written.fetch_add(m_buffered, std::memory_order_relaxed);
    m_buffered = 0;
    m_buffer.clear();
    return true;
}

const ProcessInfo *PacketLog::processOf(std::uint32_t id)
{
    if (const auto known = m_processes.find(id); known != m_processes.end())
        return known->second.get();
    if (!m_owners)
        return nullptr;
    auto process = m_owners->process(id);
    if (!process)
        return nullptr; // gone from the table; not remembered, nor guessed
    if (m_processes.size() >= MaxRememberedProcesses)
        m_processes.clear();
    return m_processes.emplace(id, std::move(process)).first->second.get();
}

} // namespace nfqmon
