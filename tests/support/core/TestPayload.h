// The bytes of test traffic, shared by the sender tool (plain C++) and the tests, so that a test
// can check byte for byte what reached a receiver or a dump file without being told.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace nfqmon::test {

struct TestPayload {
    // Room for the tag that makes every payload of a test unique.
    static constexpr std::size_t MinimumSize = 8;

    // Payload number `index` of flow `seed`: "NQ", seed (2 bytes), index (4 bytes), then a
    // pattern that depends on all three, `size` bytes in all (at least MinimumSize).
    static std::string make(std::uint16_t seed, std::uint32_t index, std::size_t size)
    {
        if (size < MinimumSize)
            size = MinimumSize;
        std::string bytes(size, '\0');
        bytes[0] = 'N';
        bytes[1] = 'Q';
        bytes[2] = char(seed >> 8);
        bytes[3] = char(seed & 0xff);
        for (int shift = 0; shift < 4; ++shift)
            bytes[std::size_t(4 + shift)] = char((index >> (24 - 8 * shift)) & 0xff);
        for (std::size_t i = MinimumSize; i < size; ++i)
            bytes[i] = char((i * 7 + index * 13 + seed * 31) & 0xff);
        return bytes;
    }
};

} // namespace nfqmon::test
