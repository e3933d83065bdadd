#include "app/capture/StreamRelay.h"

#include <QCoreApplication>

#include <cerrno>
#include <fcntl.h>
#include <memory>
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

} // namespace

StreamRelay::End StreamRelay::copy(int from, int to, QString *error)
{
    makeBlocking(from);
    makeBlocking(to);
    // splice: from the socket into a pipe without a copy through this process.
    for (;;) {
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
        const ssize_t n = ::read(from, buffer.get(), ChunkBytes);
        if (n == 0)
            return End::StreamEnded;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failure(errno, error);
        }
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(to, buffer.get() + done, std::size_t(n - done));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return failure(errno, error);
            }
            done += w;
        }
    }
}

} // namespace nfqmon
