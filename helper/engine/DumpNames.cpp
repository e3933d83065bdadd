#include "helper/engine/DumpNames.h"

#include <cstring>

namespace nfqmon {

std::size_t DumpNames::SeenHash::operator()(const Seen &seen) const
{
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::memcpy(&a, seen.address.data(), 8);
    std::memcpy(&b, seen.address.data() + 8, 8);
    // Mixed as splitmix64 does: addresses and ids differ in few bits.
    std::uint64_t h = a ^ (b * 0x9e3779b97f4a7c15ull) ^ (seen.id * 0xbf58476d1ce4e5b9ull);
    h ^= h >> 31;
    h *= 0x94d049bb133111ebull;
    return std::size_t(h ^ (h >> 29));
}

void DumpNames::note(const PacketRecord &record, PacketFileWriter &writer)
{
    if (record.hostId == 0 || !m_lookup)
        return;
    const PacketSummary &s = record.summary;
    const std::size_t length = s.network == NetworkProtocol::IPv4   ? 4
                               : s.network == NetworkProtocol::IPv6 ? 16
                                                                    : 0;
    if (length == 0)
        return;
    Seen seen;
    seen.address = record.hook == Hook::Output ? s.destination : s.source;
    seen.id = record.hostId;
    if (m_seenIds.contains(seen))
        return;
    if (m_seenIds.size() >= MaximumPairs) {
        m_seenIds.clear();
        m_written.clear();
    }
    m_seenIds.insert(seen);
    if (!m_lookup(record.hostId, &m_name) || m_name.empty())
        return;
    std::string key(reinterpret_cast<const char *>(seen.address.data()), length);
    key += m_name;
    if (!m_written.insert(std::move(key)).second)
        return; // the same name under another id (learned again)
    writer.addName({seen.address.data(), length}, m_name);
}

} // namespace nfqmon
