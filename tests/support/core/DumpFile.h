// A pcap dump read back and decoded just enough to compare with the traffic a test sent:
// addresses, transport ports, ICMP type, payload. Decoding is done here, not by the project's
// decoder, so the dump is checked independently of the code under test.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>

namespace nfqmon::test {

struct DumpedPacket {
    std::int64_t timestampNs = 0;
    std::uint32_t wireLength = 0;
    QByteArray bytes;  // as stored
    int ipVersion = 0; // 4 or 6; 0 when the bytes are not an IP packet
    QString source;    // numeric, as inet_ntop writes it
    QString destination;
    int protocol = -1;   // IPPROTO_* of the transport header (after IPv6 extension headers)
    int sourcePort = -1; // UDP and TCP
    int destinationPort = -1;
    int icmpType = -1;  // ICMP and ICMPv6
    QByteArray payload; // UDP/TCP data; for ICMP what follows the 8-byte header
    // IP length fields agree with the bytes, and (IPv4) the header checksum is right.
    bool headerValid = false;

    bool involves(const QString &address) const
    {
        return source == address || destination == address;
    }
    bool isUdp() const { return protocol == 17; }
    bool isTcp() const { return protocol == 6; }
    bool isIcmpEcho(bool reply) const; // ICMP 8/0 or ICMPv6 128/129
    QString describe() const;          // one line: "IPv4 UDP 10.0.0.1:5 > 10.0.0.2:6 len 40"

    static DumpedPacket decode(const QByteArray &bytes);
};

class DumpFile
{
public:
    static constexpr int LinkTypeRaw = 101;
    static constexpr std::uint32_t NanosecondMagic = 0xa1b23c4d;

    // Reads the whole file with nfqmon::PcapReader.
    bool load(const QString &path, QString *error);

    std::uint32_t magic() const { return m_magic; } // as the file's byte order says
    int linkType() const { return m_linkType; }
    const QList<DumpedPacket> &packets() const { return m_packets; }
    int size() const { return int(m_packets.size()); }
    int count(const std::function<bool(const DumpedPacket &)> &match) const;
    QString describe(int limit = 60) const; // a listing for failure messages

private:
    std::uint32_t m_magic = 0;
    int m_linkType = -1;
    QList<DumpedPacket> m_packets;
};

} // namespace nfqmon::test
