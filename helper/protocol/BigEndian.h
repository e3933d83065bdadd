// Network byte order reads from a packet; the caller has checked that the bytes are present.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace nfqmon::BigEndian {

inline std::uint16_t read16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

inline std::uint32_t read32(std::span<const std::uint8_t> b, std::size_t at)
{
    return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 |
           std::uint32_t{b[at + 2]} << 8 | std::uint32_t{b[at + 3]};
}

} // namespace nfqmon::BigEndian
