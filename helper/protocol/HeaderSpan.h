// Where one header of a packet lies: its kind and the bytes of it that are present (also when it
// is cut off).
#pragma once

#include "helper/protocol/HeaderKind.h"

#include <cstddef>

namespace nfqmon {

struct HeaderSpan {
    HeaderKind kind = HeaderKind::IPv4;
    std::size_t offset = 0; // where the header starts in the packet
    std::size_t length = 0; // how many bytes of it are present, never 0
};

} // namespace nfqmon
