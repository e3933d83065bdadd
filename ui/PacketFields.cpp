#include "ui/PacketFields.h"

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

QList<HeaderField> PacketFields::of(const StoredPacket &packet, const QString &inInterface,
                                    const QString &outInterface)
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
    if (packet.flags & RecordFlag::HasUid)
        fields.append({tr("User id"), QString::number(packet.uid)});
    if (packet.flags & RecordFlag::HasGid)
        fields.append({tr("Group id"), QString::number(packet.gid)});
    if (packet.flags & RecordFlag::Gso)
        fields.append({tr("Offload"), tr("several packets the kernel handed over as one "
                                         "(segmentation offload)")});
    return fields;
}

} // namespace nfqmon
