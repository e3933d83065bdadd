// What a RowJob found: the packet numbers the table is to show, as of the snapshot the job ran
// on. Packets that rolled off the store since then are the receiver's to drop.
#pragma once

#include "app/store/RowQuery.h"

#include <QList>

namespace nfqmon {

struct RowJobResult {
    enum class Kind { Rebuild, Reorder, Incremental };

    Kind kind = Kind::Incremental;
    quint64 id = 0;
    RowQuery query;
    qint64 firstNumber = 0; // the store's when the job started
    qint64 end = 0;         // the packets below have been matched
    QList<qint64> rows;     // Rebuild, Reorder: all rows; Incremental: merged (sorted view)
    QList<qint64> added;    // Incremental: the new matches, in arrival order
    bool cancelled = false;
};

} // namespace nfqmon
