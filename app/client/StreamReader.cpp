#include "app/client/StreamReader.h"

#include <QPointer>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace nfqmon {

namespace {
constexpr qsizetype ReadSize = 256 * 1024;
// Per wake-up, so that a fast helper cannot keep the event loop from drawing.
constexpr qsizetype MaxReadPerWake = 8 * 1024 * 1024;
} // namespace

StreamReader::StreamReader(int fd, QObject *parent)
    : QObject(parent), m_fd(fd), m_buffer(ReadSize, Qt::Uninitialized)
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StreamReader::readAvailable);
}

StreamReader::~StreamReader()
{
    close();
}

void StreamReader::close()
{
    if (m_fd < 0)
        return;
    delete m_notifier; // before the descriptor it watches is closed
    m_notifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
}

void StreamReader::setPaused(bool paused)
{
    m_paused = paused;
    if (m_notifier)
        m_notifier->setEnabled(!paused);
}

void StreamReader::readAvailable()
{
    QPointer<StreamReader> alive(this); // a slot may delete us while batches are delivered
    qsizetype total = 0;
    while (m_fd >= 0 && !m_paused && total < MaxReadPerWake) {
        const ssize_t n = ::read(m_fd, m_buffer.data(), std::size_t(m_buffer.size()));
        if (n > 0) {
            total += n;
            const bool good = m_decoder.feed(m_buffer.constData(), std::size_t(n));
            deliver();
            if (!alive)
                return;
            if (!good)
                return fail(m_decoder.errorString());
        } else if (n == 0) {
            const bool clean = m_decoder.atBoundary();
            close();
            if (!clean)
                return fail(QStringLiteral("the packet stream ended inside a batch"));
            emit finished();
            return;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        } else if (errno != EINTR) {
            return fail(QStringLiteral("cannot read the packet stream: %1")
                            .arg(QString::fromLocal8Bit(strerror(errno))));
        }
    }
}

void StreamReader::deliver()
{
    QPointer<StreamReader> alive(this);
    StreamBatch batch;
    while (alive && m_decoder.next(&batch)) {
        ++m_batches;
        m_records += std::uint64_t(batch.size());
        m_lostTotal = batch.lostTotal;
        emit batchArrived(batch);
    }
}

void StreamReader::fail(const QString &message)
{
    m_error = message;
    close();
    QPointer<StreamReader> alive(this);
    emit streamError(message);
    if (alive)
        emit finished();
}

} // namespace nfqmon
