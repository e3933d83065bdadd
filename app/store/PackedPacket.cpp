#include "app/store/PackedPacket.h"

namespace nfqmon {

namespace {
// PackedPacket::state: bit 0 drop, bit 1 output hook, bits 2-3 network, bits 4-6 missing.
constexpr quint8 DropBit = 0x01;
constexpr quint8 OutputBit = 0x02;
constexpr int NetworkShift = 2;
constexpr int MissingShift = 4;
// PackedPacket::flags: bits 3-4 (free in RecordFlag and StoredFlag) hold the Origin.
constexpr int OriginShift = 3;
constexpr quint8 OriginMask = 0x3 << OriginShift;

quint8 networkCode(NetworkProtocol network)
{
    switch (network) {
    case NetworkProtocol::IPv4:
        return 1;
    case NetworkProtocol::IPv6:
        return 2;
    case NetworkProtocol::Unknown:
        break;
    }
    return 0;
}

NetworkProtocol networkOf(quint8 code)
{
    return code == 1   ? NetworkProtocol::IPv4
           : code == 2 ? NetworkProtocol::IPv6
                       : NetworkProtocol::Unknown;
}
} // namespace

PackedPacket PackedPacket::pack(const StoredPacket &p, AddressTable &addresses)
{
    PackedPacket k;
    k.timestampNs = p.timestampNs;
    k.packetLength = p.packetLength;
    k.capturedLength = p.capturedLength;
    k.byteOffset = p.byteOffset;
    // The host name belongs to the remote end: the destination of a packet going out.
    const bool out = p.hook == Hook::Output;
    k.source = addresses.acquire(p.summary.source, out ? 0 : p.host);
    k.destination = addresses.acquire(p.summary.destination, out ? p.host : 0);
    k.uid = p.uid;
    k.gid = p.origin == Origin::Process ? p.processId : p.gid;
    k.ruleId = p.ruleId;
    k.inInterface = p.inInterface;
    k.outInterface = p.outInterface;
    k.sourcePort = p.summary.sourcePort;
    k.destinationPort = p.summary.destinationPort;
    k.transport = p.summary.transport;
    k.summaryFlags = p.summary.flags;
    k.tcpFlags = p.summary.tcpFlags;
    k.icmpType = p.summary.icmpType;
    k.icmpCode = p.summary.icmpCode;
    k.flags = quint8((p.flags & ~OriginMask) | (quint8(p.origin) & 0x3) << OriginShift);
    k.state = quint8((p.verdict == Verdict::Drop ? DropBit : 0) |
                     (p.hook == Hook::Output ? OutputBit : 0) |
                     networkCode(p.summary.network) << NetworkShift |
                     (quint8(p.summary.missing) & 0x7) << MissingShift);
    k.ttl = p.summary.ttl;
    return k;
}

StoredPacket PackedPacket::unpack(qint64 number, const AddressTable &addresses) const
{
    StoredPacket p;
    p.number = number;
    p.timestampNs = timestampNs;
    p.packetLength = packetLength;
    p.capturedLength = capturedLength;
    p.byteOffset = byteOffset;
    p.uid = uid;
    p.origin = Origin((flags & OriginMask) >> OriginShift);
    if (p.origin == Origin::Process)
        p.processId = gid; // its gid is the process's (PacketStore::process)
    else
        p.gid = gid;
    p.ruleId = ruleId;
    p.inInterface = inInterface;
    p.outInterface = outInterface;
    p.verdict = (state & DropBit) ? Verdict::Drop : Verdict::Accept;
    p.hook = (state & OutputBit) ? Hook::Output : Hook::PreRouting;
    p.flags = quint8(flags & ~OriginMask);
    PacketSummary &s = p.summary;
    s.source = addresses.at(source);
    s.destination = addresses.at(destination);
    p.host = addresses.hostOf(p.hook == Hook::Output ? destination : source);
    s.network = networkOf(quint8(state >> NetworkShift & 0x3));
    s.missing = Missing(state >> MissingShift & 0x7);
    s.transport = transport;
    s.ttl = ttl;
    s.flags = summaryFlags;
    s.tcpFlags = tcpFlags;
    s.icmpType = icmpType;
    s.icmpCode = icmpCode;
    s.sourcePort = sourcePort;
    s.destinationPort = destinationPort;
    return p;
}

} // namespace nfqmon
