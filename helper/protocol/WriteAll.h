// write(2) until every byte is written: short writes go on, EINTR is tried again. False on any
// other error (errno says which) or a write that wrote nothing.
#pragma once

#include <QByteArray>

#include <cerrno>
#include <unistd.h>

namespace nfqmon {

inline bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace nfqmon
