// Reads pcap files (any link type libpcap knows; nanosecond precision kept).
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

typedef struct pcap pcap_t;

namespace nfqmon {

struct PcapPacket {
    std::int64_t timestampNs = 0;
    std::uint32_t wireLength = 0;
    QByteArray data; // the captured bytes
};

class PcapReader
{
public:
    PcapReader() = default;
    ~PcapReader();
    PcapReader(const PcapReader &) = delete;
    PcapReader &operator=(const PcapReader &) = delete;

    bool open(const QString &path, QString *error);
    // False at the end of the file or on error (errorString() then not empty).
    bool next(PcapPacket *packet);

    int linkType() const; // LINKTYPE_* as stored in the file (101 = RAW)
    std::uint32_t snapLength() const;
    bool nanosecondFile() const { return m_nanoFile; } // the file's magic was 0xa1b23c4d
    QString errorString() const { return m_error; }

private:
    pcap_t *m_pcap = nullptr;
    bool m_nanoFile = false;
    int m_fileLinkType = -1; // from the classic pcap header; -1 for pcapng
    QString m_error;
};

} // namespace nfqmon
