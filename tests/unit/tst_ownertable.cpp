// What the helper concludes from the kernel programs' events (OwnerTable, FlowKey), without the
// kernel: a flow's packets in both directions belong to its socket's process, a server's incoming
// packets to the server, the kernel's own packets to nobody; the tables stay within their bounds
// and say which flows they let go, so that the kernel announces them again.
#include "helper/attribution/LocalAddresses.h"
#include "helper/attribution/OwnerTable.h"
#include "tests/support/core/PacketBuilder.h"

#include "helper/protocol/PacketDecoder.h"

#include <QTest>

#include <arpa/inet.h>
#include <cstring>

using namespace nfqmon;
namespace PB = nfqmon::test::PacketBuilder;

namespace {

nfq_owner owner(std::uint32_t pid, std::uint64_t start = 1000, const char *comm = "curl")
{
    nfq_owner o{};
    o.tgid = o.pid = o.ns_tgid = pid;
    o.uid = 1000;
    o.gid = 100;
    o.start_ns = start;
    o.cgroup_id = 42;
    std::strncpy(o.comm, comm, sizeof o.comm - 1);
    return o;
}

nfq_process_event processEvent(const nfq_owner &o, const std::string &exe)
{
    nfq_process_event e{};
    e.type = NFQ_EVENT_PROCESS;
    e.owner = o;
    e.exe_length = std::uint16_t(exe.size());
    std::memcpy(e.exe, exe.data(), exe.size());
    const char arguments[] = "curl\0-s\0http://a.test/"; // as /proc/PID/cmdline: NUL-separated
    e.cmdline_length = sizeof arguments;                 // with the last NUL
    std::memcpy(e.cmdline, arguments, sizeof arguments);
    return e;
}

// The flow of an IPv4 packet, as the kernel program files it (local end first).
nfq_flow_key key4(const char *local, std::uint16_t localPort, const char *remote,
                  std::uint16_t remotePort, std::uint8_t protocol = 6)
{
    nfq_flow_key k{};
    k.family = 4;
    k.protocol = protocol;
    k.local_port = localPort;
    k.remote_port = remotePort;
    inet_pton(AF_INET, local, k.local);
    inet_pton(AF_INET, remote, k.remote);
    return k;
}

nfq_flow_event flowEvent(const nfq_flow_key &key, std::uint64_t cookie, const nfq_owner *o,
                         std::uint32_t type = NFQ_EVENT_FLOW)
{
    nfq_flow_event e{};
    e.type = type;
    e.cookie = cookie;
    e.key = key;
    if (o) {
        e.owner = *o;
        e.known = 1;
    }
    return e;
}

// The key the queue thread builds from a packet's own bytes.
FlowKey keyOf(const QByteArray &packet, bool outgoing)
{
    const auto bytes = PB::bytes(packet);
    const auto key = FlowKey::fromPacket(PacketDecoder::summarize(bytes), bytes, outgoing);
    if (!key)
        qFatal("no flow key");
    return *key;
}

} // namespace

class tst_OwnerTable : public QObject
{
    Q_OBJECT

private slots:
    // The kernel's key and the queue's key for the same packet are the same key, both ways.
    void packetsFindTheirFlow_data()
    {
        using namespace PB;
        QTest::addColumn<QByteArray>("out");   // as sent
        QTest::addColumn<QByteArray>("reply"); // as it comes back
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("localPort");
        QTest::addColumn<int>("remotePort");
        QTest::newRow("TCP") << ipv4("10.0.0.1", "192.0.2.9", Tcp, tcp(40000, 443, TcpFlag::Syn))
                             << ipv4("192.0.2.9", "10.0.0.1", Tcp,
                                     tcp(443, 40000, TcpFlag::Syn | TcpFlag::Ack))
                             << 6 << 40000 << 443;
        QTest::newRow("UDP") << ipv4("10.0.0.1", "192.0.2.53", Udp, udp(5353, 53, "q"))
                             << ipv4("192.0.2.53", "10.0.0.1", Udp, udp(53, 5353, "a")) << 17
                             << 5353 << 53;
        QTest::newRow("ping") << ipv4("10.0.0.1", "192.0.2.9", Icmp, icmpEcho(false, 77, 1))
                              << ipv4("192.0.2.9", "10.0.0.1", Icmp, icmpEcho(true, 77, 1)) << 1
                              << 77 << 77;
    }
    void packetsFindTheirFlow()
    {
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, reply);
        QFETCH(int, protocol);
        QFETCH(int, localPort);
        QFETCH(int, remotePort);
        const nfq_flow_key kernel = key4("10.0.0.1", std::uint16_t(localPort), "192.0.2.9",
                                         std::uint16_t(remotePort), std::uint8_t(protocol));
        nfq_flow_key expected = kernel;
        if (protocol == 17)
            inet_pton(AF_INET, "192.0.2.53", expected.remote);
        QVERIFY(keyOf(out, true) == FlowKey::fromKernel(expected));
        QVERIFY(keyOf(reply, false) == FlowKey::fromKernel(expected));

        OwnerTable table;
        const nfq_owner curl = owner(4242);
        table.addProcess(processEvent(curl, "/usr/bin/curl"));
        table.addFlow(flowEvent(expected, 7, &curl));
        const Attribution sent = table.find(keyOf(out, true), true);
        const Attribution back = table.find(keyOf(reply, false), false);
        QCOMPARE(sent.origin, Origin::Process);
        QCOMPARE(back.origin, Origin::Process);
        QCOMPARE(back.processId, sent.processId);
        const auto process = table.process(sent.processId);
        QVERIFY(process);
        QCOMPARE(process->pid, 4242u);
        QCOMPARE(process->executable, std::string("/usr/bin/curl"));
        QCOMPARE(process->arguments, std::string("curl\0-s\0http://a.test/", 22));
        QCOMPARE(process->command, std::string("curl"));
    }

    // A server bound to a port (or to every address) owns what comes in to it, and the
    // replies the kernel sends for it before it accepts (the SYN-ACK of a request socket).
    void serversOwnTheirPort()
    {
        OwnerTable table;
        const nfq_owner server = owner(500, 1, "nginx");
        table.addBound(flowEvent(key4("0.0.0.0", 8080, "0.0.0.0", 0), 9, &server, NFQ_EVENT_BOUND));
        const FlowKey in = FlowKey::fromKernel(key4("10.0.0.1", 8080, "192.0.2.9", 50000));
        const Attribution incoming = table.find(in, false);
        QCOMPARE(incoming.origin, Origin::Process);
        QCOMPARE(table.process(incoming.processId)->pid, 500u);
        // The SYN-ACK: a socket without an owner of its own (cookie 0, not known).
        table.addFlow(flowEvent(key4("10.0.0.1", 8080, "192.0.2.9", 50000), 0, nullptr));
        QCOMPARE(table.find(in, true).processId, incoming.processId);
        // Another port: nobody's.
        const FlowKey other = FlowKey::fromKernel(key4("10.0.0.1", 8081, "192.0.2.9", 50000));
        QCOMPARE(table.find(other, false).origin, Origin::NoSocket);
        // Closed, the server no longer claims new packets.
        table.release(9);
        const FlowKey later = FlowKey::fromKernel(key4("10.0.0.1", 8080, "192.0.2.9", 50001));
        QCOMPARE(table.find(later, false).origin, Origin::NoSocket);
    }

    // A server on the IPv6 wildcard takes IPv4 packets only where the kernel programs filed it
    // for both families (no IPV6_V6ONLY); closed, it gives up both.
    void dualStackServerGivesUpBothFamilies()
    {
        OwnerTable table;
        const nfq_owner server = owner(501, 1, "sshd");
        nfq_flow_key any4 = key4("0.0.0.0", 22, "0.0.0.0", 0);
        nfq_flow_key any6 = any4;
        any6.family = 6;
        table.addBound(flowEvent(any6, 12, &server, NFQ_EVENT_BOUND));
        const FlowKey in4 = FlowKey::fromKernel(key4("10.0.0.1", 22, "192.0.2.9", 50000));
        nfq_flow_key raw6 = any6;
        raw6.local[15] = 1;
        raw6.remote[15] = 9;
        raw6.remote_port = 50000;
        const FlowKey in6 = FlowKey::fromKernel(raw6);
        // Filed for IPv6 only (IPV6_V6ONLY): IPv4 packets to its port are nobody's.
        QCOMPARE(table.find(in4, false).origin, Origin::NoSocket);
        QCOMPARE(table.find(in6, false).origin, Origin::Process);
        // Filed for IPv4 as well (it takes both): closed, it gives up both.
        table.addBound(flowEvent(any4, 12, &server, NFQ_EVENT_BOUND));
        QCOMPARE(table.find(in4, false).origin, Origin::Process);
        table.release(12);
        QCOMPARE(table.find(in4, false).origin, Origin::NoSocket);
        QCOMPARE(table.find(in6, false).origin, Origin::NoSocket);
    }

    // A container's socket (another network namespace) files its flow marked so; the watched
    // namespace sees its packets forwarded, both ways, and names the container's process. A
    // packet that a socket of the watched namespace takes (a server's) stays that socket's.
    void forwardedFlowsOfAnotherNamespace()
    {
        using namespace PB;
        OwnerTable table;
        const nfq_owner router = owner(600, 1, "dnsmasq");
        table.addBound(
            flowEvent(key4("0.0.0.0", 53, "0.0.0.0", 0, 17), 3, &router, NFQ_EVENT_BOUND));
        const nfq_owner container = owner(4300, 2, "curl");
        nfq_flow_key kernel = key4("172.17.0.2", 40000, "192.0.2.9", 443, 17);
        kernel.scope = NFQ_SCOPE_OTHER_NETNS;
        table.addFlow(flowEvent(kernel, 8, &container));

        const QByteArray out = ipv4("172.17.0.2", "192.0.2.9", Udp, udp(40000, 443, "q"));
        const QByteArray back = ipv4("192.0.2.9", "172.17.0.2", Udp, udp(443, 40000, "a"));
        for (const QByteArray &packet : {out, back}) {
            const Attribution found = table.find(keyOf(packet, false), false);
            QCOMPARE(found.origin, Origin::Process);
            QVERIFY(found.otherNamespace);
            QCOMPARE(table.process(found.processId)->pid, 4300u);
        }
        // The same addresses sent by a socket of the watched namespace are a flow of their own.
        QCOMPARE(table.find(keyOf(out, true), true).origin, Origin::Unknown);
        // The container asks the router's own server: the packet is the server's.
        nfq_flow_key toRouter = key4("172.17.0.2", 40001, "10.0.0.1", 53, 17);
        toRouter.scope = NFQ_SCOPE_OTHER_NETNS;
        table.addFlow(flowEvent(toRouter, 9, &container));
        const Attribution server = table.find(
            keyOf(ipv4("172.17.0.2", "10.0.0.1", Udp, udp(40001, 53, "q")), false), false);
        QCOMPARE(server.origin, Origin::Process);
        QCOMPARE(table.process(server.processId)->pid, 600u);
        QVERIFY(!server.otherNamespace);
    }

    // A server on the wildcard address takes the packets to this namespace's addresses (and to
    // multicast and broadcast ones), not those forwarded through it to its port elsewhere.
    void wildcardServersTakeOnlyLocalPackets_data()
    {
        // Documentation ranges (RFC 5737), which no machine running the test has: 198.51.100.0/24
        // plays this namespace's subnet.
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("taken");
        QTest::newRow("an address of ours") << QStringLiteral("198.51.100.1") << true;
        QTest::newRow("forwarded elsewhere") << QStringLiteral("192.0.2.53") << false;
        QTest::newRow("our subnet's broadcast") << QStringLiteral("198.51.100.255") << true;
        QTest::newRow("limited broadcast") << QStringLiteral("255.255.255.255") << true;
        QTest::newRow("multicast") << QStringLiteral("224.0.0.251") << true;
    }
    void wildcardServersTakeOnlyLocalPackets()
    {
        QFETCH(QString, destination);
        QFETCH(bool, taken);
        LocalAddresses local;
        std::string error;
        QVERIFY2(local.open(&error), error.c_str()); // the namespace's own, then two more
        std::uint8_t address[4];
        for (const char *ours : {"198.51.100.1", "198.51.100.255"}) {
            inet_pton(AF_INET, ours, address);
            local.add(4, address);
        }
        OwnerTable table;
        table.setLocalAddresses(&local);
        const nfq_owner server = owner(600, 1, "dnsmasq");
        table.addBound(
            flowEvent(key4("0.0.0.0", 53, "0.0.0.0", 0, 17), 3, &server, NFQ_EVENT_BOUND));
        const QByteArray packet = PB::ipv4("198.51.100.7", destination.toLatin1().constData(),
                                           PB::Udp, PB::udp(40000, 53, "q"));
        QCOMPARE(table.find(keyOf(packet, false), false).origin,
                 taken ? Origin::Process : Origin::NoSocket);
        // Gone from the interface, an address is no longer ours.
        inet_pton(AF_INET, "198.51.100.1", address);
        local.remove(4, address);
        if (destination == u"198.51.100.1")
            QCOMPARE(table.find(keyOf(packet, false), false).origin, Origin::NoSocket);
    }

    // The addresses of the namespace the test runs in, from rtnetlink: loopback's are there.
    void localAddressesReadTheKernel()
    {
        LocalAddresses local;
        std::string error;
        QVERIFY2(local.open(&error), error.c_str());
        std::uint8_t v4[4], v6[16];
        inet_pton(AF_INET, "127.0.0.1", v4);
        inet_pton(AF_INET6, "::1", v6);
        QVERIFY(local.takes(4, v4));
        QVERIFY(local.takes(6, v6));
        inet_pton(AF_INET, "192.0.2.1", v4); // TEST-NET-1: never an address here
        QVERIFY(!local.takes(4, v4));
    }

    // Packets without a socket, or of the kernel's own sockets, are the kernel's; packets of a
    // socket opened before attribution started have no known owner.
    void kernelAndUnknownSockets()
    {
        OwnerTable table;
        const nfq_flow_key reset = key4("10.0.0.1", 80, "192.0.2.9", 40000);
        table.addFlow(flowEvent(reset, 0, nullptr));
        QCOMPARE(table.find(FlowKey::fromKernel(reset), true).origin, Origin::Kernel);
        const nfq_flow_key old = key4("10.0.0.1", 22, "192.0.2.9", 40001);
        table.addFlow(flowEvent(old, 12345, nullptr));
        QCOMPARE(table.find(FlowKey::fromKernel(old), true).origin, Origin::Unknown);
        // A flow nobody announced at all: not claimed for the kernel.
        const nfq_flow_key silent = key4("10.0.0.1", 23, "192.0.2.9", 40002);
        QCOMPARE(table.find(FlowKey::fromKernel(silent), true).origin, Origin::Unknown);
    }

    // Told about a process again (the kernel forgot it had told us): the same id.
    void processesKeepTheirId()
    {
        OwnerTable table;
        const nfq_owner curl = owner(4242);
        table.addProcess(processEvent(curl, "/usr/bin/curl"));
        table.addFlow(flowEvent(key4("10.0.0.1", 1, "192.0.2.9", 2), 7, &curl));
        const std::uint32_t id =
            table.find(FlowKey::fromKernel(key4("10.0.0.1", 1, "192.0.2.9", 2)), true).processId;
        table.addProcess(processEvent(curl, "/usr/bin/curl"));
        QCOMPARE(table.processCount(), std::size_t(1));
        // The same pid started again later is another process.
        const nfq_owner again = owner(4242, 2000);
        table.addProcess(processEvent(again, "/usr/bin/wget"));
        table.addFlow(flowEvent(key4("10.0.0.1", 3, "192.0.2.9", 2), 8, &again));
        const std::uint32_t other =
            table.find(FlowKey::fromKernel(key4("10.0.0.1", 3, "192.0.2.9", 2)), true).processId;
        QVERIFY(other != id);
        QCOMPARE(table.process(other)->executable, std::string("/usr/bin/wget"));
        // A flow whose process event was lost still names what the owner says.
        const nfq_owner lost = owner(777, 5, "ping");
        table.addFlow(flowEvent(key4("10.0.0.1", 9, "192.0.2.9", 9, 1), 10, &lost));
        const auto unnamed = table.process(
            table.find(FlowKey::fromKernel(key4("10.0.0.1", 9, "192.0.2.9", 9, 1)), true)
                .processId);
        QVERIFY(unnamed);
        QCOMPARE(unnamed->command, std::string("ping"));
        QVERIFY(unnamed->executable.empty());
    }

    // Full tables let the oldest go, and say which flows, whatever the traffic.
    void boundedTables()
    {
        OwnerTable table(100, 10);
        for (std::uint32_t i = 0; i < 1000; ++i) {
            const nfq_owner o = owner(10000 + i);
            table.addProcess(processEvent(o, "/usr/bin/x"));
            table.addFlow(flowEvent(key4("10.0.0.1", std::uint16_t(i), "192.0.2.9", 1), i + 1, &o));
        }
        QCOMPARE(table.flowCount(), std::size_t(100));
        QCOMPARE(table.processCount(), std::size_t(10));
        const std::vector<FlowKey> evicted = table.takeEvicted();
        QCOMPARE(evicted.size(), std::size_t(900));
        QVERIFY(evicted.front() == FlowKey::fromKernel(key4("10.0.0.1", 0, "192.0.2.9", 1)));
        QVERIFY(table.takeEvicted().empty());
        // The newest flow still names its process.
        const Attribution newest =
            table.find(FlowKey::fromKernel(key4("10.0.0.1", 999, "192.0.2.9", 1)), true);
        QCOMPARE(table.process(newest.processId)->pid, 10999u);
    }
};

QTEST_GUILESS_MAIN(tst_OwnerTable)
#include "tst_ownertable.moc"
