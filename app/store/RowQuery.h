// What the packet table asks of the store's packets: which to show (PacketSelection) and in
// what order (PacketOrder). Copied into worker jobs, which run on their own copy.
#pragma once

#include "app/store/PacketOrder.h"
#include "app/store/PacketSelection.h"

namespace nfqmon {

struct RowQuery {
    PacketSelection selection;
    PacketOrder order;
};

} // namespace nfqmon
