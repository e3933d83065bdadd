// ifindex -> name for the queue threads without a syscall per packet; refreshed every second so
// renamed or re-created interfaces show their current names. Two lookups per packet: a small
// direct-mapped front answers them with one comparison, the map behind it when indexes collide.
#pragma once

#include <net/if.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace nfqmon {

class InterfaceNameCache
{
public:
    // Empty for index 0 (no interface); "if<N>" when the index is unknown.
    std::string_view name(std::uint32_t index, std::int64_t nowNs);

private:
    struct Entry {
        std::uint32_t index = 0; // 0: empty
        std::uint32_t length = 0;
        char name[IF_NAMESIZE] = {};
    };
    const std::string &lookUp(std::uint32_t index);

    std::array<Entry, 64> m_front{};
    std::unordered_map<std::uint32_t, std::string> m_names;
    std::int64_t m_filledAtNs = 0;
};

} // namespace nfqmon
