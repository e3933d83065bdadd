// The tables that name protocol numbers (ICMP types, option types ...): a number and its name,
// marked with QT_TRANSLATE_NOOP where a person reads it in their language.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nfqmon {

struct NumberName {
    std::uint8_t number;
    const char *text;

    // The name of `number` in `table`, or nullptr.
    template <std::size_t N> static const char *find(const NumberName (&table)[N], unsigned number)
    {
        for (const NumberName &entry : table) {
            if (entry.number == number)
                return entry.text;
        }
        return nullptr;
    }
};

} // namespace nfqmon
