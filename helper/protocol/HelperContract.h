// The D-Bus contract between nfqmon and nfqmon-helper, written once: the bus names, the error
// names, and the keys of the maps the methods take and return. The helper, the window and the
// tests all use these constants, so a name cannot be spelled two ways. The method signatures
// themselves live in HelperService.h (the client's proxy is generated from them).
#pragma once

#include <QString>

#include <cstdint>

namespace nfqmon::Contract {

inline const QString ServiceName = QStringLiteral("org.nfqmon.Helper");
inline const QString ObjectPath = QStringLiteral("/org/nfqmon/Helper");
// moc needs a literal in HelperService.h's Q_CLASSINFO; HelperService checks it equals this.
inline const QString InterfaceName = QStringLiteral("org.nfqmon.Helper1");

// The polkit actions (packaging/polkit/org.nfqmon.policy) the helper checks.
namespace PolkitAction {
inline const QString Read = QStringLiteral("org.nfqmon.read");
inline const QString Capture = QStringLiteral("org.nfqmon.capture");
inline const QString Rules = QStringLiteral("org.nfqmon.rules");
// The helper's own settings (SetMetricsFile): what root writes where.
inline const QString Configure = QStringLiteral("org.nfqmon.configure");
} // namespace PolkitAction

// The groups whose members packaging/polkit/49-nfqmon-groups.rules lets act without a password
// prompt (an SSH session has nowhere to show one). Empty when installed: they grant nothing
// until an administrator adds a user.
namespace PolkitGroup {
inline const QString Capture = QStringLiteral("nfqmon");     // capture and read
inline const QString Rules = QStringLiteral("nfqmon-rules"); // change the drop rules
} // namespace PolkitGroup

// The errors the helper returns, each with a sentence for a person.
namespace Error {
inline const QString NotAuthorized = QStringLiteral("org.nfqmon.Error.NotAuthorized");
inline const QString InvalidArgument = QStringLiteral("org.nfqmon.Error.InvalidArgument");
inline const QString AlreadyRunning = QStringLiteral("org.nfqmon.Error.AlreadyRunning");
inline const QString NotRunning = QStringLiteral("org.nfqmon.Error.NotRunning");
inline const QString CaptureFailed = QStringLiteral("org.nfqmon.Error.CaptureFailed");
inline const QString NoSuchRule = QStringLiteral("org.nfqmon.Error.NoSuchRule");
inline const QString BadRule = QStringLiteral("org.nfqmon.Error.BadRule");
inline const QString BadDescriptor = QStringLiteral("org.nfqmon.Error.BadDescriptor");
inline const QString Failed = QStringLiteral("org.nfqmon.Error.Failed");
// One caller asked for more than the helper keeps for one caller (pending checks, streams).
inline const QString LimitExceeded = QStringLiteral("org.nfqmon.Error.LimitExceeded");
// Never sent on the bus: the client's own failures, in the shape of the helper's errors.
inline const QString Client = QStringLiteral("org.nfqmon.Client.Error");
} // namespace Error

// StartCapture's a{sv}.
namespace Option {
inline const QString Interfaces = QStringLiteral("interfaces");         // as: names, or ["any"]
inline const QString AutomaticRules = QStringLiteral("automaticRules"); // b
inline const QString Queue = QStringLiteral("queue");                   // u: the first queue
inline const QString Queues = QStringLiteral("queues");                 // u: how many
inline const QString SnapLength = QStringLiteral("snapLength");         // u
inline const QString QueueMaxLength = QStringLiteral("queueMaxLength"); // u
inline const QString DumpInput = QStringLiteral("dumpInput");           // h: every packet
inline const QString DumpOutput = QStringLiteral("dumpOutput");         // h: accepted packets
inline const QString KeepRunning = QStringLiteral("keepRunning");       // b: outlive the caller
// s: the caller's own SSH connection, as $SSH_CONNECTION says it: passes unseen (SshConnection)
inline const QString SshConnection = QStringLiteral("sshConnection");
// u: packets inspected of each TCP or UDP flow before the kernel decides the rest as the last was
// (helper/bypass); 0 or absent: every packet.
inline const QString InspectPackets = QStringLiteral("inspectPackets");
} // namespace Option

// GetStatus's a{sv}, also sent by StateChanged.
namespace Status {
inline const QString State = QStringLiteral("state"); // s: Running or Idle
inline const QString Running = QStringLiteral("running");
inline const QString Idle = QStringLiteral("idle");
inline const QString Message = QStringLiteral("message"); // s: why the state last changed
inline const QString Streams = QStringLiteral("streams"); // u
// s: the metrics file the service writes (SetMetricsFile), "" none; s: its last write error.
inline const QString MetricsFile = QStringLiteral("metricsFile");
inline const QString MetricsError = QStringLiteral("metricsError");
// The rest only while running.
inline const QString Interfaces = QStringLiteral("interfaces"); // as: names, or ["any"]
inline const QString AnyInterface = QStringLiteral("any");
inline const QString AutomaticRules = QStringLiteral("automaticRules"); // b
inline const QString Queue = QStringLiteral("queue");                   // u
inline const QString Queues = QStringLiteral("queues");                 // u
inline const QString SnapLength = QStringLiteral("snapLength");         // u
inline const QString Received = QStringLiteral("received");             // t
inline const QString Accepted = QStringLiteral("accepted");             // t
inline const QString Dropped = QStringLiteral("dropped");               // t: by rules
inline const QString Lost = QStringLiteral("lost");                     // t: not streamed
inline const QString KernelDropped = QStringLiteral("kernelDropped");   // t
inline const QString FailOpen = QStringLiteral("failOpen");             // b
inline const QString Families = QStringLiteral("families");             // as
inline const QString Notice = QStringLiteral("notice");                 // s
inline const QString StartedBy = QStringLiteral("startedBy");           // s: bus name
inline const QString StartedByUid = QStringLiteral("startedByUid");     // u
inline const QString KeepRunning = QStringLiteral("keepRunning");       // b
// t; absent until the rules' counters have been read once.
inline const QString PassedUnseen = QStringLiteral("passedUnseen");
// t; only while programs are attributed: the kernel's reports the helper never got (its ring
// was full), so some packets show no program.
inline const QString AttributionLost = QStringLiteral("attributionLost");
// u; only with an inspection depth: the packets inspected of each flow. t: the packets and bytes
// the kernel passed or dropped after the depth, by the verdict stored for their flow.
inline const QString InspectPackets = QStringLiteral("inspectPackets");
inline const QString DecidedPassed = QStringLiteral("decidedPassed");
inline const QString DecidedPassedBytes = QStringLiteral("decidedPassedBytes");
inline const QString DecidedDropped = QStringLiteral("decidedDropped");
inline const QString DecidedDroppedBytes = QStringLiteral("decidedDroppedBytes");
// Per dump file, when one is written: t packets written, s the last write error.
inline const QString DumpInputPackets = QStringLiteral("dumpInputPackets");
inline const QString DumpInputError = QStringLiteral("dumpInputError");
inline const QString DumpOutputPackets = QStringLiteral("dumpOutputPackets");
inline const QString DumpOutputError = QStringLiteral("dumpOutputError");
} // namespace Status

// GetChains's a{sv}: Ipv4 and Ipv6 each an a{sv} of the Family keys.
namespace Chains {
inline const QString Ipv4 = QStringLiteral("ipv4");
inline const QString Ipv6 = QStringLiteral("ipv6");
inline const QString Error = QStringLiteral("error");         // s: empty when both were read
inline const QString PreExists = QStringLiteral("preExists"); // b
inline const QString OutExists = QStringLiteral("outExists"); // b
inline const QString Jumps = QStringLiteral("jumps");         // as
} // namespace Chains

// Each a{sv} of ListInterfaces: the helper's machine's interfaces, for a window on another one.
namespace InterfaceField {
inline const QString Name = QStringLiteral("name");           // s
inline const QString Up = QStringLiteral("up");               // b: up and running
inline const QString Addresses = QStringLiteral("addresses"); // as: IPv4 and IPv6, no scope
} // namespace InterfaceField

// Each a{sv} of ListConnections: a connection the kernel decides after the inspection depth, by
// its two ends (the lower first, as the bypass programs order them).
namespace ConnectionField {
inline const QString Protocol = QStringLiteral("protocol");       // u: 6 TCP, 17 UDP
inline const QString LowAddress = QStringLiteral("lowAddress");   // s: IPv4 or IPv6 text
inline const QString LowPort = QStringLiteral("lowPort");         // q
inline const QString HighAddress = QStringLiteral("highAddress"); // s
inline const QString HighPort = QStringLiteral("highPort");       // q
inline const QString Verdict = QStringLiteral("verdict");         // s: accept, drop
inline const QString Current = QStringLiteral("current"); // b: decided under the current rules
inline const QString Packets = QStringLiteral("packets"); // t: decided by the kernel
inline const QString Bytes = QStringLiteral("bytes");     // t
inline const QString IdleMs = QStringLiteral("idleMs");   // t: since its last such packet
} // namespace ConnectionField
inline constexpr int MaxConnectionsListed = 4096;

// A rule as AddRule/ChangeRule take it and ListRules returns it.
namespace RuleField {
inline const QString Id = QStringLiteral("id");                 // u; returned only
inline const QString Expression = QStringLiteral("expression"); // s: pcap filter syntax
inline const QString Interface = QStringLiteral("interface");   // s: empty for any
inline const QString Direction = QStringLiteral("direction");   // s: any, in, out
inline const QString Action = QStringLiteral("action");         // s: drop, accept
inline const QString Enabled = QStringLiteral("enabled");       // b
inline const QString Hits = QStringLiteral("hits");             // t; returned only
inline const QString Program = QStringLiteral("program");       // s: executable path, "" any
inline const QString User = QStringLiteral("user");             // u: uid, AnyUser for any
inline constexpr std::uint32_t AnyUser = 0xffffffff;
inline const QString Unit = QStringLiteral("unit"); // s: systemd unit glob, "" any
// s: a host name ("a.example.org") or a domain ("*.example.org"), "" any
inline const QString Host = QStringLiteral("host");
} // namespace RuleField

} // namespace nfqmon::Contract
