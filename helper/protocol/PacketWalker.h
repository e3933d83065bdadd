// The walk over the headers of one L3 packet (IPv4 or IPv6, no link-layer header) that both
// PacketDecoder entry points run: the packet path's summary and the detail view's headers come
// from the same code, so they cannot disagree about where a header starts or what is missing.
// Each header's fixed part is checked against the bytes present and the IP length fields before
// it is read, so no input makes it read outside the packet.
#pragma once

#include "helper/protocol/BigEndian.h"
#include "helper/protocol/DecodeIssue.h"
#include "helper/protocol/HeaderKind.h"
#include "helper/protocol/IpProtocol.h"
#include "helper/protocol/PacketSummary.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace nfqmon {

// `sink(HeaderKind, offset, length)` is called for every header met, with the bytes of it that
// are present (also when it is cut off), in packet order. A template, so that the summary's walk,
// whose sink ignores the headers, compiles to no more than the walk itself.
template <typename Sink> class PacketWalker
{
public:
    PacketWalker(std::span<const std::uint8_t> packet, Sink &sink) : m_buf(packet), m_sink(sink) {}

    // One walk over the packet (PacketDecoder::summarize says what `delivered` and the IP
    // length fields mean); issue() then says why it stopped early, if it did.
    PacketSummary run(NetworkProtocol delivered)
    {
        if (m_buf.empty()) {
            fail(DecodeIssue::Kind::Empty, Missing::NetworkHeader);
            return m_s;
        }
        const int version = m_buf[0] >> 4;
        if (delivered != NetworkProtocol::Unknown && version != static_cast<int>(delivered)) {
            fail(DecodeIssue::Kind::VersionMismatch, Missing::Malformed);
            m_issue.value = static_cast<std::uint32_t>(version);
            m_issue.need = static_cast<std::uint32_t>(delivered);
            return m_s;
        }
        m_end = m_buf.size();
        if (version == 4)
            ipv4();
        else if (version == 6)
            ipv6();
        else {
            fail(DecodeIssue::Kind::NotIp, Missing::NetworkHeader);
            m_issue.value = static_cast<std::uint32_t>(version);
        }
        if (m_stated != Unstated && m_stated < m_buf.size())
            visit(HeaderKind::Trailer, m_stated, m_buf.size() - m_stated);
        return m_s;
    }

    const DecodeIssue &issue() const { return m_issue; }

private:
    static constexpr std::size_t Unstated = std::numeric_limits<std::size_t>::max();

    bool present(std::size_t at, std::size_t n) const { return at <= m_end && n <= m_end - at; }
    std::size_t available(std::size_t at) const { return at < m_end ? m_end - at : 0; }

    void fail(DecodeIssue::Kind kind, Missing missing, HeaderKind header = HeaderKind::IPv4,
              std::size_t need = 0, std::size_t have = 0)
    {
        m_s.missing = missing;
        m_issue.kind = kind;
        m_issue.header = header;
        m_issue.need = static_cast<std::uint32_t>(need);
        m_issue.have = static_cast<std::uint32_t>(have);
    }

    // A header that does not fit inside the stated IP length contradicts it (Malformed); one
    // that fits but is not in the buffer was cut off (`missing`).
    bool require(HeaderKind header, std::size_t at, std::size_t n, Missing missing)
    {
        if (m_stated != Unstated && at + n > m_stated) {
            fail(DecodeIssue::Kind::BeyondDatagram, Missing::Malformed, header, n, m_stated - at);
            return false;
        }
        if (!present(at, n)) {
            fail(DecodeIssue::Kind::Short, missing, header, n, available(at));
            return false;
        }
        return true;
    }

    void visit(HeaderKind header, std::size_t at, std::size_t length)
    {
        if (length > 0)
            m_sink(header, at, length);
    }
    void visitData(std::size_t at) { visit(HeaderKind::Data, at, available(at)); }

    void copyAddresses(std::size_t at, std::size_t size)
    {
        std::copy_n(m_buf.begin() + static_cast<std::ptrdiff_t>(at), size, m_s.source.begin());
        std::copy_n(m_buf.begin() + static_cast<std::ptrdiff_t>(at + size), size,
                    m_s.destination.begin());
    }

    void ipv4()
    {
        m_s.network = NetworkProtocol::IPv4;
        const std::size_t headerLength = std::size_t{m_buf[0] & 0x0fu} * 4;
        visit(HeaderKind::IPv4, 0, std::min(std::max<std::size_t>(headerLength, 20), m_buf.size()));
        if (!present(0, 20)) {
            fail(DecodeIssue::Kind::Short, Missing::NetworkHeader, HeaderKind::IPv4, 20,
                 m_buf.size());
            return;
        }
        m_s.ttl = m_buf[8];
        m_s.transport = m_buf[9];
        copyAddresses(12, 4);
        if (headerLength < 20) {
            fail(DecodeIssue::Kind::HeaderLengthTooSmall, Missing::Malformed);
            m_issue.value = static_cast<std::uint32_t>(headerLength);
            return;
        }
        // Zero is what the kernel leaves in a GSO super-packet larger than 64 KiB.
        const std::size_t totalLength = BigEndian::read16(m_buf, 2);
        if (totalLength != 0) {
            if (totalLength < headerLength) {
                fail(DecodeIssue::Kind::TotalLengthTooSmall, Missing::Malformed, HeaderKind::IPv4,
                     headerLength);
                m_issue.value = static_cast<std::uint32_t>(totalLength);
                return;
            }
            m_stated = totalLength;
            m_end = std::min(m_buf.size(), totalLength);
        }
        const std::uint16_t fragment = BigEndian::read16(m_buf, 6);
        const bool more = (fragment & 0x2000) != 0;
        const std::uint32_t offset = std::uint32_t{fragment & 0x1fffu} * 8;
        if (more || offset != 0) {
            m_s.flags |= SummaryFlag::Fragment;
            m_s.fragmentId = BigEndian::read16(m_buf, 4);
            m_s.fragmentOffset = offset;
        }
        if (headerLength > 20)
            m_s.flags |= SummaryFlag::HasOptions;
        if (!require(HeaderKind::IPv4, 0, headerLength, Missing::NetworkOptions))
            return;
        if (offset != 0) {
            laterFragment(headerLength);
            return;
        }
        chain(headerLength, m_s.transport, false);
    }

    void ipv6()
    {
        m_s.network = NetworkProtocol::IPv6;
        visit(HeaderKind::IPv6, 0, std::min<std::size_t>(40, m_buf.size()));
        if (!present(0, 40)) {
            fail(DecodeIssue::Kind::Short, Missing::NetworkHeader, HeaderKind::IPv6, 40,
                 m_buf.size());
            return;
        }
        m_s.ttl = m_buf[7];
        m_s.transport = m_buf[6];
        copyAddresses(8, 16);
        // Zero: a jumbogram (RFC 2675) or a GSO super-packet; the buffer is all we know.
        const std::size_t payloadLength = BigEndian::read16(m_buf, 4);
        if (payloadLength != 0) {
            m_stated = 40 + payloadLength;
            m_end = std::min(m_buf.size(), m_stated);
        }
        chain(40, m_s.transport, true);
    }

    void laterFragment(std::size_t at)
    {
        m_s.flags |= SummaryFlag::LaterFragment;
        if (at > std::numeric_limits<std::uint16_t>::max()) {
            fail(DecodeIssue::Kind::ChainTooLong, Missing::Malformed);
            return;
        }
        m_s.transportOffset = static_cast<std::uint16_t>(at);
        visitData(at);
    }

    // Extension headers (IPv6; AH also after IPv4), then the transport header.
    void chain(std::size_t at, std::uint8_t next, bool v6)
    {
        for (;;) {
            // transportOffset has 16 bits; no real chain comes near (RFC 8200 wants it to fit
            // in the first fragment), so a longer one is a contradiction, not a capture limit.
            if (at > std::numeric_limits<std::uint16_t>::max()) {
                fail(DecodeIssue::Kind::ChainTooLong, Missing::Malformed);
                return;
            }
            m_s.transport = next;
            HeaderKind header = HeaderKind::HopByHop;
            std::size_t length = 8; // the smallest extension header, until its length is read
            switch (next) {
            case IpProtocol::HopByHop:
            case IpProtocol::Routing:
            case IpProtocol::DestinationOptions:
                if (!v6)
                    return transport(at, next, v6);
                header = next == IpProtocol::HopByHop  ? HeaderKind::HopByHop
                         : next == IpProtocol::Routing ? HeaderKind::Routing
                                                       : HeaderKind::DestinationOptions;
                if (present(at, 2))
                    length = (std::size_t{m_buf[at + 1]} + 1) * 8;
                break;
            case IpProtocol::Fragment:
                if (!v6)
                    return transport(at, next, v6);
                header = HeaderKind::Fragment;
                break;
            case IpProtocol::Ah:
                header = HeaderKind::Authentication;
                length = 12; // next header, length, reserved, SPI, sequence number
                if (present(at, 2))
                    length = (std::size_t{m_buf[at + 1]} + 2) * 4;
                break;
            case IpProtocol::Esp:
                // Everything after the SPI and sequence number is encrypted.
                m_s.transportOffset = static_cast<std::uint16_t>(at);
                visit(HeaderKind::Esp, at, available(at));
                require(HeaderKind::Esp, at, 8, Missing::TransportHeader);
                return;
            case IpProtocol::NoNext:
                m_s.transportOffset = static_cast<std::uint16_t>(at);
                visitData(at);
                return;
            default:
                return transport(at, next, v6);
            }
            if (v6)
                m_s.flags |= SummaryFlag::HasOptions;
            visit(header, at, std::min(length, available(at)));
            if (!require(header, at, length, Missing::NetworkOptions))
                return;
            next = m_buf[at];
            if (header == HeaderKind::Fragment) {
                const std::uint16_t field = BigEndian::read16(m_buf, at + 2);
                const std::uint32_t offset = field & 0xfff8u;
                if (offset != 0 || (field & 1) != 0) {
                    m_s.flags |= SummaryFlag::Fragment;
                    m_s.fragmentId = BigEndian::read32(m_buf, at + 4);
                    m_s.fragmentOffset = offset;
                }
                if (offset != 0) {
                    m_s.transport = next;
                    laterFragment(at + length);
                    return;
                }
            }
            at += length;
        }
    }

    void setPorts(std::size_t at)
    {
        if (!present(at, 4))
            return;
        m_s.sourcePort = BigEndian::read16(m_buf, at);
        m_s.destinationPort = BigEndian::read16(m_buf, at + 2);
        m_s.flags |= SummaryFlag::HasPorts;
    }

    void transport(std::size_t at, std::uint8_t protocol, bool v6)
    {
        m_s.transportOffset = static_cast<std::uint16_t>(at);
        switch (protocol) {
        case IpProtocol::Tcp:
            return tcp(at);
        case IpProtocol::Udp:
        case IpProtocol::UdpLite:
            return udp(at, protocol == IpProtocol::UdpLite);
        case IpProtocol::Sctp:
            setPorts(at);
            visit(HeaderKind::Sctp, at, std::min<std::size_t>(12, available(at)));
            if (require(HeaderKind::Sctp, at, 12, Missing::TransportHeader))
                visitData(at + 12);
            return;
        case IpProtocol::Dccp:
            return dccp(at);
        case IpProtocol::Icmp:
        case IpProtocol::Icmpv6:
            if ((protocol == IpProtocol::Icmpv6) == v6)
                return icmp(at, v6);
            break;
        default:
            break;
        }
        visitData(at);
    }

    void tcp(std::size_t at)
    {
        setPorts(at);
        if (present(at, 14)) {
            m_s.tcpFlags = m_buf[at + 13];
            m_s.flags |= SummaryFlag::HasTcpFlags;
        }
        std::size_t length = 20;
        if (present(at, 13))
            length = static_cast<std::size_t>(m_buf[at + 12] >> 4) * 4;
        visit(HeaderKind::Tcp, at, std::min(std::max<std::size_t>(length, 20), available(at)));
        if (!require(HeaderKind::Tcp, at, 20, Missing::TransportHeader))
            return;
        if (length < 20) {
            fail(DecodeIssue::Kind::TcpOffsetTooSmall, Missing::Malformed, HeaderKind::Tcp);
            m_issue.value = static_cast<std::uint32_t>(length);
            return;
        }
        if (require(HeaderKind::Tcp, at, length, Missing::TransportHeader))
            visitData(at + length);
    }

    void udp(std::size_t at, bool lite)
    {
        const HeaderKind header = lite ? HeaderKind::UdpLite : HeaderKind::Udp;
        setPorts(at);
        visit(header, at, std::min<std::size_t>(8, available(at)));
        if (!require(header, at, 8, Missing::TransportHeader))
            return;
        // UDP: the datagram's length; UDP-Lite: the checksum coverage, 0 meaning all of it.
        // A fragment holds only part of the datagram, so its length cannot be checked here.
        const std::size_t length = BigEndian::read16(m_buf, at + 4);
        const bool zeroAllowed = lite || m_stated == Unstated;
        if (length < 8 && !(length == 0 && zeroAllowed)) {
            fail(DecodeIssue::Kind::UdpLengthTooSmall, Missing::Malformed, header);
            m_issue.value = static_cast<std::uint32_t>(length);
            return;
        }
        if (m_stated != Unstated && (m_s.flags & SummaryFlag::Fragment) == 0 &&
            length > m_stated - at) {
            fail(DecodeIssue::Kind::UdpLengthTooLarge, Missing::Malformed, header, 0,
                 m_stated - at);
            m_issue.value = static_cast<std::uint32_t>(length);
            return;
        }
        visitData(at + 8);
    }

    void dccp(std::size_t at)
    {
        setPorts(at);
        // The extended sequence number bit (X) makes the generic header 16 bytes instead of 12.
        std::size_t length = 12;
        if (present(at, 9) && (m_buf[at + 8] & 1) != 0)
            length = 16;
        visit(HeaderKind::Dccp, at, std::min(length, available(at)));
        if (!require(HeaderKind::Dccp, at, length, Missing::TransportHeader))
            return;
        const std::size_t dataOffset = std::size_t{m_buf[at + 4]} * 4;
        visitData(at + std::max(length, dataOffset));
    }

    void icmp(std::size_t at, bool v6)
    {
        const HeaderKind header = v6 ? HeaderKind::Icmpv6 : HeaderKind::Icmp;
        if (present(at, 2)) {
            m_s.icmpType = m_buf[at];
            m_s.icmpCode = m_buf[at + 1];
            m_s.flags |= SummaryFlag::HasIcmp;
        }
        visit(header, at, std::min<std::size_t>(8, available(at)));
        if (require(header, at, 8, Missing::TransportHeader))
            visitData(at + 8);
    }

    std::span<const std::uint8_t> m_buf;
    Sink &m_sink;
    std::size_t m_end = 0;           // bytes that belong to the packet and are present
    std::size_t m_stated = Unstated; // where the IP length fields say the packet ends
    PacketSummary m_s;
    DecodeIssue m_issue;
};

} // namespace nfqmon
