// nfqmon-test-dns: a DNS server of the tests' own and a client for it, so that tests see real
// DNS answers cross the queue without any resolver of the machine.
//
//   nfqmon-test-dns serve PORT ENTRY...   answers on UDP and TCP port PORT (IPv4 and IPv6) until
//                                         killed; prints "ready" once it listens. ENTRY is
//                                         NAME=ADDRESS (an A or AAAA record, TTL 300) or
//                                         NAME>TARGET (a CNAME record; the answer follows it).
//   nfqmon-test-dns query SERVER PORT NAME A|AAAA [tcp]
//                                         asks once (over TCP with `tcp`) and prints each
//                                         address of the answer on a line of its own.
// Exit status: 0 done, 1 no answer or a network error, 2 usage.
#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

using Bytes = std::vector<std::uint8_t>;

struct Zone {
    std::multimap<std::string, std::pair<int, Bytes>> addresses; // name -> (type, rdata)
    std::map<std::string, std::string> aliases;                  // name -> target
};

void put16(Bytes &b, unsigned v)
{
    b.push_back(std::uint8_t(v >> 8));
    b.push_back(std::uint8_t(v));
}

void put32(Bytes &b, std::uint32_t v)
{
    put16(b, v >> 16);
    put16(b, v & 0xffff);
}

void putName(Bytes &b, const std::string &name)
{
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos)
            dot = name.size();
        b.push_back(std::uint8_t(dot - start));
        b.insert(b.end(), name.begin() + long(start), name.begin() + long(dot));
        start = dot + 1;
    }
    b.push_back(0);
}

// The question's name and type from a query; false when it is not one this server reads.
bool readQuestion(const std::uint8_t *q, std::size_t size, std::string *name, int *type,
                  std::size_t *end)
{
    std::size_t at = 12;
    name->clear();
    while (at < size && q[at] != 0) {
        const std::size_t length = q[at];
        if (length > 63 || at + 1 + length > size)
            return false;
        if (!name->empty())
            *name += '.';
        name->append(reinterpret_cast<const char *>(q + at + 1), length);
        at += 1 + length;
    }
    if (at + 5 > size)
        return false;
    *type = q[at + 1] << 8 | q[at + 2];
    *end = at + 5;
    return true;
}

Bytes answer(const Zone &zone, const std::uint8_t *query, std::size_t size)
{
    std::string name;
    int type = 0;
    std::size_t end = 0;
    if (size < 12 || !readQuestion(query, size, &name, &type, &end))
        return {};
    Bytes records;
    int count = 0;
    std::string current = name;
    for (int hops = 0; hops < 8; ++hops) { // follow the CNAMEs, as a resolver's answer does
        const auto alias = zone.aliases.find(current);
        if (alias == zone.aliases.end())
            break;
        Bytes target;
        putName(target, alias->second);
        putName(records, current);
        put16(records, 5);
        put16(records, 1);
        put32(records, 300);
        put16(records, unsigned(target.size()));
        records.insert(records.end(), target.begin(), target.end());
        ++count;
        current = alias->second;
    }
    const auto [first, last] = zone.addresses.equal_range(current);
    for (auto it = first; it != last; ++it) {
        if (it->second.first != type)
            continue;
        putName(records, current);
        put16(records, unsigned(type));
        put16(records, 1);
        put32(records, 300);
        put16(records, unsigned(it->second.second.size()));
        records.insert(records.end(), it->second.second.begin(), it->second.second.end());
        ++count;
    }
    Bytes reply(query, query + end);
    reply[2] = 0x84 | (query[2] & 0x01); // response, authoritative, RD copied
    reply[3] = count ? 0x00 : 0x03;      // NXDOMAIN when nothing is known
    reply[4] = 0;
    reply[5] = 1;
    reply[6] = std::uint8_t(count >> 8);
    reply[7] = std::uint8_t(count);
    std::memset(reply.data() + 8, 0, 4);
    reply.insert(reply.end(), records.begin(), records.end());
    return reply;
}

bool readAll(int fd, std::uint8_t *data, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data + done, size - done);
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

void serveTcp(const Zone &zone, int client)
{
    std::uint8_t prefix[2];
    while (readAll(client, prefix, 2)) {
        const std::size_t length = std::size_t(prefix[0] << 8 | prefix[1]);
        Bytes query(length);
        if (!readAll(client, query.data(), length))
            break;
        const Bytes reply = answer(zone, query.data(), length);
        if (reply.empty())
            break;
        Bytes framed;
        put16(framed, unsigned(reply.size()));
        framed.insert(framed.end(), reply.begin(), reply.end());
        if (::write(client, framed.data(), framed.size()) != ssize_t(framed.size()))
            break;
    }
    ::close(client);
}

int listenOn(int type, int port)
{
    const int fd = ::socket(AF_INET6, type, 0);
    const int off = 0, on = 1;
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_port = htons(std::uint16_t(port));
    address.sin6_addr = in6addr_any;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        (type == SOCK_STREAM && ::listen(fd, 16) != 0)) {
        std::perror("nfqmon-test-dns: listen");
        std::exit(1);
    }
    return fd;
}

int serve(int port, int count, char **entries)
{
    Zone zone;
    for (int i = 0; i < count; ++i) {
        const std::string entry = entries[i];
        const std::size_t equals = entry.find('=');
        const std::size_t arrow = entry.find('>');
        if (arrow != std::string::npos) {
            zone.aliases[entry.substr(0, arrow)] = entry.substr(arrow + 1);
            continue;
        }
        if (equals == std::string::npos)
            return 2;
        const std::string address = entry.substr(equals + 1);
        Bytes rdata(16);
        if (inet_pton(AF_INET, address.c_str(), rdata.data()) == 1) {
            rdata.resize(4);
            zone.addresses.emplace(entry.substr(0, equals), std::pair{1, rdata});
        } else if (inet_pton(AF_INET6, address.c_str(), rdata.data()) == 1) {
            zone.addresses.emplace(entry.substr(0, equals), std::pair{28, rdata});
        } else {
            return 2;
        }
    }
    const int udp = listenOn(SOCK_DGRAM, port);
    const int tcp = listenOn(SOCK_STREAM, port);
    std::printf("ready\n");
    std::fflush(stdout);
    pollfd fds[2] = {{udp, POLLIN, 0}, {tcp, POLLIN, 0}};
    for (;;) {
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return 1;
        if (fds[0].revents & POLLIN) {
            std::uint8_t query[512];
            sockaddr_in6 from{};
            socklen_t fromLength = sizeof from;
            const ssize_t n = ::recvfrom(udp, query, sizeof query, 0,
                                         reinterpret_cast<sockaddr *>(&from), &fromLength);
            const Bytes reply = n > 0 ? answer(zone, query, std::size_t(n)) : Bytes();
            if (!reply.empty())
                ::sendto(udp, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr *>(&from),
                         fromLength);
        }
        if (fds[1].revents & POLLIN) {
            const int client = ::accept(tcp, nullptr, nullptr);
            if (client >= 0)
                serveTcp(zone, client);
        }
    }
}

int query(const char *server, int port, const std::string &name, const std::string &type,
          bool overTcp)
{
    sockaddr_storage address{};
    socklen_t length = 0;
    auto *v4 = reinterpret_cast<sockaddr_in *>(&address);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&address);
    if (inet_pton(AF_INET, server, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(std::uint16_t(port));
        length = sizeof *v4;
    } else if (inet_pton(AF_INET6, server, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(std::uint16_t(port));
        length = sizeof *v6;
    } else {
        return 2;
    }
    Bytes q = {0x4e, 0x51, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
    putName(q, name);
    put16(q, type == "AAAA" ? 28 : 1);
    put16(q, 1);
    const int fd = ::socket(address.ss_family, overTcp ? SOCK_STREAM : SOCK_DGRAM, 0);
    timeval timeout{3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), length) != 0)
        return 1;
    Bytes reply(65535);
    std::size_t size = 0;
    if (overTcp) {
        Bytes framed;
        put16(framed, unsigned(q.size()));
        framed.insert(framed.end(), q.begin(), q.end());
        std::uint8_t prefix[2];
        if (::write(fd, framed.data(), framed.size()) != ssize_t(framed.size()) ||
            !readAll(fd, prefix, 2))
            return 1;
        size = std::size_t(prefix[0] << 8 | prefix[1]);
        if (!readAll(fd, reply.data(), size))
            return 1;
    } else {
        if (::send(fd, q.data(), q.size(), 0) != ssize_t(q.size()))
            return 1;
        const ssize_t n = ::recv(fd, reply.data(), reply.size(), 0);
        if (n <= 0)
            return 1;
        size = std::size_t(n);
    }
    ::close(fd);
    // The addresses: the last 4 or 16 bytes of each A/AAAA record, found by walking the records.
    std::string ignored;
    int ignoredType = 0;
    std::size_t at = 0;
    if (!readQuestion(reply.data(), size, &ignored, &ignoredType, &at))
        return 1;
    const int answers = reply[6] << 8 | reply[7];
    int printed = 0;
    for (int i = 0; i < answers && at < size; ++i) {
        while (at < size && reply[at] != 0)
            at += 1u + reply[at];
        at += 1;
        if (at + 10 > size)
            return 1;
        const int recordType = reply[at] << 8 | reply[at + 1];
        const std::size_t rdLength = std::size_t(reply[at + 8] << 8 | reply[at + 9]);
        at += 10;
        char text[INET6_ADDRSTRLEN] = {};
        if ((recordType == 1 || recordType == 28) && at + rdLength <= size &&
            inet_ntop(recordType == 1 ? AF_INET : AF_INET6, reply.data() + at, text, sizeof text)) {
            std::printf("%s\n", text);
            ++printed;
        }
        at += rdLength;
    }
    return printed ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "serve" && argc >= 3)
        return serve(std::atoi(argv[2]), argc - 3, argv + 3);
    if (command == "query" && (argc == 6 || argc == 7))
        return query(argv[2], std::atoi(argv[3]), argv[4], argv[5],
                     argc == 7 && std::string(argv[6]) == "tcp");
    std::fprintf(stderr, "usage: nfqmon-test-dns serve PORT NAME=ADDRESS|NAME>TARGET ...\n"
                         "       nfqmon-test-dns query SERVER PORT NAME A|AAAA [tcp]\n");
    return 2;
}
