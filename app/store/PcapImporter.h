// Opens a pcap or pcapng file into a PacketStore for browsing offline (no helper): packets of
// link type RAW, IPv4, IPv6, Ethernet (with VLAN tags), Linux cooked (v1, v2), NULL and LOOP,
// reduced to their IP packet as the helper would have seen it. They have no verdict,
// direction, interface or user (StoredFlag::NoVerdict). Frames that carry no IP are skipped.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class PacketStore;

class PcapImporter
{
    Q_DECLARE_TR_FUNCTIONS(PcapImporter)

public:
    // Appends the file's packets to `store` (clear it first for the file alone). False and a
    // sentence when the file cannot be read; the packets read until a damaged part stay.
    // `skipped`: frames without IP.
    static bool load(const QString &path, PacketStore *store, QString *error,
                     qint64 *skipped = nullptr);
};

} // namespace nfqmon
