// A process's description as the client stream carries it: a stream entry of kind Process whose
// bytes are a fixed head and the strings, sent once per client before the first packet record
// that names the process. Bounded: each string is cut to its limit.
#pragma once

#include "helper/protocol/ProcessInfo.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace nfqmon {

class ProcessCodec
{
public:
    static constexpr std::size_t MaxCommand = 15;
    static constexpr std::size_t MaxExecutable = 4096;
    static constexpr std::size_t MaxArguments = 4096;
    static constexpr std::size_t MaxCgroup = 4096;

    static std::vector<std::uint8_t> encode(const ProcessInfo &info);
    // Nothing when the bytes are not exactly one description within the limits.
    static std::optional<ProcessInfo> decode(std::span<const std::uint8_t> bytes);
};

} // namespace nfqmon
