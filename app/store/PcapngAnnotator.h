// What a pcapng export adds to each packet of a snapshot: its interface, direction and verdict
// ("dropped by rule 2"), and the names of the packets' remote addresses (Name Resolution
// Blocks, before the first packet that uses them), as the helper's pcapng dumps have them.
// Packets from a file (StoredFlag::NoVerdict) get no direction and no comment.
#pragma once

#include "app/store/PacketSnapshot.h"
#include "helper/protocol/PacketFileWriter.h"
#include "helper/protocol/VerdictComment.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace nfqmon {

class PcapngAnnotator
{
public:
    explicit PcapngAnnotator(const PacketSnapshot &snapshot);

    // The snapshot's interface names, for PacketFileWriter::setInterfaces().
    const std::vector<std::string> &interfaces() const { return m_interfaces; }
    // Fills in `record` (valid until the next call) and gives `writer` the packet's name.
    void annotate(const StoredPacket &p, PacketFileRecord &record, PacketFileWriter &writer);

private:
    void addName(const StoredPacket &p, bool out, PacketFileWriter &writer);

    const PacketSnapshot &m_snapshot;
    std::vector<std::string> m_interfaces;     // UTF-8, by the snapshot's ids
    std::unordered_set<std::string> m_written; // address bytes + host id
    VerdictCommentBuffer m_comment;
};

} // namespace nfqmon
