#include "ui/PacketFields.h"

#include "app/store/ProcessTable.h"
#include "helper/protocol/CgroupPlace.h"

#include <QDateTime>
#include <QLocale>

namespace nfqmon {

QString PacketFields::timeText(qint64 timestampNs)
{
    const qint64 seconds = timestampNs / 1'000'000'000;
    const qint64 nanoseconds = timestampNs % 1'000'000'000;
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(".%1").arg(nanoseconds, 9, 10, QLatin1Char('0'));
}

void PacketFields::appendPlace(QList<HeaderField> *fields, const ProcessInfo &process)
{
    if (process.cgroup.empty()) {
        fields->append({tr("Control group id"), QString::number(process.cgroupId)});
        return;
    }
    fields->append(
        {tr("Control group"),
         tr("%1 (id %2)").arg(QString::fromStdString(process.cgroup)).arg(process.cgroupId)});
    const CgroupPlace place = CgroupPlace::of(process.cgroup);
    if (!place.unit.empty())
        fields->append({tr("Systemd unit"), QString::fromStdString(place.unit)});
    if (!place.flatpak.empty())
        fields->append({tr("Flatpak application"), QString::fromStdString(place.flatpak)});
    if (!place.snap.empty())
        fields->append({tr("Snap"), QString::fromStdString(place.snap)});
    if (!place.container.empty())
        fields->append({tr("Container"), QString::fromStdString(place.container)});
}

QList<HeaderField> PacketFields::of(const StoredPacket &packet, const QString &inInterface,
                                    const QString &outInterface, const ProcessInfo *process,
                                    const DesktopEntry *entry, const QString &host)
{
    const QLocale locale;
    QList<HeaderField> fields;
    fields.append({tr("Number"), locale.toString(packet.number)});
    fields.append({tr("Arrival time"), timeText(packet.timestampNs)});
    if (!inInterface.isEmpty())
        fields.append({tr("Arrived on"), inInterface});
    if (!outInterface.isEmpty())
        fields.append({tr("Leaving through"), outInterface});
    const bool fromFile = packet.flags & StoredFlag::NoVerdict;
    if (!fromFile) {
        fields.append({tr("Direction"), packet.hook == Hook::Output ? tr("outgoing (OUTPUT)")
                                                                    : tr("incoming (PREROUTING)")});
    }
    fields.append({tr("Length"), tr("%1 bytes, %2 captured")
                                     .arg(locale.toString(packet.packetLength),
                                          locale.toString(packet.capturedLength))});
    QString verdict;
    if (fromFile)
        verdict = tr("none (read from a file)");
    else if (packet.verdict == Verdict::Drop)
        verdict = tr("dropped by rule %1").arg(packet.ruleId);
    else if (packet.ruleId >= 0)
        verdict = tr("accepted by rule %1").arg(packet.ruleId);
    else
        verdict = tr("accepted (no rule matched)");
    fields.append({tr("Verdict"), verdict});
    if (!host.isEmpty())
        fields.append({tr("Host"), host});
    switch (packet.origin) {
    case Origin::Process:
        if (process) {
            fields.append({tr("Program"), entry ? entry->name : ProcessTable::name(*process)});
            if (packet.flags & RecordFlag::OtherNamespace)
                fields.append({tr("Network namespace"),
                               tr("another one (a container's): the packet came here forwarded")});
            if (!process->executable.empty())
                fields.append({tr("Executable"), QString::fromStdString(process->executable)});
            if (entry)
                fields.append({tr("Desktop entry"), entry->path});
            QString arguments = QString::fromStdString(process->arguments);
            arguments.replace(QChar(0), QChar(u' '));
            if (!arguments.isEmpty())
                fields.append({tr("Command line"), arguments});
            fields.append(
                {tr("Process id"), process->namespacePid && process->namespacePid != process->pid
                                       ? tr("%1 (%2 in its own PID namespace)")
                                             .arg(process->pid)
                                             .arg(process->namespacePid)
                                       : QString::number(process->pid)});
            fields.append({tr("User id"), QString::number(process->uid)});
            fields.append({tr("Group id"), QString::number(process->gid)});
            appendPlace(&fields, *process);
        } else {
            fields.append({tr("Program"), tr("a process the window was not told about")});
        }
        break;
    case Origin::Kernel:
        fields.append({tr("Program"), tr("none: the kernel sent it itself")});
        break;
    case Origin::NoSocket:
        fields.append({tr("Program"), tr("none: no local socket is known for it (forwarded, "
                                         "or no program listens)")});
        break;
    case Origin::Unknown:
        break;
    }
    if (packet.origin != Origin::Process || !process) {
        if (packet.flags & RecordFlag::HasUid)
            fields.append({tr("User id"), QString::number(packet.uid)});
        if (packet.flags & RecordFlag::HasGid)
            fields.append({tr("Group id"), QString::number(packet.gid)});
    }
    if (packet.flags & RecordFlag::Gso)
        fields.append({tr("Offload"), tr("several packets the kernel handed over as one "
                                         "(segmentation offload)")});
    return fields;
}

} // namespace nfqmon
