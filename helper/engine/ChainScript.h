// Pure text generation for iptables-restore / ip6tables-restore --noflush (table raw), and the
// parsing of `iptables-save -t raw`. No process is run here, so all of it is unit-tested.
#pragma once

#include "helper/engine/ChainPlan.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace nfqmon {

struct RawTableState;

namespace ChainScript {

inline constexpr char PreChain[] = "HAKA-PRE";
inline constexpr char OutChain[] = "HAKA-OUT";

// The comment every rule nfqmon writes carries: "nfqmon:pid=<pid>".
QString ownerComment(qint64 pid);

// Whether install() can write the plan: valid and unique interface names, 1..n queues within
// 0..65535, an owner pid. False and a sentence otherwise.
bool validate(const ChainPlan &plan, QString *error = nullptr);

// Script that installs the plan (same text for IPv4 and IPv6). Managed: creates both chains
// with -N (which fails, atomically, if one exists: a ":CHAIN" declaration would silently flush
// it), the jumps from PREROUTING/OUTPUT (one per interface: -i for PREROUTING, -o for OUTPUT),
// the loopback RETURN in HAKA-PRE (local traffic is seen once, in HAKA-OUT) and the NFQUEUE
// rules with --queue-bypass. Unmanaged: only flushes (-F, which fails if a chain is missing) and
// fills the two existing chains; the interfaces then restrict the NFQUEUE rules themselves.
// Precondition: every interface name is valid (it is asserted again here; invalid -> empty).
// With plan.ownConnection, RETURN rules for that connection come before the NFQUEUE rules, in
// the script of its family (ipv6) only.
QByteArray install(const ChainPlan &plan, bool ipv6 = false);

// Script that undoes install(): managed deletes the jumps and the chains, unmanaged empties them.
QByteArray remove(const ChainPlan &plan);

// The commands a user runs to create the chains for enable_iptables = no (IPv4 and IPv6).
QString createCommands();
// The same for one family only: tool is "iptables" or "ip6tables".
QString createCommands(const QString &tool);

// Script that stops traffic from reaching the NFQUEUE rules of an installed plan and leaves their
// counters as they are: a RETURN first in each chain. remove() then takes it out with the rest.
QByteArray freeze(const ChainPlan &plan);

// Script that removes what the given owners left in one family's raw table, from what
// iptables-save shows: deletes their jumps, flushes a chain holding their rules, and deletes a
// chain they jumped to (or, with ownChains, any existing HAKA chain) unless other rules still
// jump to it. Empty when there is nothing to remove.
QByteArray removeOwned(const RawTableState &state, const QList<qint64> &pids, bool ownChains);

} // namespace ChainScript

// The state of table raw as `iptables-save -t raw` prints it.
struct RawTableState {
    bool hasPreChain = false;
    bool hasOutChain = false;
    QStringList chainRules; // "-A HAKA-PRE ..." / "-A HAKA-OUT ..." lines
    QStringList jumps;      // lines of other chains whose target is HAKA-PRE or HAKA-OUT
    // Lines (anywhere in raw) carrying an nfqmon owner comment, with the pid in the comment.
    struct Owned {
        QString line;
        qint64 pid = 0;
        bool queues = false;       // its target is NFQUEUE
        std::uint64_t packets = 0; // its counter, when read with iptables-save -c
    };
    QList<Owned> owned;

    // The jumps that are not nfqmon's own: the user's rules.
    QStringList userJumps() const;

    // Reads the *raw section of iptables-save or ip6tables-save output (other tables are
    // ignored; output with no table header is read as raw); counters ("-c") are stripped from
    // the lines and kept in Owned::packets.
    static RawTableState parse(const QByteArray &saveOutput);
};

} // namespace nfqmon
