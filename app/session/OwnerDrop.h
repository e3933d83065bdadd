// "Drop packets like this → everything from this application / from this user": rules limited
// to the program or the user that every chosen packet came from, offered only where all of them
// share it and it is known. The expression is every IP packet; the limit does the choosing.
#pragma once

#include "app/client/RuleInfo.h"
#include "helper/protocol/ProcessInfo.h"

#include <QCoreApplication>
#include <QList>

namespace nfqmon {

class OwnerDrop
{
    Q_DECLARE_TR_FUNCTIONS(OwnerDrop)

public:
    QString label;       // "Everything from this application (curl)"
    QString description; // for the "rule added" message: "ip or ip6 from program /usr/bin/curl"
    RuleInfo rule;

    // processes: one per chosen packet, nullptr where its program is not known; name: what the
    // Application column calls their program (ProcessTable), its file name when empty.
    static QList<OwnerDrop> forProcesses(const QList<const ProcessInfo *> &processes,
                                         const QString &name = {});
};

} // namespace nfqmon
