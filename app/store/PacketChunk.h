// A fixed-capacity block of StoredPackets. The store fills the last chunk and drops whole chunks
// from the front; snapshots share chunks (std::shared_ptr), so a worker thread keeps reading a
// chunk the store has already let go. Records below a snapshot's count never change again, and
// the store only writes records above it: readers and the writer never touch the same record.
#pragma once

#include "StoredPacket.h"

#include <QtGlobal>

#include <memory>

namespace nfqmon {

class PacketBytesFile;

class PacketChunk
{
public:
    PacketChunk(int capacity, qint64 firstNumber, qint64 baseOffset,
                std::shared_ptr<const PacketBytesFile> file);
    // Gives the chunk's bytes back to the file system: nobody can read them any more.
    ~PacketChunk();
    PacketChunk(const PacketChunk &) = delete;
    PacketChunk &operator=(const PacketChunk &) = delete;

    int capacity() const { return m_capacity; }
    qint64 firstNumber() const { return m_firstNumber; }
    qint64 baseOffset() const { return m_baseOffset; } // in the file, of this chunk's first byte

    const StoredPacket &at(int index) const { return m_records[index]; }
    StoredPacket &at(int index) { return m_records[index]; }

    // Written by the store's thread only.
    int count() const { return m_count; }
    bool isFull() const { return m_count == m_capacity; }
    StoredPacket &add() { return m_records[m_count++]; }
    qint64 bytesEnd() const; // the file offset after the last record's bytes

private:
    int m_capacity;
    int m_count = 0;
    qint64 m_firstNumber;
    qint64 m_baseOffset;
    std::shared_ptr<const PacketBytesFile> m_file;
    std::unique_ptr<StoredPacket[]> m_records;
};

} // namespace nfqmon
