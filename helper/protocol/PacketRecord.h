// One packet as the engine saw it: fixed size, trivially copyable, so that records can be
// moved through lock-free rings and, later, through the client stream without encoding.
#pragma once

#include "helper/protocol/HostSource.h"
#include "helper/protocol/PacketSummary.h"

#include <cstdint>
#include <type_traits>

namespace nfqmon {

// The netfilter hooks nfqmon queues from (values of NF_INET_*).
enum class Hook : std::uint8_t { PreRouting = 0, Output = 3 };

enum class Verdict : std::uint8_t { Drop = 0, Accept = 1 };

// Where a packet comes from or goes to on this machine, as the kernel's programs told the helper
// (helper/attribution). Only Process carries a process id.
enum class Origin : std::uint8_t {
    Unknown = 0,  // attribution is off, or the socket was opened before it started
    Process = 1,  // a local socket of the process `processId`
    Kernel = 2,   // sent by the kernel itself (ICMP errors, resets): no process
    NoSocket = 3, // came in, and no local socket is known for it (forwarded, or nobody listens)
};

namespace RecordFlag {
enum : std::uint8_t {
    HasUid = 0x01,
    HasGid = 0x02,
    Gso = 0x04, // the kernel handed a GSO super-packet (larger than the MTU)
    // With Origin::Process: the socket is in another network namespace (a container's), and
    // the packet came to this one forwarded. (0x08 and 0x10 are the window's: PackedPacket.)
    OtherNamespace = 0x20,
};
}

// A packet, or, in the client stream only, the description of a process (ProcessCodec) that
// later packet records name by processId (the record's bytes are the description), or of a host
// name that later packet records name by hostId (the record's bytes are the name, and its
// hostSource how it was first learned).
enum class EntryKind : std::uint8_t { Packet = 0, Process = 1, Host = 2 };

inline constexpr int InterfaceNameSize = 16; // IFNAMSIZ, NUL included

struct PacketRecord {
    std::uint64_t sequence = 0;       // engine-wide packet number, from 1
    std::int64_t timestampNs = 0;     // CLOCK_REALTIME when the packet reached the helper
    std::uint32_t packetLength = 0;   // whole packet length
    std::uint32_t capturedLength = 0; // bytes kept with the record (<= snap length)
    std::uint32_t inIfIndex = 0;
    std::uint32_t outIfIndex = 0;
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::int32_t ruleId = -1; // id of the rule that decided, -1 for the default policy
    std::uint16_t queue = 0;
    Hook hook = Hook::PreRouting;
    Verdict verdict = Verdict::Accept;
    std::uint8_t flags = 0; // RecordFlag bits
    Origin origin = Origin::Unknown;
    EntryKind kind = EntryKind::Packet; // what the stream entry is (StreamFormat.h)
    HostSource hostSource = HostSource::None; // where the helper learned the host's name
    std::uint32_t processId = 0; // with Origin::Process: the helper's number for the process
    char inInterface[InterfaceNameSize] = {}; // NUL-terminated, empty when none
    char outInterface[InterfaceNameSize] = {};
    PacketSummary summary;
    // The helper's number for the packet's host name (helper/names/HostNames), 0 when none.
    std::uint64_t hostId = 0;
};
static_assert(std::is_trivially_copyable_v<PacketRecord>);
static_assert(sizeof(PacketRecord) == 152);

} // namespace nfqmon
