#include "app/store/PcapImporter.h"

#include "app/store/PacketStore.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/PcapReader.h"

namespace nfqmon {

namespace {

// LINKTYPE_* values of pcap files.
enum LinkType {
    Null = 0,
    Ethernet = 1,
    Raw = 101,
    Loop = 108,
    LinuxCooked = 113,
    Ipv4 = 228,
    Ipv6 = 229,
    LinuxCooked2 = 276,
};

constexpr quint16 EtherIpv4 = 0x0800;
constexpr quint16 EtherIpv6 = 0x86dd;

quint16 be16(const QByteArray &data, qsizetype offset)
{
    return quint16(quint8(data[offset]) << 8 | quint8(data[offset + 1]));
}

// Where the IP packet starts in a frame, and which IP it is; -1 when it carries none.
qsizetype networkOffset(int linkType, const QByteArray &frame, NetworkProtocol *network)
{
    const auto byEtherType = [network](quint16 type) {
        *network = type == EtherIpv4   ? NetworkProtocol::IPv4
                   : type == EtherIpv6 ? NetworkProtocol::IPv6
                                       : NetworkProtocol::Unknown;
        return *network != NetworkProtocol::Unknown;
    };
    *network = NetworkProtocol::Unknown;
    switch (linkType) {
    case Raw:
    case Ipv4:
    case Ipv6:
        return 0; // the version field tells
    case Ethernet: {
        qsizetype offset = 12;
        // 802.1Q and 802.1ad tags, possibly stacked.
        while (frame.size() >= offset + 2 &&
               (be16(frame, offset) == 0x8100 || be16(frame, offset) == 0x88a8))
            offset += 4;
        if (frame.size() < offset + 2 || !byEtherType(be16(frame, offset)))
            return -1;
        return offset + 2;
    }
    case LinuxCooked:
        return frame.size() >= 16 && byEtherType(be16(frame, 14)) ? 16 : -1;
    case LinuxCooked2:
        return frame.size() >= 20 && byEtherType(be16(frame, 0)) ? 20 : -1;
    case Null:
    case Loop: {
        // A 4-byte address family whose values differ between systems: the version decides.
        if (frame.size() < 5)
            return -1;
        const int version = quint8(frame[4]) >> 4;
        return version == 4 || version == 6 ? 4 : -1;
    }
    default:
        return -1;
    }
}

bool supported(int linkType)
{
    switch (linkType) {
    case Null:
    case Ethernet:
    case Raw:
    case Loop:
    case LinuxCooked:
    case Ipv4:
    case Ipv6:
    case LinuxCooked2:
        return true;
    default:
        return false;
    }
}

} // namespace

bool PcapImporter::load(const QString &path, PacketStore *store, QString *error, qint64 *skipped)
{
    if (skipped)
        *skipped = 0;
    PcapReader reader;
    if (!reader.open(path, error))
        return false;
    const int linkType = reader.linkType();
    if (!supported(linkType)) {
        if (error)
            *error = tr("%1 holds packets of link type %2, which nfqmon cannot show (it shows "
                        "IP packets: raw IP, Ethernet, Linux cooked or loopback captures).")
                         .arg(path)
                         .arg(linkType);
        return false;
    }

    PcapPacket frame;
    qint64 count = 0;
    while (reader.next(&frame)) {
        ++count;
        NetworkProtocol network = NetworkProtocol::Unknown;
        const qsizetype offset = networkOffset(linkType, frame.data, &network);
        if (offset < 0) {
            if (skipped)
                ++*skipped;
            continue;
        }
        const QByteArrayView packet = QByteArrayView(frame.data).sliced(offset);
        PacketRecord record;
        record.timestampNs = frame.timestampNs;
        record.packetLength = quint32(std::max<qint64>(qint64(frame.wireLength) - offset, 0));
        record.capturedLength = quint32(packet.size());
        record.flags = StoredFlag::NoVerdict;
        record.summary = PacketDecoder::summarize(
            {reinterpret_cast<const std::uint8_t *>(packet.data()), size_t(packet.size())},
            network);
        store->appendPacket(record, packet);
    }
    if (!reader.errorString().isEmpty()) {
        if (error)
            *error = count == 0 ? tr("%1 is damaged: %2").arg(path, reader.errorString())
                                : tr("%1 is damaged after packet %2: %3")
                                      .arg(path, QString::number(count), reader.errorString());
        return false;
    }
    return true;
}

} // namespace nfqmon
