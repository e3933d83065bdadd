// Everything the detail view shows of one packet: each header as named fields with the bytes it
// spans, and what is missing in a sentence. Built on PacketDecoder::walk, so the tree and the
// packet path agree on every header.
#pragma once

#include "app/display/HeaderLayer.h"
#include "helper/protocol/PacketSummary.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdint>
#include <span>

namespace nfqmon {

class PacketDescription
{
    Q_DECLARE_TR_FUNCTIONS(PacketDescription)

public:
    // Safe on any input of any length; `delivered` as for PacketDecoder::summarize.
    static PacketDescription of(std::span<const std::uint8_t> packet,
                                NetworkProtocol delivered = NetworkProtocol::Unknown);

    PacketSummary summary;
    QList<HeaderLayer> layers;
    QString problem; // empty when complete; otherwise what is missing, in a sentence
};

} // namespace nfqmon
