// The ranges a capture's settings and a rule must lie in, written once for the config file, the
// D-Bus service, the engine and the window. Where the bus takes less than a root-owned config
// file, the tighter bound is its own constant and says why.
#pragma once

#include <QtGlobal>

#include <cstdint>

namespace nfqmon::Limits {

// NFQUEUE numbers are 16 bits; a capture uses FirstQueue..FirstQueue+Queues-1.
constexpr std::uint32_t LastQueueNumber = 65535;
// One reading thread per queue.
constexpr std::uint32_t MinQueues = 1;
constexpr std::uint32_t MaxQueues = 64;
// Any program a user allows to capture may start one over the bus: it gets fewer of root's
// threads than root's own config file may ask for.
constexpr std::uint32_t MaxQueuesOverDBus = 16;

constexpr std::uint32_t MinSnapLength = 64; // enough for every header nfqmon decodes
// libpcap's MAXIMUM_SNAPLEN: readers cut longer snap lengths back. Accepted in config files
// (as tcpdump writes it); the engine keeps at most MaxUsefulSnapLength of a packet anyway.
constexpr std::uint32_t MaxSnapLength = 262144;
// The kernel copies at most this much of a queued packet, so the bus and the window offer no
// more.
constexpr std::uint32_t MaxUsefulSnapLength = 65535;
constexpr std::uint32_t DefaultSnapLength = MaxUsefulSnapLength;

constexpr std::uint32_t MinQueueMaxLength = 1;
constexpr std::uint32_t MaxQueueMaxLength = 1u << 20; // packets the kernel holds per queue
// Packets inspected of each flow (inspect_packets); 0 is every packet.
constexpr std::uint32_t MaxInspectPackets = 1'000'000;

constexpr std::uint32_t MaxStatusIntervalSeconds = 3600;

constexpr qsizetype MaxRuleExpressionLength = 1024; // characters
// Longest interface name a caller may send (the kernel's own limit is 15; the name's own check
// says so clearly, this only bounds what is read).
constexpr qsizetype MaxInterfaceNameLength = 64;
constexpr qsizetype MaxProgramPathLength = 4096; // PATH_MAX: a rule's program
constexpr qsizetype MaxInterfacesOverDBus = 64;

} // namespace nfqmon::Limits
