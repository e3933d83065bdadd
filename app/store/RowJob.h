// One piece of the packet table's work on a snapshot of the store, runnable in any thread (it
// holds copies of everything it reads). Rebuild: select and sort every packet held (a new filter
// or time range). Reorder: sort the rows shown (a new order). Incremental: match the packets
// from `from` on, and merge them into the rows of a sorted view.
#pragma once

#include "app/store/PacketSnapshot.h"
#include "app/store/RowJobResult.h"
#include "app/store/RowQuery.h"

#include <QList>

#include <atomic>
#include <memory>

namespace nfqmon {

class RowJob
{
public:
    using Kind = RowJobResult::Kind;

    Kind kind = Kind::Incremental;
    quint64 id = 0;
    RowQuery query;
    PacketSnapshot snapshot;
    QList<qint64> rows; // Reorder: to sort; Incremental in a sorted view: to merge into
    qint64 from = 0;    // Incremental: the first number to match; Reorder: matched up to here
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);

    // Packets to look at: what decides between the calling thread and a worker.
    qint64 work() const;
    // Cancelled (result.cancelled) when *cancel became true on the way.
    RowJobResult run() const;
};

} // namespace nfqmon
