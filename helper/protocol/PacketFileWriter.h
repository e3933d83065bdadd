// What the dumps and the window's export write capture files with: pcap (PcapWriter) or pcapng
// (PcapngWriter), chosen by the file's name. The file handling is shared: a file created 0600 or
// a descriptor a caller opened, a 1 MiB stdio buffer, and on a write error (disk full) the
// file is cut after its last whole record, so that every reader takes it as a complete capture.
#pragma once

#include "helper/protocol/PacketFileRecord.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nfqmon {

class PacketFileWriter
{
public:
    enum class Format { Pcap, Pcapng };
    static constexpr std::size_t BufferSize = 1 << 20;

    // Pcapng for a name ending in ".pcapng" (any case), pcap for any other.
    static Format formatOf(const QString &fileName);
    static std::unique_ptr<PacketFileWriter> create(Format format);

    PacketFileWriter() = default;
    virtual ~PacketFileWriter(); // closes (the derived class's destructor should close first)
    PacketFileWriter(const PacketFileWriter &) = delete;
    PacketFileWriter &operator=(const PacketFileWriter &) = delete;

    virtual Format format() const = 0;

    // Creates or truncates `path` (mode 0600). False and a sentence naming the path on failure.
    bool open(const QString &path, std::uint32_t snapLength, QString *error);
    // Takes ownership of `fd` (a file the caller opened for writing); writes from its offset 0.
    bool openFd(int fd, std::uint32_t snapLength, const QString &name, QString *error);

    // False once the file failed (see errorString()); the writer then ignores further writes.
    virtual bool write(const PacketFileRecord &packet) = 0;
    bool write(std::int64_t timestampNs, const std::uint8_t *data, std::uint32_t capturedLength,
               std::uint32_t wireLength)
    {
        PacketFileRecord packet;
        packet.timestampNs = timestampNs;
        packet.data = data;
        packet.capturedLength = capturedLength;
        packet.wireLength = wireLength;
        return write(packet);
    }
    // Whole packet records already in the format's layout (a pcap dump's ring, PcapWriter::
    // recordHeader()), in `first` then `second`, of the sizes `recordSizes` (one per packet):
    // written as they are, and a failure cuts the file after the last whole one of them.
    bool writeFormatted(std::span<const std::uint8_t> first, std::span<const std::uint8_t> second,
                        std::span<const std::uint32_t> recordSizes);
    // Before open(): the interfaces packets will name (PacketFileRecord::interfaceName), for a
    // format that describes them (pcapng).
    virtual void setInterfaces(std::vector<std::string> names) { (void)names; }
    // Whether the format keeps host names (addName() is not a no-op).
    virtual bool keepsNames() const { return false; }
    // `address`: 4 (IPv4) or 16 (IPv6) bytes in network order. Written before the next packet.
    virtual void addName(std::span<const std::uint8_t> address, std::string_view name)
    {
        (void)address;
        (void)name;
    }

    bool flush();
    bool close(); // flush + close; false when anything failed

    bool isOpen() const { return m_file != nullptr; }
    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; } // "dump /tmp/x.pcap: No space left on device"
    const QString &name() const { return m_name; }
    std::uint32_t snapLength() const { return m_snapLength; }
    std::uint64_t packetsWritten() const { return m_packets; }
    std::uint64_t bytesWritten() const { return m_bytes; } // file bytes, headers included

protected:
    // Writes the file's header records (writeRecord()); false when that failed.
    virtual bool writeHeader() = 0;
    // Before the file is flushed or closed: records held back (names) go out.
    virtual void writeHeldBack() {}
    // Appends one record made of `parts` as a whole: counted, and a place where a failed file
    // may be cut. `packet`: it counts in packetsWritten().
    bool writeRecord(std::initializer_list<std::span<const std::uint8_t>> parts, bool packet);
    // The record's length, `kept` bytes of the packet (its snap length applied).
    std::uint32_t keptLength(const PacketFileRecord &packet) const;

private:
    bool openFile(FILE *file, std::uint32_t snapLength, QString *error);
    // Writes the parts to the stdio buffer; false (and the file failed) on an error.
    bool putParts(std::initializer_list<std::span<const std::uint8_t>> parts);
    bool refuse(const QString &message, QString *error);
    void fail(int errnum);
    void cutToWholeRecords();

    QString m_name;
    QString m_error;
    FILE *m_file = nullptr;
    char *m_buffer = nullptr;
    std::uint32_t m_snapLength = 0;
    std::uint64_t m_packets = 0;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_flushedBytes = 0;        // m_bytes at the last successful flush: on disk
    std::vector<std::uint64_t> m_recordEnds; // file offsets where the records since then end
};

} // namespace nfqmon
