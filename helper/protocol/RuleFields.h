// A rule as the D-Bus contract carries it (Contract::RuleField): the fields AddRule and
// ChangeRule take and the entries ListRules returns, written and read here for the helper and the
// window alike. The helper checks what a caller sends (RuleRequest) before anything reaches a
// rule; fromMap() reads what the helper wrote.
#pragma once

#include "helper/protocol/Rule.h"

#include <QVariantMap>

#include <cstdint>

namespace nfqmon::RuleFields {

// expression, interface, direction, action, enabled, program, user, unit, host: what AddRule
// and ChangeRule take.
QVariantMap toMap(const Rule &rule);
// ListRules's entry: the fields with the rule's id and its hits.
QVariantMap describe(const Rule &rule, std::uint64_t hits);
// The rule a map describes; a field that is missing, or a direction or action it does not name,
// keeps `base`'s value.
Rule fromMap(const QVariantMap &map, Rule base = {});
std::uint64_t hitsOf(const QVariantMap &map);

} // namespace nfqmon::RuleFields
