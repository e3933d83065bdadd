#include "app/store/HostTable.h"

#include <QHash>

namespace nfqmon {

HostTable::HostTable() : m_blocks(std::make_unique<std::unique_ptr<Entry[]>[]>(MaximumBlocks))
{
    // Id 0 is "no name", always there and never counted.
    m_blocks[m_blockCount++] = std::make_unique<Entry[]>(BlockSize);
    m_uses.push_back(0);
    m_index.insert(hashOf({}, HostSource::None), 0, [this](std::uint32_t other) {
        return hashOf(entry(other).name, entry(other).source);
    });
}

HostTable::~HostTable() = default;

std::size_t HostTable::hashOf(const QString &name, HostSource source)
{
    return std::size_t(qHash(name, std::size_t(source) * 0x9e3779b97f4a7c15ull));
}

std::uint32_t HostTable::intern(const QString &name, HostSource source)
{
    if (name.isEmpty())
        return 0;
    const std::size_t hash = hashOf(name, source);
    const auto rehash = [this](std::uint32_t other) {
        return hashOf(entry(other).name, entry(other).source);
    };
    const std::uint32_t found = m_index.find(hash, [&](std::uint32_t id) {
        return entry(id).source == source && entry(id).name == name;
    });
    if (found != NoId)
        return found;
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
    entry(id) = {name, source};
    m_uses[id] = 0;
    m_index.insert(hash, id, rehash);
    return id;
}

void HostTable::retain(std::uint32_t id)
{
    if (id != 0)
        ++m_uses[id];
}

void HostTable::release(std::uint32_t id)
{
    if (id == 0 || --m_uses[id] != 0)
        return;
    m_index.erase(hashOf(entry(id).name, entry(id).source), id, [this](std::uint32_t other) {
        return hashOf(entry(other).name, entry(other).source);
    });
    entry(id) = {};
    m_uses[id] = m_free;
    m_free = id;
}

std::size_t HostTable::memoryBytes() const
{
    std::size_t names = 0;
    for (std::uint32_t id = 0; id < m_uses.size(); ++id)
        names += std::size_t(entry(id).name.capacity()) * sizeof(QChar);
    return std::size_t(m_blockCount) * BlockSize * sizeof(Entry) +
           MaximumBlocks * sizeof(m_blocks[0]) + m_uses.capacity() * sizeof(std::uint32_t) +
           m_index.memoryBytes() + names;
}

} // namespace nfqmon
