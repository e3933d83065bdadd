// The distinct addresses of a store's packets, each kept once and named by a 32-bit id, so a
// stored packet carries two ids instead of two 16-byte addresses (most traffic is between a
// few hosts). Each address counts its uses; the store gives a chunk's uses back when nobody can
// read the chunk any more (RetiredChunks), and an address without uses is forgotten and its id
// given to a later one: the table holds at most the addresses of the packets that can still be
// read, however many went before (a spoofed-source flood costs bounded memory).
//
// An entry is an address with the host name its packets had for it (HostTable, owned here): a
// remote end keeps one id while its name stays, and a stored packet keeps the name it had
// without a byte more.
//
// Written by the store's thread only; read by snapshot holders in worker threads without locks:
// an entry does not move, and changes only while no readable record holds its id (an id reaches
// a reader only inside a record that was published after its entry was written).
#pragma once

#include "app/store/HostTable.h"
#include "app/store/IdHashIndex.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace nfqmon {

class AddressTable
{
public:
    using Address = std::array<std::uint8_t, 16>;

    AddressTable();
    ~AddressTable();
    AddressTable(const AddressTable &) = delete;
    AddressTable &operator=(const AddressTable &) = delete;

    // Writer: the id of (`address`, `host`), with one use more; `host` is an id of hosts(). 0
    // is the all-zero address without a name, there from the start and never counted. When 2^28
    // addresses are in use the answer is 0 and the address is not kept.
    std::uint32_t acquire(const Address &address, std::uint32_t host = 0);
    // Writer: one use of `id` (an answer of acquire()) fewer. Without uses its address goes, and
    // its id may name another address: call it only when no reader can reach `id` that way.
    void release(std::uint32_t id);

    // Any thread, for an id whose use was acquired and not yet released.
    const Address &at(std::uint32_t id) const
    {
        return m_blocks[id >> BlockShift][id & (BlockSize - 1)].address;
    }
    // The host name id (hosts()) the entry carries; 0 when none.
    std::uint32_t hostOf(std::uint32_t id) const
    {
        return m_blocks[id >> BlockShift][id & (BlockSize - 1)].host;
    }
    const HostTable &hosts() const { return m_hosts; }
    HostTable &hosts() { return m_hosts; }
    std::uint32_t size() const { return std::uint32_t(m_index.size()); } // in use, with 0
    // Writer: the memory the table holds (entries, use counts, the index, the block array).
    std::size_t memoryBytes() const;

private:
    static constexpr int BlockShift = 12;
    static constexpr std::uint32_t BlockSize = 1u << BlockShift;
    static constexpr std::uint32_t MaximumBlocks = 1u << 16;
    static constexpr std::uint32_t NoId = IdHashIndex::None;

    struct Entry {
        Address address{};
        std::uint32_t host = 0;
        bool operator==(const Entry &) const = default;
    };
    static std::size_t hashOf(const Entry &e);
    Entry &entry(std::uint32_t id) { return m_blocks[id >> BlockShift][id & (BlockSize - 1)]; }

    // A fixed array of block pointers: growing never moves what readers may be reading.
    std::unique_ptr<std::unique_ptr<Entry[]>[]> m_blocks;
    std::uint32_t m_blockCount = 0;
    // Writer only. Uses by id; for a free id, the next free id (NoId ends the list).
    std::vector<std::uint32_t> m_uses;
    std::uint32_t m_free = NoId;
    IdHashIndex m_index;
    HostTable m_hosts;
};

} // namespace nfqmon
