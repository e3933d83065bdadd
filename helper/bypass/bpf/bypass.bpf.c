/* The kernel's share of "inspect the first N packets of each connection": two socket-filter
 * programs for iptables' bpf match (xt_bpf), placed before the NFQUEUE rule in nfqmon's chains.
 * Each looks the packet's flow up in the decisions the helper stored once it had inspected the
 * flow's first packets; nfq_bypass_pass matches (and counts) a flow decided "accept" under the
 * current rules, nfq_bypass_drop one decided "drop". Everything else is not matched and goes on
 * to the queue: flows not decided yet, flows decided under older rules (the helper raises
 * `generation` whenever the rules change), a TCP SYN (a new connection on the same ports), an
 * idle flow, and what has no TCP or UDP header (fragments, IPv6 extension headers, ICMP). */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

#include "bypass_flow.h"

struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 262144);
    __type(key, struct nfq_bypass_key);
    __type(value, struct nfq_bypass_decision);
} nfq_bypass_flows SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 2);
    __type(key, __u32);
    __type(value, struct nfq_bypass_total);
} nfq_bypass_totals SEC(".maps");

/* The rules' generation; the helper writes it through the skeleton's mapping. */
__u32 generation = 1;

#define TCP_SYN 0x02
#define TCP_ACK 0x10

/* 1 when `a` (address, port) sorts before `b`. */
static __always_inline int lower(const __u8 *a, __u16 a_port, const __u8 *b, __u16 b_port)
{
#pragma unroll
    for (int i = 0; i < 16; ++i) {
        if (a[i] != b[i])
            return a[i] < b[i];
    }
    return __builtin_bswap16(a_port) < __builtin_bswap16(b_port);
}

/* The flow's key; 0, or -1 for a packet without one. A SYN without ACK starts a connection:
 * *opening is set. */
static __always_inline int flow_key(struct __sk_buff *skb, struct nfq_bypass_key *key, int *opening)
{
    __u8 source[16] = {};
    __u8 destination[16] = {};
    __u8 first = 0;
    __u32 transport = 0;
    if (bpf_skb_load_bytes(skb, 0, &first, 1))
        return -1;
    if ((first >> 4) == 4) {
        __u8 header[20];
        if (bpf_skb_load_bytes(skb, 0, header, sizeof header))
            return -1;
        /* A fragment (more to come, or an offset) has no complete transport header. */
        if ((header[6] & 0x3f) || header[7])
            return -1;
        key->family = 4;
        key->protocol = header[9];
        __builtin_memcpy(source, header + 12, 4);
        __builtin_memcpy(destination, header + 16, 4);
        transport = (header[0] & 0x0f) * 4;
    } else if ((first >> 4) == 6) {
        __u8 header[40];
        if (bpf_skb_load_bytes(skb, 0, header, sizeof header))
            return -1;
        key->family = 6;
        key->protocol = header[6]; /* extension headers are not followed: no key */
        __builtin_memcpy(source, header + 8, 16);
        __builtin_memcpy(destination, header + 24, 16);
        transport = 40;
    } else {
        return -1;
    }
    if (key->protocol != IPPROTO_TCP && key->protocol != IPPROTO_UDP)
        return -1;
    __u16 ports[2];
    if (bpf_skb_load_bytes(skb, transport, ports, sizeof ports))
        return -1;
    if (key->protocol == IPPROTO_TCP) {
        __u8 flags = 0;
        if (bpf_skb_load_bytes(skb, transport + 13, &flags, 1))
            return -1;
        *opening = (flags & (TCP_SYN | TCP_ACK)) == TCP_SYN;
    }
    key->reserved = 0;
    if (lower(source, ports[0], destination, ports[1])) {
        __builtin_memcpy(key->low, source, 16);
        __builtin_memcpy(key->high, destination, 16);
        key->low_port = ports[0];
        key->high_port = ports[1];
    } else {
        __builtin_memcpy(key->low, destination, 16);
        __builtin_memcpy(key->high, source, 16);
        key->low_port = ports[1];
        key->high_port = ports[0];
    }
    return 0;
}

static __always_inline int decided(struct __sk_buff *skb, __u32 verdict)
{
    struct nfq_bypass_key key = {};
    int opening = 0;
    if (flow_key(skb, &key, &opening) || opening)
        return 0;
    struct nfq_bypass_decision *decision = bpf_map_lookup_elem(&nfq_bypass_flows, &key);
    if (!decision || decision->verdict != verdict || decision->generation != generation)
        return 0;
    const __u64 now = bpf_ktime_get_ns();
    if (now - decision->last_ns > NFQ_BYPASS_IDLE_NS)
        return 0;
    decision->last_ns = now;
    __sync_fetch_and_add(&decision->packets, 1);
    __sync_fetch_and_add(&decision->bytes, skb->len);
    __u32 index = verdict - 1;
    struct nfq_bypass_total *total = bpf_map_lookup_elem(&nfq_bypass_totals, &index);
    if (total) {
        total->packets += 1;
        total->bytes += skb->len;
    }
    return 1;
}

SEC("socket")
int nfq_bypass_pass(struct __sk_buff *skb)
{
    return decided(skb, NFQ_BYPASS_ACCEPT);
}

SEC("socket")
int nfq_bypass_drop(struct __sk_buff *skb)
{
    return decided(skb, NFQ_BYPASS_DROP);
}

char LICENSE[] SEC("license") = "GPL";
