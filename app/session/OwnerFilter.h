// "Show only packets like this → from this application / from user NAME": display filters by
// the owner (the terms "app NAME" and "user NAME", DisplayFilter) that every chosen packet
// shares, offered only where all of them have a known program, as OwnerDrop offers its rules.
// The application is the name the Application column shows; the user is named when this
// machine knows the uid. Each comes with a rule whose preview highlights the same packets.
#pragma once

#include "app/client/RuleInfo.h"
#include "helper/protocol/ProcessInfo.h"

#include <QCoreApplication>
#include <QList>

namespace nfqmon {

class OwnerFilter
{
    Q_DECLARE_TR_FUNCTIONS(OwnerFilter)

public:
    QString label;      // "From this application (curl)"
    QString expression; // the display filter: "app curl", "user alice"
    RuleInfo preview;   // a rule that catches the same packets; no expression: none

    // processes: one per chosen packet, nullptr where its program is not known. columnName,
    // where given: what the Application column calls the chosen rows' program (a desktop
    // entry's Name), empty when they do not share one; else the executables' file names.
    static QList<OwnerFilter> forProcesses(const QList<const ProcessInfo *> &processes,
                                           const QString *columnName = nullptr);
};

} // namespace nfqmon
