#include "helper/engine/StreamSender.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nfqmon {

namespace {

using Clock = std::chrono::steady_clock;

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(strerror(errno)));
}

int millisecondsUntil(Clock::time_point deadline)
{
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    return int(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 1000));
}

} // namespace

std::shared_ptr<StreamSender> StreamSender::create(int producers, Options options, QString *error)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        *error = systemError("cannot create the packet stream socket");
        return nullptr;
    }
    // Room for a burst while the client is busy drawing. FORCE passes the system's wmem_max,
    // which the helper (root) may; elsewhere the plain option gets what the limit allows.
    const int bytes = options.socketBufferBytes;
    if (::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUFFORCE, &bytes, sizeof bytes) != 0)
        ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
    const int flags = ::fcntl(fds[0], F_GETFL);
    if (flags < 0 || ::fcntl(fds[0], F_SETFL, flags | O_NONBLOCK) != 0) {
        *error = systemError("cannot make the packet stream socket non-blocking");
        ::close(fds[0]);
        ::close(fds[1]);
        return nullptr;
    }
    return std::make_shared<StreamSender>(Token(), producers, options, fds[0], fds[1]);
}

StreamSender::StreamSender(Token, int producers, const Options &options, int fd, int clientFd)
    : RecordConsumer(producers, {options.snapLength, options.acceptedOnly, options.ringBytes}),
      m_options(options), m_fd(fd), m_clientFd(clientFd), m_encoder(options.batchBytes)
{}

StreamSender::~StreamSender()
{
    stop();
    const int clientFd = takeClientFd();
    if (clientFd >= 0)
        ::close(clientFd);
}

int StreamSender::takeClientFd()
{
    return m_clientFd.exchange(-1);
}

void StreamSender::start(FinishedHandler onFinished)
{
    m_onFinished = std::move(onFinished);
    m_thread = std::thread([this] { run(); });
}

void StreamSender::requestStop()
{
    m_stopping.store(true);
    interrupt();
}

void StreamSender::stop()
{
    if (m_thread.joinable()) {
        requestStop();
        m_thread.join();
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

QString StreamSender::errorString() const
{
    std::lock_guard lock(m_errorMutex);
    return m_error;
}

void StreamSender::run()
{
    Clock::time_point batchStart{}; // when the open batch got its first record or loss
    Clock::time_point stopDeadline{};
    while (!finished()) {
        const bool stopping = m_stopping.load();
        if (stopping && stopDeadline == Clock::time_point{})
            stopDeadline = Clock::now() + m_options.stopTimeout;
        if (stopping && Clock::now() >= stopDeadline)
            return; // the client does not read: give up what is left

        if (!m_sealed.empty()) {
            // While the socket is full the rings are not drained: they fill, and the engine
            // counts what this client loses.
            if (flush() == Flush::Full)
                waitForClient(POLLOUT, false, stopping ? millisecondsUntil(stopDeadline) : 1000);
            continue;
        }

        const bool full = gather();
        const bool lossToReport = lost() > m_encoder.reportedLost();
        if (m_encoder.empty() && !lossToReport) {
            if (stopping)
                return; // everything is sent
            waitForClient(0, true, 1000);
            continue;
        }
        const auto now = Clock::now();
        if (batchStart == Clock::time_point{})
            batchStart = now;
        // Under load a batch fills up and goes at once; a trickle waits up to maxDelay.
        if (full || stopping || m_encoder.byteCount() >= m_options.batchBytes ||
            now - batchStart >= m_options.maxDelay) {
            m_sealed = m_encoder.seal(lost());
            m_sent = 0;
            batchStart = {};
            continue;
        }
        waitForClient(0, true, std::max(1, millisecondsUntil(batchStart + m_options.maxDelay)));
    }
}

bool StreamSender::gather()
{
    bool full = false;
    const auto append = [&](const PacketRecord &record, std::span<const std::uint8_t> bytes) {
        if (!describe(record)) {
            full = true;
            return false;
        }
        full = !m_encoder.append(record, bytes);
        return !full;
    };
    // A few hundred at a time from each ring, so that one busy queue cannot crowd out another.
    while (!full && drain(append, 256) > 0) {
    }
    return full;
}

bool StreamSender::describe(const PacketRecord &record)
{
    if (!describeHost(record))
        return false;
    if (record.origin != Origin::Process || !m_options.owners ||
        m_describedProcesses.contains(record.processId))
        return true;
    if (const auto process = m_options.owners->process(record.processId)) {
        if (!m_encoder.appendProcess(*process))
            return false; // the batch is full: the description opens the next one
    }                     // else forgotten already: the client shows the record without a program
    if (m_describedProcesses.size() >= MaxDescribedProcesses)
        m_describedProcesses.clear(); // bounded: a process seen again is described again
    m_describedProcesses.insert(record.processId);
    return true;
}

bool StreamSender::describeHost(const PacketRecord &record)
{
    if (!record.hostId || !m_options.hostNames || m_describedHosts.contains(record.hostId))
        return true;
    if (m_options.hostNames->name(record.hostId, &m_hostName)) {
        if (!m_encoder.appendHost(record.hostId, record.hostSource, m_hostName))
            return false; // the batch is full: the name opens the next one
    }                     // else let go already: the client shows the record's addresses only
    if (m_describedHosts.size() >= MaxDescribedHosts)
        m_describedHosts.clear(); // bounded: a name seen again is sent again
    m_describedHosts.insert(record.hostId);
    return true;
}

StreamSender::Flush StreamSender::flush()
{
    while (m_sent < m_sealed.size()) {
        const ssize_t n = ::send(m_fd, m_sealed.data() + m_sent, m_sealed.size() - m_sent,
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            m_sent += std::size_t(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return Flush::Full;
        } else if (errno == EPIPE || errno == ECONNRESET) {
            finish(QStringLiteral("the client closed the packet stream"));
            return Flush::Closed;
        } else if (errno != EINTR) {
            finish(systemError("cannot write the packet stream"));
            return Flush::Closed;
        }
    }
    m_batches.fetch_add(1, std::memory_order_relaxed);
    m_records.fetch_add(m_encoder.recordCount(), std::memory_order_relaxed);
    m_encoder.clear();
    m_sealed = {};
    return Flush::Done;
}

void StreamSender::waitForClient(short events, bool onData, int timeoutMs)
{
    // POLLHUP: the client closed its end. Noticed here even when there is nothing to send.
    if (waitFor(m_fd, events, onData, timeoutMs) & (POLLHUP | POLLERR)) {
        if (m_sealed.empty())
            finish(QStringLiteral("the client closed the packet stream"));
        // else the next send() says why
    }
}

void StreamSender::finish(const QString &reason)
{
    {
        std::lock_guard lock(m_errorMutex);
        m_error = reason;
    }
    deactivate();
    m_finished.store(true, std::memory_order_release);
    if (m_onFinished)
        m_onFinished();
}

} // namespace nfqmon
