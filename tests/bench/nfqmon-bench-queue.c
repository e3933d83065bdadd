/* The benchmark's reference consumers: the least a program can do with NFQUEUE, on the same
 * libmnl/libnetfilter_queue API and with the same queue settings as nfqmon-helper (fail-open,
 * GSO, NETLINK_NO_ENOBUFS, 32 MiB receive buffer, the whole packet copied, 4096 packets held).
 *
 *   nfqmon-bench-queue single QUEUE   one recv, one verdict message per packet
 *   nfqmon-bench-queue batch QUEUE    recvmmsg of up to 64 datagrams, one batch verdict for them
 *
 * It accepts every packet, runs until SIGINT or SIGTERM and prints "seen N". */
#define _GNU_SOURCE /* recvmmsg */
#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum { BatchDatagrams = 64, DatagramBytes = 0xffff + 4096 };

static volatile sig_atomic_t stopping;
static struct mnl_socket *socket_;
static unsigned queue_;
static unsigned long long seen;
static uint32_t lastId;

static void onSignal(int signal)
{
    (void)signal;
    stopping = 1;
}

static void fail(const char *what)
{
    fprintf(stderr, "nfqmon-bench-queue: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void sendOrFail(const struct nlmsghdr *message, const char *what)
{
    if (mnl_socket_sendto(socket_, message, message->nlmsg_len) < 0)
        fail(what);
}

static void verdict(int type, uint32_t id)
{
    char buffer[MNL_SOCKET_BUFFER_SIZE];
    struct nlmsghdr *message = nfq_nlmsg_put(buffer, type, queue_);
    nfq_nlmsg_verdict_put(message, id, NF_ACCEPT);
    sendOrFail(message, "verdict");
}

static int onPacket(const struct nlmsghdr *message, void *single)
{
    struct nlattr *attributes[NFQA_MAX + 1] = {0};
    if (nfq_nlmsg_parse(message, attributes) < 0 || !attributes[NFQA_PACKET_HDR])
        return MNL_CB_OK;
    const struct nfqnl_msg_packet_hdr *header = mnl_attr_get_payload(attributes[NFQA_PACKET_HDR]);
    lastId = ntohl(header->packet_id);
    ++seen;
    if (single)
        verdict(NFQNL_MSG_VERDICT, lastId);
    return MNL_CB_OK;
}

static void configure(void)
{
    char buffer[MNL_SOCKET_BUFFER_SIZE];
    struct nlmsghdr *message = nfq_nlmsg_put(buffer, NFQNL_MSG_CONFIG, queue_);
    nfq_nlmsg_cfg_put_cmd(message, AF_INET, NFQNL_CFG_CMD_BIND);
    sendOrFail(message, "binding the queue");
    message = nfq_nlmsg_put(buffer, NFQNL_MSG_CONFIG, queue_);
    nfq_nlmsg_cfg_put_params(message, NFQNL_COPY_PACKET, 0xffff);
    const uint32_t flags = NFQA_CFG_F_FAIL_OPEN | NFQA_CFG_F_GSO;
    mnl_attr_put_u32(message, NFQA_CFG_FLAGS, htonl(flags));
    mnl_attr_put_u32(message, NFQA_CFG_MASK, htonl(flags));
    mnl_attr_put_u32(message, NFQA_CFG_QUEUE_MAXLEN, htonl(4096));
    sendOrFail(message, "configuring the queue");
}

static void runSingle(void)
{
    static char buffer[DatagramBytes];
    const unsigned port = mnl_socket_get_portid(socket_);
    while (!stopping) {
        const ssize_t length = mnl_socket_recvfrom(socket_, buffer, sizeof buffer);
        if (length < 0) {
            if (errno == EINTR || errno == ENOBUFS)
                continue;
            fail("recv");
        }
        mnl_cb_run(buffer, (size_t)length, 0, port, onPacket, (void *)1);
    }
}

static void runBatch(void)
{
    static char buffers[BatchDatagrams][DatagramBytes];
    struct iovec vectors[BatchDatagrams];
    struct mmsghdr messages[BatchDatagrams];
    const unsigned port = mnl_socket_get_portid(socket_);
    const int fd = mnl_socket_get_fd(socket_);
    while (!stopping) {
        memset(messages, 0, sizeof messages);
        for (int i = 0; i < BatchDatagrams; ++i) {
            vectors[i].iov_base = buffers[i];
            vectors[i].iov_len = DatagramBytes;
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        /* Block for the first datagram, then take what else is there. */
        const int count = recvmmsg(fd, messages, BatchDatagrams, MSG_WAITFORONE, NULL);
        if (count < 0) {
            if (errno == EINTR || errno == ENOBUFS)
                continue;
            fail("recvmmsg");
        }
        const unsigned long long before = seen;
        for (int i = 0; i < count; ++i)
            mnl_cb_run(buffers[i], messages[i].msg_len, 0, port, onPacket, NULL);
        /* Packet ids rise, so one batch verdict covers everything up to the last. */
        if (seen != before)
            verdict(NFQNL_MSG_VERDICT_BATCH, lastId);
    }
}

int main(int argc, char *argv[])
{
    if (argc != 3 || (strcmp(argv[1], "single") != 0 && strcmp(argv[1], "batch") != 0)) {
        fprintf(stderr, "usage: nfqmon-bench-queue single|batch QUEUE\n");
        return 2;
    }
    queue_ = (unsigned)strtoul(argv[2], NULL, 10);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = onSignal; /* no SA_RESTART: the blocking receive returns EINTR */
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);

    socket_ = mnl_socket_open(NETLINK_NETFILTER);
    if (!socket_)
        fail("netlink socket");
    if (mnl_socket_bind(socket_, 0, MNL_SOCKET_AUTOPID) < 0)
        fail("bind");
    const int on = 1;
    int size = 32 << 20;
    setsockopt(mnl_socket_get_fd(socket_), SOL_NETLINK, NETLINK_NO_ENOBUFS, &on, sizeof on);
    if (setsockopt(mnl_socket_get_fd(socket_), SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
        setsockopt(mnl_socket_get_fd(socket_), SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    configure();
    printf("ready\n");
    fflush(stdout);
    if (strcmp(argv[1], "single") == 0)
        runSingle();
    else
        runBatch();
    printf("seen %llu\n", seen);
    mnl_socket_close(socket_);
    return 0;
}
