/* The host-name benchmark's sender: IPv4 packets built here and sent through a raw socket with
 * sendmmsg in batches of 64, for a given time, as fast as the machine takes them or at RATE
 * packets a second, to the addresses 10.99.0.1-250 (the flood network's target, which the sink
 * throws away).
 *
 *   nfqmon-bench-namesflood mix SECONDS RATE        prints "sent N"
 *   nfqmon-bench-namesflood distinct SECONDS RATE
 *
 * mix: traffic that names its hosts as a desktop's does: of each 64 packets, 2 DNS answers
 * (UDP from port 53: "hNNN.example.org" is 10.99.0.x, from a set of 1,000 names), 2 TLS
 * ClientHellos (TCP to port 443, the server name from the same set) and 60 small UDP
 * datagrams to port 9 of the named addresses. distinct: nothing but DNS answers, each for a
 * name and an address never seen before (a forger's flood). RATE 0: as fast as possible. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

enum { Batch = 64, Slot = 512, Names = 1000 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static size_t put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
    return 2;
}

/* An IPv4 header without checksum, length or id: the kernel fills them in (IP_HDRINCL). */
static size_t ipv4(uint8_t *p, uint8_t protocol, uint32_t destination)
{
    memset(p, 0, 20);
    p[0] = 0x45;
    p[8] = 64;
    p[9] = protocol;
    memcpy(p + 16, &destination, 4);
    return 20;
}

static size_t name(uint8_t *p, const char *text)
{
    size_t at = 0;
    while (*text) {
        const char *dot = strchr(text, '.');
        const size_t length = dot ? (size_t)(dot - text) : strlen(text);
        p[at++] = (uint8_t)length;
        memcpy(p + at, text, length);
        at += length;
        text += length + (dot ? 1 : 0);
    }
    p[at++] = 0;
    return at;
}

/* UDP from port 53, sent to `destination`: a DNS response "A? host" -> address. */
static size_t dnsAnswer(uint8_t *p, const char *host, uint32_t destination, uint32_t address)
{
    size_t at = ipv4(p, 17, destination);
    uint8_t *udp = p + at;
    at += 8;
    static const uint8_t header[12] = {0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0};
    memcpy(p + at, header, sizeof header);
    at += sizeof header;
    at += name(p + at, host);
    at += put16(p + at, 1);
    at += put16(p + at, 1);
    static const uint8_t answer[12] = {0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0x01, 0x2c, 0, 4};
    memcpy(p + at, answer, sizeof answer);
    at += sizeof answer;
    memcpy(p + at, &address, 4);
    at += 4;
    put16(udp, 53);
    put16(udp + 2, 40000);
    put16(udp + 4, (unsigned)(p + at - udp));
    put16(udp + 6, 0);
    return at;
}

/* TCP to port 443 carrying a TLS record with a ClientHello that names `host`. */
static size_t clientHello(uint8_t *p, const char *host, uint32_t address, unsigned port)
{
    size_t at = ipv4(p, 6, address);
    uint8_t *tcp = p + at;
    memset(tcp, 0, 20);
    put16(tcp, port);
    put16(tcp + 2, 443);
    tcp[4] = 1;
    tcp[12] = 5 << 4;
    tcp[13] = 0x18; /* PSH, ACK */
    put16(tcp + 14, 64240);
    at += 20;
    const size_t hostLength = strlen(host);
    const size_t extensions = 4 + 2 + 1 + 2 + hostLength;
    const size_t body = 2 + 32 + 1 + 2 + 2 + 1 + 1 + 2 + extensions;
    p[at++] = 0x16;
    at += put16(p + at, 0x0301);
    at += put16(p + at, (unsigned)(4 + body));
    p[at++] = 1;
    p[at++] = 0;
    at += put16(p + at, (unsigned)body);
    at += put16(p + at, 0x0303);
    memset(p + at, 0x5a, 32); /* random */
    at += 32;
    p[at++] = 0; /* no session id */
    at += put16(p + at, 2);
    at += put16(p + at, 0x1301);
    p[at++] = 1; /* compression: null */
    p[at++] = 0;
    at += put16(p + at, (unsigned)extensions);
    at += put16(p + at, 0); /* server_name */
    at += put16(p + at, (unsigned)(2 + 1 + 2 + hostLength));
    at += put16(p + at, (unsigned)(1 + 2 + hostLength));
    p[at++] = 0; /* host_name */
    at += put16(p + at, (unsigned)hostLength);
    memcpy(p + at, host, hostLength);
    return at + hostLength;
}

/* A small UDP datagram to port 9. */
static size_t datagram(uint8_t *p, uint32_t address)
{
    size_t at = ipv4(p, 17, address);
    put16(p + at, 40001);
    put16(p + at + 2, 9);
    put16(p + at + 4, 8 + 18);
    put16(p + at + 6, 0);
    at += 8;
    memset(p + at, 'n', 18);
    return at + 18;
}

static uint32_t target(unsigned n)
{
    return htonl(0x0a630000u | (n % 250 + 1)); /* 10.99.0.1 - 10.99.0.250 */
}

int main(int argc, char *argv[])
{
    if (argc != 4 || (strcmp(argv[1], "mix") != 0 && strcmp(argv[1], "distinct") != 0)) {
        fprintf(stderr, "usage: nfqmon-bench-namesflood mix|distinct SECONDS RATE\n");
        return 2;
    }
    const int distinct = strcmp(argv[1], "distinct") == 0;
    const double seconds = atof(argv[2]);
    const double rate = atof(argv[3]);
    const int fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    if (fd < 0) {
        fprintf(stderr, "nfqmon-bench-namesflood: raw socket: %s\n", strerror(errno));
        return 1;
    }
    static uint8_t packets[Batch][Slot];
    struct sockaddr_in to[Batch];
    struct iovec vectors[Batch];
    struct mmsghdr messages[Batch];
    memset(messages, 0, sizeof messages);
    memset(to, 0, sizeof to);
    unsigned long long sent = 0, made = 0;
    const double start = now();
    const double end = start + seconds;
    for (double t = start; t < end; t = now()) {
        if (rate > 0 && (double)sent > (t - start) * rate) {
            const struct timespec pause = {0, 200000};
            nanosleep(&pause, NULL);
            continue;
        }
        for (int i = 0; i < Batch; ++i, ++made) {
            char host[64];
            const unsigned n = (unsigned)(made % Names);
            size_t length;
            uint32_t address = target((unsigned)made);
            if (distinct) {
                /* A new name for a new address (10.128.0.0/9, never sent to): the forger
                 * fills the address table, not a few sets of it. */
                snprintf(host, sizeof host, "d%llu.flood.example", made);
                length = dnsAnswer(packets[i], host, address,
                                   htonl(0x0a800000u | (uint32_t)(made & 0x7fffff)));
            } else if (i == 0 || i == 32) {
                snprintf(host, sizeof host, "h%u.example.org", n);
                address = target(n);
                length = dnsAnswer(packets[i], host, address, address);
            } else if (i == 16 || i == 48) {
                snprintf(host, sizeof host, "h%u.example.org", n);
                address = target(n);
                length = clientHello(packets[i], host, address, 40000 + n % 20000);
            } else {
                length = datagram(packets[i], address);
            }
            to[i].sin_family = AF_INET;
            to[i].sin_addr.s_addr = address;
            vectors[i].iov_base = packets[i];
            vectors[i].iov_len = length;
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
            messages[i].msg_hdr.msg_name = &to[i];
            messages[i].msg_hdr.msg_namelen = sizeof to[i];
        }
        const int n = sendmmsg(fd, messages, Batch, 0);
        if (n < 0 && errno != ENOBUFS && errno != EAGAIN) {
            fprintf(stderr, "nfqmon-bench-namesflood: sendmmsg: %s\n", strerror(errno));
            return 1;
        }
        if (n > 0)
            sent += (unsigned long long)n;
    }
    printf("sent %llu\n", sent);
    return 0;
}
