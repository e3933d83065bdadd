// The server name (SNI) a TLS ClientHello asks for, from the payload of one TCP segment. A
// ClientHello larger than the segment is read as far as the segment goes: the name is found
// when its extension is within it. Reads only within the payload, allocates nothing.
#pragma once

#include "helper/names/HostName.h"

#include <cstdint>
#include <span>

namespace nfqmon {

class TlsClientHello
{
public:
    // `record`: bytes that start with a TLS record (content type 22, handshake) holding a
    // ClientHello. False when they do not, or it has no host_name server name.
    static bool serverName(std::span<const std::uint8_t> record, HostName &out);
    // The same, for a ClientHello handshake message itself (type 1, 3-byte length, body), as
    // QUIC's CRYPTO frames carry it (no record layer). Also reads a message cut short.
    static bool serverNameOfHandshake(std::span<const std::uint8_t> handshake, HostName &out);
};

} // namespace nfqmon
