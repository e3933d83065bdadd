#include "app/store/PacketSelection.h"

#include <algorithm>

namespace nfqmon {

void PacketSelection::setTimeRange(qint64 fromNs, qint64 toNs)
{
    m_hasTimeRange = true;
    m_fromNs = std::min(fromNs, toNs);
    m_toNs = std::max(fromNs, toNs);
}

bool PacketSelection::matches(const StoredPacket &p, QStringView hostName, QStringView machine,
                              const std::uint8_t *data) const
{
    if (!matchesRecord(p, hostName, machine))
        return false;
    if (!needsBytes())
        return true;
    return data && m_filter->matchesBytes(data, p.capturedLength, p.packetLength);
}

QList<qint64> PacketSelection::select(const PacketSnapshot &snapshot, qint64 fromNumber,
                                      const std::atomic_bool *cancel) const
{
    QList<qint64> numbers;
    const qint64 from = std::max<qint64>(fromNumber - snapshot.firstNumber(), 0);
    if (!needsBytes()) {
        for (qint64 row = from; row < snapshot.size(); ++row) {
            if ((row & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return {};
            const StoredPacket &p = snapshot.at(row);
            if (matchesRecord(p, snapshot.hostName(p.host), snapshot.machineNameOf(p)))
                numbers.append(p.number);
        }
        return numbers;
    }
    const bool complete = snapshot.forEachWithBytes(
        from, snapshot.size(),
        [&](qint64, const StoredPacket &p, const std::uint8_t *data) {
            if (matches(p, snapshot.hostName(p.host), snapshot.machineNameOf(p), data))
                numbers.append(p.number);
        },
        cancel);
    return complete ? numbers : QList<qint64>{};
}

} // namespace nfqmon
