// The engine in-process, with a consumer of the test's own: what every record says (hook,
// interfaces, uid of a local sender, verdict and rule), that rule changes apply to the next
// packets, that a consumer that never reads loses records without slowing the traffic, and that
// only the kernel reaches a queue's socket.
#include "helper/engine/CaptureEngine.h"
#include "helper/engine/NfQueue.h"
#include "helper/protocol/PcapReader.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/network/RecordCollector.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <QTemporaryDir>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <mutex>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

using CollectingConsumer = RecordCollector;

CaptureOptions optionsFor(const QStringList &interfaces)
{
    CaptureOptions o;
    o.interfaces = interfaces;
    o.statusIntervalSeconds = 0;
    return o;
}

QList<CollectingConsumer::Item> collect(CollectingConsumer &consumer, int atLeast,
                                        std::chrono::milliseconds timeout)
{
    return consumer.collect(atLeast, timeout);
}

bool isTestUdp(const CollectingConsumer::Item &item, std::uint16_t port)
{
    return item.record.summary.transport == 17 && item.record.summary.destinationPort == port;
}

} // namespace

class TestCaptureEngine : public QObject
{
    Q_OBJECT
    TestNetwork m_network;

private slots:
    void initTestCase() { NFQMON_ENTER_TEST_NETWORK(m_network, 1); }
    void cleanupTestCase() { m_network.removeAll(); }
    void init()
    {
        QString error;
        QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
    }

    void recordsDescribeEachPacket_data()
    {
        QTest::addColumn<int>("family");
        QTest::newRow("IPv4") << 4;
        QTest::newRow("IPv6") << 6;
    }
    void recordsDescribeEachPacket()
    {
        QFETCH(int, family);
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        auto consumer = std::make_shared<CollectingConsumer>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(consumer);

        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, family, 7001);
        QVERIFY2(receiver.open(&error), qPrintable(error));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto sent = m_network.sendUdp(0, {peer.address(family), 7001, 5, 100, 11});
        QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
        QCOMPARE(receiver.receive(5, 5s).size(), 5);

        QList<CollectingConsumer::Item> udp;
        for (const auto &item : collect(*consumer, 5, 3s))
            if (isTestUdp(item, 7001))
                udp.append(item);
        QCOMPARE(udp.size(), 5);
        std::uint64_t lastSequence = 0;
        for (int i = 0; i < udp.size(); ++i) {
            const PacketRecord &r = udp[i].record;
            QCOMPARE(r.hook, Hook::PreRouting);
            QCOMPARE(QString::fromLatin1(r.inInterface), peer.interface);
            QCOMPARE(QString::fromLatin1(r.outInterface), QString());
            QCOMPARE(r.verdict, Verdict::Accept);
            QCOMPARE(r.ruleId, -1);
            QCOMPARE(int(r.summary.network), family);
            QCOMPARE(r.packetLength, std::uint32_t((family == 4 ? 20 : 40) + 8 + 100));
            QCOMPARE(r.capturedLength, std::uint32_t(udp[i].bytes.size()));
            QCOMPARE(r.capturedLength, std::uint32_t(128)); // the consumer's snap length
            QVERIFY(r.sequence > lastSequence);
            lastSequence = r.sequence;
            QVERIFY(r.timestampNs / 1000000 >= before - 1000);
            QVERIFY(r.timestampNs / 1000000 <= QDateTime::currentMSecsSinceEpoch() + 1000);
            // The kept bytes are the packet's: the payload starts after the headers.
            const std::string payload = TestPayload::make(11, std::uint32_t(i), 100);
            const int offset = family == 4 ? 28 : 48;
            QCOMPARE(udp[i].bytes.mid(offset),
                     QByteArray::fromStdString(payload).left(128 - offset));
        }
        engine.stop();
        QCOMPARE(engine.statistics().lost, std::uint64_t(0));
    }

    void localSenderHasUid()
    {
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        auto consumer = std::make_shared<CollectingConsumer>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(consumer);

        // Sent from this namespace by an unprivileged user: OUTPUT, out interface, uid 65534.
        const auto sent = m_network.run(
            TestNetwork::Local, {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                                 QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                 TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")),
                                 QStringLiteral("udp"), peer.peerIpv4, QStringLiteral("7002"),
                                 QStringLiteral("--count"), QStringLiteral("3")});
        QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
        QList<CollectingConsumer::Item> udp;
        for (const auto &item : collect(*consumer, 3, 3s))
            if (isTestUdp(item, 7002))
                udp.append(item);
        QCOMPARE(udp.size(), 3);
        for (const auto &item : udp) {
            QCOMPARE(item.record.hook, Hook::Output);
            QCOMPARE(QString::fromLatin1(item.record.outInterface), peer.interface);
            QVERIFY(item.record.flags & RecordFlag::HasUid);
            QCOMPARE(item.record.uid, std::uint32_t(65534));
            QCOMPARE(item.record.gid, std::uint32_t(65534));
        }
    }

    // Only the kernel reaches a queue's socket: a packet message that another netlink socket
    // forges (root, or CAP_NET_ADMIN, may send to any port id) is refused, and the queue, which
    // reads no sender address, has nothing to read.
    void onlyTheKernelReachesTheQueue()
    {
        NfQueue queue;
        QString error;
        NfQueue::Settings settings;
        settings.number = 9;
        QVERIFY2(queue.open(settings, &error), qPrintable(error));

        struct {
            nlmsghdr header;
            nfgenmsg generic;
            nlattr attribute;
            nfqnl_msg_packet_hdr packet;
        } forged{};
        forged.header.nlmsg_len = sizeof forged;
        forged.header.nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET;
        forged.generic.nfgen_family = AF_INET;
        forged.generic.res_id = htons(settings.number);
        forged.attribute.nla_len = sizeof forged.attribute + sizeof forged.packet;
        forged.attribute.nla_type = NFQA_PACKET_HDR;
        forged.packet.packet_id = htonl(1);
        forged.packet.hw_protocol = htons(0x0800);

        const int forger = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
        QVERIFY(forger >= 0);
        sockaddr_nl to{};
        to.nl_family = AF_NETLINK;
        to.nl_pid = queue.portId();
        const ssize_t sent = ::sendto(forger, &forged, sizeof forged, 0,
                                      reinterpret_cast<sockaddr *>(&to), sizeof to);
        const int sendError = errno;
        ::close(forger);
        QCOMPARE(sent, ssize_t(-1));
        QCOMPARE(sendError, ECONNREFUSED);
        pollfd readable{queue.fd(), POLLIN, 0};
        QCOMPARE(::poll(&readable, 1, 200), 0);
    }

    void ruleChangeAppliesToNextPackets()
    {
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 7003);
        QVERIFY2(receiver.open(&error), qPrintable(error));

        QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7003, 3, 64, 1}).succeeded());
        QCOMPARE(receiver.receive(3, 5s).size(), 3);

        Rule drop;
        drop.id = 9;
        drop.expression = QStringLiteral("udp and dst port 7003");
        QVERIFY2(engine.setRules({drop}, &error), qPrintable(error));
        QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7003, 4, 64, 2}).succeeded());
        QCOMPARE(receiver.receive(0, 1s).size(), 0);
        QCOMPARE(engine.statistics().rules.at(0).hits, std::uint64_t(4));

        Rule broken = drop;
        broken.expression = QStringLiteral("udp and prt 7003");
        QVERIFY(!engine.setRules({broken}, &error));
        QVERIFY2(error.contains(QStringLiteral("rule 9")), qPrintable(error));
        // The old rule still holds, with its count.
        QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7003, 1, 64, 3}).succeeded());
        QCOMPARE(receiver.receive(0, 500ms).size(), 0);
        QCOMPARE(engine.statistics().rules.at(0).hits, std::uint64_t(5));

        drop.enabled = false;
        QVERIFY2(engine.setRules({drop}, &error), qPrintable(error));
        QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7003, 2, 64, 4}).succeeded());
        QCOMPARE(receiver.receive(2, 5s).size(), 2);
        QCOMPARE(engine.statistics().rules.at(0).hits, std::uint64_t(5)); // kept across changes
        QCOMPARE(engine.statistics().dropped, std::uint64_t(5));
    }

    void slowConsumerLosesOnlyItsOwnRecords()
    {
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        auto stuck = std::make_shared<CollectingConsumer>(engine.producerCount(), 64 * 1024);
        auto reader = std::make_shared<CollectingConsumer>(engine.producerCount());
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        engine.attach(stuck);
        engine.attach(reader);
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 7004);
        QVERIFY2(receiver.open(&error), qPrintable(error));

        // In chunks the receiving socket's buffer can hold.
        constexpr int chunk = 200, count = 10 * chunk;
        for (int i = 0; i < count / chunk; ++i) {
            QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7004, chunk, 64, 5}).succeeded());
            // Every datagram arrives although one consumer never reads.
            QCOMPARE(receiver.receive(chunk, 10s).size(), chunk);
        }
        int seen = 0;
        for (const auto &item : collect(*reader, count, 5s))
            seen += isTestUdp(item, 7004);
        QCOMPARE(seen, count);
        QCOMPARE(reader->lost(), std::uint64_t(0));
        // 64 KiB holds a few hundred records: the rest are lost for `stuck` and counted.
        const auto kept = stuck->take().size();
        QVERIFY(kept > 0);
        QVERIFY(stuck->lost() > 0);
        // Every record was either kept or counted as lost (other traffic, e.g. IPv6 neighbour
        // discovery, may add a few records to both sides).
        QVERIFY(std::uint64_t(kept) + stuck->lost() >= std::uint64_t(count));
        engine.stop();
        QCOMPARE(std::uint64_t(kept) + stuck->lost() + std::uint64_t(stuck->take().size()),
                 engine.statistics().received);
        QCOMPARE(engine.statistics().lost, stuck->lost());
    }

    void dumpOnFullDiskStopsOnlyThatDump()
    {
        // A 64 KiB tmpfs in a mount namespace of this process: the machine's mounts stay as
        // they are.
        QVERIFY2(::unshare(CLONE_NEWNS) == 0, strerror(errno));
        QVERIFY(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY2(::mount("nfqmon-test", QFile::encodeName(dir.path()).constData(), "tmpfs", 0,
                         "size=64k") == 0,
                 strerror(errno));
        struct Unmount {
            QString path;
            ~Unmount() { ::umount2(QFile::encodeName(path).constData(), MNT_DETACH); }
        } unmount{dir.path()};

        const Peer &peer = m_network.peer(0);
        CaptureOptions options = optionsFor({peer.interface});
        options.dump = true;
        options.dumpInput = dir.filePath(QStringLiteral("input.pcap"));
        CaptureEngine engine(options);
        std::mutex mutex;
        QStringList messages;
        engine.setMessageHandler([&](const QString &m) {
            std::lock_guard lock(mutex);
            messages << m;
        });
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 7005);
        QVERIFY2(receiver.open(&error), qPrintable(error));

        // 200 x 1000-byte datagrams cannot fit in 64 KiB; capture must go on regardless.
        for (int i = 0; i < 4; ++i) {
            QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7005, 50, 1000, 6}).succeeded());
            QCOMPARE(receiver.receive(50, 10s).size(), 50);
        }
        QTRY_VERIFY_WITH_TIMEOUT(engine.statistics().dumps.at(0).error.size() > 0, 5000);
        QVERIFY(m_network.sendUdp(0, {peer.ipv4, 7005, 20, 100, 7}).succeeded());
        QCOMPARE(receiver.receive(20, 10s).size(), 20);
        engine.stop();

        const EngineStatistics stats = engine.statistics();
        QVERIFY2(stats.dumps.at(0).error.contains(QStringLiteral("No space left on device")),
                 qPrintable(stats.dumps.at(0).error));
        QVERIFY(stats.accepted >= 220);
        {
            std::lock_guard lock(mutex);
            QCOMPARE(messages.size(), 1);
            QVERIFY(messages.at(0).contains(options.dumpInput));
            QVERIFY(messages.at(0).contains(QStringLiteral("capture goes on")));
        }
        // What reached the disk is a pcap file whose whole packets read back.
        PcapReader reader;
        QVERIFY2(reader.open(options.dumpInput, &error), qPrintable(error));
        PcapPacket packet;
        int packets = 0;
        while (reader.next(&packet))
            ++packets;
        QVERIFY(packets > 10);
        QVERIFY(packets < 200);
    }
};

QTEST_GUILESS_MAIN(TestCaptureEngine)
#include "tst_captureengine.moc"
