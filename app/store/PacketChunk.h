// A fixed-capacity block of packets, kept packed (PackedPacket, 56 bytes) and handed out as
// StoredPackets. The store fills the last chunk and drops whole chunks from the front; snapshots
// share chunks (std::shared_ptr), so a worker thread keeps reading a chunk the store has already
// let go. Records below a snapshot's count never change again, and the store only writes records
// above it: readers and the writer never touch the same record. The store owns its chunks through
// RetiredChunks, which hands each back to the store's thread when its last reader is gone.
#pragma once

#include "app/store/AddressTable.h"
#include "app/store/PackedPacket.h"
#include "app/store/StoredPacket.h"

#include <QtGlobal>

#include <memory>

namespace nfqmon {

class PacketBytesFile;

class PacketChunk
{
public:
    PacketChunk(int capacity, qint64 firstNumber, qint64 baseOffset,
                std::shared_ptr<const PacketBytesFile> file,
                std::shared_ptr<const AddressTable> addresses);
    // Gives the chunk's bytes back to the file system: nobody can read them any more.
    ~PacketChunk();
    PacketChunk(const PacketChunk &) = delete;
    PacketChunk &operator=(const PacketChunk &) = delete;

    int capacity() const { return m_capacity; }
    qint64 firstNumber() const { return m_firstNumber; }
    qint64 baseOffset() const { return m_baseOffset; } // in the file, of this chunk's first byte

    StoredPacket at(int index) const
    {
        return m_records[index].unpack(m_firstNumber + index, *m_addresses);
    }
    const PackedPacket &packed(int index) const { return m_records[index]; }

    // Written by the store's thread only (the table is the store's, written there too).
    int count() const { return m_count; }
    bool isFull() const { return m_count == m_capacity; }
    void add(const StoredPacket &packet, AddressTable &addresses)
    {
        m_records[m_count++] = PackedPacket::pack(packet, addresses);
    }
    PackedPacket &packed(int index) { return m_records[index]; }
    qint64 bytesEnd() const; // the file offset after the last record's bytes
    // Once nobody reads the chunk any more (RetiredChunks): its addresses' uses go back.
    void releaseAddresses(AddressTable &addresses) const;

private:
    int m_capacity;
    int m_count = 0;
    qint64 m_firstNumber;
    qint64 m_baseOffset;
    std::shared_ptr<const PacketBytesFile> m_file;
    std::shared_ptr<const AddressTable> m_addresses;
    std::unique_ptr<PackedPacket[]> m_records;
};

} // namespace nfqmon
