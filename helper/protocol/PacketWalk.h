// A packet walked with every header it holds: what the detail view describes.
#pragma once

#include "helper/protocol/DecodeIssue.h"
#include "helper/protocol/HeaderSpan.h"
#include "helper/protocol/PacketSummary.h"

#include <QList>

namespace nfqmon {

struct PacketWalk {
    PacketSummary summary;
    DecodeIssue issue;         // Kind::None exactly when summary.missing is Missing::Nothing
    QList<HeaderSpan> headers; // in packet order, none overlapping another
};

} // namespace nfqmon
