/* Which process owns a packet's socket, learned in the kernel before the packet is queued.
 *
 * The cgroup socket hooks run in the context of the process that creates, binds, connects or
 * sends on a socket: they note that process as the socket's owner (by socket cookie) and, the
 * first time a process is seen, tell the helper its executable and command line while it still
 * runs. The netfilter program runs on every locally sent packet in the helper's network
 * namespace just before nfqmon's queue (priority below the raw table's): when a flow is new, or
 * its socket changed, it tells the helper the flow's addresses and the owner. The cgroup egress
 * program does the same for sockets in other network namespaces (containers), whose packets
 * reach the helper's namespace forwarded. The helper reads
 * the ring before each batch of queued packets, so a packet's owner is known when its verdict is
 * decided, and no program waits for anything. */
#include "kernel_types.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <linux/bpf.h>

#include "../AttributionEvents.h"

#define AF_INET 2
#define AF_INET6 10
#define SOCK_DGRAM 2
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_ICMPV6 58
#define NF_ACCEPT 1
#define TCP_TIME_WAIT 6
#define TCP_NEW_SYN_RECV 12
#define TCP_LISTEN 10
#define PATH_DEPTH 32
#define CGROUP_DEPTH 16
#define NAME_SIZE 256

extern void *bpf_cast_to_kern_ctx(void *) __ksym;

/* Set by the helper before loading: the network namespace it watches. */
const volatile __u64 watched_netns = 0;

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4 << 20);
} events SEC(".maps");

/* socket cookie -> the process that last created, bound, connected or sent on it */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, __u64);
    __type(value, struct nfq_owner);
} owners SEC(".maps");

/* the processes the helper has been told about */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 16384);
    __type(key, struct nfq_process_key);
    __type(value, __u8);
} announced_processes SEC(".maps");

/* flow -> the socket cookie last announced for it */
struct {
    __uint(type, BPF_MAP_TYPE_LRU_HASH);
    __uint(max_entries, 65536);
    __type(key, struct nfq_flow_key);
    __type(value, __u64);
} announced_flows SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, NFQ_STAT_COUNT);
    __type(key, __u32);
    __type(value, __u64);
} stats SEC(".maps");

/* Scratch space for building a path from its last component backwards. */
struct path_scratch {
    char bytes[2 * NFQ_EXE_SIZE];
};
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct path_scratch);
} scratch SEC(".maps");

static __always_inline void count(__u32 which)
{
    __u64 *value = bpf_map_lookup_elem(&stats, &which);
    if (value)
        *value += 1;
}

/* An event into the ring, waking the helper's ring thread only once the ring fills: the queue
 * thread reads the ring before it looks a packet up, and the ring thread reads it ten times a
 * second anyway. A wakeup per event (the default once the reader has caught up) woke that
 * thread for every new flow, thousands of times a second, on the queue thread's core. */
#define RING_WAKE_BYTES (256 << 10)
static __always_inline __u64 ring_wake_flags(void)
{
    return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= RING_WAKE_BYTES ? BPF_RB_FORCE_WAKEUP
                                                                             : BPF_RB_NO_WAKEUP;
}

static __always_inline long publish(void *data, __u64 size)
{
    return bpf_ringbuf_output(&events, data, size, ring_wake_flags());
}

/* A flow or bound event into the ring; 0 when it went in. */
static __always_inline int emit(struct nfq_flow_event *event)
{
    if (publish(event, sizeof *event) == 0)
        return 0;
    count(NFQ_STAT_RING_FULL);
    return -1;
}

static __always_inline void read_owner(struct nfq_owner *owner)
{
    struct task_struct *task = (struct task_struct *)bpf_get_current_task();
    struct task_struct *leader = BPF_CORE_READ(task, group_leader);
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    __u64 uid_gid = bpf_get_current_uid_gid();
    owner->tgid = pid_tgid >> 32;
    owner->pid = (__u32)pid_tgid;
    owner->uid = (__u32)uid_gid;
    owner->gid = uid_gid >> 32;
    owner->cgroup_id = bpf_get_current_cgroup_id();
    owner->start_ns = BPF_CORE_READ(leader, start_boottime);
    owner->exec_id = (__u32)BPF_CORE_READ(leader, self_exec_id);
    struct pid *pid = BPF_CORE_READ(leader, thread_pid);
    unsigned int level = BPF_CORE_READ(pid, level);
    owner->ns_tgid = BPF_CORE_READ(pid, numbers[level & 7].nr);
    bpf_get_current_comm(owner->comm, sizeof owner->comm);
}

#include "process_facts.h"

/* The calling process now owns the socket; the helper hears of the process once. */
static __always_inline void own(__u64 cookie)
{
    struct nfq_owner owner = {};
    read_owner(&owner);
    if (bpf_map_update_elem(&owners, &cookie, &owner, BPF_ANY) != 0)
        count(NFQ_STAT_OWNERS_FULL);
    announce_process((struct task_struct *)bpf_get_current_task(), 1, &owner);
}

/* Sockets of every network namespace get their owner: those of another namespace (a
 * container's) for the packets that namespace forwards to the watched one. */
SEC("cgroup/sock_create")
int nfq_sock_create(struct bpf_sock *sk)
{
    own(bpf_get_socket_cookie(sk));
    return 1;
}

SEC("cgroup/sock_release")
int nfq_sock_release(struct bpf_sock *sk)
{
    __u64 cookie = bpf_get_socket_cookie(sk);
    if (bpf_map_delete_elem(&owners, &cookie) == 0) {
        struct nfq_release_event event = {.type = NFQ_EVENT_RELEASE, .cookie = cookie};
        if (publish(&event, sizeof event) != 0)
            count(NFQ_STAT_RING_FULL);
    }
    return 1;
}

static __always_inline int on_address(struct bpf_sock_addr *ctx)
{
    own(bpf_get_socket_cookie(ctx));
    return 1;
}

SEC("cgroup/connect4")
int nfq_connect4(struct bpf_sock_addr *ctx) { return on_address(ctx); }
SEC("cgroup/connect6")
int nfq_connect6(struct bpf_sock_addr *ctx) { return on_address(ctx); }
SEC("cgroup/sendmsg4")
int nfq_sendmsg4(struct bpf_sock_addr *ctx) { return on_address(ctx); }
SEC("cgroup/sendmsg6")
int nfq_sendmsg6(struct bpf_sock_addr *ctx) { return on_address(ctx); }

static __always_inline int is_any6(const __u8 *address)
{
    const __u32 *words = (const __u32 *)address;
    return (words[0] | words[1] | words[2] | words[3]) == 0;
}

/* A server: its local address and port, so that packets coming in to it find their owner. */
static __always_inline int on_bound(struct bpf_sock *sk, int family)
{
    __u64 cookie = bpf_get_socket_cookie(sk);
    own(cookie);
    if (bpf_get_netns_cookie(sk) != watched_netns)
        return 1; /* a server in another namespace: its packets come in there, not here */
    struct nfq_flow_event event = {.type = NFQ_EVENT_BOUND, .cookie = cookie, .known = 1};
    struct nfq_owner *owner = bpf_map_lookup_elem(&owners, &cookie);
    if (owner)
        event.owner = *owner;
    else
        read_owner(&event.owner);
    event.socket_uid = event.owner.uid;
    event.key.protocol = sk->protocol;
    event.key.local_port = sk->src_port;
    if (family == 4) { /* each hook may read only its own family's address */
        event.key.family = 4;
        __u32 address = sk->src_ip4;
        __builtin_memcpy(event.key.local, &address, 4);
    } else {
        event.key.family = 6;
        __u32 address[4] = {sk->src_ip6[0], sk->src_ip6[1], sk->src_ip6[2], sk->src_ip6[3]};
        __builtin_memcpy(event.key.local, address, 16);
    }
    emit(&event);
    /* A server on the IPv6 wildcard takes IPv4 too, unless it set IPV6_V6ONLY. */
    if (family == 6 && is_any6(event.key.local)) {
        struct sock *kernel_sk = bpf_cast_to_kern_ctx(sk);
        if (!BPF_CORE_READ_BITFIELD_PROBED(&kernel_sk->__sk_common, skc_ipv6only)) {
            event.key.family = 4;
            emit(&event);
        }
    }
    return 1;
}

SEC("cgroup/post_bind4")
int nfq_post_bind4(struct bpf_sock *sk) { return on_bound(sk, 4); }
SEC("cgroup/post_bind6")
int nfq_post_bind6(struct bpf_sock *sk) { return on_bound(sk, 6); }

#include "packet_flow.h"

SEC("netfilter")
int nfq_local_out(struct bpf_nf_ctx *ctx)
{
    struct sk_buff *skb = ctx->skb;
    struct sock *sk = BPF_CORE_READ(skb, sk);
    struct nfq_flow_event event = {.type = NFQ_EVENT_FLOW};
    if (read_key(skb, sk, &event.key) != 0)
        return NF_ACCEPT;
    /* No socket, or one of the kernel's own: cookie 0, which the helper reports as the kernel. */
    unsigned char state = sk ? BPF_CORE_READ(sk, __sk_common.skc_state) : 0;
    event.cookie = cookie_of(sk, state);
    __u64 *known = bpf_map_lookup_elem(&announced_flows, &event.key);
    if (known && *known == event.cookie)
        return NF_ACCEPT;
    struct nfq_owner *owner = event.cookie ? bpf_map_lookup_elem(&owners, &event.cookie) : 0;
    if (owner) {
        event.owner = *owner;
        event.known = 1;
    }
    /* Only a full socket has the fields below (not a request or time-wait socket). */
    if (event.cookie && state != TCP_TIME_WAIT && state != TCP_NEW_SYN_RECV) {
        event.socket_uid = BPF_CORE_READ(sk, sk_uid.val);
        if (!owner)
            event.socket_inode = BPF_CORE_READ(sk, sk_socket, file, f_inode, i_ino);
    }
    if (publish(&event, sizeof event) != 0) {
        count(NFQ_STAT_RING_FULL);
        return NF_ACCEPT; /* not marked announced: the next packet tries again */
    }
    bpf_map_update_elem(&announced_flows, &event.key, &event.cookie, BPF_ANY);
    return NF_ACCEPT;
}

/* A packet a socket of another network namespace sends (a container's): its flow and owner,
 * like nfq_local_out's, marked as of another namespace. The packet reaches the watched
 * namespace forwarded, where no socket of its own is known for it. Runs for every packet any
 * socket sends, so the watched namespace's own leave at the first comparison. */
SEC("cgroup_skb/egress")
int nfq_other_netns_egress(struct __sk_buff *ctx)
{
    if (bpf_get_netns_cookie(ctx) == watched_netns)
        return 1;
    struct nfq_flow_event event = {.type = NFQ_EVENT_FLOW};
    struct sk_buff *skb = bpf_cast_to_kern_ctx(ctx);
    struct sock *sk = BPF_CORE_READ(skb, sk);
    /* A socket with an owner has its cookie already (own() made it). */
    event.cookie = cookie_of(sk, sk ? BPF_CORE_READ(sk, __sk_common.skc_state) : 0);
    if (event.cookie == 0 || read_key(skb, sk, &event.key) != 0)
        return 1;
    event.key.scope = NFQ_SCOPE_OTHER_NETNS;
    __u64 *known = bpf_map_lookup_elem(&announced_flows, &event.key);
    if (known && *known == event.cookie)
        return 1;
    struct nfq_owner *owner = bpf_map_lookup_elem(&owners, &event.cookie);
    if (!owner)
        return 1; /* a socket of the other namespace's kernel, or opened before the capture */
    event.owner = *owner;
    event.known = 1;
    event.socket_uid = owner->uid;
    if (publish(&event, sizeof event) != 0) {
        count(NFQ_STAT_RING_FULL);
        return 1;
    }
    bpf_map_update_elem(&announced_flows, &event.key, &event.cookie, BPF_ANY);
    return 1;
}

/* Sockets opened before the capture started, in two walks the helper runs once, after the hooks
 * above are attached (so that no socket slips between): first over every open file of every
 * process, noting each socket's holder by the socket's inode and telling the helper of the
 * process; then over the TCP and UDP sockets of the watched network namespace, where each gets
 * its holder as owner, as if the holder had just used it, and its flow (a connected socket) or
 * its local end (a server) is told to the helper. A socket several processes hold goes to the
 * last one the first walk meets. */
struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 65536);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __type(key, __u64);
    __type(value, struct nfq_owner);
} sweep_holders SEC(".maps");

static __always_inline void read_task_owner(struct task_struct *task, struct nfq_owner *owner)
{
    struct task_struct *leader = BPF_CORE_READ(task, group_leader);
    owner->tgid = BPF_CORE_READ(task, tgid);
    owner->pid = BPF_CORE_READ(task, pid);
    owner->uid = BPF_CORE_READ(task, cred, uid.val);
    owner->gid = BPF_CORE_READ(task, cred, gid.val);
    owner->cgroup_id = BPF_CORE_READ(task, cgroups, dfl_cgrp, kn, id);
    owner->start_ns = BPF_CORE_READ(leader, start_boottime);
    owner->exec_id = (__u32)BPF_CORE_READ(leader, self_exec_id);
    struct pid *pid = BPF_CORE_READ(leader, thread_pid);
    unsigned int level = BPF_CORE_READ(pid, level);
    owner->ns_tgid = BPF_CORE_READ(pid, numbers[level & 7].nr);
    BPF_CORE_READ_STR_INTO(&owner->comm, leader, comm);
}

/* A ping socket (ICMP or ICMPv6, SOCK_DGRAM), which no iterator walks: filed as bound to its
 * echo identifier, which its requests and their replies carry. Its cookie is read, not made
 * (the holder names it; a later release of it is then not seen, and a new socket on the same
 * identifier files its own flow, which is found first). */
static __always_inline void sweep_ping_socket(struct sock *sk, const struct nfq_owner *holder)
{
    __u16 protocol = BPF_CORE_READ(sk, sk_protocol);
    if ((protocol != IPPROTO_ICMP && protocol != IPPROTO_ICMPV6) ||
        BPF_CORE_READ(sk, sk_type) != SOCK_DGRAM)
        return;
    struct nfq_flow_event event = {.type = NFQ_EVENT_BOUND, .known = 1};
    event.owner = *holder;
    event.cookie = BPF_CORE_READ(sk, __sk_common.skc_cookie.counter);
    event.socket_uid = BPF_CORE_READ(sk, sk_uid.val);
    event.key.protocol = protocol;
    event.key.local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
    if (event.key.local_port == 0)
        return; /* no identifier yet: its first echo request will tell */
    if (protocol == IPPROTO_ICMP) {
        event.key.family = 4;
        __be32 local = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
        __builtin_memcpy(event.key.local, &local, 4);
    } else {
        event.key.family = 6;
        struct in6_addr local = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
        __builtin_memcpy(event.key.local, local.s6_addr, 16);
    }
    emit(&event);
}

SEC("iter.s/task_file")
int nfq_sweep_holders(struct bpf_iter__task_file *ctx)
{
    struct task_struct *task = ctx->task;
    struct file *file = ctx->file;
    if (!task || !file || !bpf_sock_from_file(file))
        return 0;
    struct file___socket *socket_file = (struct file___socket *)file;
    if (BPF_CORE_READ(socket_file, private_data, sk, __sk_common.skc_net.net, net_cookie) !=
        watched_netns)
        return 0;
    struct nfq_owner owner = {};
    read_task_owner(task, &owner);
    __u64 inode = BPF_CORE_READ(file, f_inode, i_ino);
    bpf_map_update_elem(&sweep_holders, &inode, &owner, BPF_ANY);
    announce_process(task, 0, &owner);
    sweep_ping_socket(BPF_CORE_READ(socket_file, private_data, sk), &owner);
    return 0;
}

static __always_inline int is_v4_mapped(const __u8 *address)
{
    const __u32 *words = (const __u32 *)address;
    return words[0] == 0 && words[1] == 0 && words[2] == bpf_htonl(0xffff);
}

static __always_inline void sweep_socket(struct sock *sk)
{
    unsigned char state = BPF_CORE_READ(sk, __sk_common.skc_state);
    if (state == TCP_TIME_WAIT || state == TCP_NEW_SYN_RECV)
        return; /* not a full socket: no file, no holder */
    if (BPF_CORE_READ(sk, __sk_common.skc_net.net, net_cookie) != watched_netns)
        return;
    __u64 inode = BPF_CORE_READ(sk, sk_socket, file, f_inode, i_ino);
    struct nfq_owner *holder = bpf_map_lookup_elem(&sweep_holders, &inode);
    if (!holder)
        return;
    struct nfq_flow_event event = {.known = 1};
    event.owner = *holder;
    event.cookie = bpf_get_socket_cookie(sk);
    if (bpf_map_update_elem(&owners, &event.cookie, &event.owner, BPF_ANY) != 0)
        count(NFQ_STAT_OWNERS_FULL);
    event.socket_uid = BPF_CORE_READ(sk, sk_uid.val);
    event.key.protocol = BPF_CORE_READ(sk, sk_protocol);
    event.key.local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
    event.key.remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
    if (BPF_CORE_READ(sk, __sk_common.skc_family) == AF_INET) {
        event.key.family = 4;
        __be32 local = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
        __be32 remote = BPF_CORE_READ(sk, __sk_common.skc_daddr);
        __builtin_memcpy(event.key.local, &local, 4);
        __builtin_memcpy(event.key.remote, &remote, 4);
    } else {
        struct in6_addr local = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
        struct in6_addr remote = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);
        event.key.family = 6;
        if (event.key.remote_port != 0 && is_v4_mapped(remote.s6_addr)) {
            event.key.family = 4; /* an IPv6 socket talking IPv4: its packets are IPv4 */
            __builtin_memcpy(event.key.local, &local.s6_addr[12], 4);
            __builtin_memcpy(event.key.remote, &remote.s6_addr[12], 4);
        } else {
            __builtin_memcpy(event.key.local, local.s6_addr, 16);
            __builtin_memcpy(event.key.remote, remote.s6_addr, 16);
        }
    }
    if (event.key.local_port == 0)
        return; /* neither bound nor connected: its first use will tell */
    if (event.key.remote_port != 0) {
        event.type = NFQ_EVENT_FLOW;
        if (emit(&event) == 0)
            bpf_map_update_elem(&announced_flows, &event.key, &event.cookie, BPF_ANY);
        return;
    }
    if (event.key.protocol == IPPROTO_TCP && state != TCP_LISTEN)
        return; /* bound, not listening: no packet comes to it */
    event.type = NFQ_EVENT_BOUND;
    emit(&event);
    /* A server on the IPv6 wildcard takes IPv4 too, unless it set IPV6_V6ONLY. */
    if (event.key.family == 6 && is_any6(event.key.local) &&
        !BPF_CORE_READ_BITFIELD_PROBED(&sk->__sk_common, skc_ipv6only)) {
        event.key.family = 4;
        emit(&event);
    }
}

SEC("iter/tcp")
int nfq_sweep_tcp(struct bpf_iter__tcp *ctx)
{
    struct sock_common *common = ctx->sk_common;
    if (common)
        sweep_socket((struct sock *)common);
    return 0;
}

SEC("iter/udp")
int nfq_sweep_udp(struct bpf_iter__udp *ctx)
{
    struct udp_sock *udp = ctx->udp_sk;
    if (udp)
        sweep_socket((struct sock *)udp);
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
