// A drop/accept rule as users write it: a pcap filter expression plus interface and direction.
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

    friend bool operator==(const Rule &, const Rule &) = default;
};

QString actionName(RuleAction action);          // "drop" / "accept"
QString directionName(RuleDirection direction); // "any" / "in" / "out"
// The inverse of the two above; nullopt for any other text.
std::optional<RuleAction> actionFromName(const QString &name);
std::optional<RuleDirection> directionFromName(const QString &name);

} // namespace nfqmon
