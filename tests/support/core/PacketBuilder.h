// Builds the L3 packets that NFQUEUE delivers (IPv4/IPv6, no link header) for tests.
//
//   using namespace nfqmon::test;
//   QByteArray syn = PacketBuilder::ipv4("10.0.0.1", "10.0.0.2", PacketBuilder::Tcp,
//                                        PacketBuilder::tcp(5512, 443, TcpFlag::Syn));
//   QByteArray frag = PacketBuilder::ipv6("2001:db8::1", "2001:db8::2", PacketBuilder::Udp,
//                                         PacketBuilder::udp(5353, 53, "query"),
//                                         {PacketBuilder::fragment(0, true, 0x1234)});
//   PacketDecoder::summarize(PacketBuilder::bytes(syn));
//
// Lengths are always filled in: IPv4 total length and header checksum, IPv6 payload length,
// extension header lengths and next-header chains, UDP length, TCP data offset. The TCP, UDP,
// UDP-Lite and ICMPv6 checksums are computed by ipv4()/ipv6() (they need the addresses) unless
// the packet is a fragment, where they cover bytes the builder does not have; the ICMP checksum
// is computed by icmpEcho()/icmp(). Tests that want broken packets patch bytes afterwards
// (setBe16() helps) or cut them with QByteArray::left().
#pragma once

#include "helper/protocol/IpProtocol.h"
#include <QByteArray>

#include <QList>

#include <cstdint>
#include <span>

namespace nfqmon::test::PacketBuilder {

// IP protocol numbers, as PacketBuilder::Tcp and so on.
using namespace nfqmon::IpProtocol;

struct Ipv4Options {
    std::uint8_t ttl = 64;
    std::uint8_t tos = 0; // DSCP << 2 | ECN
    std::uint16_t id = 0x1234;
    bool dontFragment = false;
    bool moreFragments = false;
    std::uint16_t fragmentOffset = 0; // in bytes; must be a multiple of 8
    QByteArray options;               // IPv4 options, padded with End-of-list to 4 bytes
};

// `src`/`dst` in dotted form; aborts the test on a bad address.
QByteArray ipv4(const char *src, const char *dst, std::uint8_t protocol, const QByteArray &payload,
                const Ipv4Options &options = {});

// One IPv6 extension header, whole: byte 0 (next header) is filled in by ipv6().
struct Extension {
    std::uint8_t type = HopByHop;
    QByteArray bytes;
};
// Hop-by-Hop / Destination Options with the given option TLVs, padded (PadN/Pad1) to 8 bytes.
Extension hopByHop(const QByteArray &options = {});
Extension destinationOptions(const QByteArray &options = {});
// Routing header of `type` with `segmentsLeft` and `data` (padded to 8 bytes) after byte 4.
Extension routing(std::uint8_t type, std::uint8_t segmentsLeft, const QByteArray &data = {});
// Fragment header: `offset` in bytes (multiple of 8), M flag, identification.
Extension fragment(std::uint16_t offset, bool more, std::uint32_t id);
// Authentication Header with a zero ICV of `icvLength` bytes (multiple of 4; 4 keeps IPv6's
// 8-byte alignment).
Extension authentication(std::uint32_t spi, std::uint32_t sequence, int icvLength = 4);

struct Ipv6Options {
    std::uint8_t hopLimit = 64;
    std::uint8_t trafficClass = 0;
    std::uint32_t flowLabel = 0;
};

// `protocol` is the upper-layer protocol after the last extension header.
QByteArray ipv6(const char *src, const char *dst, std::uint8_t protocol, const QByteArray &payload,
                const QList<Extension> &extensions = {}, const Ipv6Options &options = {});

// Transport headers (checksums left zero; ipv4()/ipv6() fill them in).
QByteArray tcp(std::uint16_t sport, std::uint16_t dport, std::uint8_t flags,
               std::uint32_t seq = 1000, std::uint32_t ack = 0, const QByteArray &options = {},
               const QByteArray &payload = {}, std::uint16_t window = 64240);
QByteArray udp(std::uint16_t sport, std::uint16_t dport, const QByteArray &payload = {});
QByteArray udpLite(std::uint16_t sport, std::uint16_t dport, std::uint16_t coverage,
                   const QByteArray &payload = {});
// SCTP common header (zero CRC32c) followed by `chunks`.
QByteArray sctp(std::uint16_t sport, std::uint16_t dport, std::uint32_t tag,
                const QByteArray &chunks = {});
// DCCP generic header with the 48-bit sequence number (X = 1, 16 bytes), `type` 0..9.
QByteArray dccp(std::uint16_t sport, std::uint16_t dport, std::uint8_t type,
                const QByteArray &payload = {});
// ICMP with its checksum computed; icmpEcho: type 8 (request) or 0 (reply).
QByteArray icmp(std::uint8_t type, std::uint8_t code, std::uint32_t rest = 0,
                const QByteArray &payload = {});
QByteArray icmpEcho(bool reply, std::uint16_t id, std::uint16_t sequence,
                    const QByteArray &payload = {});
// ICMPv6 (checksum filled in by ipv6()); icmpv6Echo: type 128 (request) or 129 (reply).
QByteArray icmpv6(std::uint8_t type, std::uint8_t code, std::uint32_t rest = 0,
                  const QByteArray &payload = {});
QByteArray icmpv6Echo(bool reply, std::uint16_t id, std::uint16_t sequence,
                      const QByteArray &payload = {});
// ESP: SPI, sequence number, then `data` as the opaque encrypted part.
QByteArray esp(std::uint32_t spi, std::uint32_t sequence, const QByteArray &data = {});

// Writes a big-endian 16-bit value at `offset` (for breaking lengths on purpose).
void setBe16(QByteArray &packet, int offset, std::uint16_t value);

// The packet as the decoder's input type; valid while `packet` lives and is not changed.
inline std::span<const std::uint8_t> bytes(const QByteArray &packet)
{
    return {reinterpret_cast<const std::uint8_t *>(packet.constData()),
            static_cast<std::size_t>(packet.size())};
}

} // namespace nfqmon::test::PacketBuilder
