/* The benchmark's sender: small UDP datagrams to one address with sendmmsg in batches of 64, for
 * a given time: as fast as the machine takes them, or at RATE datagrams a second. With `random`,
 * each datagram's payload is new random bytes, as encrypted traffic looks to a compressor.
 *
 *   nfqmon-bench-flood ADDRESS PORT SECONDS [SIZE [RATE [random]]]     prints "sent N" */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

enum { Batch = 64 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char *argv[])
{
    if (argc < 4 || argc > 7 || (argc == 7 && strcmp(argv[6], "random") != 0)) {
        fprintf(stderr, "usage: nfqmon-bench-flood ADDRESS PORT SECONDS [SIZE [RATE [random]]]\n");
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
    const int random = argc == 7;
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&to, sizeof to) < 0) {
        fprintf(stderr, "nfqmon-bench-flood: socket: %s\n", strerror(errno));
        return 1;
    }
    static char payloads[Batch][1500];
    memset(payloads, 'n', sizeof payloads);
    unsigned long long state = 0x9e3779b97f4a7c15ull; /* xorshift64: cheap, not for secrets */
    struct iovec vectors[Batch];
    struct mmsghdr messages[Batch];
    memset(messages, 0, sizeof messages);
    for (int i = 0; i < Batch; ++i) {
        vectors[i].iov_base = payloads[i];
        vectors[i].iov_len = size < sizeof payloads[i] ? size : sizeof payloads[i];
        messages[i].msg_hdr.msg_iov = &vectors[i];
        messages[i].msg_hdr.msg_iovlen = 1;
    }
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
