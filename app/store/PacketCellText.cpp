#include "app/store/PacketCellText.h"

#include "app/display/HostText.h"
#include "app/display/SummaryText.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"

#include <QDateTime>

namespace nfqmon {

namespace {

QString timeOfDay(qint64 ns)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ns / 1'000'000);
    return QStringLiteral("%1.%2")
        .arg(t.toString(QStringLiteral("HH:mm:ss")))
        .arg(ns % 1'000'000'000 / 1000, 6, 10, QLatin1Char('0'));
}

QString fullTime(qint64 ns)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ns / 1'000'000);
    return QStringLiteral("%1.%2")
        .arg(t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        .arg(ns % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

} // namespace

QString PacketCellText::title(int column)
{
    switch (column) {
    case PacketTableModel::Number:
        return tr("No.");
    case PacketTableModel::Time:
        return tr("Time");
    case PacketTableModel::Interface:
        return tr("Interface");
    case PacketTableModel::Direction:
        return tr("Direction");
    case PacketTableModel::Source:
        return tr("Source");
    case PacketTableModel::Destination:
        return tr("Destination");
    case PacketTableModel::Protocol:
        return tr("Protocol");
    case PacketTableModel::Length:
        return tr("Length");
    case PacketTableModel::Info:
        return tr("Info");
    case PacketTableModel::Verdict:
        return tr("Verdict");
    case PacketTableModel::User:
        return tr("User");
    case PacketTableModel::Application:
        return tr("Application");
    case PacketTableModel::Host:
        return tr("Host");
    case PacketTableModel::Machine:
        return tr("Machine");
    default:
        return {};
    }
}

QString PacketCellText::application(Origin origin, const ApplicationName *name)
{
    switch (origin) {
    case Origin::Process:
        return name ? name->text : tr("(unknown program)");
    case Origin::Kernel:
        return tr("(kernel)");
    case Origin::NoSocket:
    case Origin::Unknown:
        break;
    }
    return {};
}

QString PacketCellText::display(const StoredPacket &p, int column) const
{
    switch (column) {
    case PacketTableModel::Number:
        return QString::number(p.number);
    case PacketTableModel::Time:
        return timeOfDay(p.timestampNs);
    case PacketTableModel::Interface:
        return m_store->interfaceName(PacketTableModel::interfaceIdOf(p));
    case PacketTableModel::Direction:
        if (p.flags & StoredFlag::NoVerdict)
            return {};
        return p.hook == Hook::Output ? tr("out") : tr("in");
    case PacketTableModel::Source:
        return SummaryText::source(p.summary);
    case PacketTableModel::Destination:
        return SummaryText::destination(p.summary);
    case PacketTableModel::Protocol:
        return SummaryText::protocolName(p.summary);
    case PacketTableModel::Length:
        return QString::number(p.packetLength);
    case PacketTableModel::Info:
        // A fragment's line names its offset and id, which the store keeps with the bytes.
        if (p.summary.flags & SummaryFlag::Fragment)
            return SummaryText::info(m_store->fullSummary(p.number - m_store->firstNumber()));
        return SummaryText::info(p.summary);
    case PacketTableModel::Verdict:
        if (p.flags & StoredFlag::NoVerdict)
            return {};
        if (p.verdict == nfqmon::Verdict::Drop)
            return p.ruleId >= 0 ? tr("dropped by rule %1").arg(p.ruleId) : tr("dropped");
        return p.ruleId >= 0 ? tr("accepted by rule %1").arg(p.ruleId) : tr("accepted");
    case PacketTableModel::User:
        if (p.origin == Origin::Process)
            if (const ProcessInfo *process = m_store->process(p.processId))
                return QString::number(process->uid);
        return (p.flags & RecordFlag::HasUid) ? QString::number(p.uid) : QString();
    case PacketTableModel::Application:
        return application(p.origin, p.origin == Origin::Process ? m_store->application(p.processId)
                                                                 : nullptr);
    case PacketTableModel::Host:
        if (p.host == 0 && m_hostNamer)
            return m_hostNamer(p);
        return m_store->hostName(p.host);
    case PacketTableModel::Machine:
        return m_store->machineNameOf(p);
    default:
        return {};
    }
}

QString PacketCellText::toolTip(const StoredPacket &p, int column) const
{
    switch (column) {
    case PacketTableModel::Time:
        return fullTime(p.timestampNs);
    case PacketTableModel::Length:
        if (p.capturedLength < p.packetLength)
            return tr("%1 bytes on the wire, %2 captured")
                .arg(p.packetLength)
                .arg(p.capturedLength);
        return tr("%1 bytes").arg(p.packetLength);
    case PacketTableModel::Application:
        if (p.origin == Origin::Process) {
            if (const ProcessInfo *process = m_store->process(p.processId)) {
                QString arguments = QString::fromStdString(process->arguments);
                arguments.replace(QChar(0), QChar(u' '));
                // The column shows the entry's name: the tip says which program that is.
                if (const DesktopEntry *entry = m_store->desktopEntry(p.processId)) {
                    QString program = QString::fromStdString(process->executable);
                    if (!arguments.isEmpty())
                        program += QLatin1Char('\n') + arguments;
                    return tr("%1\nprocess %2, user %3\nname and icon from %4")
                        .arg(program, QString::number(process->pid), QString::number(process->uid),
                             entry->path);
                }
                return tr("%1\nprocess %2, user %3")
                    .arg(arguments.isEmpty() ? QString::fromStdString(process->executable)
                                             : arguments)
                    .arg(process->pid)
                    .arg(process->uid);
            }
        }
        if (p.origin == Origin::Kernel)
            return tr("The kernel sent this packet itself: no program did.");
        if (p.origin == Origin::NoSocket)
            return tr("No local socket is known for this packet: it is forwarded, or no program "
                      "listens for it.");
        return display(p, column);
    case PacketTableModel::User:
        if (p.origin == Origin::Process)
            if (const ProcessInfo *process = m_store->process(p.processId))
                return tr("uid %1, gid %2").arg(process->uid).arg(process->gid);
        if (!(p.flags & RecordFlag::HasUid))
            return tr("The kernel did not say which user's socket this packet belongs to.");
        if (p.flags & RecordFlag::HasGid)
            return tr("uid %1, gid %2").arg(p.uid).arg(p.gid);
        return tr("uid %1").arg(p.uid);
    case PacketTableModel::Host:
        if (p.host == 0) {
            if (const QString found = m_hostNamer ? m_hostNamer(p) : QString(); !found.isEmpty())
                return found + QLatin1Char('\n') + HostText::reverseOrigin();
            return tr("The helper learned no name for this packet's remote end.");
        }
        return m_store->hostName(p.host) + QLatin1Char('\n') +
               HostText::origin(m_store->hostSource(p.host));
    default:
        return display(p, column);
    }
}

QString PacketCellText::iconName(const StoredPacket &p, int column) const
{
    if (column != PacketTableModel::Application || p.origin != Origin::Process)
        return {};
    const DesktopEntry *entry = m_store->desktopEntry(p.processId);
    return entry ? entry->icon : QString();
}

} // namespace nfqmon
