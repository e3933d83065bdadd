#include "helper/names/QuicInitial.h"

#include "helper/names/TlsClientHello.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <initializer_list>
#include <string_view>

namespace nfqmon {

namespace {

constexpr std::uint32_t Version1 = 0x00000001;
constexpr std::uint32_t Version2 = 0x6b3343cf;
constexpr std::size_t MinimumDatagram = 1200;
constexpr std::size_t MaxConnectionId = 20;
constexpr std::size_t SampleSize = 16;
constexpr std::size_t TagSize = 16;
constexpr std::size_t MaxDatagram = 65535;
// The ClientHello is read from this much of the CRYPTO stream: enough for the server name of
// any ClientHello that fits in one Initial.
constexpr std::size_t CryptoBufferSize = 4096;

constexpr std::array<std::uint8_t, 20> Salt1 = {0x38, 0x76, 0x2c, 0xf7, 0xf5, 0x59, 0x34,
                                                0xb3, 0x4d, 0x17, 0x9a, 0xe6, 0xa4, 0xc8,
                                                0x0c, 0xad, 0xcc, 0xbb, 0x7f, 0x0a};
constexpr std::array<std::uint8_t, 20> Salt2 = {0x0d, 0xed, 0xe3, 0xde, 0xf7, 0x00, 0xa6,
                                                0xdb, 0x81, 0x93, 0x81, 0xbe, 0x6e, 0x26,
                                                0x9d, 0xcb, 0xf9, 0xbd, 0x2e, 0xd9};

struct VersionKeys {
    const std::array<std::uint8_t, 20> &salt;
    std::string_view key;
    std::string_view iv;
    std::string_view hp;
};

const VersionKeys *keysOf(std::uint32_t version, std::uint8_t first)
{
    static const VersionKeys v1{Salt1, "quic key", "quic iv", "quic hp"};
    static const VersionKeys v2{Salt2, "quicv2 key", "quicv2 iv", "quicv2 hp"};
    const unsigned type = (first >> 4) & 3;
    if (version == Version1 && type == 0)
        return &v1;
    if (version == Version2 && type == 1) // RFC 9369 §3.2: Initial is 0b01
        return &v2;
    return nullptr;
}

std::uint32_t be32(const std::uint8_t *p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// RFC 9000 §16: a variable-length integer.
bool varint(std::span<const std::uint8_t> bytes, std::size_t &at, std::uint64_t &value)
{
    if (at >= bytes.size())
        return false;
    const std::size_t length = std::size_t(1) << (bytes[at] >> 6);
    if (length > bytes.size() - at)
        return false;
    value = bytes[at] & 0x3f;
    for (std::size_t i = 1; i < length; ++i)
        value = value << 8 | bytes[at + i];
    at += length;
    return true;
}

} // namespace

// libcrypto's objects and the buffers, made once per thread. HMAC is computed here on a SHA-256
// digest context rather than through EVP_MAC or EVP_KDF, whose init also copies the key into a
// fresh allocation. Re-keying the two cipher contexts allocates nothing; what remains is inside
// libcrypto: OpenSSL 3.0 makes a new provider context at every digest init, so the key
// derivation costs ten small allocations per client Initial read (none for other packets).
struct QuicInitial::Contexts {
    EVP_MD *sha256 = nullptr;
    EVP_MD_CTX *digest = nullptr;
    EVP_CIPHER *gcm = nullptr;
    EVP_CIPHER *ecb = nullptr;
    EVP_CIPHER_CTX *aead = nullptr;
    EVP_CIPHER_CTX *mask = nullptr;
    std::array<std::uint8_t, MaxDatagram> plain;
    std::array<std::uint8_t, CryptoBufferSize> crypto;
    std::bitset<CryptoBufferSize> received;
    bool failed = false;

    Contexts()
    {
        sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        digest = EVP_MD_CTX_new();
        gcm = EVP_CIPHER_fetch(nullptr, "AES-128-GCM", nullptr);
        ecb = EVP_CIPHER_fetch(nullptr, "AES-128-ECB", nullptr);
        aead = EVP_CIPHER_CTX_new();
        mask = EVP_CIPHER_CTX_new();
        // The algorithms are bound once; each packet only sets keys.
        if (!ready() || EVP_DecryptInit_ex(aead, gcm, nullptr, nullptr, nullptr) != 1 ||
            EVP_EncryptInit_ex(mask, ecb, nullptr, nullptr, nullptr) != 1 ||
            EVP_CIPHER_CTX_set_padding(mask, 0) != 1)
            failed = true;
    }
    ~Contexts()
    {
        EVP_CIPHER_CTX_free(mask);
        EVP_CIPHER_CTX_free(aead);
        EVP_CIPHER_free(ecb);
        EVP_CIPHER_free(gcm);
        EVP_MD_CTX_free(digest);
        EVP_MD_free(sha256);
    }
    bool ready() const { return sha256 && digest && gcm && ecb && aead && mask && !failed; }

    // HMAC-SHA256 (RFC 2104) of the concatenation of `parts`; keys are at most 64 bytes here.
    bool hmac(std::span<const std::uint8_t> key,
              std::initializer_list<std::span<const std::uint8_t>> parts,
              std::array<std::uint8_t, 32> &out)
    {
        std::array<std::uint8_t, 64> pad{};
        if (key.size() > pad.size())
            return false;
        std::memcpy(pad.data(), key.data(), key.size());
        for (auto &b : pad)
            b ^= 0x36;
        unsigned length = 0;
        if (EVP_DigestInit_ex2(digest, sha256, nullptr) != 1 ||
            EVP_DigestUpdate(digest, pad.data(), pad.size()) != 1)
            return false;
        for (const auto &part : parts)
            if (EVP_DigestUpdate(digest, part.data(), part.size()) != 1)
                return false;
        if (EVP_DigestFinal_ex(digest, out.data(), &length) != 1)
            return false;
        for (auto &b : pad)
            b ^= 0x36 ^ 0x5c;
        return EVP_DigestInit_ex2(digest, sha256, nullptr) == 1 &&
               EVP_DigestUpdate(digest, pad.data(), pad.size()) == 1 &&
               EVP_DigestUpdate(digest, out.data(), out.size()) == 1 &&
               EVP_DigestFinal_ex(digest, out.data(), &length) == 1;
    }

    // HKDF-Expand-Label of TLS 1.3 (RFC 8446 §7.1) with an empty context, for at most 32 bytes:
    // one HMAC block.
    bool expandLabel(const std::array<std::uint8_t, 32> &secret, std::string_view label,
                     std::span<std::uint8_t> out)
    {
        constexpr std::string_view Prefix = "tls13 ";
        std::array<std::uint8_t, 3 + 6 + 16 + 2> info{};
        const std::size_t labelLength = Prefix.size() + label.size();
        if (out.size() > 32 || labelLength > 6 + 16)
            return false;
        std::size_t n = 0;
        info[n++] = 0;
        info[n++] = std::uint8_t(out.size());
        info[n++] = std::uint8_t(labelLength);
        for (const char c : Prefix)
            info[n++] = std::uint8_t(c);
        for (const char c : label)
            info[n++] = std::uint8_t(c);
        info[n++] = 0; // no context
        info[n++] = 1; // the first (and only) block of HKDF-Expand
        std::array<std::uint8_t, 32> block;
        if (!hmac(secret, {std::span<const std::uint8_t>(info.data(), n)}, block))
            return false;
        std::memcpy(out.data(), block.data(), out.size());
        return true;
    }
};

QuicInitial::QuicInitial() : m_contexts(std::make_unique<Contexts>()) {}

QuicInitial::~QuicInitial() = default;

bool QuicInitial::looksLikeClientInitial(std::span<const std::uint8_t> datagram)
{
    // The fixed bit (0x40) is not required: RFC 9287 lets a client clear it.
    return datagram.size() >= MinimumDatagram && (datagram[0] & 0x80) &&
           keysOf(be32(&datagram[1]), datagram[0]) != nullptr;
}

bool QuicInitial::serverName(std::span<const std::uint8_t> datagram, HostName &out)
{
    out.assign({});
    Contexts &c = *m_contexts;
    if (!c.ready() || datagram.size() > MaxDatagram || !looksLikeClientInitial(datagram))
        return false;
    const std::uint8_t first = datagram[0];
    const VersionKeys &version = *keysOf(be32(&datagram[1]), first);

    // The long header (RFC 9000 §17.2): connection ids, token, length, then the packet number.
    std::size_t at = 5;
    const std::size_t dcidLength = datagram[at++];
    if (dcidLength > MaxConnectionId)
        return false;
    const auto dcid = datagram.subspan(at, dcidLength);
    at += dcidLength;
    const std::size_t scidLength = datagram[at++];
    if (scidLength > MaxConnectionId)
        return false;
    at += scidLength;
    std::uint64_t tokenLength = 0;
    std::uint64_t length = 0;
    if (!varint(datagram, at, tokenLength) || tokenLength > datagram.size() - at)
        return false;
    at += tokenLength;
    if (!varint(datagram, at, length) || length > datagram.size() - at)
        return false;
    const std::size_t pnOffset = at;
    const std::size_t end = at + length;
    // The sample starts 4 bytes after the packet number's start (RFC 9001 §5.4.2).
    if (pnOffset + 4 + SampleSize > end)
        return false;

    // Keys (RFC 9001 §5.2): the initial secret from the DCID, then the client's.
    std::array<std::uint8_t, 32> initial;
    std::array<std::uint8_t, 32> client;
    std::array<std::uint8_t, 16> key;
    std::array<std::uint8_t, 12> iv;
    std::array<std::uint8_t, 16> hp;
    if (!c.hmac(version.salt, {dcid}, initial) || !c.expandLabel(initial, "client in", client) ||
        !c.expandLabel(client, version.key, key) || !c.expandLabel(client, version.iv, iv) ||
        !c.expandLabel(client, version.hp, hp))
        return false;

    // Header protection (RFC 9001 §5.4): the mask comes from a sample of the ciphertext.
    std::array<std::uint8_t, SampleSize + 16> mask;
    int maskLength = 0;
    if (EVP_EncryptInit_ex(c.mask, nullptr, nullptr, hp.data(), nullptr) != 1 ||
        EVP_EncryptUpdate(c.mask, mask.data(), &maskLength, &datagram[pnOffset + 4],
                          int(SampleSize)) != 1 ||
        maskLength != int(SampleSize))
        return false;
    const std::uint8_t plainFirst = first ^ (mask[0] & 0x0f);
    const std::size_t pnLength = (plainFirst & 3) + 1;
    std::array<std::uint8_t, 4> pn;
    std::uint64_t packetNumber = 0;
    for (std::size_t i = 0; i < pnLength; ++i) {
        pn[i] = datagram[pnOffset + i] ^ mask[1 + i];
        packetNumber = packetNumber << 8 | pn[i];
    }
    // The first packet of a connection: the truncated number is the number.
    std::array<std::uint8_t, 12> nonce = iv;
    for (std::size_t i = 0; i < 8; ++i)
        nonce[11 - i] ^= std::uint8_t(packetNumber >> (8 * i));

    // AES-128-GCM over the payload; the header, unprotected, is the associated data.
    const std::size_t payloadAt = pnOffset + pnLength;
    const std::size_t cipherLength = end - payloadAt - TagSize;
    std::array<std::uint8_t, TagSize> tag;
    std::memcpy(tag.data(), &datagram[end - TagSize], TagSize);
    int written = 0;
    int finalWritten = 0;
    if (EVP_DecryptInit_ex(c.aead, nullptr, nullptr, key.data(), nonce.data()) != 1 ||
        EVP_DecryptUpdate(c.aead, nullptr, &written, &plainFirst, 1) != 1 ||
        EVP_DecryptUpdate(c.aead, nullptr, &written, &datagram[1], int(pnOffset - 1)) != 1 ||
        EVP_DecryptUpdate(c.aead, nullptr, &written, pn.data(), int(pnLength)) != 1 ||
        EVP_DecryptUpdate(c.aead, c.plain.data(), &written, &datagram[payloadAt],
                          int(cipherLength)) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.aead, EVP_CTRL_GCM_SET_TAG, int(TagSize), tag.data()) != 1 ||
        EVP_DecryptFinal_ex(c.aead, c.plain.data() + written, &finalWritten) != 1)
        return false;
    const std::span<const std::uint8_t> payload(c.plain.data(), cipherLength);

    // The frames an Initial may carry (RFC 9000 §17.2.2); CRYPTO data is put back in order.
    c.received.reset();
    at = 0;
    while (at < payload.size()) {
        std::uint64_t type = 0;
        if (!varint(payload, at, type))
            break;
        if (type == 0x00 || type == 0x01) // PADDING, PING
            continue;
        if (type == 0x02 || type == 0x03) { // ACK, ACK with ECN counts
            std::uint64_t v = 0;
            std::uint64_t ranges = 0;
            bool ok = varint(payload, at, v) && varint(payload, at, v) &&
                      varint(payload, at, ranges) && varint(payload, at, v);
            // Every range takes at least two bytes, so the count cannot make this loop long.
            for (std::uint64_t i = 0; ok && i < ranges; ++i)
                ok = varint(payload, at, v) && varint(payload, at, v);
            if (ok && type == 0x03)
                ok = varint(payload, at, v) && varint(payload, at, v) && varint(payload, at, v);
            if (!ok)
                break;
            continue;
        }
        if (type != 0x06) // CRYPTO; anything else ends the reading
            break;
        std::uint64_t offset = 0;
        std::uint64_t dataLength = 0;
        if (!varint(payload, at, offset) || !varint(payload, at, dataLength) ||
            dataLength > payload.size() - at)
            break;
        if (offset < CryptoBufferSize) {
            const std::size_t take = std::min<std::uint64_t>(dataLength, CryptoBufferSize - offset);
            std::memcpy(c.crypto.data() + offset, payload.data() + at, take);
            for (std::size_t i = 0; i < take; ++i)
                c.received.set(std::size_t(offset) + i);
        }
        at += dataLength;
    }
    std::size_t contiguous = 0;
    while (contiguous < CryptoBufferSize && c.received.test(contiguous))
        ++contiguous;
    return TlsClientHello::serverNameOfHandshake(
        std::span<const std::uint8_t>(c.crypto.data(), contiguous), out);
}

} // namespace nfqmon
