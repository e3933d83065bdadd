#include "tests/support/network/TrafficReceiver.h"

#include <QDeadlineTimer>
#include <QtGlobal>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace nfqmon::test {

TrafficReceiver::TrafficReceiver(Protocol protocol, int family, std::uint16_t port)
    : m_protocol(protocol), m_family(family), m_port(port)
{}

TrafficReceiver::~TrafficReceiver()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TrafficReceiver::open(QString *error)
{
    const int type = m_protocol == Protocol::Udp ? SOCK_DGRAM : SOCK_STREAM;
    m_fd = ::socket(m_family == 6 ? AF_INET6 : AF_INET, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_fd < 0) {
        *error = QStringLiteral("socket: %1").arg(qt_error_string(errno));
        return false;
    }
    const int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    int result = -1;
    if (m_family == 6) {
        ::setsockopt(m_fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
        sockaddr_in6 address{};
        address.sin6_family = AF_INET6;
        address.sin6_addr = in6addr_any;
        address.sin6_port = htons(m_port);
        result = ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    } else {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_ANY);
        address.sin_port = htons(m_port);
        result = ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    }
    if (result != 0 || (m_protocol == Protocol::Tcp && ::listen(m_fd, 64) != 0)) {
        *error =
            QStringLiteral("bind/listen on port %1: %2").arg(m_port).arg(qt_error_string(errno));
        return false;
    }
    return true;
}

QList<QByteArray> TrafficReceiver::receive(int expected, std::chrono::milliseconds timeout)
{
    QList<QByteArray> received;
    if (m_fd < 0)
        return received;
    struct Stream {
        int fd;
        QByteArray data;
    };
    std::vector<Stream> streams;
    const QDeadlineTimer deadline(timeout);
    std::vector<char> buffer(1 << 16);

    // One pass over everything readable; `wait` is the poll timeout for the first readiness.
    auto pass = [&](int wait) {
        std::vector<pollfd> fds{{m_fd, POLLIN, 0}};
        for (const Stream &stream : streams)
            fds.push_back({stream.fd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), wait) <= 0)
            return;
        if (m_protocol == Protocol::Udp) {
            for (;;) {
                const ssize_t n = ::recv(m_fd, buffer.data(), buffer.size(), 0);
                if (n < 0)
                    break;
                received.append(QByteArray(buffer.data(), qsizetype(n)));
            }
            return;
        }
        for (;;) {
            const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (fd < 0)
                break;
            streams.push_back({fd, {}});
        }
        for (auto it = streams.begin(); it != streams.end();) {
            ssize_t n = 0;
            while ((n = ::recv(it->fd, buffer.data(), buffer.size(), 0)) > 0)
                it->data.append(buffer.data(), qsizetype(n));
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                // The sender closed its side: this stream is complete.
                received.append(it->data);
                ::close(it->fd);
                it = streams.erase(it);
            } else {
                ++it;
            }
        }
    };

    while (int(received.size()) < expected || expected == 0) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0)
            break;
        pass(int(qMin<qint64>(left, 50)));
    }
    pass(0);
    for (const Stream &stream : streams) // incomplete streams are not counted as received
        ::close(stream.fd);
    return received;
}

} // namespace nfqmon::test
