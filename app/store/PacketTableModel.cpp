#include "PacketTableModel.h"

#include "PacketStore.h"
#include "SummaryText.h"

#include <QColor>
#include <QDateTime>
#include <QtConcurrent>

#include <algorithm>

namespace nfqmon {

namespace {

// Light backgrounds with dark text, readable in light and dark themes alike.
const QColor DroppedBackground(255, 214, 214);
const QColor HighlightBackground(255, 234, 140);
const QColor TextOnBackground(20, 20, 20);

constexpr qsizetype PreviewCacheLimit = 100'000;

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

PacketTableModel::PacketTableModel(PacketStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_nextNumber(store->firstNumber()),
      m_watcher(new QFutureWatcher<JobResult>(this))
{
    connect(store, &PacketStore::packetsAppended, this, &PacketTableModel::onAppended);
    connect(store, &PacketStore::packetsRolledOff, this, &PacketTableModel::onRolledOff);
    connect(store, &PacketStore::cleared, this, &PacketTableModel::onCleared);
    connect(m_watcher, &QFutureWatcherBase::finished, this,
            [this] { applyResult(m_watcher->result()); });
    takeNewPackets();
}

PacketTableModel::~PacketTableModel()
{
    if (m_cancel)
        *m_cancel = true; // the worker keeps its own copies and ends soon
}

int PacketTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PacketTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

quint16 PacketTableModel::interfaceIdOf(const StoredPacket &p)
{
    if (p.hook == Hook::Output)
        return p.outInterface ? p.outInterface : p.inInterface;
    return p.inInterface ? p.inInterface : p.outInterface;
}

StoredPacket PacketTableModel::packetAt(int row) const
{
    return m_store->byNumber(m_rows[row]);
}

QString PacketTableModel::displayText(const StoredPacket &p, int column) const
{
    switch (column) {
    case Number:
        return QString::number(p.number);
    case Time:
        return timeOfDay(p.timestampNs);
    case Interface:
        return m_store->interfaceName(interfaceIdOf(p));
    case Direction:
        if (p.flags & StoredFlag::NoVerdict)
            return {};
        return p.hook == Hook::Output ? tr("out") : tr("in");
    case Source:
        return SummaryText::source(p.summary);
    case Destination:
        return SummaryText::destination(p.summary);
    case Protocol:
        return SummaryText::protocolName(p.summary);
    case Length:
        return QString::number(p.packetLength);
    case Info:
        // A fragment's line names its offset and id, which the store keeps with the bytes.
        if (p.summary.flags & SummaryFlag::Fragment)
            return SummaryText::info(m_store->fullSummary(p.number - m_store->firstNumber()));
        return SummaryText::info(p.summary);
    case Verdict:
        if (p.flags & StoredFlag::NoVerdict)
            return {};
        if (p.verdict == nfqmon::Verdict::Drop)
            return p.ruleId >= 0 ? tr("dropped by rule %1").arg(p.ruleId) : tr("dropped");
        return p.ruleId >= 0 ? tr("accepted by rule %1").arg(p.ruleId) : tr("accepted");
    case User:
        return (p.flags & RecordFlag::HasUid) ? QString::number(p.uid) : QString();
    default:
        return {};
    }
}

QString PacketTableModel::toolTip(const StoredPacket &p, int column) const
{
    switch (column) {
    case Time:
        return fullTime(p.timestampNs);
    case Length:
        if (p.capturedLength < p.packetLength)
            return tr("%1 bytes on the wire, %2 captured")
                .arg(p.packetLength)
                .arg(p.capturedLength);
        return tr("%1 bytes").arg(p.packetLength);
    case User:
        if (!(p.flags & RecordFlag::HasUid))
            return tr("The kernel did not say which user's socket this packet belongs to.");
        if (p.flags & RecordFlag::HasGid)
            return tr("uid %1, gid %2").arg(p.uid).arg(p.gid);
        return tr("uid %1").arg(p.uid);
    default:
        return displayText(p, column);
    }
}

bool PacketTableModel::previewMatches(const StoredPacket &p) const
{
    if (!m_preview)
        return false;
    const auto cached = m_previewCache.constFind(p.number);
    if (cached != m_previewCache.constEnd())
        return *cached;
    const bool match = m_preview->matches(p, m_store->bytes(p.number - m_store->firstNumber()),
                                          m_store->interfaceName(p.inInterface),
                                          m_store->interfaceName(p.outInterface));
    if (m_previewCache.size() >= PreviewCacheLimit)
        m_previewCache.clear();
    m_previewCache.insert(p.number, match);
    return match;
}

QVariant PacketTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredPacket &p = packetAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(p, index.column());
    case Qt::ToolTipRole:
        return toolTip(p, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Length || index.column() == User)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (previewMatches(p))
            return HighlightBackground;
        if (p.verdict == nfqmon::Verdict::Drop)
            return DroppedBackground;
        return {};
    case Qt::ForegroundRole:
        if (previewMatches(p) || p.verdict == nfqmon::Verdict::Drop)
            return TextOnBackground;
        return {};
    case StoreRowRole:
        return p.number - m_store->firstNumber();
    case HighlightRole:
        return previewMatches(p);
    default:
        return {};
    }
}

QVariant PacketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("No.");
    case Time:
        return tr("Time");
    case Interface:
        return tr("Interface");
    case Direction:
        return tr("Direction");
    case Source:
        return tr("Source");
    case Destination:
        return tr("Destination");
    case Protocol:
        return tr("Protocol");
    case Length:
        return tr("Length");
    case Info:
        return tr("Info");
    case Verdict:
        return tr("Verdict");
    case User:
        return tr("User");
    default:
        return {};
    }
}

qint64 PacketTableModel::storeRow(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return -1;
    return m_rows[row] - m_store->firstNumber();
}

int PacketTableModel::rowOfStoreRow(qint64 storeRow) const
{
    if (storeRow < 0 || storeRow >= m_store->size())
        return -1;
    const qint64 number = m_store->firstNumber() + storeRow;
    const qsizetype row = m_applied.order.lowerBound(m_rows, number, *m_store);
    return row < m_rows.size() && m_rows[row] == number ? int(row) : -1;
}

// --- Views: filter, time range, order ----------------------------------------------------

void PacketTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount)
        return;
    if (column < 0) {
        column = -1;
        order = Qt::AscendingOrder;
    }
    const PacketOrder &current = m_target.order;
    if (column == current.column() && order == current.order() && column != Interface)
        return;
    m_target.order = PacketOrder(column, order, m_store->interfaceNames());
    changeView(true);
}

bool PacketTableModel::setDisplayFilter(const QString &expression, QString *error)
{
    std::optional<CompiledFilter> filter = CompiledFilter::compile(expression, error);
    if (!filter)
        return false;
    if (expression.trimmed().isEmpty())
        filter.reset();
    if (expression.trimmed() == displayFilter().trimmed())
        return true;
    m_target.selection.setFilter(std::move(filter));
    changeView(false);
    return true;
}

void PacketTableModel::setTimeRange(qint64 fromNs, qint64 toNs)
{
    const PacketSelection &s = m_target.selection;
    if (s.hasTimeRange() && s.fromNs() == std::min(fromNs, toNs) &&
        s.toNs() == std::max(fromNs, toNs))
        return;
    m_target.selection.setTimeRange(fromNs, toNs);
    changeView(false);
}

void PacketTableModel::clearTimeRange()
{
    if (!m_target.selection.hasTimeRange())
        return;
    m_target.selection.clearTimeRange();
    changeView(false);
}

bool PacketTableModel::setPreview(const QString &expression, QString *error)
{
    Rule rule;
    rule.expression = expression;
    return setPreview(rule, error);
}

bool PacketTableModel::setPreview(const Rule &rule, QString *error)
{
    std::optional<RulePreview> preview = RulePreview::compile(rule, error);
    if (!preview)
        return false;
    m_preview = std::move(preview);
    m_previewCache.clear();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole, HighlightRole});
    return true;
}

void PacketTableModel::clearPreview()
{
    if (!m_preview)
        return;
    m_preview.reset();
    m_previewCache.clear();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::BackgroundRole, Qt::ForegroundRole, HighlightRole});
}

void PacketTableModel::changeView(bool sameRows)
{
    // A new order of the same rows keeps selections (a layout change); a new filter or range
    // is a reset. A new order while a rebuild is pending is part of that rebuild.
    startJob(sameRows && !m_rebuildPending ? JobKind::Reorder : JobKind::Rebuild);
}

// --- Jobs --------------------------------------------------------------------------------

PacketTableModel::JobResult PacketTableModel::runJob(const Job &job)
{
    JobResult r;
    r.kind = job.kind;
    r.id = job.id;
    r.view = job.view;
    r.firstNumber = job.snapshot.firstNumber();
    const PacketOrder &order = job.view.order;
    switch (job.kind) {
    case JobKind::Rebuild:
        r.rows =
            job.view.selection.select(job.snapshot, job.snapshot.firstNumber(), job.cancel.get());
        order.sort(r.rows, job.snapshot);
        r.end = job.snapshot.endNumber();
        break;
    case JobKind::Reorder:
        r.rows = job.rows;
        order.sort(r.rows, job.snapshot);
        r.end = job.from;
        break;
    case JobKind::Incremental:
        r.added = job.view.selection.select(job.snapshot, job.from, job.cancel.get());
        r.end = job.snapshot.endNumber();
        if (!order.isArrival() && !r.added.isEmpty()) {
            QList<qint64> sorted = r.added;
            order.sort(sorted, job.snapshot);
            r.rows = order.merge(job.rows, sorted, job.snapshot);
        }
        break;
    }
    r.cancelled = job.cancel->load();
    return r;
}

void PacketTableModel::startJob(JobKind kind)
{
    if (m_cancel)
        *m_cancel = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_jobRunning = false;
    if (kind == JobKind::Rebuild)
        m_rebuildPending = true;

    Job job;
    job.kind = kind;
    job.id = ++m_jobId;
    job.view = kind == JobKind::Incremental ? m_applied : m_target;
    job.snapshot = m_store->snapshot();
    job.cancel = m_cancel;
    job.from = kind == JobKind::Incremental ? std::max(m_nextNumber, m_store->firstNumber())
                                            : m_nextNumber;
    qint64 work = job.snapshot.size();
    if (kind == JobKind::Reorder) {
        job.rows = m_rows.toList();
        work = m_rows.size();
    } else if (kind == JobKind::Incremental) {
        work = job.snapshot.endNumber() - job.from;
        if (!job.view.order.isArrival()) {
            job.rows = m_rows.toList();
            work += m_rows.size();
        }
    }

    if (work <= SynchronousLimit) {
        applyResult(runJob(job));
        return;
    }
    m_jobRunning = true;
    if (kind != JobKind::Incremental)
        setRebuilding(true);
    m_watcher->setFuture(QtConcurrent::run([job] { return runJob(job); }));
}

void PacketTableModel::applyResult(JobResult result)
{
    if (result.id != m_jobId || result.cancelled)
        return; // superseded
    m_jobRunning = false;
    const qint64 first = m_store->firstNumber();
    if (first > result.firstNumber) { // packets rolled off meanwhile
        const auto gone = [first](qint64 number) { return number < first; };
        result.rows.removeIf(gone);
        result.added.removeIf(gone);
    }
    switch (result.kind) {
    case JobKind::Rebuild:
        beginResetModel();
        m_rows.assign(std::move(result.rows));
        m_applied = result.view;
        m_nextNumber = std::max(result.end, first);
        endResetModel();
        m_rebuildPending = false;
        setRebuilding(false);
        break;
    case JobKind::Reorder:
        placeRows(std::move(result.rows), result.view.order);
        m_applied = result.view;
        setRebuilding(false);
        break;
    case JobKind::Incremental:
        m_nextNumber = std::max({m_nextNumber, result.end, first});
        if (result.view.order.isArrival()) {
            insertInArrivalOrder(result.added);
        } else if (!result.added.isEmpty()) {
            // Announced at the end, then moved to their places.
            const int count = int(m_rows.size());
            beginInsertRows({}, count, count + int(result.added.size()) - 1);
            m_rows.append(result.added);
            endInsertRows();
            placeRows(std::move(result.rows), result.view.order);
        }
        break;
    }
    scheduleCounts();
    takeNewPackets();
}

void PacketTableModel::placeRows(QList<qint64> rows, const PacketOrder &order)
{
    emit layoutAboutToBeChanged({}, VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from) {
        const qsizetype row = order.lowerBound(rows, m_rows[i.row()], *m_store);
        to.append(index(int(row), i.column()));
    }
    m_rows.assign(std::move(rows));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, VerticalSortHint);
}

void PacketTableModel::setRebuilding(bool busy)
{
    if (m_rebuilding == busy)
        return;
    m_rebuilding = busy;
    emit filteringChanged(busy);
}

// --- The store's packets come and go -----------------------------------------------------

void PacketTableModel::onAppended()
{
    if (!m_turnScheduled) {
        // One look per event-loop turn, however many batches arrived in it.
        m_turnScheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_turnScheduled = false;
                takeNewPackets();
            },
            Qt::QueuedConnection);
    }
    scheduleCounts();
}

void PacketTableModel::takeNewPackets()
{
    if (m_jobRunning)
        return; // its result calls again
    const qint64 from = std::max(m_nextNumber, m_store->firstNumber());
    const qint64 end = m_store->endNumber();
    if (from >= end)
        return;
    if (m_applied.selection.needsBytes() || !m_applied.order.isArrival()) {
        startJob(JobKind::Incremental);
        return;
    }
    QList<qint64> added;
    added.reserve(end - from);
    for (qint64 number = from; number < end; ++number) {
        if (m_applied.selection.matchesRecord(m_store->byNumber(number)))
            added.append(number);
    }
    m_nextNumber = end;
    insertInArrivalOrder(added);
    scheduleCounts();
}

void PacketTableModel::insertInArrivalOrder(const QList<qint64> &added)
{
    if (added.isEmpty())
        return;
    const int count = int(added.size());
    if (m_applied.order.isDescending()) {
        beginInsertRows({}, 0, count - 1);
        m_rows.prepend(QList<qint64>(added.crbegin(), added.crend()));
        endInsertRows();
    } else {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + count - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

void PacketTableModel::onRolledOff(qint64 count)
{
    const qint64 first = m_store->firstNumber() + count; // the store still holds them now
    removeBefore(first);
    m_nextNumber = std::max(m_nextNumber, first);
    scheduleCounts();
}

void PacketTableModel::removeBefore(qint64 first)
{
    const auto gone = [first](qint64 number) { return number < first; };
    const PacketOrder &order = m_applied.order;
    if (order.isArrival() && !order.isDescending()) {
        const int count = int(m_rows.partitionPoint(gone));
        if (count > 0) {
            beginRemoveRows({}, 0, count - 1);
            m_rows.removeFront(count);
            endRemoveRows();
        }
        return;
    }
    if (order.isArrival()) {
        const int keep = int(m_rows.partitionPoint([first](qint64 n) { return n >= first; }));
        if (keep < m_rows.size()) {
            beginRemoveRows({}, keep, int(m_rows.size()) - 1);
            m_rows.truncate(keep);
            endRemoveRows();
        }
        return;
    }
    // Sorted by a column, the oldest packets are anywhere: a layout change moves them to the
    // end (the others keep their order), and they are removed from there.
    QList<qint64> &rows = m_rows.list();
    const qsizetype dead = std::count_if(rows.cbegin(), rows.cend(), gone);
    if (dead == 0)
        return;
    emit layoutAboutToBeChanged({}, VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    // Each persistent row's new place: live rows move up by the dead rows before them, dead
    // ones follow the live ones in their order.
    QList<int> wanted;
    for (const QModelIndex &i : from)
        wanted.append(i.row());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    QHash<int, int> newRow;
    const qsizetype live = rows.size() - dead;
    qsizetype deadBefore = 0;
    qsizetype next = 0;
    for (qsizetype row = 0; row < rows.size() && next < wanted.size(); ++row) {
        if (row == wanted[next]) {
            newRow.insert(int(row), int(gone(rows[row]) ? live + deadBefore : row - deadBefore));
            ++next;
        }
        if (gone(rows[row]))
            ++deadBefore;
    }
    std::stable_partition(rows.begin(), rows.end(), [&](qint64 n) { return !gone(n); });
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &i : from)
        to.append(index(newRow.value(i.row()), i.column()));
    changePersistentIndexList(from, to);
    emit layoutChanged({}, VerticalSortHint);
    beginRemoveRows({}, int(live), int(rows.size()) - 1);
    m_rows.truncate(live);
    endRemoveRows();
}

void PacketTableModel::onCleared()
{
    if (m_cancel)
        *m_cancel = true;
    ++m_jobId;
    m_jobRunning = false;
    beginResetModel();
    m_rows.clear();
    m_applied = m_target;
    m_nextNumber = m_store->firstNumber();
    m_previewCache.clear();
    endResetModel();
    m_rebuildPending = false;
    setRebuilding(false);
    scheduleCounts();
}

void PacketTableModel::scheduleCounts()
{
    if (m_countsScheduled)
        return;
    m_countsScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_countsScheduled = false;
            emit countsChanged(m_rows.size(), m_store->size());
        },
        Qt::QueuedConnection);
}

} // namespace nfqmon
