// A host name as the parsers hand it out: a fixed buffer, so that learning names on the packet
// path allocates nothing. Normalised: ASCII lower case, no trailing dot, only the bytes a host
// name may show (letters, digits, '-', '_', '.', at most 253 of them, no empty label); a name
// that has anything else is not a host name and is not learned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nfqmon {

inline constexpr std::size_t MaxHostNameLength = 253;

struct HostName {
    char text[MaxHostNameLength + 1] = {}; // NUL-terminated
    std::uint8_t length = 0;

    std::string_view view() const { return {text, length}; }
    bool empty() const { return length == 0; }
    // Normalises `raw` into this name (see above): false, and empty, when it is not one. A
    // dotted-quad or other address literal is not a host name either.
    bool assign(std::string_view raw);
};

} // namespace nfqmon
