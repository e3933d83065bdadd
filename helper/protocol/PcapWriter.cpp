#include "helper/protocol/PcapWriter.h"

#include <pcap/pcap.h>

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

constexpr std::uint64_t FileHeaderSize = 24;
constexpr std::uint64_t RecordHeaderSize = 16;

QString errnoText(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

} // namespace

PcapWriter::~PcapWriter()
{
    close();
}

bool PcapWriter::open(const QString &path, std::uint32_t snapLength, QString *error)
{
    close();
    m_name = path;
    m_error.clear();

    const QByteArray encoded = path.toLocal8Bit();
    const int fd = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = QStringLiteral("Cannot create dump file %1: %2").arg(path, errnoText(errno));
        if (error)
            *error = m_error;
        return false;
    }
    FILE *file = ::fdopen(fd, "wb");
    if (!file) {
        m_error = QStringLiteral("Cannot open dump file %1: %2").arg(path, errnoText(errno));
        ::close(fd);
        if (error)
            *error = m_error;
        return false;
    }
    return openFile(file, snapLength, error);
}

bool PcapWriter::openFd(int fd, std::uint32_t snapLength, const QString &name, QString *error)
{
    close();
    m_name = name;
    m_error.clear();

    const auto refuse = [&](const QString &reason) {
        m_error = QStringLiteral("Cannot write dump %1: %2").arg(name, reason);
        if (fd >= 0)
            ::close(fd);
        if (error)
            *error = m_error;
        return false;
    };

    const int flags = fd < 0 ? -1 : ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return refuse(errnoText(fd < 0 ? EBADF : errno));
    if ((flags & O_ACCMODE) == O_RDONLY)
        return refuse(QStringLiteral("the file descriptor is not open for writing"));
    // The helper starts iptables-restore and friends; they must not inherit a dump file.
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);

    // A regular file is rewritten from the start: stale bytes after our data would look like a
    // damaged last packet to every reader. Pipes, sockets and devices are left as they are.
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        if (::lseek(fd, 0, SEEK_SET) < 0 || ::ftruncate(fd, 0) < 0)
            return refuse(errnoText(errno));
    }

    FILE *file = ::fdopen(fd, "wb");
    if (!file)
        return refuse(errnoText(errno));
    return openFile(file, snapLength, error);
}

bool PcapWriter::openFile(FILE *file, std::uint32_t snapLength, QString *error)
{
    m_snapLength = snapLength == 0 ? MaximumSnapLength
                                   : std::min<std::uint32_t>(snapLength, MaximumSnapLength);
    m_packets = 0;
    m_bytes = 0;

    // Packets arrive one by one from the queue threads; a large buffer turns them into few
    // large write(2) calls. It must be installed before the first byte goes through the stream.
    m_buffer = new char[BufferSize];
    std::setvbuf(file, m_buffer, _IOFBF, BufferSize);
    m_file = file;

    m_pcap = pcap_open_dead_with_tstamp_precision(DLT_RAW, static_cast<int>(m_snapLength),
                                                  PCAP_TSTAMP_PRECISION_NANO);
    if (!m_pcap) {
        m_error =
            QStringLiteral("Cannot write dump %1: libpcap could not start a writer").arg(m_name);
        if (error)
            *error = m_error;
        close();
        return false;
    }

    m_dumper = pcap_dump_fopen(m_pcap, m_file);
    if (!m_dumper) {
        const QString reason = QString::fromLocal8Bit(pcap_geterr(m_pcap));
        // libpcap closes the stream itself when it failed to write the file header, but not
        // when it refused the link type: the message is the only way to tell which happened.
        if (reason.startsWith(QLatin1String("Can't write")))
            m_file = nullptr;
        m_error = QStringLiteral("Cannot write dump %1: %2").arg(m_name, reason);
        if (error)
            *error = m_error;
        close();
        return false;
    }
    m_bytes = FileHeaderSize;
    m_flushedBytes = FileHeaderSize;
    return true;
}

bool PcapWriter::write(std::int64_t timestampNs, const std::uint8_t *data,
                       std::uint32_t capturedLength, std::uint32_t wireLength)
{
    if (!m_dumper || failed())
        return false;

    const std::uint32_t kept = std::min(capturedLength, m_snapLength);
    pcap_pkthdr header{};
    // Floor division, so that a time before the epoch still has 0 <= nanoseconds < 1e9.
    std::int64_t seconds = timestampNs / 1'000'000'000;
    std::int64_t nanoseconds = timestampNs % 1'000'000'000;
    if (nanoseconds < 0) {
        nanoseconds += 1'000'000'000;
        --seconds;
    }
    header.ts.tv_sec = static_cast<time_t>(seconds);
    // A nanosecond pcap_t stores tv_usec as is: it carries nanoseconds here.
    header.ts.tv_usec = static_cast<suseconds_t>(nanoseconds);
    header.caplen = kept;
    header.len = std::max(wireLength, capturedLength);

    // pcap_dump() reports nothing; the stream's error flag and errno tell what went wrong.
    errno = 0;
    pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header, data);
    if (std::ferror(m_file)) {
        fail(errno != 0 ? errno : EIO);
        return false;
    }
    ++m_packets;
    m_bytes += RecordHeaderSize + kept;
    m_recordEnds.push_back(m_bytes);
    return true;
}

bool PcapWriter::flush()
{
    if (!m_dumper || failed())
        return !failed();
    errno = 0;
    if (pcap_dump_flush(m_dumper) != 0 || std::ferror(m_file)) {
        fail(errno != 0 ? errno : EIO);
        return false;
    }
    m_flushedBytes = m_bytes;
    m_recordEnds.clear();
    return true;
}

bool PcapWriter::close()
{
    if (m_dumper) {
        flush();
        // pcap_dump_close() closes the stream, and with it the descriptor.
        pcap_dump_close(m_dumper);
        m_dumper = nullptr;
        m_file = nullptr;
    }
    if (m_file) {
        std::fclose(m_file);
        m_file = nullptr;
    }
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
    delete[] m_buffer;
    m_buffer = nullptr;
    return !failed();
}

void PcapWriter::fail(int errnum)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("dump %1: %2").arg(m_name, errnoText(errnum));
    cutToWholeRecords();
}

// A full disk leaves the stdio buffer half written: drop what is still buffered (it would
// otherwise be written at close, after a gap) and cut the file after its last whole record, so
// that every reader takes it as a complete capture.
void PcapWriter::cutToWholeRecords()
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
