// The network an integration test runs in. The test process first moves itself into a private
// network namespace (so the helper and iptables, its children, never touch the machine's own
// rules); peer "hosts" are named namespaces joined to it by veth pairs:
//
//   test namespace (lo, vethA, vethB, ...)      nfqmon-<pid>-<n> (lo, eth0)
//     vethA 10.77.1.1/24  fd00:77:1::1/64  <-->  eth0 10.77.1.2/24  fd00:77:1::2/64
//     vethB 10.77.2.1/24  fd00:77:2::1/64  <-->  eth0 10.77.2.2/24  fd00:77:2::2/64
//
// Peers are deleted by removeAll() and by the destructor; named namespaces that a crashed test
// process left behind are deleted when the next one enters its private namespace.
#pragma once

#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdint>

namespace nfqmon::test {

struct Peer {
    int index = 0;
    QString nameSpace;     // "nfqmon-<pid>-<index>", for `ip netns exec`
    QString interface;     // our end of the veth pair: "vethA", "vethB", ...
    QString peerInterface; // its end, inside the peer namespace
    QString ipv4;          // our address on the link
    QString peerIpv4;
    QString ipv6;
    QString peerIpv6;

    // family 4 or 6
    QString address(int family) const { return family == 6 ? ipv6 : ipv4; }
    QString peerAddress(int family) const { return family == 6 ? peerIpv6 : peerIpv4; }
};

// Test data for sendUdp/sendTcp; the bytes are TestPayload::make(seed, i, size), i = 0..count-1.
struct Flow {
    QString address;
    std::uint16_t port = 0;
    int count = 1;
    int size = 64;
    int seed = 0;
};

class TestNetwork
{
public:
    static constexpr int Local = -1; // "where" of run(), ping() and send*(): this namespace

    // Moves this process (its main thread, which starts every child) into a new network
    // namespace with lo up and IPv6 duplicate address detection off. Idempotent.
    static bool enterPrivateNamespace(QString *error);
    // True only after enterPrivateNamespace() succeeded and we are still in that namespace:
    // the guard before anything touches iptables or queues.
    static bool inPrivateNamespace();

    // Resets every table of iptables and ip6tables in the private namespace to empty chains
    // with policy ACCEPT, so a failed test cannot spoil the next one.
    static bool resetFirewall(QString *error);

    // iptables (family 4) or ip6tables (6) with these arguments, or iptables-restore --noflush
    // reading `restoreScript`. Refused outside the private namespace.
    static Command::Result iptables(int family, const QStringList &arguments);
    static Command::Result iptablesRestore(int family, const QByteArray &restoreScript);

    // Rules another program placed in raw (a user chain included), filter and mangle, for
    // IPv4 and IPv6: nfqmon must leave every one of them alone.
    static bool addOtherToolsRules(QString *error);

    // Path of a program built from tests/tools/<name>.cpp.
    static QString toolPath(const QString &name);

    // Named namespaces of this process that `ip netns list` shows.
    static QStringList ownNamespaces();

    TestNetwork() = default;
    ~TestNetwork();
    TestNetwork(const TestNetwork &) = delete;
    TestNetwork &operator=(const TestNetwork &) = delete;

    // Adds peers until there are `count`, each reachable over IPv4 and IPv6 when this returns.
    bool addPeers(int count, QString *error);
    const Peer &peer(int n) const { return m_peers.at(n); }
    int peerCount() const { return int(m_peers.size()); }
    void removeAll();

    // argv run here (where = Local) or inside peer `where`.
    QStringList commandIn(int where, const QStringList &argv) const;
    Command::Result run(int where, const QStringList &argv,
                        std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

    // ping -c count (10 ms apart); returns the replies received, -1 when ping could not run.
    int ping(int where, const QString &address, int count) const;

    // UDP datagrams / TCP connections (connect, send, wait until the data is acknowledged)
    // through nfqmon-test-send. A TCP connection that cannot be made within connectTimeout
    // makes the command fail.
    Command::Result sendUdp(int where, const Flow &flow) const;
    Command::Result sendTcp(int where, const Flow &flow,
                            std::chrono::milliseconds connectTimeout) const;

private:
    bool addPeer(int index, QString *error);
    bool waitReachable(const Peer &peer, QString *error) const;

    QList<Peer> m_peers;
};

} // namespace nfqmon::test

// initTestCase() of a test that needs the kernel: a private namespace with `peers` peers.
#define NFQMON_ENTER_TEST_NETWORK(network, peers)                                                  \
    do {                                                                                           \
        NFQMON_REQUIRE_PRIVILEGES();                                                               \
        QString networkError_;                                                                     \
        QVERIFY2(nfqmon::test::TestNetwork::enterPrivateNamespace(&networkError_),                 \
                 qPrintable(networkError_));                                                       \
        QVERIFY2((network).addPeers((peers), &networkError_), qPrintable(networkError_));          \
    } while (false)
