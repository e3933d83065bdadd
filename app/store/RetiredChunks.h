// Where a store's chunks go when their last owner lets go of them: the store when they roll off
// or, when a snapshot still held them, whichever thread drops that snapshot. The store's thread
// takes them from here, gives their addresses' uses back to its AddressTable and deletes them,
// so an address is forgotten (and its id reused) only once no snapshot can read it, and only the
// store's thread ever writes the table.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace nfqmon {

class PacketChunk;

class RetiredChunks
{
public:
    // `chunk`, owned by a shared_ptr whose last owner hands it to `retired`.
    static std::shared_ptr<PacketChunk> own(PacketChunk *chunk,
                                            const std::shared_ptr<RetiredChunks> &retired);

    // Any thread: `chunk` is read by nobody any more (deleted at once after close()).
    void retire(PacketChunk *chunk);
    // The store's thread: the chunks retired since the last call.
    std::vector<std::unique_ptr<PacketChunk>> take();
    // The store forgets this set (cleared, or gone): what is here and what comes is deleted.
    void close();

    ~RetiredChunks();

private:
    std::mutex m_mutex;
    std::vector<PacketChunk *> m_chunks;
    std::atomic<bool> m_pending{false}; // a hint; the mutex orders the chunks themselves
    bool m_closed = false;
};

} // namespace nfqmon
