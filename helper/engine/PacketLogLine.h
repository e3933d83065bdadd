// One line of the headless packet log (`log = FILE`): a JSON object per packet, from the same
// record the window shows, with the same names (ProtocolName, CgroupPlace). Keys, in order:
//   time (ns since the epoch), seq, in, out, direction ("in"/"out"), family ("ipv4"/"ipv6"),
//   src, dst, protocol, sport, dport, length, verdict ("accept"/"drop"), rule, origin
//   ("process", "kernel", "no socket", "unknown"), uid, pid, comm, exe, cmdline, unit, cgroup,
//   other_netns, host (the remote end's name), host_source ("dns", "tls", "http", "quic").
// A value that is not known is null, never a guess.
#pragma once

#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/ProcessInfo.h"

#include <string>
#include <string_view>

namespace nfqmon {

class PacketLogLine
{
public:
    // Appends the record's line, '\n' included. process: the record's process, when known;
    // host: the name of its hostId, empty when it has none or the name was let go.
    static void append(std::string &out, const PacketRecord &record, const ProcessInfo *process,
                       std::string_view host = {});
    // A JSON string of `text`: quoted and escaped; bytes that are not UTF-8 become U+FFFD.
    static void appendString(std::string &out, std::string_view text);
};

} // namespace nfqmon
