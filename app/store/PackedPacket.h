// A StoredPacket as a chunk keeps it: 56 bytes instead of 104. The number follows from the
// record's place in its chunk, the addresses are ids into the store's AddressTable, and what
// only the bytes' decoder needs again (fragment id and offset, the transport header's offset)
// is read from the bytes when wanted (PacketStore::fullSummary).
#pragma once

#include "app/store/AddressTable.h"
#include "app/store/StoredPacket.h"

#include <QtGlobal>

#include <type_traits>

namespace nfqmon {

struct PackedPacket {
    qint64 timestampNs = 0;
    quint32 packetLength = 0;
    quint32 capturedLength = 0;
    quint32 byteOffset = 0; // from the chunk's base offset, as StoredPacket::byteOffset
    quint32 source = 0;     // AddressTable ids
    quint32 destination = 0;
    quint32 uid = 0;
    quint32 gid = 0; // with Origin::Process the process id instead: the process has the gid
    qint32 ruleId = -1;
    quint16 inInterface = 0;
    quint16 outInterface = 0;
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    quint8 transport = 0;
    quint8 summaryFlags = 0; // SummaryFlag
    quint8 tcpFlags = 0;
    quint8 icmpType = 0;
    quint8 icmpCode = 0;
    quint8 flags = 0; // RecordFlag and StoredFlag, and the Origin in bits 3-4
    quint8 state = 0; // verdict, hook, network and what the decoder missed (see pack())
    quint8 ttl = 0;

    // Acquires a use of both addresses (AddressTable::release() gives them back).
    static PackedPacket pack(const StoredPacket &p, AddressTable &addresses);
    StoredPacket unpack(qint64 number, const AddressTable &addresses) const;
};
static_assert(std::is_trivially_copyable_v<PackedPacket>);
static_assert(sizeof(PackedPacket) == 56);

} // namespace nfqmon
