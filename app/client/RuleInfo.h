// One rule as ListRules describes it (README, "The D-Bus service").
#pragma once

#include "Rule.h"

#include <QString>
#include <QVariantMap>

#include <optional>

namespace nfqmon {

struct RuleInfo {
    uint id = 0;
    QString expression;
    QString interface;                         // empty: every interface
    QString direction = QStringLiteral("any"); // any, in, out
    QString action = QStringLiteral("drop");   // drop, accept
    bool enabled = true;
    quint64 hits = 0;

    static RuleInfo fromMap(const QVariantMap &map);
    // The fields AddRule and ChangeRule take (no id, no hits).
    QVariantMap toFields() const;
    // The rule as the helper's matcher holds it (id included); nullopt when the direction or
    // the action is not one the helper knows.
    std::optional<Rule> toRule() const;

    bool operator==(const RuleInfo &) const = default;
};

} // namespace nfqmon
