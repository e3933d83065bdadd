// Receives test traffic inside the test process (which lives in the test's private namespace):
// UDP datagrams, or TCP streams read to their end. Plain sockets, so that a test sees exactly
// what arrived and when nothing did.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>

namespace nfqmon::test {

class TrafficReceiver
{
public:
    enum class Protocol { Udp, Tcp };

    // family 4 or 6; binds the wildcard address of that family (IPv6: v6 only).
    TrafficReceiver(Protocol protocol, int family, std::uint16_t port);
    ~TrafficReceiver();
    TrafficReceiver(const TrafficReceiver &) = delete;
    TrafficReceiver &operator=(const TrafficReceiver &) = delete;

    bool open(QString *error);

    // Datagrams (UDP) or complete streams (TCP, one per connection, read until the sender
    // closed) that arrived, waiting until `expected` have come or `timeout` has passed; then
    // whatever else is already there. Expecting 0 waits the whole timeout, to show that
    // nothing comes.
    QList<QByteArray> receive(int expected, std::chrono::milliseconds timeout);

private:
    Protocol m_protocol;
    int m_family;
    std::uint16_t m_port;
    int m_fd = -1;
};

} // namespace nfqmon::test
