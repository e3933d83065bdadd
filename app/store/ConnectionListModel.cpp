#include "app/store/ConnectionListModel.h"

#include "app/display/SummaryText.h"
#include "app/store/PacketStore.h"
#include "helper/protocol/HelperContract.h"

#include <QLocale>

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace nfqmon {

namespace {

QString endText(const QString &address, quint16 port)
{
    return address.contains(u':') ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                  : QStringLiteral("%1:%2").arg(address).arg(port);
}

QString protocolName(quint8 protocol)
{
    return protocol == 6 ? QStringLiteral("TCP") : QStringLiteral("UDP");
}

} // namespace

QList<ConnectionListModel::KernelCount>
ConnectionListModel::kernelCountsFrom(const QList<QVariantMap> &listed)
{
    namespace Field = Contract::ConnectionField;
    QList<KernelCount> counts;
    for (const QVariantMap &map : listed) {
        // The key the window makes of a packet between the two ends gives the same key.
        const QString low = map.value(Field::LowAddress).toString();
        const QString high = map.value(Field::HighAddress).toString();
        const uint protocol = map.value(Field::Protocol).toUInt();
        const bool v6 = low.contains(u':');
        PacketSummary s;
        const int family = v6 ? AF_INET6 : AF_INET;
        if ((protocol != 6 && protocol != 17) || high.contains(u':') != v6 ||
            inet_pton(family, low.toLatin1().constData(), s.source.data()) != 1 ||
            inet_pton(family, high.toLatin1().constData(), s.destination.data()) != 1)
            continue;
        s.network = v6 ? NetworkProtocol::IPv6 : NetworkProtocol::IPv4;
        s.transport = std::uint8_t(protocol);
        s.flags = SummaryFlag::HasPorts;
        s.sourcePort = quint16(map.value(Field::LowPort).toUInt());
        s.destinationPort = quint16(map.value(Field::HighPort).toUInt());
        const auto key = BypassKey::of(s);
        if (!key)
            continue;
        KernelCount c;
        c.key = *key;
        c.low = endText(low, s.sourcePort);
        c.high = endText(high, s.destinationPort);
        c.protocol = quint8(protocol);
        c.accept = map.value(Field::Verdict).toString() == QLatin1String("accept");
        c.current = map.value(Field::Current).toBool();
        c.packets = map.value(Field::Packets).toULongLong();
        c.bytes = map.value(Field::Bytes).toULongLong();
        counts.append(c);
    }
    return counts;
}

ConnectionListModel::ConnectionListModel(PacketStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(store, &PacketStore::packetsAppended, this, [this] {
        if (m_turnScheduled)
            return;
        m_turnScheduled = true; // one look per event-loop turn, however many batches came
        QMetaObject::invokeMethod(
            this, [this] { takeNewPackets(); }, Qt::QueuedConnection);
    });
    connect(store, &PacketStore::cleared, this, &ConnectionListModel::reset);
    takeNewPackets();
}

void ConnectionListModel::reset()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_nextNumber = m_store->endNumber();
    endResetModel();
}

void ConnectionListModel::takeNewPackets()
{
    m_turnScheduled = false;
    const qint64 from = std::max(m_nextNumber, m_store->firstNumber());
    const qint64 end = m_store->endNumber();
    m_nextNumber = end;
    QList<Connection> added;
    QHash<BypassKey, int> addedIndex;
    int firstChanged = int(m_rows.size());
    int lastChanged = -1;
    for (qint64 number = from; number < end; ++number) {
        const StoredPacket p = m_store->byNumber(number);
        const auto key = BypassKey::of(p.summary);
        if (!key)
            continue;
        Connection *c = nullptr;
        if (const auto found = m_index.constFind(*key); found != m_index.constEnd()) {
            c = &m_rows[found.value()];
            firstChanged = std::min(firstChanged, found.value());
            lastChanged = std::max(lastChanged, found.value());
        } else if (const auto pending = addedIndex.constFind(*key);
                   pending != addedIndex.constEnd()) {
            c = &added[pending.value()];
        } else {
            Connection fresh;
            fresh.key = *key;
            fresh.protocol = p.summary.transport;
            fresh.fromAddress = SummaryText::source(p.summary);
            fresh.toAddress = SummaryText::destination(p.summary);
            fresh.fromPort = p.summary.sourcePort;
            fresh.toPort = p.summary.destinationPort;
            fresh.from = endText(fresh.fromAddress, fresh.fromPort);
            fresh.to = endText(fresh.toAddress, fresh.toPort);
            addedIndex.insert(*key, int(added.size()));
            added.append(fresh);
            c = &added.last();
        }
        ++c->inspected;
        c->inspectedBytes += p.packetLength;
        c->lastAccept = p.verdict == nfqmon::Verdict::Accept;
    }
    if (lastChanged >= firstChanged)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (added.isEmpty())
        return;
    append(added);
}

void ConnectionListModel::setKernelCounts(const QList<KernelCount> &counts)
{
    takeNewPackets(); // rows for the packets that came before the counts
    QList<Connection> added;
    for (const KernelCount &k : counts) {
        const auto found = m_index.constFind(k.key);
        Connection *c = nullptr;
        if (found != m_index.constEnd()) {
            c = &m_rows[found.value()];
        } else {
            Connection fresh; // decided before this window saw any of it
            fresh.key = k.key;
            fresh.protocol = k.protocol;
            fresh.from = k.low;
            fresh.to = k.high;
            added.append(fresh);
            c = &added.last();
        }
        c->decided = true;
        c->kernelAccept = k.accept;
        c->current = k.current;
        c->kernelPackets = k.packets;
        c->kernelBytes = k.bytes;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    if (added.isEmpty())
        return;
    append(added);
}

void ConnectionListModel::append(QList<Connection> &added)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
    for (Connection &c : added) {
        m_index.insert(c.key, int(m_rows.size()));
        m_rows.append(std::move(c));
    }
    endInsertRows();
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectionListModel::text(const Connection &c, int column) const
{
    const QLocale locale;
    switch (column) {
    case Protocol:
        return protocolName(c.protocol);
    case From:
        return c.from;
    case To:
        return c.to;
    case Inspected:
        return locale.toString(c.inspected);
    case Decided:
        return c.decided ? locale.toString(c.kernelPackets) : QString();
    case Total:
        return locale.toString(quint64(c.inspected) + c.kernelPackets);
    case Bytes:
        return locale.toString(c.inspectedBytes + c.kernelBytes);
    case Verdict:
        if (c.decided && c.current)
            return c.kernelAccept ? tr("accepted") : tr("dropped");
        return c.inspected == 0 ? QString() : c.lastAccept ? tr("accepted") : tr("dropped");
    case State:
        if (!c.decided)
            return tr("inspected");
        if (!c.current)
            return tr("inspected again (rules changed)");
        return c.kernelAccept ? tr("passed by the kernel") : tr("dropped by the kernel");
    default:
        return {};
    }
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Connection &c = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return text(c, index.column());
    if (role == Qt::TextAlignmentRole && index.column() >= Inspected && index.column() <= Bytes)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Decided)
        return c.decided ? tr("Packets the kernel passed or dropped after the inspection depth, "
                              "as the helper decided this connection: not in the packet table")
                         : tr("Not decided by the kernel: every packet of it was inspected");
    return {};
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Protocol:
        return tr("Protocol");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Inspected:
        return tr("Inspected");
    case Decided:
        return tr("In the kernel");
    case Total:
        return tr("Packets");
    case Bytes:
        return tr("Bytes");
    case Verdict:
        return tr("Verdict");
    case State:
        return tr("State");
    default:
        return {};
    }
}

QString ConnectionListModel::filterFor(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).fromAddress.isEmpty())
        return {};
    const Connection &c = m_rows.at(row);
    const QString proto = c.protocol == 6 ? QStringLiteral("tcp") : QStringLiteral("udp");
    return QStringLiteral("%1 and host %2 and host %3 and port %4 and port %5")
        .arg(proto, c.fromAddress, c.toAddress)
        .arg(c.fromPort)
        .arg(c.toPort);
}

} // namespace nfqmon
