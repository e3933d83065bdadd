// nfqmon-test-send: test traffic whose bytes a test can predict (TestPayload), run inside a
// peer's namespace with `ip netns exec` or in the test's own.
//
//   nfqmon-test-send udp ADDRESS PORT [--count N] [--size BYTES] [--seed S] [--interval-ms MS]
//                        [--source-port P]
//   nfqmon-test-send tcp ADDRESS PORT [--count N] [--size BYTES] [--seed S] [--timeout-ms MS]
//
// udp: N datagrams (payload i = TestPayload::make(S, i, BYTES)). tcp: N connections, each sends
// payload i, closes its side and waits until the peer has acknowledged every byte; a connection
// that cannot be made or acknowledged within the timeout is an error. --source-port: the UDP
// datagrams leave from that port, so that several runs are one flow.
// Exit status: 0 all sent, 1 network error, 2 usage. Prints "sent N" on success.
#include "tests/support/core/TestPayload.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    bool tcp = false;
    sockaddr_storage address{};
    socklen_t addressLength = 0;
    long count = 1;
    long size = 64;
    long seed = 0;
    long intervalMs = 0;
    long timeoutMs = 2000;
    long sourcePort = 0; // udp: 0, any
};

int usage(const char *problem)
{
    std::fprintf(stderr,
                 "nfqmon-test-send: %s\n"
                 "usage: nfqmon-test-send udp|tcp ADDRESS PORT [--count N] [--size BYTES] "
                 "[--seed S] [--interval-ms MS] [--timeout-ms MS] [--source-port P]\n",
                 problem);
    return 2;
}

int failure(const char *what)
{
    std::fprintf(stderr, "nfqmon-test-send: %s: %s\n", what, std::strerror(errno));
    return 1;
}

// Every bound keeps a mistaken call from flooding a link or hanging a test.
bool number(const char *text, long low, long high, long *value)
{
    char *end = nullptr;
    errno = 0;
    const long parsed = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || parsed < low || parsed > high)
        return false;
    *value = parsed;
    return true;
}

bool parseAddress(const char *text, long port, Options *options)
{
    auto *v4 = reinterpret_cast<sockaddr_in *>(&options->address);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&options->address);
    if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(std::uint16_t(port));
        options->addressLength = sizeof(sockaddr_in);
        return true;
    }
    if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(std::uint16_t(port));
        options->addressLength = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

const sockaddr *target(const Options &options)
{
    return reinterpret_cast<const sockaddr *>(&options.address);
}

int sendUdp(const Options &options)
{
    const int fd = socket(options.address.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return failure("socket");
    if (options.sourcePort > 0) {
        const int on = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_storage local{};
        local.ss_family = options.address.ss_family;
        const auto port = htons(std::uint16_t(options.sourcePort));
        if (local.ss_family == AF_INET)
            reinterpret_cast<sockaddr_in &>(local).sin_port = port;
        else
            reinterpret_cast<sockaddr_in6 &>(local).sin6_port = port;
        if (bind(fd, reinterpret_cast<const sockaddr *>(&local), options.addressLength) != 0) {
            close(fd);
            return failure("bind");
        }
    }
    for (long i = 0; i < options.count; ++i) {
        const std::string payload = nfqmon::test::TestPayload::make(
            std::uint16_t(options.seed), std::uint32_t(i), std::size_t(options.size));
        // Unconnected: an ICMP "port unreachable" for one datagram must not fail the next.
        if (sendto(fd, payload.data(), payload.size(), 0, target(options), options.addressLength) !=
            ssize_t(payload.size())) {
            close(fd);
            return failure("sendto");
        }
        if (options.intervalMs > 0 && i + 1 < options.count)
            std::this_thread::sleep_for(std::chrono::milliseconds(options.intervalMs));
    }
    close(fd);
    return 0;
}

int remainingMs(Clock::time_point deadline)
{
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? int(left) : 0;
}

int sendTcpConnection(const Options &options, long index)
{
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(options.timeoutMs);
    const int fd = socket(options.address.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return failure("socket");
    if (connect(fd, target(options), options.addressLength) != 0) {
        if (errno != EINPROGRESS) {
            close(fd);
            return failure("connect");
        }
        pollfd waiter{fd, POLLOUT, 0};
        if (poll(&waiter, 1, remainingMs(deadline)) != 1) {
            close(fd);
            errno = ETIMEDOUT;
            return failure("connect");
        }
        int socketError = 0;
        socklen_t length = sizeof socketError;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length);
        if (socketError != 0) {
            close(fd);
            errno = socketError;
            return failure("connect");
        }
    }
    const std::string payload = nfqmon::test::TestPayload::make(
        std::uint16_t(options.seed), std::uint32_t(index), std::size_t(options.size));
    std::size_t sent = 0;
    while (sent < payload.size()) {
        const ssize_t n = send(fd, payload.data() + sent, payload.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += std::size_t(n);
            continue;
        }
        pollfd waiter{fd, POLLOUT, 0};
        if ((n < 0 && errno != EAGAIN) || poll(&waiter, 1, remainingMs(deadline)) != 1) {
            close(fd);
            return failure("send");
        }
    }
    shutdown(fd, SHUT_WR);
    // Done only when the peer acknowledged everything (our FIN included): then the bytes have
    // reached the other side's kernel, whatever the receiving program does later.
    for (;;) {
        int unacknowledged = 0;
        if (ioctl(fd, SIOCOUTQ, &unacknowledged) != 0) {
            close(fd);
            return failure("ioctl(SIOCOUTQ)");
        }
        if (unacknowledged == 0)
            break;
        if (remainingMs(deadline) == 0) {
            close(fd);
            errno = ETIMEDOUT;
            return failure("waiting for the acknowledgement");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    close(fd);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 4)
        return usage("missing arguments");
    Options options;
    const std::string mode = argv[1];
    if (mode == "tcp")
        options.tcp = true;
    else if (mode != "udp")
        return usage("the mode is udp or tcp");
    long port = 0;
    if (!number(argv[3], 1, 65535, &port))
        return usage("bad port");
    if (!parseAddress(argv[2], port, &options))
        return usage("bad address (numeric IPv4 or IPv6)");
    for (int i = 4; i < argc; i += 2) {
        const std::string option = argv[i];
        if (i + 1 >= argc)
            return usage("option without a value");
        const char *value = argv[i + 1];
        bool ok = false;
        if (option == "--count")
            ok = number(value, 1, 10000, &options.count);
        else if (option == "--size")
            ok = number(value, long(nfqmon::test::TestPayload::MinimumSize),
                        options.tcp ? 1000000 : 65507, &options.size);
        else if (option == "--seed")
            ok = number(value, 0, 65535, &options.seed);
        else if (option == "--interval-ms")
            ok = number(value, 0, 1000, &options.intervalMs);
        else if (option == "--timeout-ms")
            ok = number(value, 1, 30000, &options.timeoutMs);
        else if (option == "--source-port")
            ok = number(value, 1, 65535, &options.sourcePort);
        if (!ok)
            return usage("bad option or value");
    }
    for (long i = 0; i < (options.tcp ? options.count : 1); ++i) {
        const int status = options.tcp ? sendTcpConnection(options, i) : sendUdp(options);
        if (status != 0)
            return status;
    }
    std::printf("sent %ld\n", options.count);
    return 0;
}
