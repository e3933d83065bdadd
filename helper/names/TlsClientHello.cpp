#include "helper/names/TlsClientHello.h"

#include <algorithm>
#include <string_view>

namespace nfqmon {

namespace {

constexpr std::uint8_t ContentHandshake = 22;
constexpr std::uint8_t HandshakeClientHello = 1;
constexpr std::uint16_t ExtensionServerName = 0;
constexpr std::uint8_t NameTypeHostName = 0;
// A record's fragment is at most 2^14 bytes (RFC 8446 §5.1); some stacks allow a little more
// for ciphertext, never for a ClientHello.
constexpr std::size_t MaxRecordLength = 16384 + 2048;

// Reads big-endian fields within a span; every read says whether the bytes were there.
class Reader
{
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}

    std::size_t left() const { return m_bytes.size() - m_at; }
    bool skip(std::size_t n)
    {
        if (n > left())
            return false;
        m_at += n;
        return true;
    }
    bool number(std::size_t bytes, std::size_t &value)
    {
        if (bytes > left())
            return false;
        value = 0;
        for (std::size_t i = 0; i < bytes; ++i)
            value = value << 8 | m_bytes[m_at++];
        return true;
    }
    // A vector with a length prefix of `bytes` bytes: its contents, which must be whole.
    bool vector(std::size_t bytes, std::span<const std::uint8_t> &contents)
    {
        std::size_t length = 0;
        if (!number(bytes, length) || length > left())
            return false;
        contents = m_bytes.subspan(m_at, length);
        m_at += length;
        return true;
    }
    // The rest, up to `length` bytes of it: what a message cut short still holds.
    std::span<const std::uint8_t> upTo(std::size_t length) const
    {
        return m_bytes.subspan(m_at, std::min(length, left()));
    }

private:
    std::span<const std::uint8_t> m_bytes;
    std::size_t m_at = 0;
};

bool hostNameOf(std::span<const std::uint8_t> extension, HostName &out)
{
    Reader reader(extension);
    std::span<const std::uint8_t> list;
    if (!reader.vector(2, list))
        return false;
    Reader names(list);
    while (names.left()) {
        std::size_t type = 0;
        std::span<const std::uint8_t> name;
        if (!names.number(1, type) || !names.vector(2, name))
            return false;
        if (type == NameTypeHostName)
            return out.assign(
                std::string_view(reinterpret_cast<const char *>(name.data()), name.size()));
    }
    return false;
}

} // namespace

bool TlsClientHello::serverName(std::span<const std::uint8_t> record, HostName &out)
{
    out.assign({});
    if (record.size() < 5 || record[0] != ContentHandshake || record[1] != 3 || record[2] < 1 ||
        record[2] > 4)
        return false;
    const std::size_t length = std::size_t(record[3]) << 8 | record[4];
    if (length > MaxRecordLength)
        return false;
    // Only the first record: a ClientHello continued in a second one is read as cut short.
    return serverNameOfHandshake(record.subspan(5, std::min(length, record.size() - 5)), out);
}

bool TlsClientHello::serverNameOfHandshake(std::span<const std::uint8_t> handshake, HostName &out)
{
    out.assign({});
    Reader message(handshake);
    std::size_t type = 0;
    std::size_t length = 0;
    if (!message.number(1, type) || type != HandshakeClientHello || !message.number(3, length))
        return false;
    Reader hello(message.upTo(length));
    std::size_t version = 0;
    std::span<const std::uint8_t> skipped;
    if (!hello.number(2, version) || version >> 8 != 3 || !hello.skip(32) || // random
        !hello.vector(1, skipped) ||                                         // session id
        !hello.vector(2, skipped) ||                                         // cipher suites
        !hello.vector(1, skipped))                                           // compression
        return false;
    std::size_t extensionsLength = 0;
    if (!hello.number(2, extensionsLength))
        return false;
    Reader extensions(hello.upTo(extensionsLength));
    while (extensions.left()) {
        std::size_t extensionType = 0;
        std::span<const std::uint8_t> data;
        if (!extensions.number(2, extensionType) || !extensions.vector(2, data))
            return false; // cut inside an extension: the name is not within the bytes
        if (extensionType == ExtensionServerName)
            return hostNameOf(data, out);
    }
    return false;
}

} // namespace nfqmon
