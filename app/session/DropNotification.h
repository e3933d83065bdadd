// What the desktop notification says when a new rule starts dropping packets (DropRuleWatcher):
// the rule, what it has dropped, whom it applies to, and the application it concerns, by the
// name the Application column gives it: the program a rule is limited to, or the program of the
// rows "Drop packets like this" was chosen on.
#pragma once

#include "app/client/RuleInfo.h"

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class DropNotification
{
    Q_DECLARE_TR_FUNCTIONS(DropNotification)

public:
    QString summary; // "Rule 3 is dropping packets of Firefox ESR"
    QString body;    // "“udp port 53” has dropped 4 packets so far.\nApplies to …"

    // program: Session::programName(rule); addedFrom: Session::addedFrom(rule); either empty.
    static DropNotification of(const RuleInfo &rule, const QString &program,
                               const QString &addedFrom);
};

} // namespace nfqmon
