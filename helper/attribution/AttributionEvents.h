/* The records the kernel programs (bpf/attribution.bpf.c) put in their ring buffer for the
 * helper, and the key of the owner table both sides read. Plain C: the BPF program and the
 * helper include the same layout, so the two cannot disagree. */
#ifndef NFQMON_ATTRIBUTION_EVENTS_H
#define NFQMON_ATTRIBUTION_EVENTS_H

#ifdef __bpf__
typedef __u8 nfq_u8;
typedef __u16 nfq_u16;
typedef __u32 nfq_u32;
typedef __u64 nfq_u64;
#else
#include <stdint.h>
typedef uint8_t nfq_u8;
typedef uint16_t nfq_u16;
typedef uint32_t nfq_u32;
typedef uint64_t nfq_u64;
#endif

#define NFQ_COMM_SIZE 16
#define NFQ_EXE_SIZE 512     /* a power of two: the BPF code masks offsets with it */
#define NFQ_CMDLINE_SIZE 512 /* the same */
#define NFQ_CGROUP_SIZE 512  /* the same */

enum nfq_event_type {
    NFQ_EVENT_PROCESS = 1, /* a process the helper has not been told about yet */
    NFQ_EVENT_FLOW = 2,    /* the first packet of a flow from a local socket, or a new owner */
    NFQ_EVENT_BOUND = 3,   /* a socket bound to a local address and port (a server) */
    NFQ_EVENT_RELEASE = 4, /* a socket was closed */
};

/* Who used a socket: the thread that created, connected or sent on it, in its own context. */
struct nfq_owner {
    nfq_u64 start_ns;  /* the process's start (boot time clock): pid + start name it for good */
    nfq_u64 cgroup_id; /* its cgroup v2 (the id is the inode number of the cgroup's folder) */
    nfq_u32 tgid;      /* the process id in the initial PID namespace */
    nfq_u32 pid;       /* the thread */
    nfq_u32 uid;
    nfq_u32 gid;
    nfq_u32 exec_id; /* how many execs the process made: a new program after exec is new */
    nfq_u32 ns_tgid; /* the process id as its own PID namespace sees it (a container's) */
    char comm[NFQ_COMM_SIZE];
};

/* A process and its exec generation. */
struct nfq_process_key {
    nfq_u64 start_ns;
    nfq_u32 tgid;
    nfq_u32 exec_id;
};

struct nfq_process_event {
    nfq_u32 type;           /* NFQ_EVENT_PROCESS */
    nfq_u16 exe_length;     /* bytes in exe, no NUL; 0 when the kernel could not name it */
    nfq_u16 cmdline_length; /* bytes in cmdline: the arguments, each ended by a NUL */
    nfq_u16 cgroup_length;  /* bytes in cgroup, no NUL; 0 when it was too deep or too long */
    nfq_u16 pad[3];
    struct nfq_owner owner;
    char exe[NFQ_EXE_SIZE];
    char cmdline[NFQ_CMDLINE_SIZE];
    char cgroup[NFQ_CGROUP_SIZE]; /* the cgroup v2 path, "/" for the root: a unit, a container */
};

/* Where a flow's socket is. */
enum nfq_flow_scope {
    NFQ_SCOPE_WATCHED = 0, /* the network namespace the helper watches */
    /* another one (a container's): its packets reach the watched one forwarded */
    NFQ_SCOPE_OTHER_NETNS = 1,
};

/* A flow as the packet's headers name it: addresses in network order, ports in host order; for
 * ICMP and ICMPv6 echo both ports are the echo identifier. */
struct nfq_flow_key {
    nfq_u8 family; /* 4 or 6 */
    nfq_u8 protocol;
    nfq_u16 local_port;
    nfq_u16 remote_port;
    nfq_u16 scope; /* enum nfq_flow_scope: equal addresses in two namespaces are two flows */
    nfq_u8 local[16];
    nfq_u8 remote[16];
};

struct nfq_flow_event {
    nfq_u32 type;       /* NFQ_EVENT_FLOW or NFQ_EVENT_BOUND (remote and remote_port are 0) */
    nfq_u32 known;      /* 1 when owner is set: the socket was opened while nfqmon watched */
    nfq_u64 cookie;     /* the socket's cookie, unique until reboot */
    nfq_u32 socket_uid; /* the socket's owner uid, known even when owner is not */
    nfq_u32 pad;
    nfq_u64 socket_inode; /* when owner is not known: the inode /proc/PID/fd names it by */
    struct nfq_flow_key key;
    struct nfq_owner owner;
};

struct nfq_release_event {
    nfq_u32 type; /* NFQ_EVENT_RELEASE */
    nfq_u32 pad;
    nfq_u64 cookie;
};

/* Counters the programs keep in their "stats" array, one slot each. */
enum nfq_stat {
    NFQ_STAT_RING_FULL = 0, /* events lost because the helper did not read the ring in time */
    NFQ_STAT_OWNERS_FULL,   /* sockets whose owner could not be kept: the table was full */
    NFQ_STAT_COUNT,
};

#endif
