// The kernel side of attribution: loads the programs of bpf/attribution.bpf.c, attaches the
// socket hooks to the root of the cgroup v2 tree and the packet program to the local-out hook of
// the calling thread's network namespace, and reads their ring buffer into an OwnerTable. The
// programs and links go when this object goes (or the process dies): nothing is pinned.
#pragma once

#include "helper/attribution/FlowKey.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct nfq_attribution;
struct ring_buffer;
struct bpf_link;

namespace nfqmon {

class OwnerTable;

class OwnerProbe
{
public:
    // nullptr and a sentence when the kernel or the helper's privileges do not allow it.
    static std::unique_ptr<OwnerProbe> start(OwnerTable &table, std::string *error);
    ~OwnerProbe();
    OwnerProbe(const OwnerProbe &) = delete;
    OwnerProbe &operator=(const OwnerProbe &) = delete;

    // Reads every event the ring holds into the table: a few loads when it holds none. Returns
    // how many it read.
    int drain();
    // Whether the ring holds events not read yet: two loads, safe from any thread without a
    // lock. An event the kernel wrote before a packet was queued is seen by a thread that then
    // handles that packet, unless another thread is reading it at that moment.
    bool hasPending() const;
    // A file descriptor that becomes readable when the ring has events.
    int readyFd() const;
    // The kernel forgets it announced these flows, so their next packet is announced again.
    void forget(const std::vector<FlowKey> &keys);
    // Events the programs could not hand over because the ring was full.
    std::uint64_t lostEvents() const;

private:
    explicit OwnerProbe(OwnerTable &table);
    bool load(std::string *error);
    bool attach(std::string *error);
    // Gives the sockets opened before the capture their holders (the kernel's walk over every
    // process's files), and reads what it found. Not on the packet path: before the queue opens.
    void sweepExistingSockets();
    static int onEvent(void *self, void *data, std::size_t size);

    OwnerTable &m_table;
    nfq_attribution *m_skeleton = nullptr;
    std::vector<bpf_link *> m_links;
    std::vector<int> m_linkFds;
    ring_buffer *m_ring = nullptr;
    // The ring's consumer and producer positions, mapped read-only (hasPending()).
    const unsigned long *m_consumerPosition = nullptr;
    const unsigned long *m_producerPosition = nullptr;
    std::size_t m_pageSize = 0;
};

} // namespace nfqmon
