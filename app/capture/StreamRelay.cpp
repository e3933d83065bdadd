#include "app/capture/StreamRelay.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <poll.h>
#include <unistd.h>

namespace nfqmon {

namespace {

void makeBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0 && (flags & O_NONBLOCK))
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
}

StreamRelay::End failure(int errnum, QString *error)
{
    if (errnum == EPIPE || errnum == ECONNRESET)
        return StreamRelay::End::OutputClosed;
    if (error)
        *error = QCoreApplication::translate("nfqmon::StreamRelay",
                                             "Relaying the packet stream failed: %1.")
                     .arg(qt_error_string(errnum));
    return StreamRelay::End::Failed;
}

// Waits until the stream has bytes (or ended) or the output's reader went away. A pipe whose
// reader closed polls as POLLERR, a socket whose peer closed as POLLHUP; neither is seen by a
// splice or read that waits for the stream, so an idle stream would otherwise keep the relay
// (and the helper's stream) alive after the window went away.
bool waitForStream(int from, int to, StreamRelay::End *end, QString *error)
{
    for (;;) {
        pollfd fds[2] = {{from, POLLIN, 0}, {to, 0, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            *end = failure(errno, error);
            return false;
        }
        if (fds[1].revents & (POLLERR | POLLHUP)) {
            *end = StreamRelay::End::OutputClosed;
            return false;
        }
        if (fds[1].revents & POLLNVAL) {
            *end = failure(EBADF, error);
            return false;
        }
        if (fds[0].revents != 0)
            return true; // data, the stream's end or its error: the next read says which
    }
}

} // namespace

StreamRelay::End StreamRelay::copy(int from, int to, QString *error)
{
    makeBlocking(from);
    makeBlocking(to);
    End end = End::StreamEnded;
    // splice: from the socket into a pipe without a copy through this process.
    for (;;) {
        if (!waitForStream(from, to, &end, error))
            return end;
        const ssize_t n = ::splice(from, nullptr, to, nullptr, ChunkBytes, SPLICE_F_MOVE);
        if (n > 0)
            continue;
        if (n == 0)
            return End::StreamEnded;
        if (errno == EINTR)
            continue;
        if (errno == EINVAL || errno == ENOSYS)
            break; // the output is not a pipe (or the socket cannot splice): copy
        return failure(errno, error);
    }
    const auto buffer = std::make_unique<char[]>(ChunkBytes);
    for (;;) {
        if (!waitForStream(from, to, &end, error))
            return end;
        const ssize_t n = ::read(from, buffer.get(), ChunkBytes);
        if (n == 0)
            return End::StreamEnded;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failure(errno, error);
        }
        for (ssize_t written = 0; written < n;) {
            const ssize_t w = ::write(to, buffer.get() + written, std::size_t(n - written));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return failure(errno, error);
            }
            written += w;
        }
    }
}

} // namespace nfqmon
