#include "tests/support/app/StoreTestData.h"

#include "app/store/PacketStore.h"
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/StreamDecoder.h"
#include "helper/protocol/StreamEncoder.h"
#include "tests/support/core/PacketBuilder.h"

#include <QTest>

#include <cstring>

namespace nfqmon::test {

TestPacket testPacket(const QByteArray &bytes, qint64 timestampNs, Verdict verdict, int ruleId,
                      Hook hook, const char *interface)
{
    TestPacket p;
    p.bytes = bytes;
    PacketRecord &r = p.record;
    r.timestampNs = timestampNs;
    r.packetLength = std::uint32_t(bytes.size());
    r.capturedLength = std::uint32_t(bytes.size());
    r.verdict = verdict;
    r.ruleId = ruleId;
    r.hook = hook;
    char *name = hook == Hook::Output ? r.outInterface : r.inInterface;
    std::strncpy(name, interface, InterfaceNameSize - 1);
    r.summary = PacketDecoder::summarize(PacketBuilder::bytes(bytes));
    return p;
}

TestPacket mixedPacket(qint64 index, qint64 startNs)
{
    using namespace PacketBuilder;
    const QByteArray payload(int(index % 97), char('a' + index % 26));
    const int host = int(index % 11);
    const QByteArray v4src = QByteArray("10.0.") + QByteArray::number(host) + ".1";
    const QByteArray v4dst = QByteArray("10.0.") + QByteArray::number(host) + ".2";
    const QByteArray v6src = QByteArray("2001:db8::") + QByteArray::number(host + 1);
    const QByteArray v6dst = QByteArray("2001:db8::ff") + QByteArray::number(host);
    const std::uint16_t port = std::uint16_t(1000 + index % 13);
    QByteArray bytes;
    switch (index % 5) {
    case 0:
        bytes =
            ipv4(v4src.constData(), v4dst.constData(), Tcp,
                 tcp(40000 + std::uint16_t(index % 1000), port, TcpFlag::Syn, 1, 0, {}, payload));
        break;
    case 1:
        bytes = ipv4(v4src.constData(), v4dst.constData(), Udp, udp(5353, port, payload));
        break;
    case 2:
        bytes = ipv4(v4dst.constData(), v4src.constData(), Icmp,
                     icmpEcho(index % 2, 7, std::uint16_t(index), payload));
        break;
    case 3:
        bytes = ipv6(v6src.constData(), v6dst.constData(), Udp, udp(5353, port, payload));
        break;
    default:
        bytes = ipv6(v6dst.constData(), v6src.constData(), Tcp,
                     tcp(443, port, TcpFlag::Ack | TcpFlag::Psh, 9, 9, {}, payload));
        break;
    }
    const bool dropped = index % 7 == 3;
    const bool out = index % 3 == 1;
    TestPacket p =
        testPacket(bytes, startNs + index * 1'000'000, dropped ? Verdict::Drop : Verdict::Accept,
                   dropped ? 7 : -1, out ? Hook::Output : Hook::PreRouting, out ? "eth1" : "eth0");
    if (out) {
        p.record.uid = std::uint32_t(index % 5);
        p.record.gid = 100;
        p.record.flags = RecordFlag::HasUid | RecordFlag::HasGid;
    }
    return p;
}

QList<TestPacket> mixedPackets(qint64 count, qint64 first)
{
    QList<TestPacket> packets;
    packets.reserve(count);
    for (qint64 i = first; i < first + count; ++i)
        packets.append(mixedPacket(i));
    return packets;
}

TestPacket withHost(TestPacket packet, std::uint64_t id, const QString &name, HostSource source)
{
    packet.record.hostId = id;
    packet.record.hostSource = source;
    packet.host = StreamHost{id, source, name};
    return packet;
}

QList<StreamBatch> streamBatches(const QList<TestPacket> &packets)
{
    StreamEncoder encoder;
    StreamDecoder decoder;
    const auto seal = [&] {
        const auto bytes = encoder.seal(0);
        if (!decoder.feed(reinterpret_cast<const char *>(bytes.data()), bytes.size()))
            qFatal("StoreTestData: the stream decoder refused a batch");
        encoder.clear();
    };
    for (const TestPacket &p : packets) {
        if (p.process && !encoder.appendProcess(*p.process)) {
            seal();
            encoder.appendProcess(*p.process);
        }
        if (p.host) {
            const std::string name = p.host->name.toStdString();
            if (!encoder.appendHost(p.host->id, p.host->source, name)) {
                seal();
                encoder.appendHost(p.host->id, p.host->source, name);
            }
        }
        if (!encoder.append(p.record, PacketBuilder::bytes(p.bytes))) {
            seal();
            if (!encoder.append(p.record, PacketBuilder::bytes(p.bytes)))
                qFatal("StoreTestData: a packet does not fit an empty batch");
        }
    }
    if (!encoder.empty())
        seal();
    QList<StreamBatch> batches;
    StreamBatch batch;
    while (decoder.next(&batch))
        batches.append(batch);
    return batches;
}

void appendInBatches(PacketStore &store, const QList<TestPacket> &packets, int batchSize)
{
    for (qsizetype i = 0; i < packets.size(); i += batchSize) {
        for (const StreamBatch &batch : streamBatches(packets.mid(i, batchSize)))
            store.append(batch);
    }
}

} // namespace nfqmon::test
