// The comment a pcapng packet carries for its verdict, the same from the helper's dumps and the
// window's export: "accepted", "dropped", or with the rule that decided, "dropped by rule 2".
// Written into a caller's buffer: the dump thread makes one per packet.
#pragma once

#include "helper/protocol/PacketRecord.h"

#include <array>
#include <charconv>
#include <cstring>
#include <string_view>

namespace nfqmon {

using VerdictCommentBuffer = std::array<char, 32>;

// ruleId: the rule that decided (as the table shows it), -1 for the default policy.
inline std::string_view verdictComment(Verdict verdict, std::int32_t ruleId,
                                       VerdictCommentBuffer &buffer)
{
    const std::string_view word = verdict == Verdict::Drop ? "dropped" : "accepted";
    std::memcpy(buffer.data(), word.data(), word.size());
    std::size_t length = word.size();
    if (ruleId >= 0) {
        constexpr std::string_view by = " by rule ";
        std::memcpy(buffer.data() + length, by.data(), by.size());
        length += by.size();
        const auto end =
            std::to_chars(buffer.data() + length, buffer.data() + buffer.size(), ruleId);
        length = std::size_t(end.ptr - buffer.data());
    }
    return {buffer.data(), length};
}

} // namespace nfqmon
