#include "app/session/OwnerDrop.h"

#include "app/store/ProcessTable.h"

namespace nfqmon {

namespace {

const QString EveryPacket = QStringLiteral("ip or ip6");

} // namespace

QList<OwnerDrop> OwnerDrop::forProcesses(const QList<const ProcessInfo *> &processes,
                                         const QString &name)
{
    if (processes.isEmpty() || !processes.constFirst())
        return {};
    const ProcessInfo &first = *processes.constFirst();
    bool sameProgram = !first.executable.empty();
    bool sameUser = true;
    for (const ProcessInfo *process : processes) {
        if (!process)
            return {};
        sameProgram = sameProgram && process->executable == first.executable;
        sameUser = sameUser && process->uid == first.uid;
    }
    QList<OwnerDrop> drops;
    if (sameProgram) {
        OwnerDrop drop;
        drop.rule.expression = EveryPacket;
        drop.rule.program = QString::fromStdString(first.executable);
        drop.label = tr("Everything from this application (%1)")
                         .arg(name.isEmpty() ? ProcessTable::name(first) : name);
        drop.description = tr("%1 from program %2").arg(EveryPacket, drop.rule.program);
        drops.append(drop);
    }
    if (sameUser) {
        OwnerDrop drop;
        drop.rule.expression = EveryPacket;
        drop.rule.user = first.uid;
        drop.label = tr("Everything from user %1").arg(first.uid);
        drop.description = tr("%1 from user %2").arg(EveryPacket).arg(first.uid);
        drops.append(drop);
    }
    return drops;
}

} // namespace nfqmon
