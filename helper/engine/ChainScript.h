// Pure text generation for iptables-restore / ip6tables-restore --noflush (table raw), and the
// parsing of `iptables-save -t raw`. No process is run here, so all of it is unit-tested.
#pragma once

#include "ChainPlan.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace nfqmon {

namespace ChainScript {

inline constexpr char PreChain[] = "HAKA-PRE";
inline constexpr char OutChain[] = "HAKA-OUT";

// The comment every rule nfqmon writes carries: "nfqmon:pid=<pid>".
QString ownerComment(qint64 pid);

// Script that installs the plan (same text for IPv4 and IPv6). Managed: declares both chains,
// the jumps from PREROUTING/OUTPUT (one per interface: -i for PREROUTING, -o for OUTPUT), the
// loopback RETURN in HAKA-PRE (local traffic is seen once, in HAKA-OUT) and the NFQUEUE rules
// with --queue-bypass. Unmanaged: only flushes and fills the two existing chains.
// Precondition: every interface name is valid (it is asserted again here; invalid -> empty).
QByteArray install(const ChainPlan &plan);

// Script that undoes install(): managed deletes the jumps and the chains, unmanaged empties them.
QByteArray remove(const ChainPlan &plan);

// The commands a user runs to create the chains for enable_iptables = no (IPv4 and IPv6).
QString createCommands();

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
    };
    QList<Owned> owned;

    static RawTableState parse(const QByteArray &saveOutput);
};

} // namespace nfqmon
