// A hash of a few 64-bit words from a seed of this process, for the packet path's tables keyed by
// flows: one multiply and shift a word, where byte-wise FNV-1a (a dependent multiply a byte) was
// the helper's costliest function at saturation (README, "Performance"). The seed keeps the
// buckets a sender cannot choose.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nfqmon {

std::uint64_t processHashSeed();

// `size` bytes at `data`, a multiple of 8.
inline std::size_t seededHash(const void *data, std::size_t size)
{
    static const std::uint64_t seed = processHashSeed();
    std::uint64_t hash = seed;
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i + sizeof(std::uint64_t) <= size; i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, sizeof word);
        hash = (hash ^ word) * 0x9e3779b97f4a7c15ull;
        hash ^= hash >> 29;
    }
    return std::size_t(hash);
}

} // namespace nfqmon
