#include "app/store/RetiredChunks.h"

#include "app/store/PacketChunk.h"

namespace nfqmon {

std::shared_ptr<PacketChunk> RetiredChunks::own(PacketChunk *chunk,
                                                const std::shared_ptr<RetiredChunks> &retired)
{
    return std::shared_ptr<PacketChunk>(chunk, [retired](PacketChunk *c) { retired->retire(c); });
}

void RetiredChunks::retire(PacketChunk *chunk)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_closed) {
            m_chunks.push_back(chunk);
            m_pending.store(true, std::memory_order_relaxed);
            return;
        }
    }
    delete chunk;
}

std::vector<std::unique_ptr<PacketChunk>> RetiredChunks::take()
{
    std::vector<std::unique_ptr<PacketChunk>> chunks;
    if (!m_pending.load(std::memory_order_relaxed))
        return chunks; // one missed now is taken at the next call
    std::vector<PacketChunk *> taken;
    {
        const std::lock_guard lock(m_mutex);
        taken.swap(m_chunks);
        m_pending.store(false, std::memory_order_relaxed);
    }
    chunks.reserve(taken.size());
    for (PacketChunk *chunk : taken)
        chunks.emplace_back(chunk);
    return chunks;
}

void RetiredChunks::close()
{
    std::vector<PacketChunk *> taken;
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        taken.swap(m_chunks);
        m_pending.store(false, std::memory_order_relaxed);
    }
    for (PacketChunk *chunk : taken)
        delete chunk;
}

RetiredChunks::~RetiredChunks()
{
    for (PacketChunk *chunk : m_chunks)
        delete chunk;
}

} // namespace nfqmon
