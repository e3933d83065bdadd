#include "app/store/AddressTable.h"

#include <cstring>

namespace nfqmon {

std::size_t AddressTable::hashOf(const Entry &e)
{
    const Address &a = e.address;
    // splitmix64's finalizer over both halves: the index takes the low bits, and addresses may
    // differ anywhere (a flood's sources in their middle bytes, say).
    const auto mix = [](std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    };
    std::uint64_t x, y;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, a.data() + 8, 8);
    return std::size_t(mix(mix(x + 0x9e3779b97f4a7c15ull) ^ y) ^ e.host);
}

AddressTable::AddressTable() : m_blocks(std::make_unique<std::unique_ptr<Entry[]>[]>(MaximumBlocks))
{
    acquire(Address{});
}

AddressTable::~AddressTable() = default;

std::uint32_t AddressTable::acquire(const Address &address, std::uint32_t host)
{
    const Entry wanted{address, host};
    const std::size_t hash = hashOf(wanted);
    const std::uint32_t found =
        m_index.find(hash, [&](std::uint32_t id) { return entry(id) == wanted; });
    if (found != NoId) {
        if (found != 0)
            ++m_uses[found];
        return found;
    }
    std::uint32_t id = m_free;
    if (id != NoId) {
        m_free = m_uses[id];
    } else {
        id = std::uint32_t(m_uses.size());
        if ((id >> BlockShift) >= MaximumBlocks)
            return 0;
        if ((id >> BlockShift) == m_blockCount)
            m_blocks[m_blockCount++] = std::make_unique<Entry[]>(BlockSize);
        m_uses.push_back(0);
    }
    entry(id) = wanted;
    m_hosts.retain(id == 0 ? 0 : host);
    m_uses[id] = id == 0 ? 0 : 1;
    m_index.insert(hash, id, [this](std::uint32_t other) { return hashOf(entry(other)); });
    return id;
}

void AddressTable::release(std::uint32_t id)
{
    if (id == 0 || --m_uses[id] != 0)
        return;
    m_index.erase(hashOf(entry(id)), id,
                  [this](std::uint32_t other) { return hashOf(entry(other)); });
    m_hosts.release(entry(id).host);
    m_uses[id] = m_free;
    m_free = id;
}

std::size_t AddressTable::memoryBytes() const
{
    return std::size_t(m_blockCount) * BlockSize * sizeof(Entry) + m_hosts.memoryBytes() +
           MaximumBlocks * sizeof(m_blocks[0]) + m_uses.capacity() * sizeof(std::uint32_t) +
           m_index.memoryBytes();
}

} // namespace nfqmon
