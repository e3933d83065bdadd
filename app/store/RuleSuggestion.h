// What "Drop packets like this" offers for the chosen rows: from this source, to this
// destination, this conversation (both ways), to this port, this protocol. Each item holds for
// every chosen packet (several rows combine with `or`, repeats removed) and is left out when
// one of them lacks what it needs (an address, a port libpcap can see). The expressions are
// valid pcap filters for link type RAW, the language of the helper's rules.
#pragma once

#include "app/store/StoredPacket.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace nfqmon {

class RuleSuggestion
{
    Q_DECLARE_TR_FUNCTIONS(RuleSuggestion)

public:
    struct Item {
        QString label;      // "From 10.0.0.1", "To port 53/udp"
        QString expression; // "src host 10.0.0.1", "udp dst port 53"
        bool operator==(const Item &) const = default;
    };

    static QList<Item> forPackets(const QList<StoredPacket> &packets);
};

} // namespace nfqmon
