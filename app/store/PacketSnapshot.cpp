#include "app/store/PacketSnapshot.h"

#include "app/store/AddressTable.h"
#include "app/store/PacketBytesFile.h"

namespace nfqmon {

const QString &PacketSnapshot::hostName(quint32 host) const
{
    static const QString none;
    return m_addresses ? m_addresses->hosts().name(host) : none;
}

const QString &PacketSnapshot::machineNameOf(const StoredPacket &p) const
{
    static const QString none;
    const quint8 machine =
        m_interfaceMachines.value(p.inInterface ? p.inInterface : p.outInterface);
    return machine < m_machineNames.size() ? m_machineNames.at(machine) : none;
}

qint64 PacketSnapshot::absoluteOffset(qint64 row) const
{
    const auto &chunk = m_chunks[qsizetype(row >> m_shift)];
    return chunk->baseOffset() + packed(row).byteOffset;
}

bool PacketSnapshot::readRange(qint64 offset, qint64 length, QByteArray *block) const
{
    if (block->size() < length)
        block->resize(length);
    return m_file && m_file->read(offset, block->data(), length);
}

QByteArray PacketSnapshot::bytes(qint64 row) const
{
    const PackedPacket &p = packed(row);
    QByteArray data(qsizetype(p.capturedLength), Qt::Uninitialized);
    if (!m_file || !m_file->read(absoluteOffset(row), data.data(), data.size()))
        return {};
    return data;
}

} // namespace nfqmon
