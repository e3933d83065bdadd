#include "app/store/RowJob.h"

namespace nfqmon {

qint64 RowJob::work() const
{
    switch (kind) {
    case Kind::Rebuild:
        return snapshot.size();
    case Kind::Reorder:
        return rows.size();
    case Kind::Incremental:
        return snapshot.endNumber() - from + rows.size();
    }
    return 0;
}

RowJobResult RowJob::run() const
{
    RowJobResult r;
    r.kind = kind;
    r.id = id;
    r.query = query;
    r.firstNumber = snapshot.firstNumber();
    const PacketOrder &order = query.order;
    switch (kind) {
    case Kind::Rebuild:
        r.rows = query.selection.select(snapshot, snapshot.firstNumber(), cancel.get());
        order.sort(r.rows, snapshot);
        r.end = snapshot.endNumber();
        break;
    case Kind::Reorder:
        r.rows = rows;
        order.sort(r.rows, snapshot);
        r.end = from;
        break;
    case Kind::Incremental:
        r.added = query.selection.select(snapshot, from, cancel.get());
        r.end = snapshot.endNumber();
        if (!order.isArrival() && !r.added.isEmpty()) {
            QList<qint64> sorted = r.added;
            order.sort(sorted, snapshot);
            r.rows = order.merge(rows, sorted, snapshot);
        }
        break;
    }
    r.cancelled = cancel->load();
    return r;
}

} // namespace nfqmon
