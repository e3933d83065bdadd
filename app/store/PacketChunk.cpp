#include "app/store/PacketChunk.h"

#include "app/store/PacketBytesFile.h"

namespace nfqmon {

PacketChunk::PacketChunk(int capacity, qint64 firstNumber, qint64 baseOffset,
                         std::shared_ptr<const PacketBytesFile> file,
                         std::shared_ptr<const AddressTable> addresses)
    : m_capacity(capacity), m_firstNumber(firstNumber), m_baseOffset(baseOffset),
      m_file(std::move(file)), m_addresses(std::move(addresses)),
      m_records(std::make_unique_for_overwrite<PackedPacket[]>(capacity))
{}

PacketChunk::~PacketChunk()
{
    if (m_file)
        m_file->release(m_baseOffset, bytesEnd() - m_baseOffset);
}

void PacketChunk::releaseAddresses(AddressTable &addresses) const
{
    for (int i = 0; i < m_count; ++i) {
        addresses.release(m_records[i].source);
        addresses.release(m_records[i].destination);
    }
}

qint64 PacketChunk::bytesEnd() const
{
    if (m_count == 0)
        return m_baseOffset;
    const PackedPacket &last = m_records[m_count - 1];
    return m_baseOffset + last.byteOffset + last.capturedLength;
}

} // namespace nfqmon
