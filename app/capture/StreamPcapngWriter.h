// Writes the packets of the client stream (StreamBatch) to pcapng with the helper's own writer
// (PcapngWriter), as the helper's dumps and the window's export do: each packet's direction in
// epb_flags, and a comment with its verdict and rule ("dropped by rule 2"), then the program that
// sent or received it and its host name where the helper knew them, and its interface where the
// file's one interface does not name it ("accepted, program curl (pid 412), host a.test, on
// eth1"). Host names also go into Name Resolution Blocks before the first packet that uses them.
// Flushed after every batch, so that a reader at the other end of a pipe sees packets at once.
#pragma once

#include "helper/protocol/PcapngWriter.h"
#include "helper/protocol/StreamBatch.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace nfqmon {

class StreamPcapngWriter
{
public:
    struct Counts {
        std::uint64_t packets = 0;
        std::uint64_t accepted = 0;
        std::uint64_t dropped = 0;
    };

    // interfaces: as the capture was started ("any" or names): one named interface names the
    // file's interface; otherwise each packet's comment names its own.
    // Takes ownership of fd (a file or pipe open for writing); name is for messages.
    bool open(int fd, const QString &name, const QStringList &interfaces, std::uint32_t snapLength,
              QString *error);
    // Writes the batch's packets, at most `limit` of them (0: all), and flushes. False once the
    // output failed (errorString()).
    bool write(const StreamBatch &batch, std::uint64_t limit = 0);
    bool close();

    const Counts &counts() const { return m_counts; }
    bool failed() const { return m_writer.failed(); }
    QString errorString() const { return m_writer.errorString(); }

private:
    void writePacket(const StreamBatch &batch, qsizetype index);

    PcapngWriter m_writer;
    Counts m_counts;
    std::unordered_map<std::uint32_t, std::string> m_programs; // processId -> "curl (pid 412)"
    std::unordered_map<std::uint64_t, std::string> m_hosts;    // hostId -> name (UTF-8)
    std::unordered_set<std::string> m_namesWritten;            // address bytes + host id
    std::string m_comment;
};

} // namespace nfqmon
