// One packet as the window sees it: a fixed-size, trivially copyable record (112 bytes), handed
// out by value. The store keeps it packed (PackedPacket, 56 bytes) with the bytes in its file.
#pragma once

#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/PacketSummary.h"

#include <QtGlobal>

#include <type_traits>

namespace nfqmon {

namespace StoredFlag {
enum : quint8 {
    // In StoredPacket::flags, next to the RecordFlag bits (and in a PacketRecord given to
    // PacketStore::appendPacket): the packet comes from a file, not through the helper, so it
    // has no verdict, direction or user.
    NoVerdict = 0x80,
};
}

struct StoredPacket {
    qint64 number = 0;        // from 1 over the whole capture (the store's count, no gaps)
    qint64 timestampNs = 0;   // CLOCK_REALTIME, ns since the epoch
    quint32 packetLength = 0; // whole packet length on the wire
    quint32 capturedLength = 0;
    // Where the captured bytes start in the store's file, counted from the start of this
    // packet's chunk (PacketChunk::baseOffset).
    quint32 byteOffset = 0;
    quint32 uid = 0;    // valid with RecordFlag::HasUid
    quint32 gid = 0;    // valid with RecordFlag::HasGid
    qint32 ruleId = -1; // the rule that decided; -1 for the default policy (or an imported file)
    quint16 inInterface = 0; // ids into the store's interface-name table; 0 = none
    quint16 outInterface = 0;
    Verdict verdict = Verdict::Accept;
    Hook hook = Hook::PreRouting;
    quint8 flags = 0; // RecordFlag and StoredFlag bits
    Origin origin = Origin::Unknown;
    PacketSummary summary;
    quint32 processId = 0; // with Origin::Process: PacketStore::process() describes it
    // The remote end's name: an id into the store's host names (PacketStore::hostName(),
    // hostSource()); 0 when the helper knew none. The remote end is the destination of a packet
    // going out (Hook::Output), the source of one coming in.
    quint32 host = 0;
};
static_assert(std::is_trivially_copyable_v<StoredPacket>);
static_assert(sizeof(StoredPacket) == 112);

} // namespace nfqmon
