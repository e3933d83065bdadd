// A drop/accept rule as users write it: a pcap filter expression plus interface and direction,
// and the program and user it applies to.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace nfqmon {

enum class RuleAction : std::uint8_t { Drop, Accept };

// In = packets arriving (PREROUTING), Out = packets leaving (OUTPUT).
enum class RuleDirection : std::uint8_t { Any, In, Out };

struct Rule {
    int id = 0;
    QString expression; // pcap filter language, compiled for link type RAW
    QString interface;  // empty = any interface
    RuleDirection direction = RuleDirection::Any;
    RuleAction action = RuleAction::Drop;
    bool enabled = true;
    // Only packets of this program (its executable's full path) or of this user's processes;
    // empty / none: any. A packet whose program is not known never matches such a rule.
    QString program;
    std::optional<std::uint32_t> user;
    // Only packets of programs in a systemd unit or scope whose name matches this glob
    // ("firefox*.scope", "cron.service"; fnmatch(3)); empty: any.
    QString unit;
    // Only packets to or from this host: a name ("a.example.org") or a domain ("*.example.org":
    // the domain and every name under it), matched against the names the helper learned for the
    // packet (helper/names); empty: any. A packet without a learned name never matches it.
    QString host;

    bool needsProcess() const { return !program.isEmpty() || user.has_value() || !unit.isEmpty(); }
    bool needsHostNames() const { return !host.isEmpty(); }
    // An absolute path without control characters, at most Limits::MaxProgramPathLength long;
    // false and the reason otherwise. It need not exist (it may be installed later).
    static bool isProgramPath(const QString &path, QString *problem);
    // A glob that can match a unit that runs programs: a ".service" or ".scope" name, of unit
    // name characters and glob characters, at most 255; false and the reason otherwise.
    static bool isUnitGlob(const QString &glob, QString *problem);
    // A host name ("a.example.org": letters, digits, '-', '_' and dots, labels of 1 to 63,
    // at most 253 in all, not an address) or "*." and one ("*.example.org"); a trailing dot and
    // upper case are allowed (normalHost() drops them). False and the reason otherwise.
    static bool isHostPattern(const QString &pattern, QString *problem);
    // The pattern as a rule keeps it: lower case, without a trailing dot.
    static QString normalHost(const QString &pattern);
    // Empty when program names an executable as the kernel names it; otherwise why the rule may
    // not match (yet): it does not exist, is not a file, or is a link (the kernel names a
    // program by its real path). Such a rule is kept: the program may be installed later.
    QString programWarning() const;

    friend bool operator==(const Rule &, const Rule &) = default;
};

QString actionName(RuleAction action);          // "drop" / "accept"
QString directionName(RuleDirection direction); // "any" / "in" / "out"
// The inverse of the two above; nullopt for any other text.
std::optional<RuleAction> actionFromName(const QString &name);
std::optional<RuleDirection> directionFromName(const QString &name);

} // namespace nfqmon
