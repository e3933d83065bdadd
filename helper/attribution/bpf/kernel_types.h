/* The few kernel structures the programs read, each with only the fields read. CO-RE
 * (preserve_access_index) finds every field by name in the running kernel's BTF at load time, so
 * the object does not depend on the headers of the kernel it was built on. */
#ifndef NFQMON_KERNEL_TYPES_H
#define NFQMON_KERNEL_TYPES_H

#include <linux/types.h>

/* Copied whole from the kernel and read here: plain, without CO-RE. */
struct in6_addr {
    __u8 s6_addr[16];
};

#pragma clang attribute push(__attribute__((preserve_access_index)), apply_to = record)

typedef struct {
    long long counter;
} atomic64_t;

typedef struct {
    __u32 val;
} kuid_t;

typedef struct {
    __u32 val;
} kgid_t;

struct net {
    __u64 net_cookie;
};

typedef struct {
    struct net *net;
} possible_net_t;

struct sock_common {
    __be32 skc_daddr;
    __be32 skc_rcv_saddr;
    __be16 skc_dport;
    __u16 skc_num;
    unsigned short skc_family;
    unsigned char skc_state;
    unsigned char skc_reuse : 4;
    unsigned char skc_reuseport : 1;
    unsigned char skc_ipv6only : 1; /* IPV6_V6ONLY: a v6 wildcard that takes no IPv4 */
    possible_net_t skc_net;
    struct in6_addr skc_v6_daddr;
    struct in6_addr skc_v6_rcv_saddr;
    atomic64_t skc_cookie;
};

struct inode {
    unsigned long i_ino;
};

struct path {
    struct vfsmount *mnt;
    struct dentry *dentry;
};

struct socket;

struct file {
    struct path f_path;
    struct inode *f_inode;
};

/* A socket's file, whose private_data is its struct socket (CO-RE drops the "___" suffix and
 * looks the field up in struct file). */
struct file___socket {
    struct socket *private_data;
};

struct socket {
    struct file *file;
    struct sock *sk;
};

struct sock {
    struct sock_common __sk_common;
    __u16 sk_type;
    __u16 sk_protocol;
    kuid_t sk_uid;
    struct socket *sk_socket;
};

struct sk_buff {
    struct sock *sk;
    unsigned char *head;
    __u16 transport_header;
    __u16 network_header;
};

struct vfsmount;
struct dentry;

struct qstr {
    union {
        struct {
            __u32 hash;
            __u32 len;
        };
        __u64 hash_len;
    };
    const unsigned char *name;
};

struct dentry {
    struct dentry *d_parent;
    struct qstr d_name;
};

struct vfsmount {
    struct dentry *mnt_root;
};

struct mount {
    struct mount *mnt_parent;
    struct dentry *mnt_mountpoint;
    struct vfsmount mnt;
};

struct mm_struct {
    unsigned long arg_start;
    unsigned long arg_end;
    struct file *exe_file;
};

struct pid_namespace;

/* Its size matters: pid->numbers[] is indexed by the namespace level. */
struct upid {
    int nr;
    struct pid_namespace *ns;
};

struct pid {
    unsigned int level;
    struct upid numbers[1];
};

struct kernfs_node {
    const char *name;
    __u64 id;
};

struct cgroup;

struct cgroup_subsys_state {
    struct cgroup *cgroup;
    struct cgroup_subsys_state *parent;
};

struct cgroup {
    struct cgroup_subsys_state self;
    struct kernfs_node *kn;
};

struct css_set {
    struct cgroup *dfl_cgrp;
};

struct cred {
    kuid_t uid;
    kgid_t gid;
};

struct task_struct {
    int pid;
    int tgid;
    char comm[16];
    const struct cred *cred;
    __u64 start_boottime;
    __u64 self_exec_id;
    struct task_struct *group_leader;
    struct mm_struct *mm;
    struct pid *thread_pid;
    struct css_set *cgroups;
};

#pragma clang attribute pop

/* The context of a task_file iterator: each open file of each process (Linux 5.8). Every
 * pointer takes 8 bytes, the fd is aligned to 8, as the kernel declares it. */
struct bpf_iter_meta;
struct bpf_iter__task_file {
    struct bpf_iter_meta *meta;
    struct task_struct *task;
    __u32 fd __attribute__((aligned(8)));
    struct file *file;
};

struct sock;
struct udp_sock;

/* The contexts of the TCP and UDP socket iterators (Linux 5.9), as the kernel declares them. */
struct bpf_iter__tcp {
    struct bpf_iter_meta *meta;
    struct sock_common *sk_common;
    __u32 uid __attribute__((aligned(8)));
};

struct bpf_iter__udp {
    struct bpf_iter_meta *meta;
    struct udp_sock *udp_sk;
    __u32 uid __attribute__((aligned(8)));
    int bucket __attribute__((aligned(8)));
};

/* The context of a BPF_PROG_TYPE_NETFILTER program (not in the uapi headers of Debian 12). */
struct nf_hook_state;
struct bpf_nf_ctx {
    const struct nf_hook_state *state;
    struct sk_buff *skb;
};

#endif
