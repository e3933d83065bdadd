#include "app/store/PacketTableModel.h"

#include "app/store/PacketStore.h"
#include "app/store/RowJob.h"
#include "app/store/RowJobScheduler.h"
#include "app/store/RowRollOff.h"

#include <algorithm>

namespace nfqmon {

namespace {

constexpr qsizetype PreviewCacheLimit = 100'000;

} // namespace

PacketTableModel::PacketTableModel(PacketStore *store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_text(store),
      m_nextNumber(store->firstNumber()),
      m_jobs(new RowJobScheduler([this](RowJobResult r) { applyResult(std::move(r)); }, this))
{
    connect(store, &PacketStore::processesChanged, this, &PacketTableModel::onProcessesChanged);
    connect(store, &PacketStore::packetsAppended, this, &PacketTableModel::onAppended);
    connect(store, &PacketStore::packetsRolledOff, this, &PacketTableModel::onRolledOff);
    connect(store, &PacketStore::cleared, this, &PacketTableModel::onCleared);
    takeNewPackets();
}

PacketTableModel::~PacketTableModel() = default;

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

bool PacketTableModel::previewMatches(const StoredPacket &p) const
{
    if (!m_preview)
        return false;
    const auto cached = m_previewCache.constFind(p.number);
    if (cached != m_previewCache.constEnd())
        return *cached;
    const bool match = m_preview->matches(
        p, m_store->bytes(p.number - m_store->firstNumber()), m_store->interfaceName(p.inInterface),
        m_store->interfaceName(p.outInterface),
        p.origin == Origin::Process ? m_store->process(p.processId) : nullptr,
        m_store->hostName(p.host));
    if (m_previewCache.size() >= PreviewCacheLimit)
        m_previewCache.clear();
    m_previewCache.insert(p.number, match);
    return match;
}

void PacketTableModel::setIconMaker(IconMaker maker)
{
    m_iconMaker = std::move(maker);
    m_icons.clear();
    if (rowCount() > 0)
        emit dataChanged(index(0, Application), index(rowCount() - 1, Application),
                         {Qt::DecorationRole});
}

void PacketTableModel::setHostNamer(PacketCellText::HostNamer namer)
{
    m_text.setHostNamer(std::move(namer));
    refreshHostColumn();
}

void PacketTableModel::refreshHostColumn()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, Host), index(rowCount() - 1, Host),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

QVariant PacketTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredPacket &p = packetAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_text.display(p, index.column());
    case Qt::ToolTipRole:
        return m_text.toolTip(p, index.column());
    case Qt::DecorationRole: {
        if (!m_iconMaker)
            return {};
        const QString name = m_text.iconName(p, index.column());
        if (name.isEmpty())
            return {};
        auto it = m_icons.constFind(name);
        if (it == m_icons.constEnd())
            it = m_icons.insert(name, m_iconMaker(name));
        return *it;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Length || index.column() == User)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case StoreRowRole:
        return p.number - m_store->firstNumber();
    case HighlightRole:
        return previewMatches(p);
    case DroppedRole:
        return p.verdict == nfqmon::Verdict::Drop;
    default:
        return {};
    }
}

QVariant PacketTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString title = PacketCellText::title(section);
    return title.isNull() ? QVariant() : QVariant(title);
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
    std::optional<DisplayFilter> filter = DisplayFilter::compile(expression, error);
    if (!filter)
        return false;
    if (filter->isEmpty())
        filter.reset();
    if (expression.trimmed() == displayFilter().trimmed())
        return true;
    m_target.selection.setFilter(std::move(filter));
    // Every process described so far is judged now; later ones as they arrive.
    m_owners.reset(m_target.selection.owners(), m_store->processes());
    useCurrentProcesses(m_target.selection);
    changeView(false);
    return true;
}

void PacketTableModel::onProcessesChanged(const QList<quint32> &described,
                                          const QList<quint32> &forgotten)
{
    if (!m_owners.owners())
        return;
    for (const quint32 id : described) {
        const ProcessInfo *process = m_store->process(id);
        const ApplicationName *application = m_store->application(id);
        if (process && application)
            m_owners.describe(*process, *application);
    }
    for (const quint32 id : forgotten)
        m_owners.forget(id);
    useCurrentProcesses(m_target.selection);
    useCurrentProcesses(m_applied.selection);
}

void PacketTableModel::useCurrentProcesses(PacketSelection &selection)
{
    // A selection of other terms (m_applied while a rebuild to new terms runs) keeps its own
    // version: nothing matches with it any more before the rebuild replaces it.
    if (selection.owners() && selection.owners() == m_owners.owners())
        selection.setProcessMatches(m_owners.matches());
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
                         {HighlightRole});
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
                         {HighlightRole});
}

void PacketTableModel::changeView(bool sameRows)
{
    // A new order of the same rows keeps selections (a layout change); a new filter or range
    // is a reset. A new order while a rebuild is pending is part of that rebuild.
    startJob(sameRows && !m_rebuildPending ? JobKind::Reorder : JobKind::Rebuild);
}

// --- Jobs --------------------------------------------------------------------------------

void PacketTableModel::startJob(JobKind kind)
{
    if (kind == JobKind::Rebuild)
        m_rebuildPending = true;
    RowJob job;
    job.kind = kind;
    job.query = kind == JobKind::Incremental ? m_applied : m_target;
    useCurrentProcesses(job.query.selection);
    job.snapshot = m_store->snapshot();
    job.from = kind == JobKind::Incremental ? std::max(m_nextNumber, m_store->firstNumber())
                                            : m_nextNumber;
    if (kind == JobKind::Reorder || (kind == JobKind::Incremental && !job.query.order.isArrival()))
        job.rows = m_rows.toList();
    if (m_jobs->start(std::move(job)) && kind != JobKind::Incremental)
        setRebuilding(true);
}

void PacketTableModel::applyResult(RowJobResult result)
{
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
        m_applied = result.query;
        useCurrentProcesses(m_applied.selection); // processes described while the job ran
        m_nextNumber = std::max(result.end, first);
        endResetModel();
        m_rebuildPending = false;
        setRebuilding(false);
        break;
    case JobKind::Reorder:
        placeRows(std::move(result.rows), result.query.order);
        m_applied = result.query;
        useCurrentProcesses(m_applied.selection);
        setRebuilding(false);
        break;
    case JobKind::Incremental:
        m_nextNumber = std::max({m_nextNumber, result.end, first});
        if (result.query.order.isArrival()) {
            insertInArrivalOrder(result.added);
        } else if (!result.added.isEmpty()) {
            // Announced at the end, then moved to their places.
            const int count = int(m_rows.size());
            beginInsertRows({}, count, count + int(result.added.size()) - 1);
            m_rows.append(result.added);
            endInsertRows();
            placeRows(std::move(result.rows), result.query.order);
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
    if (m_jobs->isRunning())
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
        const StoredPacket p = m_store->byNumber(number);
        if (m_applied.selection.matchesRecord(p, m_store->hostName(p.host),
                                              m_store->machineNameOf(p)))
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
    const RowRollOff rollOff(m_rows, m_applied.order, first);
    if (rollOff.isEmpty())
        return;
    if (rollOff.needsGathering()) {
        emit layoutAboutToBeChanged({}, VerticalSortHint);
        const QModelIndexList from = persistentIndexList();
        QList<int> rows;
        rows.reserve(from.size());
        for (const QModelIndex &i : from)
            rows.append(i.row());
        rows = rollOff.rowsAfterGathering(m_rows, rows);
        rollOff.gather(m_rows);
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype k = 0; k < from.size(); ++k)
            to.append(index(rows[k], from[k].column()));
        changePersistentIndexList(from, to);
        emit layoutChanged({}, VerticalSortHint);
    }
    beginRemoveRows({}, rollOff.firstRow(), rollOff.lastRow());
    rollOff.remove(m_rows);
    endRemoveRows();
}

void PacketTableModel::onCleared()
{
    m_jobs->cancel();
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
