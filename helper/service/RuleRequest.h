// A rule as a D-Bus caller describes it (the a{sv} of Contract::RuleField), checked as a root
// helper must before it reaches a rule. Applied onto a base rule, so that ChangeRule changes only
// what it names. ListRules describes rules with RuleFields::describe.
#pragma once

#include "helper/protocol/Rule.h"

#include <QVariantMap>

#include <optional>

namespace nfqmon::RuleRequest {

// nullopt and a sentence when a key is unknown, of the wrong type or out of range. Compiling the
// expression is left to the caller (it reports libpcap's message as a BadRule).
std::optional<Rule> apply(const QVariantMap &fields, Rule base, bool expressionRequired,
                          QString *error);

} // namespace nfqmon::RuleRequest
