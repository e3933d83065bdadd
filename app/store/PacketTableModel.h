// The packet table: one row per packet of a PacketStore that the display filter and time range
// let through, in arrival order or sorted by a column. The rows are an index of packet numbers
// of its own (no QSortFilterProxyModel): new packets are taken once per event-loop turn and
// announced with exactly one beginInsertRows; text is made only in data() (PacketCellText).
// Filtering and sorting of more than a few thousand packets run in a worker thread on a snapshot
// (RowJobScheduler) and are swapped in when done; until then the table shows the previous rows
// (isFiltering()). Rows of packets the store rolls off leave as RowRollOff says. The model says
// what a row is (DroppedRole, HighlightRole); colours are the view's.
#pragma once

#include "app/store/PacketCellText.h"
#include "app/store/ProcessMatchTable.h"
#include "app/store/RowIndex.h"
#include "app/store/RowJobResult.h"
#include "app/store/RowQuery.h"
#include "app/store/RulePreview.h"
#include "app/store/StoredPacket.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace nfqmon {

class PacketStore;
class RowJobScheduler;

class PacketTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Number,
        Time,
        Interface,
        Direction,
        Source,
        Destination,
        Protocol,
        Length,
        Info,
        Verdict,
        User,
        Application,
        Host,    // the remote end's learned name
        Machine, // the machine it was captured on (shown in the table of every machine)
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        StoreRowRole = Qt::UserRole + 1, // qint64: the row in the PacketStore
        HighlightRole,                   // bool: the preview's rule catches the packet
        DroppedRole,                     // bool: the packet was dropped
    };

    // Makes the Application column's Qt::DecorationRole from a desktop entry's Icon (a theme
    // icon's name or a file's path): the window passes one that makes a QIcon, as this library
    // links no Qt GUI. A null QVariant: no icon.
    using IconMaker = std::function<QVariant(const QString &icon)>;

    // The store must outlive the model.
    explicit PacketTableModel(PacketStore *store, QObject *parent = nullptr);
    ~PacketTableModel() override;

    // Without one (the default) the column shows no icons.
    void setIconMaker(IconMaker maker);
    // Names for the Host column where the helper learned none (PacketCellText::HostNamer); the
    // display filter and sorting go by the learned names only. Without one (the default) those
    // cells stay empty.
    void setHostNamer(PacketCellText::HostNamer namer);
    // The namer has new names: the Host column is asked again.
    void refreshHostColumn();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // Column -1 (or Number ascending) is arrival order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_target.order.column(); }
    Qt::SortOrder sortOrder() const { return m_target.order.order(); }

    // Compiles now (false and a sentence, libpcap's for the pcap part, on error; nothing
    // changed), then filters the packets held (in a worker for big stores) and swaps the rows in.
    // New packets are matched as they arrive, and so are the processes the store describes
    // later, for the owner terms (DisplayFilter). An empty expression shows everything.
    bool setDisplayFilter(const QString &expression, QString *error);
    QString displayFilter() const { return m_target.selection.filterExpression(); }
    // Only packets with fromNs <= timestamp < toNs (a brushed range of the rate chart).
    void setTimeRange(qint64 fromNs, qint64 toNs);
    void clearTimeRange();
    bool hasTimeRange() const { return m_target.selection.hasTimeRange(); }

    // Marks the rows the rule would catch (HighlightRole), as the helper
    // would match it: expression, direction and interface (RulePreview). Matched lazily for the
    // rows a view shows. False and libpcap's message when the expression does not compile.
    bool setPreview(const Rule &rule, QString *error);
    // A rule of this expression alone: every interface, both directions.
    bool setPreview(const QString &expression, QString *error);
    void clearPreview();
    bool hasPreview() const { return m_preview.has_value(); }

    qint64 storeRow(int row) const;           // -1 for a row out of range
    int rowOfStoreRow(qint64 storeRow) const; // -1 when the packet is not shown
    qint64 shownCount() const { return m_rows.size(); }
    bool isFiltering() const { return m_rebuilding; }

    // The interface a row shows: incoming packets' input, outgoing packets' output interface.
    static quint16 interfaceIdOf(const StoredPacket &p);

signals:
    void filteringChanged(bool busy);
    void countsChanged(qint64 shown, qint64 total);

private:
    using JobKind = RowJobResult::Kind;

    StoredPacket packetAt(int row) const;
    bool previewMatches(const StoredPacket &p) const;

    void onProcessesChanged(const QList<quint32> &described, const QList<quint32> &forgotten);
    // Gives `selection` the latest judgements of the processes when it has m_owners' terms.
    void useCurrentProcesses(PacketSelection &selection);
    void onAppended();
    void onRolledOff(qint64 count);
    void onCleared();
    void takeNewPackets();
    void insertInArrivalOrder(const QList<qint64> &added);
    void removeBefore(qint64 firstNumber);
    void changeView(bool sameRows);
    void startJob(JobKind kind);
    void applyResult(RowJobResult result);
    // A layout change to the same rows in `order`.
    void placeRows(QList<qint64> rows, const PacketOrder &order);
    void setRebuilding(bool busy);
    void scheduleCounts();

    PacketStore *m_store;
    PacketCellText m_text;
    RowIndex m_rows;            // packet numbers, in the order shown
    qint64 m_nextNumber;        // packets below this number have been matched for m_rows
    RowQuery m_applied;         // what m_rows shows
    RowQuery m_target;          // what it will show when the running rebuild is done
    ProcessMatchTable m_owners; // the processes judged against m_target's owner terms

    IconMaker m_iconMaker;
    mutable QHash<QString, QVariant> m_icons; // made once per icon; a few hundred at most

    std::optional<RulePreview> m_preview;
    mutable QHash<qint64, bool> m_previewCache; // by number

    RowJobScheduler *m_jobs;
    bool m_rebuildPending = false; // m_rows do not reflect m_target's selection yet
    bool m_rebuilding = false;     // isFiltering()
    bool m_turnScheduled = false;
    bool m_countsScheduled = false;
};

} // namespace nfqmon
