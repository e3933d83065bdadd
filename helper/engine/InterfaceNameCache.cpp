#include "helper/engine/InterfaceNameCache.h"

#include <algorithm>
#include <cstring>

namespace nfqmon {

std::string_view InterfaceNameCache::name(std::uint32_t index, std::int64_t nowNs)
{
    if (index == 0)
        return {};
    if (nowNs - m_filledAtNs > 1'000'000'000) {
        m_front = {};
        m_names.clear();
        m_filledAtNs = nowNs;
    }
    Entry &entry = m_front[index % m_front.size()];
    if (entry.index != index) {
        const std::string &text = lookUp(index);
        entry.index = index;
        entry.length = static_cast<std::uint32_t>(std::min(text.size(), sizeof entry.name - 1));
        std::memcpy(entry.name, text.data(), entry.length);
    }
    return {entry.name, entry.length};
}

const std::string &InterfaceNameCache::lookUp(std::uint32_t index)
{
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
