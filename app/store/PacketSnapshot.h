// An immutable view of a PacketStore at one moment, for worker threads (filtering, sorting,
// export): it shares the store's chunks and file, so taking one costs a pointer per chunk, and
// it stays valid while the store goes on appending, rolls chunks off or is cleared. A snapshot
// may be used from one thread at a time; copies are independent.
#pragma once

#include "app/store/PacketChunk.h"
#include "app/store/StoredPacket.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

namespace nfqmon {

class AddressTable;
class PacketBytesFile;

class PacketSnapshot
{
public:
    PacketSnapshot() = default;

    qint64 size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qint64 firstNumber() const { return m_firstNumber; }         // number of row 0
    qint64 endNumber() const { return m_firstNumber + m_count; } // one past the last number
    bool containsNumber(qint64 number) const
    {
        return number >= m_firstNumber && number < endNumber();
    }

    // 0 <= row < size(); row 0 is the oldest packet held.
    StoredPacket at(qint64 row) const
    {
        return m_chunks[qsizetype(row >> m_shift)]->at(int(row & ((qint64(1) << m_shift) - 1)));
    }
    StoredPacket byNumber(qint64 number) const { return at(number - m_firstNumber); }

    // The captured bytes of a row (empty when the file could not give them).
    QByteArray bytes(qint64 row) const;

    QString interfaceName(quint16 id) const { return m_interfaceNames.value(id); }
    const QStringList &interfaceNames() const { return m_interfaceNames; } // index = id
    // The name of a packet's host (StoredPacket::host), as PacketStore::hostName(): the table
    // is the one the snapshot's packets were stored with, read without locks.
    const QString &hostName(quint32 host) const;
    // The name of the machine whose stream brought the packet (PacketStore::machineNameOf()).
    const QString &machineNameOf(const StoredPacket &p) const;

    // Calls visit(row, packet, data) for the rows [from, to) in order, with `data` holding the
    // packet's captured bytes (nullptr when they could not be read). Reads the file in large
    // blocks: the bytes of consecutive packets are consecutive. Stops early, returning false,
    // when *cancel becomes true.
    template <typename Visit>
    bool forEachWithBytes(qint64 from, qint64 to, Visit &&visit,
                          const std::atomic_bool *cancel = nullptr) const;

private:
    friend class PacketStore;

    const PackedPacket &packed(qint64 row) const
    {
        return m_chunks[qsizetype(row >> m_shift)]->packed(int(row & ((qint64(1) << m_shift) - 1)));
    }
    qint64 absoluteOffset(qint64 row) const; // of the row's bytes in the file
    // `length` bytes at `offset` into *block (grown as needed).
    bool readRange(qint64 offset, qint64 length, QByteArray *block) const;

    QList<std::shared_ptr<const PacketChunk>> m_chunks;
    qint64 m_firstNumber = 1;
    qint64 m_count = 0;
    int m_shift = 0; // every chunk holds 1 << m_shift records
    std::shared_ptr<const PacketBytesFile> m_file;
    QStringList m_interfaceNames;
    QList<quint8> m_interfaceMachines; // index = interface id
    QStringList m_machineNames;
    std::shared_ptr<const AddressTable> m_addresses; // nullptr: a snapshot of nothing
};

template <typename Visit>
bool PacketSnapshot::forEachWithBytes(qint64 from, qint64 to, Visit &&visit,
                                      const std::atomic_bool *cancel) const
{
    constexpr qint64 BlockSize = 1 << 20;
    QByteArray block;
    qint64 row = from;
    while (row < to) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        // Gather the packets whose bytes fit one block (at least one packet).
        const qint64 start = absoluteOffset(row);
        qint64 end = row;
        qint64 length = 0;
        while (end < to) {
            const PackedPacket &p = packed(end);
            if (absoluteOffset(end) != start + length)
                break; // not consecutive (a write that failed in between): a block of its own
            if (end > row && length + p.capturedLength > BlockSize)
                break;
            length += p.capturedLength;
            ++end;
        }
        const bool ok = readRange(start, length, &block);
        qint64 inBlock = 0;
        for (; row < end; ++row) {
            const StoredPacket p = at(row);
            visit(row, p,
                  ok ? reinterpret_cast<const std::uint8_t *>(block.constData() + inBlock)
                     : nullptr);
            inBlock += p.capturedLength;
        }
    }
    return true;
}

} // namespace nfqmon
