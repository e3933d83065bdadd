// One batch of the client stream as StreamDecoder hands it out, already checked: the entries
// stay in the bytes they arrived in (one implicitly shared QByteArray, cheap to pass through
// queued signals) and are reached through their offsets.
#pragma once

#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/ProcessInfo.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nfqmon {

// A host entry: the name that packet records with this hostId have.
struct StreamHost {
    std::uint64_t id = 0;
    HostSource source = HostSource::None;
    QString name;
};

struct StreamBatch {
    std::uint64_t sequence = 0;          // 1, 2, 3, ... without gaps
    std::uint64_t lostSincePrevious = 0; // records the client lost since the previous batch
    std::uint64_t lostTotal = 0;         // records the client lost since the stream opened
    QByteArray payload;                  // the entries as sent
    QList<std::uint32_t> offsets;        // where each packet entry's PacketRecord starts
    QList<ProcessInfo> processes;        // the process entries, for packets of this batch on
    QList<StreamHost> hosts;             // the host entries, for packets of this batch on

    qsizetype size() const { return offsets.size(); }
    bool isEmpty() const { return offsets.isEmpty(); }

    // The payload need not be aligned for PacketRecord, so records are copied out.
    PacketRecord record(qsizetype i) const
    {
        PacketRecord r;
        std::memcpy(&r, payload.constData() + offsets.at(i), sizeof r);
        return r;
    }
    // The record's captured bytes; valid while this batch (or a copy of it) lives.
    QByteArrayView bytes(qsizetype i) const
    {
        std::uint32_t length;
        std::memcpy(&length,
                    payload.constData() + offsets.at(i) + offsetof(PacketRecord, capturedLength),
                    sizeof length);
        return {payload.constData() + offsets.at(i) + sizeof(PacketRecord), qsizetype(length)};
    }
};

} // namespace nfqmon
