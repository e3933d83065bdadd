#include "tests/support/core/QuicInitialBuilder.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace nfqmon::test::QuicInitialBuilder {

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "QuicInitialBuilder: %s failed\n", what);
    std::abort();
}

struct KdfDeleter {
    void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); }
};
struct CipherDeleter {
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};

// HKDF (RFC 5869) through libcrypto's EVP_KDF: mode is EXTRACT_ONLY or EXPAND_ONLY.
Bytes hkdf(int mode, const Bytes &key, const Bytes &saltOrInfo, std::size_t length)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf));
    EVP_KDF_free(kdf);
    char digest[] = "SHA256";
    const bool extract = mode == EVP_KDF_HKDF_MODE_EXTRACT_ONLY;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                          const_cast<std::uint8_t *>(key.data()), key.size()),
        OSSL_PARAM_construct_octet_string(extract ? OSSL_KDF_PARAM_SALT : OSSL_KDF_PARAM_INFO,
                                          const_cast<std::uint8_t *>(saltOrInfo.data()),
                                          saltOrInfo.size()),
        OSSL_PARAM_construct_end(),
    };
    Bytes out(length);
    if (!ctx || EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        fail("HKDF");
    return out;
}

Bytes expandLabel(const Bytes &secret, std::string_view label, std::size_t length)
{
    const std::string full = "tls13 " + std::string(label);
    Bytes info = {std::uint8_t(length >> 8), std::uint8_t(length), std::uint8_t(full.size())};
    info.insert(info.end(), full.begin(), full.end());
    info.push_back(0);
    return hkdf(EVP_KDF_HKDF_MODE_EXPAND_ONLY, secret, info, length);
}

void appendVarint(Bytes &out, std::uint64_t v)
{
    if (v < 64) {
        out.push_back(std::uint8_t(v));
    } else if (v < 16384) {
        out.push_back(std::uint8_t(0x40 | v >> 8));
        out.push_back(std::uint8_t(v));
    } else {
        for (int i = 3; i >= 0; --i)
            out.push_back(std::uint8_t((i == 3 ? 0x80 : 0) | (v >> (8 * i))));
    }
}

void append16(Bytes &out, std::size_t v)
{
    out.push_back(std::uint8_t(v >> 8));
    out.push_back(std::uint8_t(v));
}

Bytes cipher(const char *name, bool gcm, const Bytes &key, const Bytes &iv, const Bytes &aad,
             const Bytes &in, Bytes *tag)
{
    std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter> ctx(EVP_CIPHER_CTX_new());
    EVP_CIPHER *type = EVP_CIPHER_fetch(nullptr, name, nullptr);
    const bool ok = EVP_EncryptInit_ex(ctx.get(), type, nullptr, key.data(),
                                       iv.empty() ? nullptr : iv.data()) == 1;
    EVP_CIPHER_free(type);
    Bytes out(in.size() + 16);
    int n = 0;
    int total = 0;
    if (!ok || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
        (gcm && EVP_EncryptUpdate(ctx.get(), nullptr, &n, aad.data(), int(aad.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), out.data(), &n, in.data(), int(in.size())) != 1)
        fail(name);
    total = n;
    if (EVP_EncryptFinal_ex(ctx.get(), out.data() + total, &n) != 1)
        fail(name);
    out.resize(std::size_t(total + n));
    if (tag) {
        tag->resize(16);
        if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag->data()) != 1)
            fail("GCM tag");
    }
    return out;
}

} // namespace

Bytes fromHex(std::string_view hex)
{
    Bytes out;
    int high = -1;
    for (const char c : hex) {
        int v = -1;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        if (v < 0)
            continue;
        if (high < 0) {
            high = v;
        } else {
            out.push_back(std::uint8_t(high << 4 | v));
            high = -1;
        }
    }
    return out;
}

Bytes protect(const Packet &packet)
{
    const bool v2 = packet.version == Version::V2;
    const unsigned pnLength = packet.packetNumberLength;
    if (pnLength < 1 || pnLength > 4)
        return {};
    Bytes header;
    // Long header, fixed bit, Initial type (v1 0b00, v2 0b01), packet number length.
    header.push_back(std::uint8_t(0xc0 | (v2 ? 0x10 : 0x00) | (pnLength - 1)));
    const std::uint32_t version = v2 ? 0x6b3343cf : 0x00000001;
    for (int i = 3; i >= 0; --i)
        header.push_back(std::uint8_t(version >> (8 * i)));
    header.push_back(std::uint8_t(packet.dcid.size()));
    header.insert(header.end(), packet.dcid.begin(), packet.dcid.end());
    header.push_back(std::uint8_t(packet.scid.size()));
    header.insert(header.end(), packet.scid.begin(), packet.scid.end());
    appendVarint(header, packet.token.size());
    header.insert(header.end(), packet.token.begin(), packet.token.end());
    // Length in two bytes, as RFC 9001's example writes it.
    const std::size_t fixed = header.size() + 2 + pnLength + 16;
    if (fixed + packet.frames.size() > packet.datagramSize)
        return {};
    Bytes payload = packet.frames;
    payload.resize(packet.datagramSize - fixed, 0x00); // PADDING
    const std::size_t length = pnLength + payload.size() + 16;
    if (length >= 16384)
        return {};
    append16(header, 0x4000 | length);
    const std::size_t pnOffset = header.size();
    for (int i = int(pnLength) - 1; i >= 0; --i)
        header.push_back(std::uint8_t(packet.packetNumber >> (8 * i)));

    const Bytes salt = fromHex(v2 ? "0dede3def700a6db819381be6e269dcbf9bd2ed9"
                                  : "38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    const Bytes initial = hkdf(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, packet.dcid, salt, 32);
    const Bytes client = expandLabel(initial, "client in", 32);
    const Bytes key = expandLabel(client, v2 ? "quicv2 key" : "quic key", 16);
    Bytes nonce = expandLabel(client, v2 ? "quicv2 iv" : "quic iv", 12);
    const Bytes hp = expandLabel(client, v2 ? "quicv2 hp" : "quic hp", 16);
    for (int i = 0; i < 8; ++i)
        nonce[11 - std::size_t(i)] ^= std::uint8_t(std::uint64_t(packet.packetNumber) >> (8 * i));

    Bytes tag;
    Bytes sealed = cipher("AES-128-GCM", true, key, nonce, header, payload, &tag);
    sealed.insert(sealed.end(), tag.begin(), tag.end());
    Bytes datagram = header;
    datagram.insert(datagram.end(), sealed.begin(), sealed.end());

    const Bytes sample(datagram.begin() + long(pnOffset + 4),
                       datagram.begin() + long(pnOffset + 20));
    const Bytes mask = cipher("AES-128-ECB", false, hp, {}, {}, sample, nullptr);
    datagram[0] ^= mask[0] & 0x0f;
    for (std::size_t i = 0; i < pnLength; ++i)
        datagram[pnOffset + i] ^= mask[1 + i];
    return datagram;
}

Bytes clientHello(std::string_view serverName)
{
    Bytes sni;
    append16(sni, serverName.size() + 3); // server_name_list
    sni.push_back(0);                     // host_name
    append16(sni, serverName.size());
    sni.insert(sni.end(), serverName.begin(), serverName.end());

    Bytes extensions;
    append16(extensions, 0x0000); // server_name
    append16(extensions, sni.size());
    extensions.insert(extensions.end(), sni.begin(), sni.end());
    for (const std::uint8_t b : {0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04}) // supported_versions
        extensions.push_back(b);

    Bytes body = {0x03, 0x03};        // legacy_version
    body.resize(body.size() + 32, 7); // random
    body.push_back(0);                // legacy_session_id
    for (const std::uint8_t b :
         {0x00, 0x02, 0x13, 0x01, 0x01, 0x00}) // TLS_AES_128_GCM_SHA256; null
        body.push_back(b);
    append16(body, extensions.size());
    body.insert(body.end(), extensions.begin(), extensions.end());

    Bytes message = {0x01, 0x00};
    append16(message, body.size());
    message.insert(message.end(), body.begin(), body.end());
    return message;
}

Bytes cryptoFrame(std::uint64_t offset, std::span<const std::uint8_t> data)
{
    Bytes frame = {0x06};
    appendVarint(frame, offset);
    appendVarint(frame, data.size());
    frame.insert(frame.end(), data.begin(), data.end());
    return frame;
}

Bytes clientInitial(Version version, std::string_view serverName, bool outOfOrder)
{
    const Bytes hello = clientHello(serverName);
    Packet packet;
    packet.version = version;
    if (outOfOrder) {
        const std::size_t half = hello.size() / 2;
        const std::span<const std::uint8_t> all(hello);
        packet.frames = cryptoFrame(half, all.subspan(half));
        packet.frames.push_back(0x01); // PING between them, as browsers send
        const Bytes first = cryptoFrame(0, all.first(half));
        packet.frames.insert(packet.frames.end(), first.begin(), first.end());
    } else {
        packet.frames = cryptoFrame(0, hello);
    }
    return protect(packet);
}

} // namespace nfqmon::test::QuicInitialBuilder
