// What a packet lacks or gets wrong, in a sentence for the detail view: "truncated: the TCP
// header needs 20 bytes, 12 present", "malformed: the UDP length (5) is less than the 8-byte
// header".
#pragma once

#include "helper/protocol/DecodeIssue.h"
#include "helper/protocol/PacketSummary.h"

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class ProblemText
{
    Q_DECLARE_TR_FUNCTIONS(ProblemText)

public:
    // Empty for DecodeIssue::Kind::None. `network`: the packet's family, which names its length
    // field.
    static QString of(const DecodeIssue &issue, NetworkProtocol network);
};

} // namespace nfqmon
