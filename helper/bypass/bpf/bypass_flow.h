/* What the bypass programs (bypass.bpf.c) and the helper (FlowBypass) share: the key of a flow,
 * the decision the helper stored for it and what the kernel counted since. Plain C with the
 * uapi's fixed-size types, so that both compilers lay it out alike. */
#ifndef NFQMON_BYPASS_FLOW_H
#define NFQMON_BYPASS_FLOW_H

#include <linux/types.h>

/* Both directions of a connection give one key: the lower endpoint (address, then port) first.
 * Only TCP and UDP flows have keys. */
struct nfq_bypass_key {
    __u8 family;    /* 4 or 6 */
    __u8 protocol;  /* IPPROTO_TCP or IPPROTO_UDP */
    __u16 low_port; /* network byte order, as in the packet */
    __u16 high_port;
    __u16 reserved; /* 0 */
    __u8 low[16];   /* an IPv4 address in the first 4 bytes, the rest 0 */
    __u8 high[16];
};

enum {
    NFQ_BYPASS_ACCEPT = 1,
    NFQ_BYPASS_DROP = 2,
};

/* Stored by the helper once it inspected the flow's first packets; the kernel counts what it
 * passes or drops for it from then on. */
struct nfq_bypass_decision {
    __u32 generation; /* the rules' generation it was decided under */
    __u32 verdict;    /* NFQ_BYPASS_ACCEPT or NFQ_BYPASS_DROP */
    __u64 packets;    /* passed or dropped by the kernel since (both directions) */
    __u64 bytes;
    __u64 last_ns; /* bpf_ktime_get_ns() of the last packet the kernel decided */
};

/* Per CPU, index NFQ_BYPASS_ACCEPT - 1 (passed) and NFQ_BYPASS_DROP - 1 (dropped). */
struct nfq_bypass_total {
    __u64 packets;
    __u64 bytes;
};

/* A flow the kernel has not seen for this long is a new one (conntrack forgets an idle UDP
 * stream after 120 s, an established TCP connection only after days). */
#define NFQ_BYPASS_IDLE_NS (180ULL * 1000 * 1000 * 1000)

#endif
