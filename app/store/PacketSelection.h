// Which packets the packet table shows: those the display filter (DisplayFilter: a pcap
// expression, compiled for link type RAW, owner terms and host terms) matches, within the time
// range when one is set. Thread-safe once made: workers select with a copy. The owner terms are
// judged per process by the GUI thread (ProcessMatchTable); a selection holds one immutable version
// of those judgements (ProcessMatches), which its owner replaces as processes are described.
#pragma once

#include "app/store/DisplayFilter.h"
#include "app/store/PacketSnapshot.h"
#include "app/store/ProcessMatches.h"
#include "app/store/StoredPacket.h"

#include <QList>

#include <atomic>
#include <cstdint>
#include <optional>

namespace nfqmon {

class PacketSelection
{
public:
    PacketSelection() = default; // everything

    void setFilter(std::optional<DisplayFilter> filter) { m_filter = std::move(filter); }
    QString filterExpression() const { return m_filter ? m_filter->text() : QString(); }
    // The filter's owner terms; nullptr when it names no owner.
    std::shared_ptr<const OwnerTerms> owners() const
    {
        return m_filter ? m_filter->owners() : nullptr;
    }
    // The judgements of the described processes against owners(), made by a ProcessMatchTable
    // for those very terms.
    void setProcessMatches(ProcessMatches matches) { m_processes = std::move(matches); }
    // [fromNs, toNs): the brushed seconds of a chart.
    void setTimeRange(qint64 fromNs, qint64 toNs);
    void clearTimeRange() { m_hasTimeRange = false; }
    bool hasTimeRange() const { return m_hasTimeRange; }
    qint64 fromNs() const { return m_fromNs; }
    qint64 toNs() const { return m_toNs; }

    // Whether matching needs the packet's bytes (a pcap expression) or the record suffices.
    bool needsBytes() const { return m_filter && m_filter->hasPcap(); }
    // hostName: the name the store keeps for the packet's host (PacketStore::hostName());
    // machine: the machine's (PacketStore::machineNameOf()).
    bool matchesRecord(const StoredPacket &p, QStringView hostName, QStringView machine) const
    {
        if (m_hasTimeRange && (p.timestampNs < m_fromNs || p.timestampNs >= m_toNs))
            return false;
        if (!m_filter)
            return true;
        if (m_filter->hosts() && !m_filter->hosts()->matches(hostName))
            return false;
        if (m_filter->machines() && !m_filter->machines()->matches(machine))
            return false;
        return !m_filter->owners() || matchesOwner(p);
    }
    // `data` holds capturedLength bytes, or is nullptr when they are lost (then no pcap
    // expression matches).
    bool matches(const StoredPacket &p, QStringView hostName, QStringView machine,
                 const std::uint8_t *data) const;

    // The numbers of the matching packets from `fromNumber` on, in arrival order. Empty when
    // *cancel became true on the way.
    QList<qint64> select(const PacketSnapshot &snapshot, qint64 fromNumber,
                         const std::atomic_bool *cancel = nullptr) const;

private:
    bool matchesOwner(const StoredPacket &p) const
    {
        if (p.origin == Origin::Process) {
            switch (m_processes.state(p.processId)) {
            case ProcessMatches::State::Yes:
                return true;
            case ProcessMatches::State::No:
                return false;
            case ProcessMatches::State::Unknown:
                break;
            }
        }
        return m_filter->owners()->matchesUnowned(p);
    }

    std::optional<DisplayFilter> m_filter;
    ProcessMatches m_processes;
    bool m_hasTimeRange = false;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
};

} // namespace nfqmon
