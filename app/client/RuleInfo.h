// One rule as ListRules describes it (README, "The D-Bus service"): the rule and its hits.
#pragma once

#include "helper/protocol/Rule.h"

#include <QString>
#include <QVariantMap>

#include <optional>

namespace nfqmon {

struct RuleInfo {
    uint id = 0;
    QString expression;
    QString interface; // empty: every interface
    RuleDirection direction = RuleDirection::Any;
    RuleAction action = RuleAction::Drop;
    bool enabled = true;
    QString program;             // empty: every program
    std::optional<quint32> user; // none: every user
    QString unit;                // systemd unit glob; empty: every unit
    QString host;                // "a.example.org" or "*.example.org"; empty: every host
    quint64 hits = 0;

    // A ListRules entry (RuleFields::describe).
    static RuleInfo fromMap(const QVariantMap &map);
    // The fields AddRule and ChangeRule take (no id, no hits).
    QVariantMap toFields() const;
    // The rule as the helper's matcher holds it (id included).
    Rule toRule() const;

    bool operator==(const RuleInfo &) const = default;
};

} // namespace nfqmon
