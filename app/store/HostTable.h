// The host names of a store's packets (StoredPacket::host), each (name, source) kept once and
// named by a 32-bit id. Each counts its uses by the AddressTable entries that carry it (a
// remote address with its name at the time), so a name without packets left to show it is
// forgotten and its id given to a later one: a flood of names costs what the packets that can
// still be read need, as the addresses do.
//
// Written by the store's thread only; read by snapshot holders in worker threads without locks,
// on the same terms as AddressTable (an entry does not move, and changes only while no readable
// record holds its id).
#pragma once

#include "app/store/IdHashIndex.h"
#include "helper/protocol/HostSource.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace nfqmon {

class HostTable
{
public:
    HostTable();
    ~HostTable();
    HostTable(const HostTable &) = delete;
    HostTable &operator=(const HostTable &) = delete;

    // Writer: the id of (name, source), kept without uses until retain(); 0 for an empty name,
    // and when 2^24 names are in use.
    std::uint32_t intern(const QString &name, HostSource source);
    // Writer: one use more / fewer; without uses the name goes and its id may name another.
    void retain(std::uint32_t id);
    void release(std::uint32_t id);

    // Any thread, for an id a readable record holds. Empty and None for 0.
    const QString &name(std::uint32_t id) const { return entry(id).name; }
    HostSource source(std::uint32_t id) const { return entry(id).source; }
    std::uint32_t size() const { return std::uint32_t(m_index.size()); } // with 0
    std::size_t memoryBytes() const;

private:
    struct Entry {
        QString name;
        HostSource source = HostSource::None;
    };
    static constexpr int BlockShift = 10;
    static constexpr std::uint32_t BlockSize = 1u << BlockShift;
    static constexpr std::uint32_t MaximumBlocks = 1u << 14;
    static constexpr std::uint32_t NoId = IdHashIndex::None;

    static std::size_t hashOf(const QString &name, HostSource source);
    const Entry &entry(std::uint32_t id) const
    {
        return m_blocks[id >> BlockShift][id & (BlockSize - 1)];
    }
    Entry &entry(std::uint32_t id) { return m_blocks[id >> BlockShift][id & (BlockSize - 1)]; }

    std::unique_ptr<std::unique_ptr<Entry[]>[]> m_blocks; // fixed: growing moves nothing
    std::uint32_t m_blockCount = 0;
    std::vector<std::uint32_t> m_uses; // for a free id, the next free id
    std::uint32_t m_free = NoId;
    IdHashIndex m_index;
};

} // namespace nfqmon
