// One header of a decoded packet, for the header tree: "IPv4", "IPv6 Hop-by-Hop Options", "TCP"
// ... with its fields and the bytes it spans (for the hex view).
#pragma once

#include "app/display/HeaderField.h"

#include <QList>
#include <QString>

namespace nfqmon {

struct HeaderLayer {
    QString name;
    int offset = 0; // where the header starts in the packet
    int length = 0; // how many bytes of it were present
    QList<HeaderField> fields;
};

} // namespace nfqmon
