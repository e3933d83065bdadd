// The distinct addresses of a store's packets, each kept once and named by a 32-bit id, so a
// stored packet carries two ids instead of two 16-byte addresses (most traffic is between a
// few hosts). Written by the store's thread only; read by snapshot holders in worker threads
// without locks: entries are never moved or changed once written, and an id reaches a reader
// only inside a record that was published after its entry.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace nfqmon {

class AddressTable
{
public:
    using Address = std::array<std::uint8_t, 16>;

    AddressTable();
    ~AddressTable();
    AddressTable(const AddressTable &) = delete;
    AddressTable &operator=(const AddressTable &) = delete;

    // Writer: the id of `address` (0 is the all-zero address, there from the start). When the
    // table is full (2^28 distinct addresses) the answer is 0 and the address is not kept.
    std::uint32_t idOf(const Address &address);
    // Any thread, for an id that came from idOf() before.
    const Address &at(std::uint32_t id) const
    {
        return m_blocks[id >> BlockShift][id & (BlockSize - 1)];
    }
    std::uint32_t size() const { return m_size; }

private:
    static constexpr int BlockShift = 12;
    static constexpr std::uint32_t BlockSize = 1u << BlockShift;
    static constexpr std::uint32_t MaximumBlocks = 1u << 16;
    struct Hash {
        std::size_t operator()(const Address &a) const;
    };

    // A fixed array of block pointers: growing never moves what readers may be reading.
    std::unique_ptr<std::unique_ptr<Address[]>[]> m_blocks;
    std::unordered_map<Address, std::uint32_t, Hash> m_ids; // writer only
    std::uint32_t m_size = 0;
};

} // namespace nfqmon
