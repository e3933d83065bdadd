#include "helper/protocol/PacketFileWriter.h"

#include "helper/protocol/PcapWriter.h"
#include "helper/protocol/PcapngWriter.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <stdio_ext.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// libpcap's own ceiling for snapshot lengths; readers reject files that claim more.
constexpr std::uint32_t MaximumSnapLength = 262144;

QString errnoText(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

} // namespace

PacketFileWriter::Format PacketFileWriter::formatOf(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".pcapng"), Qt::CaseInsensitive) ? Format::Pcapng
                                                                            : Format::Pcap;
}

std::unique_ptr<PacketFileWriter> PacketFileWriter::create(Format format)
{
    if (format == Format::Pcapng)
        return std::make_unique<PcapngWriter>();
    return std::make_unique<PcapWriter>();
}

PacketFileWriter::~PacketFileWriter()
{
    close();
}

bool PacketFileWriter::refuse(const QString &message, QString *error)
{
    m_error = message;
    if (error)
        *error = m_error;
    return false;
}

bool PacketFileWriter::open(const QString &path, std::uint32_t snapLength, QString *error)
{
    close();
    m_name = path;
    m_error.clear();

    const QByteArray encoded = path.toLocal8Bit();
    const int fd = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return refuse(QStringLiteral("Cannot create dump file %1: %2").arg(path, errnoText(errno)),
                      error);
    FILE *file = ::fdopen(fd, "wb");
    if (!file) {
        const int errnum = errno;
        ::close(fd);
        return refuse(QStringLiteral("Cannot open dump file %1: %2").arg(path, errnoText(errnum)),
                      error);
    }
    return openFile(file, snapLength, error);
}

bool PacketFileWriter::openFd(int fd, std::uint32_t snapLength, const QString &name, QString *error)
{
    close();
    m_name = name;
    m_error.clear();

    const auto refuseFd = [&](const QString &reason) {
        if (fd >= 0)
            ::close(fd);
        return refuse(QStringLiteral("Cannot write dump %1: %2").arg(name, reason), error);
    };

    const int flags = fd < 0 ? -1 : ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return refuseFd(errnoText(fd < 0 ? EBADF : errno));
    if ((flags & O_ACCMODE) == O_RDONLY)
        return refuseFd(QStringLiteral("the file descriptor is not open for writing"));
    // The helper starts iptables-restore and friends; they must not inherit a dump file.
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);

    // A regular file is rewritten from the start: stale bytes after our data would look like a
    // damaged last packet to every reader. Pipes, sockets and devices are left as they are.
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        if (::lseek(fd, 0, SEEK_SET) < 0 || ::ftruncate(fd, 0) < 0)
            return refuseFd(errnoText(errno));
    }

    FILE *file = ::fdopen(fd, "wb");
    if (!file)
        return refuseFd(errnoText(errno));
    return openFile(file, snapLength, error);
}

bool PacketFileWriter::openFile(FILE *file, std::uint32_t snapLength, QString *error)
{
    m_snapLength = snapLength == 0 ? MaximumSnapLength
                                   : std::min<std::uint32_t>(snapLength, MaximumSnapLength);
    m_packets = 0;
    m_bytes = 0;
    m_flushedBytes = 0;
    m_recordEnds.clear();

    // Packets arrive one by one; a large buffer turns them into few large write(2) calls. It
    // must be installed before the first byte goes through the stream.
    m_buffer = new char[BufferSize];
    std::setvbuf(file, m_buffer, _IOFBF, BufferSize);
    m_file = file;
    if (!writeHeader()) {
        if (error)
            *error = m_error;
        close();
        return false;
    }
    return true;
}

std::uint32_t PacketFileWriter::keptLength(const PacketFileRecord &packet) const
{
    return std::min(packet.data ? packet.capturedLength : 0, m_snapLength);
}

bool PacketFileWriter::writeRecord(std::initializer_list<std::span<const std::uint8_t>> parts,
                                   bool packet)
{
    if (!m_file || failed())
        return false;
    std::uint64_t size = 0;
    for (const auto part : parts)
        size += part.size();
    if (!putParts(parts))
        return false;
    if (packet)
        ++m_packets;
    m_bytes += size;
    m_recordEnds.push_back(m_bytes);
    return true;
}

bool PacketFileWriter::writeFormatted(std::span<const std::uint8_t> first,
                                      std::span<const std::uint8_t> second,
                                      std::span<const std::uint32_t> recordSizes)
{
    if (!m_file || failed())
        return false;
    // The records' ends first: a write that fails half way cuts after the last whole one.
    std::uint64_t end = m_bytes;
    for (const std::uint32_t size : recordSizes) {
        end += size;
        m_recordEnds.push_back(end);
    }
    if (!putParts({first, second}))
        return false;
    m_bytes = end;
    m_packets += recordSizes.size();
    return true;
}

bool PacketFileWriter::putParts(std::initializer_list<std::span<const std::uint8_t>> parts)
{
    errno = 0;
    // One thread at a time uses a writer (a dump's, an export's): the unlocked calls spare a lock
    // and an unlock per part (a record is two to four parts), which showed in the dump thread's
    // profile.
    for (const auto part : parts) {
        if (!part.empty() && fwrite_unlocked(part.data(), 1, part.size(), m_file) != part.size())
            break;
    }
    if (ferror_unlocked(m_file)) {
        fail(errno != 0 ? errno : EIO);
        return false;
    }
    return true;
}

bool PacketFileWriter::flush()
{
    if (!m_file || failed())
        return !failed();
    writeHeldBack();
    errno = 0;
    if (!failed() && (std::fflush(m_file) != 0 || std::ferror(m_file)))
        fail(errno != 0 ? errno : EIO);
    if (failed())
        return false;
    m_flushedBytes = m_bytes;
    m_recordEnds.clear();
    return true;
}

bool PacketFileWriter::close()
{
    if (m_file) {
        flush();
        std::fclose(m_file); // the buffer is empty, or purged after a failure
        m_file = nullptr;
    }
    delete[] m_buffer;
    m_buffer = nullptr;
    return !failed();
}

void PacketFileWriter::fail(int errnum)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("dump %1: %2").arg(m_name, errnoText(errnum));
    cutToWholeRecords();
}

// A full disk leaves the stdio buffer half written: drop what is still buffered (it would
// otherwise be written at close, after a gap) and cut the file after its last whole record, so
// that every reader takes it as a complete capture.
void PacketFileWriter::cutToWholeRecords()
{
    if (!m_file)
        return;
    __fpurge(m_file);
    const int fd = ::fileno(m_file);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        return;
    // Everything up to the last successful flush is whole; of the records after it, those that
    // end inside the file made it. (The descriptor may be write-only: the file is not read.)
    const auto size = std::uint64_t(info.st_size);
    std::uint64_t at = m_flushedBytes;
    for (const std::uint64_t end : m_recordEnds) {
        if (end > size)
            break;
        at = end;
    }
    m_recordEnds.clear();
    if (at < size && ::ftruncate(fd, off_t(at)) != 0)
        return; // the file keeps a damaged last record; the error already says the dump failed
}

} // namespace nfqmon
