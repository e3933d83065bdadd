#include "helper/protocol/PcapReader.h"

#include <pcap/pcap.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace nfqmon {

namespace {

constexpr std::uint32_t NanosecondMagic = 0xa1b23c4d;
constexpr std::uint32_t SwappedNanosecondMagic = 0x4d3cb2a1;
constexpr std::uint32_t MicrosecondMagic = 0xa1b2c3d4;
constexpr std::uint32_t SwappedMicrosecondMagic = 0xd4c3b2a1;
constexpr int LinkTypeRaw = 101;

std::uint32_t swapped(std::uint32_t value)
{
    return ((value & 0xffu) << 24) | ((value & 0xff00u) << 8) | ((value >> 8) & 0xff00u) |
           (value >> 24);
}

// libpcap hands out DLT_ values, which differ from the LINKTYPE_ values stored in files for a
// few historical types; for a pcapng file (no classic header to read) map the ones that matter.
int linkTypeOfDlt(int dlt)
{
    switch (dlt) {
    case DLT_RAW:
        return LinkTypeRaw;
#ifdef DLT_ATM_RFC1483
    case DLT_ATM_RFC1483:
        return 100;
#endif
    default:
        return dlt;
    }
}

} // namespace

PcapReader::~PcapReader()
{
    if (m_pcap)
        pcap_close(m_pcap);
}

bool PcapReader::open(const QString &path, QString *error)
{
    if (m_pcap) {
        pcap_close(m_pcap);
        m_pcap = nullptr;
    }
    m_nanoFile = false;
    m_fileLinkType = -1;
    m_error.clear();

    const auto refuse = [&](const QString &reason) {
        m_error = QStringLiteral("Cannot read %1: %2").arg(path, reason);
        if (error)
            *error = m_error;
        return false;
    };

    FILE *file = std::fopen(path.toLocal8Bit().constData(), "rbe");
    if (!file)
        return refuse(QString::fromLocal8Bit(std::strerror(errno)));

    // libpcap converts timestamps to the precision asked for and keeps no trace of the file's
    // own, so the classic header (magic, ..., link type at byte 20) is read here first.
    unsigned char header[24] = {};
    const std::size_t got = std::fread(header, 1, sizeof header, file);
    if (got == sizeof header) {
        std::uint32_t magic = 0;
        std::uint32_t linkType = 0;
        std::memcpy(&magic, header, sizeof magic);
        std::memcpy(&linkType, header + 20, sizeof linkType);
        const bool swap = magic == SwappedNanosecondMagic || magic == SwappedMicrosecondMagic;
        if (swap)
            linkType = swapped(linkType);
        if (swap || magic == NanosecondMagic || magic == MicrosecondMagic) {
            m_nanoFile = magic == NanosecondMagic || magic == SwappedNanosecondMagic;
            // The upper bits carry FCS length and flags, not the type.
            m_fileLinkType = static_cast<int>(linkType & 0xffffu);
        }
    }
    if (std::fseek(file, 0, SEEK_SET) != 0) {
        const int errnum = errno;
        std::fclose(file);
        return refuse(QStringLiteral("not a seekable file (%1)")
                          .arg(QString::fromLocal8Bit(std::strerror(errnum))));
    }

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    m_pcap = pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!m_pcap) {
        // On failure the stream is still ours.
        std::fclose(file);
        m_nanoFile = false;
        m_fileLinkType = -1;
        return refuse(QString::fromLocal8Bit(errbuf));
    }
    return true;
}

bool PcapReader::next(PcapPacket *packet)
{
    if (!m_pcap)
        return false;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    const int result = pcap_next_ex(m_pcap, &header, &data);
    if (result == 1) {
        // The handle was opened with nanosecond precision: tv_usec holds nanoseconds.
        packet->timestampNs = static_cast<std::int64_t>(header->ts.tv_sec) * 1'000'000'000 +
                              static_cast<std::int64_t>(header->ts.tv_usec);
        packet->wireLength = header->len;
        packet->data = QByteArray(reinterpret_cast<const char *>(data),
                                  static_cast<qsizetype>(header->caplen));
        return true;
    }
    if (result == PCAP_ERROR)
        m_error = QString::fromLocal8Bit(pcap_geterr(m_pcap));
    return false;
}

int PcapReader::linkType() const
{
    if (m_fileLinkType >= 0)
        return m_fileLinkType;
    return m_pcap ? linkTypeOfDlt(pcap_datalink(m_pcap)) : -1;
}

std::uint32_t PcapReader::snapLength() const
{
    return m_pcap ? static_cast<std::uint32_t>(pcap_snapshot(m_pcap)) : 0;
}

} // namespace nfqmon
