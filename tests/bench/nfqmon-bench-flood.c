/* The benchmark's sender: small UDP datagrams to one address with sendmmsg in batches of 64, for
 * a given time: as fast as the machine takes them, or at RATE datagrams a second. With `random`,
 * each datagram's payload is new random bytes, as encrypted traffic looks to a compressor. With
 * `flows=K`, every K datagrams are a new flow, as many short connections are: they are written
 * whole (a raw socket) from source ports and destination addresses that change together (the
 * last byte of ADDRESS from 1 to 254), so that no flow comes back within a benchmark.
 *
 *   nfqmon-bench-flood ADDRESS PORT SECONDS [SIZE [RATE [random|flows=K]]]    prints "sent N" */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { Batch = 64 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char *argv[])
{
    const int flows = argc == 7 && strncmp(argv[6], "flows=", 6) == 0 ? atoi(argv[6] + 6) : 0;
    if (argc < 4 || argc > 7 || (argc == 7 && strcmp(argv[6], "random") != 0 && flows <= 0)) {
        fprintf(stderr, "usage: nfqmon-bench-flood ADDRESS PORT SECONDS [SIZE [RATE "
                        "[random|flows=K]]]\n");
        return 2;
    }
    struct sockaddr_in to;
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        fprintf(stderr, "nfqmon-bench-flood: not an IPv4 address: %s\n", argv[1]);
        return 2;
    }
    const double seconds = atof(argv[3]);
    const size_t size = argc >= 5 ? (size_t)atoi(argv[4]) : 18;
    const double rate = argc >= 6 ? atof(argv[5]) : 0;
    const int random = argc == 7 && flows == 0;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&to, sizeof to) < 0) {
        fprintf(stderr, "nfqmon-bench-flood: socket: %s\n", strerror(errno));
        return 1;
    }
    struct sockaddr_in from;
    socklen_t fromLength = sizeof from;
    if (flows > 0) {
        /* The source address the route gives, then a raw socket that writes whole datagrams. */
        getsockname(fd, (struct sockaddr *)&from, &fromLength);
        close(fd);
        fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
        if (fd < 0) {
            fprintf(stderr, "nfqmon-bench-flood: raw socket: %s\n", strerror(errno));
            return 1;
        }
    }
    struct sockaddr_in targets[Batch];
    static char payloads[Batch][1500];
    memset(payloads, 'n', sizeof payloads);
    unsigned long long state = 0x9e3779b97f4a7c15ull; /* xorshift64: cheap, not for secrets */
    struct iovec vectors[Batch];
    struct mmsghdr messages[Batch];
    memset(messages, 0, sizeof messages);
    const size_t headers = flows > 0 ? 28 : 0; /* IPv4 and UDP, written here */
    for (int i = 0; i < Batch; ++i) {
        vectors[i].iov_base = payloads[i];
        vectors[i].iov_len =
            size + headers < sizeof payloads[i] ? size + headers : sizeof payloads[i];
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
        if (flows > 0) {
            messages[i].msg_hdr.msg_name = &targets[i];
            messages[i].msg_hdr.msg_namelen = sizeof targets[i];
        }
    }
    unsigned long long flow = 0;
    unsigned long long sent = 0;
    const double start = now();
    const double end = start + seconds;
    for (double t = start; t < end; t = now()) {
        if (rate > 0 && (double)sent >= (t - start) * rate) {
            const struct timespec pause = {0, 50000}; /* 50 us: a batch of 64 at 1.3M/s */
            nanosleep(&pause, NULL);
            continue;
        }
        if (random) {
            for (int i = 0; i < Batch; ++i) {
                for (size_t b = 0; b + 8 <= vectors[i].iov_len; b += 8) {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    memcpy(payloads[i] + b, &state, 8);
                }
            }
        }
        for (int i = 0; flows > 0 && i < Batch; ++i) {
            /* Datagram sent + i belongs to flow (sent + i) / K. */
            flow = (sent + (unsigned long long)i) / (unsigned long long)flows;
            const unsigned port = 1024 + (unsigned)(flow % 64000);
            const unsigned host = 1 + (unsigned)(flow / 64000 % 254);
            unsigned char *ip = (unsigned char *)payloads[i];
            const size_t length = vectors[i].iov_len;
            memset(ip, 0, 28);
            ip[0] = 0x45;
            ip[2] = (unsigned char)(length >> 8);
            ip[3] = (unsigned char)length;
            ip[8] = 64;
            ip[9] = IPPROTO_UDP; /* id and checksum: the kernel's (IP_HDRINCL) */
            memcpy(ip + 12, &from.sin_addr, 4);
            targets[i] = to;
            ((unsigned char *)&targets[i].sin_addr)[3] = (unsigned char)host;
            memcpy(ip + 16, &targets[i].sin_addr, 4);
            ip[20] = (unsigned char)(port >> 8);
            ip[21] = (unsigned char)port;
            memcpy(ip + 22, &to.sin_port, 2);
            ip[24] = (unsigned char)((length - 20) >> 8);
            ip[25] = (unsigned char)(length - 20); /* checksum 0: none, allowed in IPv4 */
        }
        const int count = sendmmsg(fd, messages, Batch, 0);
        if (count < 0) {
            if (errno == ENOBUFS || errno == EAGAIN || errno == EINTR || errno == ECONNREFUSED)
                continue;
            fprintf(stderr, "nfqmon-bench-flood: sendmmsg: %s\n", strerror(errno));
            return 1;
        }
        sent += (unsigned long long)count;
    }
    printf("sent %llu\n", sent);
    return 0;
}
