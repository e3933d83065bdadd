#include "AddressTable.h"

#include <cstring>

namespace nfqmon {

std::size_t AddressTable::Hash::operator()(const Address &a) const
{
    std::uint64_t x, y;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, a.data() + 8, 8);
    // Two multiply-mixes: addresses differ mostly in their last bytes.
    x ^= (y + 0x9e3779b97f4a7c15ull) * 0xbf58476d1ce4e5b9ull;
    x ^= x >> 31;
    return std::size_t(x * 0x94d049bb133111ebull);
}

AddressTable::AddressTable()
    : m_blocks(std::make_unique<std::unique_ptr<Address[]>[]>(MaximumBlocks))
{
    idOf(Address{});
}

AddressTable::~AddressTable() = default;

std::uint32_t AddressTable::idOf(const Address &address)
{
    if (const auto found = m_ids.find(address); found != m_ids.end())
        return found->second;
    const std::uint32_t id = m_size;
    if ((id >> BlockShift) >= MaximumBlocks)
        return 0;
    auto &block = m_blocks[id >> BlockShift];
    if (!block)
        block = std::make_unique<Address[]>(BlockSize);
    block[id & (BlockSize - 1)] = address;
    m_ids.emplace(address, id);
    ++m_size;
    return id;
}

} // namespace nfqmon
