/* What the programs of attribution.bpf.c read of a process, in its context or (sleepable) from
 * a walk: its executable's path, its cgroup's path and its command line, into a process event
 * for the helper. Included by attribution.bpf.c after its maps (events, scratch,
 * announced_processes), count() and ring_wake_flags(). */
#ifndef NFQMON_PROCESS_FACTS_H
#define NFQMON_PROCESS_FACTS_H

/* One step of the walk from the executable's dentry up to the root: a component, or a mount
 * crossed. The path is written backwards into the scratch buffer, ending at NFQ_EXE_SIZE. */
struct path_walk {
    struct dentry *dentry;
    struct mount *mnt;
    struct path_scratch *buf;
    __u32 pos;
    __u32 failed;
};

static long path_step(__u32 index, void *data)
{
    struct path_walk *walk = data;
    /* plain locals: BPF_CORE_READ would relocate walk's own fields too */
    struct dentry *dentry = walk->dentry;
    struct mount *mnt = walk->mnt;
    struct path_scratch *buf = walk->buf;
    struct dentry *root = BPF_CORE_READ(mnt, mnt.mnt_root);
    struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
    if (dentry == root || dentry == parent) {
        struct mount *up = BPF_CORE_READ(mnt, mnt_parent);
        if (dentry != root || up == mnt)
            return 1; /* the root of the whole tree */
        walk->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
        walk->mnt = up;
        return 0;
    }
    __u32 len = BPF_CORE_READ(dentry, d_name.len);
    const unsigned char *name = BPF_CORE_READ(dentry, d_name.name);
    if (len == 0 || len >= NAME_SIZE || len + 1 > walk->pos || !buf) {
        walk->failed = 1; /* too long to keep whole: say nothing rather than half a path */
        return 1;
    }
    walk->pos -= len + 1;
    __u32 at = walk->pos & (NFQ_EXE_SIZE - 1);
    buf->bytes[at] = '/';
    if (bpf_probe_read_kernel(&buf->bytes[at + 1], len & (NAME_SIZE - 1), name) != 0) {
        walk->failed = 1;
        return 1;
    }
    walk->dentry = parent;
    return 0;
}

/* The executable's path, read from its dentries up to the root, crossing mounts; the result is
 * at buf->bytes[start..NFQ_EXE_SIZE). Returns its length, 0 when it could not be read. */
static __always_inline __u32 read_exe(struct task_struct *task, struct path_scratch *buf,
                                      __u32 *start)
{
    struct file *exe = BPF_CORE_READ(task, mm, exe_file);
    if (!exe)
        return 0;
    struct vfsmount *vfsmnt = BPF_CORE_READ(exe, f_path.mnt);
    struct path_walk walk = {
        .dentry = BPF_CORE_READ(exe, f_path.dentry),
        .mnt = (struct mount *)((char *)vfsmnt - bpf_core_field_offset(struct mount, mnt)),
        .buf = buf,
        .pos = NFQ_EXE_SIZE,
    };
    bpf_loop(PATH_DEPTH, path_step, &walk, 0);
    if (walk.failed || walk.pos == NFQ_EXE_SIZE)
        return 0;
    *start = walk.pos;
    return NFQ_EXE_SIZE - walk.pos;
}

/* The calling task's cgroup v2 path, written forwards from the root into the scratch buffer:
 * the cgroups from the task's own up to the root first, then their names from the top down.
 * Returns its length, 0 when it is deeper than CGROUP_DEPTH or longer than NFQ_CGROUP_SIZE. */
static __always_inline __u32 read_cgroup(struct task_struct *task, struct path_scratch *buf)
{
    struct cgroup *cgroups[CGROUP_DEPTH] = {};
    struct cgroup *cgroup = BPF_CORE_READ(task, cgroups, dfl_cgrp);
    int depth = 0, at_root = 0;
#pragma unroll
    for (int i = 0; i < CGROUP_DEPTH; ++i) {
        if (!cgroup || at_root)
            continue;
        struct cgroup_subsys_state *parent = BPF_CORE_READ(cgroup, self.parent);
        if (!parent) {
            at_root = 1; /* the root: it has no name of its own */
            continue;
        }
        cgroups[i] = cgroup;
        depth = i + 1;
        cgroup = BPF_CORE_READ(parent, cgroup);
    }
    if (!at_root)
        return 0; /* deeper than CGROUP_DEPTH: say nothing rather than half a path */
    if (depth == 0) {
        buf->bytes[0] = '/';
        return 1;
    }
    __u32 pos = 0;
#pragma unroll
    for (int i = CGROUP_DEPTH - 1; i >= 0; --i) {
        if (i >= depth)
            continue;
        const char *name = BPF_CORE_READ(cgroups[i], kn, name);
        pos &= NFQ_CGROUP_SIZE - 1;
        buf->bytes[pos] = '/';
        long copied = bpf_probe_read_kernel_str(&buf->bytes[pos + 1], NAME_SIZE, name);
        if (copied <= 1)
            return 0;
        pos += copied; /* at the name's NUL, which the next '/' replaces */
        if (pos >= NFQ_CGROUP_SIZE)
            return 0;
    }
    return pos;
}

/* The command line is read from the calling process's own memory (current), or, for another
 * task, by a sleepable program (bpf_copy_from_user_task may fault pages in). */
static __always_inline void announce_process(struct task_struct *task, int current,
                                             const struct nfq_owner *owner)
{
    struct nfq_process_key key = {
        .start_ns = owner->start_ns, .tgid = owner->tgid, .exec_id = owner->exec_id};
    if (bpf_map_lookup_elem(&announced_processes, &key))
        return;
    struct nfq_process_event *event = bpf_ringbuf_reserve(&events, sizeof *event, 0);
    if (!event) {
        count(NFQ_STAT_RING_FULL);
        return; /* not marked announced: the next socket call tries again */
    }
    event->type = NFQ_EVENT_PROCESS;
    event->owner = *owner;
    event->exe_length = 0;
    event->cmdline_length = 0;
    event->cgroup_length = 0;

    __u32 zero = 0, start = 0;
    struct path_scratch *buf = bpf_map_lookup_elem(&scratch, &zero);
    if (buf) {
        __u32 length = read_exe(task, buf, &start);
        /* the compiler may drop masks it thinks redundant; the verifier needs to see them */
        asm volatile("" : "+r"(length), "+r"(start));
        length &= NFQ_EXE_SIZE - 1;
        start &= NFQ_EXE_SIZE - 1;
        if (length > 0 && bpf_probe_read_kernel(event->exe, length, &buf->bytes[start]) == 0)
            event->exe_length = length;
    }
    if (buf) {
        __u32 length = read_cgroup(task, buf);
        asm volatile("" : "+r"(length));
        length &= NFQ_CGROUP_SIZE - 1;
        if (length > 0 && bpf_probe_read_kernel(event->cgroup, length, buf->bytes) == 0)
            event->cgroup_length = length;
    }
    unsigned long arg_start = BPF_CORE_READ(task, mm, arg_start);
    unsigned long arg_end = BPF_CORE_READ(task, mm, arg_end);
    if (arg_end > arg_start) {
        __u32 length = arg_end - arg_start;
        if (length > NFQ_CMDLINE_SIZE - 1)
            length = NFQ_CMDLINE_SIZE - 1;
        asm volatile("" : "+r"(length));
        length &= NFQ_CMDLINE_SIZE - 1;
        long failed = current ? bpf_probe_read_user(event->cmdline, length, (const void *)arg_start)
                              : bpf_copy_from_user_task(event->cmdline, length,
                                                        (const void *)arg_start, task, 0);
        if (!failed)
            event->cmdline_length = length;
    }
    bpf_ringbuf_submit(event, ring_wake_flags());
    __u8 one = 1;
    bpf_map_update_elem(&announced_processes, &key, &one, BPF_ANY);
}

#endif
