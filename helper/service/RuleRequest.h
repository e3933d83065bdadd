// A rule as a D-Bus caller describes it (a{sv}): "expression", "interface", "direction",
// "action", "enabled". Applied onto a base rule, so that ChangeRule changes only what it names.
#pragma once

#include "Rule.h"

#include <QVariantMap>

#include <optional>

namespace nfqmon::RuleRequest {

// nullopt and a sentence when a key is unknown, of the wrong type or out of range. Compiling the
// expression is left to the caller (it reports libpcap's message as a BadRule).
std::optional<Rule> apply(const QVariantMap &fields, Rule base, bool expressionRequired,
                          QString *error);

QVariantMap describe(const Rule &rule, std::uint64_t hits);

} // namespace nfqmon::RuleRequest
