// Builds QUIC client Initial datagrams for tests, protected as a client would (RFC 9001 §5,
// RFC 9369 for v2), with libcrypto's own HKDF: an implementation apart from the helper's.
//
//   using namespace nfqmon::test;
//   auto datagram = QuicInitialBuilder::clientInitial(QuicInitialBuilder::Version::V1,
//                                                     "a.example.test");
//
// Plain C++ (no Qt), so that the fuzz build can compile it into its targets too.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace nfqmon::test::QuicInitialBuilder {

using Bytes = std::vector<std::uint8_t>;

enum class Version { V1, V2 };

struct Packet {
    Version version = Version::V1;
    Bytes dcid = {0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57, 0x08};
    Bytes scid;
    Bytes token;
    std::uint32_t packetNumber = 0;
    unsigned packetNumberLength = 4; // 1 to 4 bytes
    Bytes frames;                    // followed by PADDING up to datagramSize
    std::size_t datagramSize = 1200;
};

// The protected datagram. Empty when the frames do not fit.
Bytes protect(const Packet &packet);

// A minimal TLS 1.3 ClientHello handshake message (no record layer) naming `serverName`.
Bytes clientHello(std::string_view serverName);
// A CRYPTO frame carrying `data` at `offset` of the stream.
Bytes cryptoFrame(std::uint64_t offset, std::span<const std::uint8_t> data);
// A client's first Initial with clientHello(serverName). `outOfOrder`: the ClientHello in two
// CRYPTO frames, its second half first.
Bytes clientInitial(Version version, std::string_view serverName, bool outOfOrder = false);

// "0a1b…" to bytes (whitespace skipped); test vectors are written so.
Bytes fromHex(std::string_view hex);

} // namespace nfqmon::test::QuicInitialBuilder
