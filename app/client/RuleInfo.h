// One rule as ListRules describes it (README, "The D-Bus service").
#pragma once

#include <QString>
#include <QVariantMap>

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

    bool operator==(const RuleInfo &) const = default;
};

} // namespace nfqmon
