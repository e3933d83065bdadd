#include "helper/engine/InterfaceNameCache.h"

#include <net/if.h>

namespace nfqmon {

std::string_view InterfaceNameCache::name(std::uint32_t index, std::int64_t nowNs)
{
    if (index == 0)
        return {};
    if (nowNs - m_filledAtNs > 1'000'000'000) {
        m_names.clear();
        m_filledAtNs = nowNs;
    }
    auto it = m_names.find(index);
    if (it == m_names.end()) {
        char buffer[IF_NAMESIZE] = {};
        std::string text =
            if_indextoname(index, buffer) ? std::string(buffer) : "if" + std::to_string(index);
        it = m_names.emplace(index, std::move(text)).first;
    }
    return it->second;
}

} // namespace nfqmon
