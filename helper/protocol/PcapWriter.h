// Writes pcap files through libpcap: nanosecond timestamps (magic 0xa1b23c4d) and link type RAW
// (101), so IPv4 and IPv6 share one file, through a large stdio buffer.
#pragma once

#include <QString>

#include <cstdint>
#include <cstdio>
#include <vector>

typedef struct pcap pcap_t;
typedef struct pcap_dumper pcap_dumper_t;

namespace nfqmon {

class PcapWriter
{
public:
    static constexpr std::size_t BufferSize = 1 << 20;

    PcapWriter() = default;
    ~PcapWriter(); // flushes and closes
    PcapWriter(const PcapWriter &) = delete;
    PcapWriter &operator=(const PcapWriter &) = delete;

    // Creates or truncates `path` (mode 0600). False and a sentence naming the path on failure.
    bool open(const QString &path, std::uint32_t snapLength, QString *error);
    // Takes ownership of `fd` (a file the caller opened for writing); writes from its offset 0.
    bool openFd(int fd, std::uint32_t snapLength, const QString &name, QString *error);

    // Keeps at most the snap length of `data`; `wireLength` is the packet's real length.
    // False once the file failed (see errorString()); the writer then ignores further writes.
    bool write(std::int64_t timestampNs, const std::uint8_t *data, std::uint32_t capturedLength,
               std::uint32_t wireLength);
    bool flush();
    bool close(); // flush + close; false when anything failed

    bool isOpen() const { return m_dumper != nullptr; }
    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; } // "dump /tmp/x.pcap: No space left on device"
    const QString &name() const { return m_name; }
    std::uint64_t packetsWritten() const { return m_packets; }
    std::uint64_t bytesWritten() const { return m_bytes; } // file bytes, headers included

private:
    bool openFile(FILE *file, std::uint32_t snapLength, QString *error);
    void fail(int errnum);
    void cutToWholeRecords();

    QString m_name;
    QString m_error;
    pcap_t *m_pcap = nullptr;
    pcap_dumper_t *m_dumper = nullptr;
    FILE *m_file = nullptr;
    char *m_buffer = nullptr;
    std::uint32_t m_snapLength = 0;
    std::uint64_t m_packets = 0;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_flushedBytes = 0;        // m_bytes at the last successful flush: on disk
    std::vector<std::uint64_t> m_recordEnds; // file offsets where the records since then end
};

} // namespace nfqmon
