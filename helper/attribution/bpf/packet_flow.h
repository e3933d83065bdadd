/* A packet's flow key from its own headers, as the helper reads it from the queued copy, and
 * the socket's cookie as the programs may read it. Included by attribution.bpf.c. */
#ifndef NFQMON_PACKET_FLOW_H
#define NFQMON_PACKET_FLOW_H

struct ipv4_header {
    __u8 version_ihl;
    __u8 tos;
    __u16 length;
    __u16 id;
    __u16 fragment;
    __u8 ttl;
    __u8 protocol;
    __u16 checksum;
    __u32 source;
    __u32 destination;
};

struct ipv6_header {
    __u32 version_flow;
    __u16 length;
    __u8 next;
    __u8 hop_limit;
    __u8 source[16];
    __u8 destination[16];
};

/* The socket's cookie as it is, without making one (bpf_get_socket_cookie would): 0 for the
 * kernel's own sockets (made by sock_create_kern, with no file), which some ICMP replies and
 * resets go out on, even where something else gave them a cookie. Those sockets are shared by
 * every network namespace (the per-CPU ICMP and TCP control sockets). Request and time-wait
 * sockets keep their cookie: the kernel answers for their listener or connection. */
static __always_inline __u64 cookie_of(struct sock *sk, unsigned char state)
{
    if (!sk)
        return 0;
    if (state != TCP_TIME_WAIT && state != TCP_NEW_SYN_RECV && !BPF_CORE_READ(sk, sk_socket, file))
        return 0;
    return BPF_CORE_READ(sk, __sk_common.skc_cookie.counter);
}

/* The flow key from the packet's own headers, as the helper reads them from the queued copy. */
static __always_inline int read_key(struct sk_buff *skb, struct sock *sk, struct nfq_flow_key *key)
{
    unsigned char *head = BPF_CORE_READ(skb, head);
    __u16 network = BPF_CORE_READ(skb, network_header);
    __u16 transport = BPF_CORE_READ(skb, transport_header);
    __u8 version = 0;
    if (bpf_probe_read_kernel(&version, 1, head + network) != 0)
        return -1;
    if ((version >> 4) == 4) {
        struct ipv4_header ip;
        if (bpf_probe_read_kernel(&ip, sizeof ip, head + network) != 0)
            return -1;
        key->family = 4;
        key->protocol = ip.protocol;
        __builtin_memcpy(key->local, &ip.source, 4);
        __builtin_memcpy(key->remote, &ip.destination, 4);
        transport = network + (ip.version_ihl & 0x0f) * 4;
    } else if ((version >> 4) == 6) {
        struct ipv6_header ip;
        if (bpf_probe_read_kernel(&ip, sizeof ip, head + network) != 0)
            return -1;
        key->family = 6;
        key->protocol = ip.next;
        if (ip.next != IPPROTO_TCP && ip.next != IPPROTO_UDP && ip.next != IPPROTO_ICMPV6)
            key->protocol = BPF_CORE_READ(sk, sk_protocol); /* after extension headers */
        __builtin_memcpy(key->local, ip.source, 16);
        __builtin_memcpy(key->remote, ip.destination, 16);
    } else {
        return -1;
    }
    __u16 words[4] = {};
    if (key->protocol == IPPROTO_ICMP || key->protocol == IPPROTO_ICMPV6) {
        /* type, code, checksum, identifier: echo requests and replies are keyed by identifier */
        if (bpf_probe_read_kernel(words, sizeof words, head + transport) != 0)
            return 0;
        __u8 type = ((__u8 *)words)[0];
        if (type == 8 || type == 0 || type == 128 || type == 129)
            key->local_port = key->remote_port = bpf_ntohs(words[2]);
    } else if (bpf_probe_read_kernel(words, 4, head + transport) == 0) {
        key->local_port = bpf_ntohs(words[0]);
        key->remote_port = bpf_ntohs(words[1]);
    }
    return 0;
}

#endif
