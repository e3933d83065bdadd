#include "app/store/PacketBytesFile.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

QString systemError(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

} // namespace

PacketBytesFile::~PacketBytesFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool PacketBytesFile::open(QString *error, const QString &directory)
{
    const QString dir = directory.isEmpty() ? QDir::tempPath() : directory;
    const QByteArray path = QFile::encodeName(dir);
    // O_TMPFILE: a file without a name; tmpfs, ext4, xfs and btrfs support it.
    m_fd = ::open(path.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (m_fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        QByteArray name = path + "/nfqmon-packets-XXXXXX";
        m_fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (m_fd >= 0)
            ::unlink(name.constData());
    }
    if (m_fd < 0) {
        const int errnum = errno;
        if (error)
            *error = QStringLiteral("cannot create the packet file in %1: %2")
                         .arg(dir, systemError(errnum));
        return false;
    }
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && st.st_blksize > m_blockSize)
        m_blockSize = st.st_blksize;
    m_size = 0;
    m_error.clear();
    return true;
}

bool PacketBytesFile::append(const char *data, qint64 length)
{
    if (m_fd < 0)
        return false;
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pwrite(m_fd, data + done, size_t(length - done), m_size + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int errnum = n < 0 ? errno : ENOSPC;
            m_error = QStringLiteral("packet file: %1").arg(systemError(errnum));
            // What was written of this piece stays unused; the next append starts after it.
            m_size += done;
            return false;
        }
        done += n;
    }
    m_size += length;
    return true;
}

bool PacketBytesFile::read(qint64 offset, char *buffer, qint64 length) const
{
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, buffer + done, size_t(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

void PacketBytesFile::release(qint64 offset, qint64 length) const
{
    // Punching zeroes partial blocks at the edges, and the neighbours' bytes may share them:
    // only whole blocks inside the stretch go.
    const qint64 Block = m_blockSize;
    const qint64 begin = (offset + Block - 1) / Block * Block;
    const qint64 end = (offset + length) / Block * Block;
    if (m_fd >= 0 && end > begin)
        ::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, begin, end - begin);
}

} // namespace nfqmon
