// ifindex -> name for the queue threads without a syscall per packet; refreshed every second so
// renamed or re-created interfaces show their current names.
#pragma once

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
    std::unordered_map<std::uint32_t, std::string> m_names;
    std::int64_t m_filledAtNs = 0;
};

} // namespace nfqmon
