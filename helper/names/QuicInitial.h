// The server name of a QUIC client's Initial packet (QUIC v1, RFC 9000/9001, and v2, RFC 9369):
// the packet is protected with keys derived from its destination connection id (RFC 9001
// §5.2), so anyone can remove the protection and read the ClientHello in its CRYPTO frames.
// Only the first Initial of a UDP datagram is read, and only the CRYPTO data of that one packet
// (frames in any order, put back together from offset 0): a ClientHello whose server name lies
// beyond the first packet is not named.
//
// One object per thread: it keeps its cipher contexts (OpenSSL's libcrypto), so a packet costs
// no allocation. Reads only within the datagram.
#pragma once

#include "helper/names/HostName.h"

#include <cstdint>
#include <memory>
#include <span>

namespace nfqmon {

class QuicInitial
{
public:
    QuicInitial();
    ~QuicInitial();
    QuicInitial(const QuicInitial &) = delete;
    QuicInitial &operator=(const QuicInitial &) = delete;

    // Cheap check on the first bytes: a long-header Initial of a version this reads, in a
    // datagram of at least 1200 bytes (a client pads its Initials to that, RFC 9000 §14.1).
    static bool looksLikeClientInitial(std::span<const std::uint8_t> datagram);
    // `datagram`: a UDP payload. False when it is not a client Initial this can read, or its
    // ClientHello names no server within the packet.
    bool serverName(std::span<const std::uint8_t> datagram, HostName &out);

private:
    struct Contexts;
    std::unique_ptr<Contexts> m_contexts;
};

} // namespace nfqmon
