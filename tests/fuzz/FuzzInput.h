// Reads a fuzzer's input as a sequence of choices (bytes, small numbers, strings), so that one
// input drives a structured value such as an a{sv} map. Running out of input yields zeros and
// empty strings: every input is a valid program of choices.
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// A property of the target that an input broke: says which, then aborts (libFuzzer saves the
// input as a crash).
#define NFQMON_FUZZ_CHECK(condition)                                                               \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace nfqmon::fuzz {

class FuzzInput
{
public:
    FuzzInput(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}

    bool empty() const { return m_at >= m_size; }
    std::uint8_t byte() { return empty() ? 0 : m_data[m_at++]; }
    std::uint32_t number32()
    {
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
            value = value << 8 | byte();
        return value;
    }
    // A string of up to 255 bytes (the length comes first).
    QByteArray bytes()
    {
        const std::size_t length = byte();
        const std::size_t take = length < m_size - m_at ? length : m_size - m_at;
        QByteArray out(reinterpret_cast<const char *>(m_data + m_at), qsizetype(take));
        m_at += take;
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

} // namespace nfqmon::fuzz
