// The benchmarks' and the soak's topology, on a TestNetwork with two peers (a ServiceTestBed's):
//
//   client (peer 0) --veth--> router (this process's namespace) --veth--> sink (peer 1)
//
// The client floods small UDP datagrams (nfqmon-bench-flood, sendmmsg) to Target:Port, which the
// router forwards to the sink, which throws them away (a blackhole route) after counting them
// (a raw PREROUTING rule of its own for UDP to port Port of Target's /24, so that the links' own
// chatter is not counted; `flows=K` floods spread over the /24).
#pragma once

#include "tests/support/network/TestNetwork.h"

#include <cstdint>
#include <optional>

namespace nfqmon::test {

class FloodNetwork
{
public:
    static constexpr char Target[] = "10.99.0.9";
    static constexpr std::uint16_t Port = 9;
    static constexpr int PayloadBytes = 18;

    explicit FloodNetwork(TestNetwork &network) : m_network(network) {}

    // Routes and the sink's counting rule; the network must have two peers.
    bool setUp(QString *error);
    // Datagrams of the flood that reached the sink so far.
    std::optional<quint64> sinkReceived(QString *error) const;
    // Floods from the client for `seconds` at `rate` datagrams a second (0: as fast as it can),
    // pinned to `core` (-1: anywhere). The number of datagrams sent.
    std::optional<quint64> flood(int seconds, int rate, int core, QString *error) const;
    // The same flood's command line, to start it without waiting (its output's second field is
    // the number sent).
    QStringList floodCommand(int seconds, int rate, int core) const;

private:
    TestNetwork &m_network;
};

} // namespace nfqmon::test
