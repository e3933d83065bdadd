// The names of the headers the walker tells apart: as the header tree's layers ("IPv6 Routing",
// "TCP") and as a sentence says them ("the IPv6 Routing header needs 8 bytes").
#pragma once

#include "helper/protocol/HeaderKind.h"

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class HeaderNames
{
    Q_DECLARE_TR_FUNCTIONS(HeaderNames)

public:
    // "IPv4", "IPv6 Hop-by-Hop Options", "Data", "Trailing bytes".
    static QString layer(HeaderKind header);
    // "IPv4 header", "IPv6 Routing header", "SCTP common header"; empty for data.
    static QString phrase(HeaderKind header);
};

} // namespace nfqmon
