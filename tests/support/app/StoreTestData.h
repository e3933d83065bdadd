// Packets for the tests of the window's packet store and models: records as the helper makes
// them, batches as the client stream delivers them, and a deterministic mix of traffic.
#pragma once

#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/ProcessInfo.h"
#include "helper/protocol/StreamBatch.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace nfqmon {
class PacketStore;
}

namespace nfqmon::test {

struct TestPacket {
    PacketRecord record;
    QByteArray bytes;
    // Described in the stream just before the packet (record.origin Process, its id).
    std::optional<ProcessInfo> process;
    // Described in the stream just before the packet (record.hostId, hostSource), as the helper
    // describes a name the first time a packet carries it.
    std::optional<StreamHost> host;
};

// `packet` with the host name `name`, learned from `source`, as the helper's number `id`.
TestPacket withHost(TestPacket packet, std::uint64_t id, const QString &name,
                    HostSource source = HostSource::Dns);

// A record for `bytes` as the helper fills it in: summary, lengths, interface names.
TestPacket testPacket(const QByteArray &bytes, qint64 timestampNs,
                      Verdict verdict = Verdict::Accept, int ruleId = -1,
                      Hook hook = Hook::PreRouting, const char *interface = "eth0");

// Packet `index` of a repeatable mix: IPv4 and IPv6; TCP, UDP and ICMP; hosts 10.0.<n>.x and
// 2001:db8::x; every seventh dropped by rule 7; a millisecond apart from `startNs`; in on eth0
// or out on eth1; uid index % 5 when outgoing; payload sizes varying with the index.
TestPacket mixedPacket(qint64 index, qint64 startNs = 1'700'000'000'000'000'000);
QList<TestPacket> mixedPackets(qint64 count, qint64 first = 0);

// The packets as the client stream's decoder hands them out (one or more batches).
QList<StreamBatch> streamBatches(const QList<TestPacket> &packets);

// Appends `packets` to the store in batches of at most `batchSize`.
void appendInBatches(PacketStore &store, const QList<TestPacket> &packets, int batchSize = 256);

} // namespace nfqmon::test
