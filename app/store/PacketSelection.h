// Which packets the packet table shows: those the display filter (a pcap expression, compiled
// for link type RAW) matches, within the time range when one is set. Thread-safe once made:
// workers select with a copy.
#pragma once

#include "app/store/PacketSnapshot.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/CompiledFilter.h"

#include <QList>

#include <atomic>
#include <cstdint>
#include <optional>

namespace nfqmon {

class PacketSelection
{
public:
    PacketSelection() = default; // everything

    void setFilter(std::optional<CompiledFilter> filter) { m_filter = std::move(filter); }
    QString filterExpression() const { return m_filter ? m_filter->expression() : QString(); }
    // [fromNs, toNs): the brushed seconds of a chart.
    void setTimeRange(qint64 fromNs, qint64 toNs);
    void clearTimeRange() { m_hasTimeRange = false; }
    bool hasTimeRange() const { return m_hasTimeRange; }
    qint64 fromNs() const { return m_fromNs; }
    qint64 toNs() const { return m_toNs; }

    // Whether matching needs the packet's bytes (a non-empty filter) or the record suffices.
    bool needsBytes() const;
    bool matchesRecord(const StoredPacket &p) const
    {
        return !m_hasTimeRange || (p.timestampNs >= m_fromNs && p.timestampNs < m_toNs);
    }
    // `data` holds capturedLength bytes, or is nullptr when they are lost (then no filter
    // matches).
    bool matches(const StoredPacket &p, const std::uint8_t *data) const;

    // The numbers of the matching packets from `fromNumber` on, in arrival order. Empty when
    // *cancel became true on the way.
    QList<qint64> select(const PacketSnapshot &snapshot, qint64 fromNumber,
                         const std::atomic_bool *cancel = nullptr) const;

private:
    std::optional<CompiledFilter> m_filter;
    bool m_hasTimeRange = false;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
};

} // namespace nfqmon
