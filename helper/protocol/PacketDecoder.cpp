// One walker decodes the packet for both entry points: summarize() runs it with a sink that
// ignores the headers it passes (no allocation, nothing that can throw), decode() with a sink
// that records them and then turns each recorded header into display fields. So the packet
// path and the GUI can never disagree about where a header starts or what is missing.
#include "PacketDecoder.h"

#include "IpProtocol.h"

#include <QCoreApplication>
#include <QStringList>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstddef>
#include <limits>

namespace nfqmon {

namespace {

namespace Proto = IpProtocol;

enum class Header : std::uint8_t {
    IPv4,
    IPv6,
    HopByHop,
    Routing,
    Fragment,
    DestinationOptions,
    Authentication,
    Esp,
    Tcp,
    Udp,
    UdpLite,
    Sctp,
    Dccp,
    Icmp,
    Icmpv6,
    Data,
    Trailer,
};

// Why decoding stopped, with the numbers decode() needs for its sentence.
struct Issue {
    enum class Kind : std::uint8_t {
        None,
        Empty,
        NotIp,
        VersionMismatch,
        Short,                // `header` needs `need` bytes, `have` are present
        HeaderLengthTooSmall, // IPv4 IHL*4 = `value`
        TotalLengthTooSmall,  // IPv4 total length `value` < header length `need`
        BeyondDatagram,       // `header` needs `need` bytes, the IP length leaves `have`
        TcpOffsetTooSmall,    // data offset*4 = `value`
        UdpLengthTooSmall,    // UDP length / UDP-Lite coverage `value`
        UdpLengthTooLarge,    // `value` > the `have` bytes the IP length leaves
        ChainTooLong,
    };
    Kind kind = Kind::None;
    Header header = Header::IPv4;
    std::uint32_t need = 0;
    std::uint32_t have = 0;
    std::uint32_t value = 0;
};

constexpr std::size_t Unstated = std::numeric_limits<std::size_t>::max();

inline std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

inline std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at)
{
    return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 |
           std::uint32_t{b[at + 2]} << 8 | std::uint32_t{b[at + 3]};
}

// `sink(Header, offset, length)` is called for every header met, with the bytes of it that are
// present (also when it is cut off), in packet order.
template <typename Sink> class Walker
{
public:
    Walker(std::span<const std::uint8_t> packet, Sink &sink) : m_buf(packet), m_sink(sink) {}

    PacketSummary run(NetworkProtocol delivered)
    {
        if (m_buf.empty()) {
            fail(Issue::Kind::Empty, Missing::NetworkHeader);
            return m_s;
        }
        const int version = m_buf[0] >> 4;
        if (delivered != NetworkProtocol::Unknown && version != static_cast<int>(delivered)) {
            fail(Issue::Kind::VersionMismatch, Missing::Malformed);
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
            fail(Issue::Kind::NotIp, Missing::NetworkHeader);
            m_issue.value = static_cast<std::uint32_t>(version);
        }
        if (m_stated != Unstated && m_stated < m_buf.size())
            visit(Header::Trailer, m_stated, m_buf.size() - m_stated);
        return m_s;
    }

    const Issue &issue() const { return m_issue; }

private:
    bool present(std::size_t at, std::size_t n) const { return at <= m_end && n <= m_end - at; }
    std::size_t available(std::size_t at) const { return at < m_end ? m_end - at : 0; }

    void fail(Issue::Kind kind, Missing missing, Header header = Header::IPv4, std::size_t need = 0,
              std::size_t have = 0)
    {
        m_s.missing = missing;
        m_issue.kind = kind;
        m_issue.header = header;
        m_issue.need = static_cast<std::uint32_t>(need);
        m_issue.have = static_cast<std::uint32_t>(have);
    }

    // A header that does not fit inside the stated IP length contradicts it (Malformed); one
    // that fits but is not in the buffer was cut off (`missing`).
    bool require(Header header, std::size_t at, std::size_t n, Missing missing)
    {
        if (m_stated != Unstated && at + n > m_stated) {
            fail(Issue::Kind::BeyondDatagram, Missing::Malformed, header, n, m_stated - at);
            return false;
        }
        if (!present(at, n)) {
            fail(Issue::Kind::Short, missing, header, n, available(at));
            return false;
        }
        return true;
    }

    void visit(Header header, std::size_t at, std::size_t length)
    {
        if (length > 0)
            m_sink(header, at, length);
    }
    void visitData(std::size_t at) { visit(Header::Data, at, available(at)); }

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
        visit(Header::IPv4, 0, std::min(std::max<std::size_t>(headerLength, 20), m_buf.size()));
        if (!present(0, 20)) {
            fail(Issue::Kind::Short, Missing::NetworkHeader, Header::IPv4, 20, m_buf.size());
            return;
        }
        m_s.ttl = m_buf[8];
        m_s.transport = m_buf[9];
        copyAddresses(12, 4);
        if (headerLength < 20) {
            fail(Issue::Kind::HeaderLengthTooSmall, Missing::Malformed);
            m_issue.value = static_cast<std::uint32_t>(headerLength);
            return;
        }
        // Zero is what the kernel leaves in a GSO super-packet larger than 64 KiB.
        const std::size_t totalLength = be16(m_buf, 2);
        if (totalLength != 0) {
            if (totalLength < headerLength) {
                fail(Issue::Kind::TotalLengthTooSmall, Missing::Malformed, Header::IPv4,
                     headerLength);
                m_issue.value = static_cast<std::uint32_t>(totalLength);
                return;
            }
            m_stated = totalLength;
            m_end = std::min(m_buf.size(), totalLength);
        }
        const std::uint16_t fragment = be16(m_buf, 6);
        const bool more = (fragment & 0x2000) != 0;
        const std::uint32_t offset = std::uint32_t{fragment & 0x1fffu} * 8;
        if (more || offset != 0) {
            m_s.flags |= SummaryFlag::Fragment;
            m_s.fragmentId = be16(m_buf, 4);
            m_s.fragmentOffset = offset;
        }
        if (headerLength > 20)
            m_s.flags |= SummaryFlag::HasOptions;
        if (!require(Header::IPv4, 0, headerLength, Missing::NetworkOptions))
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
        visit(Header::IPv6, 0, std::min<std::size_t>(40, m_buf.size()));
        if (!present(0, 40)) {
            fail(Issue::Kind::Short, Missing::NetworkHeader, Header::IPv6, 40, m_buf.size());
            return;
        }
        m_s.ttl = m_buf[7];
        m_s.transport = m_buf[6];
        copyAddresses(8, 16);
        // Zero: a jumbogram (RFC 2675) or a GSO super-packet; the buffer is all we know.
        const std::size_t payloadLength = be16(m_buf, 4);
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
            fail(Issue::Kind::ChainTooLong, Missing::Malformed);
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
                fail(Issue::Kind::ChainTooLong, Missing::Malformed);
                return;
            }
            m_s.transport = next;
            Header header = Header::HopByHop;
            std::size_t length = 8; // the smallest extension header, until its length is read
            switch (next) {
            case Proto::HopByHop:
            case Proto::Routing:
            case Proto::DestinationOptions:
                if (!v6)
                    return transport(at, next, v6);
                header = next == Proto::HopByHop  ? Header::HopByHop
                         : next == Proto::Routing ? Header::Routing
                                                  : Header::DestinationOptions;
                if (present(at, 2))
                    length = (std::size_t{m_buf[at + 1]} + 1) * 8;
                break;
            case Proto::Fragment:
                if (!v6)
                    return transport(at, next, v6);
                header = Header::Fragment;
                break;
            case Proto::Ah:
                header = Header::Authentication;
                length = 12; // next header, length, reserved, SPI, sequence number
                if (present(at, 2))
                    length = (std::size_t{m_buf[at + 1]} + 2) * 4;
                break;
            case Proto::Esp:
                // Everything after the SPI and sequence number is encrypted.
                m_s.transportOffset = static_cast<std::uint16_t>(at);
                visit(Header::Esp, at, available(at));
                require(Header::Esp, at, 8, Missing::TransportHeader);
                return;
            case Proto::NoNext:
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
            if (header == Header::Fragment) {
                const std::uint16_t field = be16(m_buf, at + 2);
                const std::uint32_t offset = field & 0xfff8u;
                if (offset != 0 || (field & 1) != 0) {
                    m_s.flags |= SummaryFlag::Fragment;
                    m_s.fragmentId = be32(m_buf, at + 4);
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
        m_s.sourcePort = be16(m_buf, at);
        m_s.destinationPort = be16(m_buf, at + 2);
        m_s.flags |= SummaryFlag::HasPorts;
    }

    void transport(std::size_t at, std::uint8_t protocol, bool v6)
    {
        m_s.transportOffset = static_cast<std::uint16_t>(at);
        switch (protocol) {
        case Proto::Tcp:
            return tcp(at);
        case Proto::Udp:
        case Proto::UdpLite:
            return udp(at, protocol == Proto::UdpLite);
        case Proto::Sctp:
            setPorts(at);
            visit(Header::Sctp, at, std::min<std::size_t>(12, available(at)));
            if (require(Header::Sctp, at, 12, Missing::TransportHeader))
                visitData(at + 12);
            return;
        case Proto::Dccp:
            return dccp(at);
        case Proto::Icmp:
        case Proto::Icmpv6:
            if ((protocol == Proto::Icmpv6) == v6)
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
        visit(Header::Tcp, at, std::min(std::max<std::size_t>(length, 20), available(at)));
        if (!require(Header::Tcp, at, 20, Missing::TransportHeader))
            return;
        if (length < 20) {
            fail(Issue::Kind::TcpOffsetTooSmall, Missing::Malformed, Header::Tcp);
            m_issue.value = static_cast<std::uint32_t>(length);
            return;
        }
        if (require(Header::Tcp, at, length, Missing::TransportHeader))
            visitData(at + length);
    }

    void udp(std::size_t at, bool lite)
    {
        const Header header = lite ? Header::UdpLite : Header::Udp;
        setPorts(at);
        visit(header, at, std::min<std::size_t>(8, available(at)));
        if (!require(header, at, 8, Missing::TransportHeader))
            return;
        // UDP: the datagram's length; UDP-Lite: the checksum coverage, 0 meaning all of it.
        // A fragment holds only part of the datagram, so its length cannot be checked here.
        const std::size_t length = be16(m_buf, at + 4);
        const bool zeroAllowed = lite || m_stated == Unstated;
        if (length < 8 && !(length == 0 && zeroAllowed)) {
            fail(Issue::Kind::UdpLengthTooSmall, Missing::Malformed, header);
            m_issue.value = static_cast<std::uint32_t>(length);
            return;
        }
        if (m_stated != Unstated && (m_s.flags & SummaryFlag::Fragment) == 0 &&
            length > m_stated - at) {
            fail(Issue::Kind::UdpLengthTooLarge, Missing::Malformed, header, 0, m_stated - at);
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
        visit(Header::Dccp, at, std::min(length, available(at)));
        if (!require(Header::Dccp, at, length, Missing::TransportHeader))
            return;
        const std::size_t dataOffset = std::size_t{m_buf[at + 4]} * 4;
        visitData(at + std::max(length, dataOffset));
    }

    void icmp(std::size_t at, bool v6)
    {
        const Header header = v6 ? Header::Icmpv6 : Header::Icmp;
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
    Issue m_issue;
};

struct IgnoreHeaders {
    void operator()(Header, std::size_t, std::size_t) const noexcept {}
};

struct Name {
    std::uint8_t number;
    const char *text;
};

template <std::size_t N> const char *lookup(const Name (&table)[N], unsigned number)
{
    for (const Name &entry : table) {
        if (entry.number == number)
            return entry.text;
    }
    return nullptr;
}

// IANA protocol keywords; not translated, they are what users type in filters.
constexpr Name ProtocolNames[] = {
    {0, "HOPOPT"},     {1, "ICMP"},       {2, "IGMP"},      {4, "IPIP"},         {6, "TCP"},
    {17, "UDP"},       {33, "DCCP"},      {41, "IPv6"},     {43, "IPv6-Route"},  {44, "IPv6-Frag"},
    {47, "GRE"},       {50, "ESP"},       {51, "AH"},       {58, "ICMPv6"},      {59, "IPv6-NoNxt"},
    {60, "IPv6-Opts"}, {89, "OSPF"},      {103, "PIM"},     {112, "VRRP"},       {115, "L2TP"},
    {132, "SCTP"},     {135, "Mobility"}, {136, "UDPLite"}, {137, "MPLS-in-IP"},
};

constexpr Name IcmpTypes[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "echo reply")},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "destination unreachable")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "source quench")},
    {5, QT_TRANSLATE_NOOP("PacketDecoder", "redirect")},
    {8, QT_TRANSLATE_NOOP("PacketDecoder", "echo request")},
    {9, QT_TRANSLATE_NOOP("PacketDecoder", "router advertisement")},
    {10, QT_TRANSLATE_NOOP("PacketDecoder", "router solicitation")},
    {11, QT_TRANSLATE_NOOP("PacketDecoder", "time exceeded")},
    {12, QT_TRANSLATE_NOOP("PacketDecoder", "parameter problem")},
    {13, QT_TRANSLATE_NOOP("PacketDecoder", "timestamp request")},
    {14, QT_TRANSLATE_NOOP("PacketDecoder", "timestamp reply")},
};

constexpr Name IcmpUnreachableCodes[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "network unreachable")},
    {1, QT_TRANSLATE_NOOP("PacketDecoder", "host unreachable")},
    {2, QT_TRANSLATE_NOOP("PacketDecoder", "protocol unreachable")},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "port unreachable")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "fragmentation needed")},
    {5, QT_TRANSLATE_NOOP("PacketDecoder", "source route failed")},
    {6, QT_TRANSLATE_NOOP("PacketDecoder", "destination network unknown")},
    {7, QT_TRANSLATE_NOOP("PacketDecoder", "destination host unknown")},
    {9, QT_TRANSLATE_NOOP("PacketDecoder", "network administratively prohibited")},
    {10, QT_TRANSLATE_NOOP("PacketDecoder", "host administratively prohibited")},
    {13, QT_TRANSLATE_NOOP("PacketDecoder", "communication administratively prohibited")},
};

constexpr Name Icmpv6Types[] = {
    {1, QT_TRANSLATE_NOOP("PacketDecoder", "destination unreachable")},
    {2, QT_TRANSLATE_NOOP("PacketDecoder", "packet too big")},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "time exceeded")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "parameter problem")},
    {128, QT_TRANSLATE_NOOP("PacketDecoder", "echo request")},
    {129, QT_TRANSLATE_NOOP("PacketDecoder", "echo reply")},
    {130, QT_TRANSLATE_NOOP("PacketDecoder", "multicast listener query")},
    {131, QT_TRANSLATE_NOOP("PacketDecoder", "multicast listener report")},
    {132, QT_TRANSLATE_NOOP("PacketDecoder", "multicast listener done")},
    {133, QT_TRANSLATE_NOOP("PacketDecoder", "router solicitation")},
    {134, QT_TRANSLATE_NOOP("PacketDecoder", "router advertisement")},
    {135, QT_TRANSLATE_NOOP("PacketDecoder", "neighbor solicitation")},
    {136, QT_TRANSLATE_NOOP("PacketDecoder", "neighbor advertisement")},
    {137, QT_TRANSLATE_NOOP("PacketDecoder", "redirect")},
    {143, QT_TRANSLATE_NOOP("PacketDecoder", "multicast listener report v2")},
};

constexpr Name Icmpv6UnreachableCodes[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "no route to destination")},
    {1, QT_TRANSLATE_NOOP("PacketDecoder", "administratively prohibited")},
    {2, QT_TRANSLATE_NOOP("PacketDecoder", "beyond scope of source address")},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "address unreachable")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "port unreachable")},
    {5, QT_TRANSLATE_NOOP("PacketDecoder", "source address failed policy")},
    {6, QT_TRANSLATE_NOOP("PacketDecoder", "reject route to destination")},
};

constexpr Name TimeExceededCodes[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "in transit")},
    {1, QT_TRANSLATE_NOOP("PacketDecoder", "fragment reassembly")},
};

constexpr Name Ipv4Options[] = {
    {7, QT_TRANSLATE_NOOP("PacketDecoder", "Record Route")},
    {25, QT_TRANSLATE_NOOP("PacketDecoder", "Quick-Start")},
    {68, QT_TRANSLATE_NOOP("PacketDecoder", "Timestamp")},
    {82, QT_TRANSLATE_NOOP("PacketDecoder", "Traceroute")},
    {130, QT_TRANSLATE_NOOP("PacketDecoder", "Security")},
    {131, QT_TRANSLATE_NOOP("PacketDecoder", "Loose Source Route")},
    {133, QT_TRANSLATE_NOOP("PacketDecoder", "Extended Security")},
    {134, QT_TRANSLATE_NOOP("PacketDecoder", "CIPSO")},
    {136, QT_TRANSLATE_NOOP("PacketDecoder", "Stream ID")},
    {137, QT_TRANSLATE_NOOP("PacketDecoder", "Strict Source Route")},
    {148, QT_TRANSLATE_NOOP("PacketDecoder", "Router Alert")},
};

constexpr Name Ipv6Options[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "Pad1")},
    {1, QT_TRANSLATE_NOOP("PacketDecoder", "PadN")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "Tunnel Encapsulation Limit")},
    {5, QT_TRANSLATE_NOOP("PacketDecoder", "Router Alert")},
    {7, QT_TRANSLATE_NOOP("PacketDecoder", "CALIPSO")},
    {0x26, QT_TRANSLATE_NOOP("PacketDecoder", "Quick-Start")},
    {0x63, QT_TRANSLATE_NOOP("PacketDecoder", "RPL Option")},
    {0xc2, QT_TRANSLATE_NOOP("PacketDecoder", "Jumbo Payload")},
    {0xc9, QT_TRANSLATE_NOOP("PacketDecoder", "Home Address")},
};

constexpr Name RoutingTypes[] = {
    {0, QT_TRANSLATE_NOOP("PacketDecoder", "source route (deprecated)")},
    {2, QT_TRANSLATE_NOOP("PacketDecoder", "Mobile IPv6")},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "RPL source route")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "segment routing")},
};

constexpr Name DccpTypes[] = {
    {0, "Request"},  {1, "Response"}, {2, "Data"},  {3, "Ack"},  {4, "DataAck"},
    {5, "CloseReq"}, {6, "Close"},    {7, "Reset"}, {8, "Sync"}, {9, "SyncAck"},
};

constexpr Name TcpOptions[] = {
    {1, "NOP"},
    {2, "MSS"},
    {3, QT_TRANSLATE_NOOP("PacketDecoder", "window scale")},
    {4, QT_TRANSLATE_NOOP("PacketDecoder", "SACK permitted")},
    {5, "SACK"},
    {8, QT_TRANSLATE_NOOP("PacketDecoder", "timestamps")},
    {19, "MD5"},
    {28, QT_TRANSLATE_NOOP("PacketDecoder", "user timeout")},
    {29, "TCP-AO"},
    {30, "MPTCP"},
    {34, QT_TRANSLATE_NOOP("PacketDecoder", "Fast Open")},
};

// All user-visible text, in the translation context "PacketDecoder".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(PacketDecoder)

public:
    static QString hex(std::uint32_t value, int digits)
    {
        return QStringLiteral("0x%1").arg(value, digits, 16, QLatin1Char('0'));
    }
    static QString bytes(std::size_t count)
    {
        return count == 1 ? tr("1 byte") : tr("%1 bytes").arg(count);
    }

    static QString protocol(unsigned number)
    {
        if (const char *name = lookup(ProtocolNames, number))
            return QString::fromLatin1(name);
        return QStringLiteral("proto %1").arg(number);
    }
    static QString protocolWithNumber(unsigned number)
    {
        return QStringLiteral("%1 (%2)").arg(protocol(number)).arg(number);
    }

    static QString address(NetworkProtocol network, const std::uint8_t *bytes)
    {
        char text[INET6_ADDRSTRLEN] = {};
        const int family = network == NetworkProtocol::IPv6 ? AF_INET6 : AF_INET;
        if (inet_ntop(family, bytes, text, sizeof text) == nullptr)
            return {};
        return QString::fromLatin1(text);
    }

    static QString icmpTypeName(bool v6, unsigned type)
    {
        const char *name = v6 ? lookup(Icmpv6Types, type) : lookup(IcmpTypes, type);
        return name ? tr(name) : QString();
    }
    static QString icmpCodeName(bool v6, unsigned type, unsigned code)
    {
        const char *name = nullptr;
        if ((!v6 && type == 3) || (v6 && type == 1))
            name = v6 ? lookup(Icmpv6UnreachableCodes, code) : lookup(IcmpUnreachableCodes, code);
        else if ((!v6 && type == 11) || (v6 && type == 3))
            name = lookup(TimeExceededCodes, code);
        return name ? tr(name) : QString();
    }
    // "echo request", "destination unreachable (port unreachable)", "type 42 code 1".
    static QString icmpText(bool v6, unsigned type, unsigned code)
    {
        const QString typeName = icmpTypeName(v6, type);
        if (typeName.isEmpty())
            return tr("type %1 code %2").arg(type).arg(code);
        const QString codeName = icmpCodeName(v6, type, code);
        if (!codeName.isEmpty())
            return QStringLiteral("%1 (%2)").arg(typeName, codeName);
        if (code != 0)
            return tr("%1 (code %2)").arg(typeName).arg(code);
        return typeName;
    }

    static QString tcpFlags(std::uint8_t flags)
    {
        static constexpr const char *Names[] = {"FIN", "SYN", "RST", "PSH",
                                                "ACK", "URG", "ECE", "CWR"};
        QStringList set;
        for (int bit = 0; bit < 8; ++bit) {
            if ((flags & (1u << bit)) != 0)
                set << QString::fromLatin1(Names[bit]);
        }
        if (set.isEmpty())
            return tr("[none]");
        return QLatin1Char('[') + set.join(QLatin1String(", ")) + QLatin1Char(']');
    }

    static QString dscp(unsigned value)
    {
        QString name;
        if (value == 46)
            name = QStringLiteral("EF");
        else if (value == 44)
            name = QStringLiteral("VOICE-ADMIT");
        else if (value == 1)
            name = QStringLiteral("LE");
        else if (value % 8 == 0)
            name = QStringLiteral("CS%1").arg(value / 8);
        else if (value / 8 >= 1 && value / 8 <= 4 && value % 2 == 0 && value % 8 <= 6)
            name = QStringLiteral("AF%1%2").arg(value / 8).arg(value % 8 / 2);
        return name.isEmpty() ? QString::number(value)
                              : QStringLiteral("%1 (%2)").arg(name).arg(value);
    }
    static QString ecn(unsigned value)
    {
        static constexpr const char *Names[] = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
        return QString::fromLatin1(Names[value & 3]);
    }

    static QString headerPhrase(Header header);
    static QString problem(const Issue &issue, NetworkProtocol network);
    static QString layerName(Header header);
    static QList<HeaderField> fields(Header header, std::span<const std::uint8_t> bytes);
    static QString info(const PacketSummary &s);
    static QString missingText(const PacketSummary &s);

private:
    static void ipv4Fields(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void ipv6Fields(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void extensionFields(Header header, std::span<const std::uint8_t> b,
                                QList<HeaderField> &f);
    static void tcpFields(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void icmpFields(bool v6, std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static QString optionList(std::span<const std::uint8_t> b, bool ipv6, bool tcp);
};

QString Text::headerPhrase(Header header)
{
    switch (header) {
    case Header::IPv4:
        return tr("IPv4 header");
    case Header::IPv6:
        return tr("IPv6 header");
    case Header::HopByHop:
        return tr("IPv6 Hop-by-Hop Options header");
    case Header::Routing:
        return tr("IPv6 Routing header");
    case Header::Fragment:
        return tr("IPv6 Fragment header");
    case Header::DestinationOptions:
        return tr("IPv6 Destination Options header");
    case Header::Authentication:
        return tr("Authentication Header", "in a sentence: the … needs N bytes");
    case Header::Esp:
        return tr("ESP header");
    case Header::Tcp:
        return tr("TCP header");
    case Header::Udp:
        return tr("UDP header");
    case Header::UdpLite:
        return tr("UDP-Lite header");
    case Header::Sctp:
        return tr("SCTP common header");
    case Header::Dccp:
        return tr("DCCP header");
    case Header::Icmp:
        return tr("ICMP header");
    case Header::Icmpv6:
        return tr("ICMPv6 header");
    case Header::Data:
    case Header::Trailer:
        break;
    }
    return {};
}

QString Text::layerName(Header header)
{
    switch (header) {
    case Header::IPv4:
        return QStringLiteral("IPv4");
    case Header::IPv6:
        return QStringLiteral("IPv6");
    case Header::HopByHop:
        return tr("IPv6 Hop-by-Hop Options");
    case Header::Routing:
        return tr("IPv6 Routing");
    case Header::Fragment:
        return tr("IPv6 Fragment");
    case Header::DestinationOptions:
        return tr("IPv6 Destination Options");
    case Header::Authentication:
        return tr("Authentication Header");
    case Header::Esp:
        return tr("Encapsulating Security Payload");
    case Header::Tcp:
        return QStringLiteral("TCP");
    case Header::Udp:
        return QStringLiteral("UDP");
    case Header::UdpLite:
        return QStringLiteral("UDP-Lite");
    case Header::Sctp:
        return QStringLiteral("SCTP");
    case Header::Dccp:
        return QStringLiteral("DCCP");
    case Header::Icmp:
        return QStringLiteral("ICMP");
    case Header::Icmpv6:
        return QStringLiteral("ICMPv6");
    case Header::Data:
        return tr("Data");
    case Header::Trailer:
        return tr("Trailing bytes");
    }
    return {};
}

QString Text::problem(const Issue &issue, NetworkProtocol network)
{
    const QString lengthField =
        network == NetworkProtocol::IPv6 ? tr("IPv6 payload length") : tr("IPv4 total length");
    const bool lite = issue.header == Header::UdpLite;
    switch (issue.kind) {
    case Issue::Kind::None:
        return {};
    case Issue::Kind::Empty:
        return tr("truncated: the packet is empty");
    case Issue::Kind::NotIp:
        return tr("not an IP packet: the version field is %1").arg(issue.value);
    case Issue::Kind::VersionMismatch:
        return tr("malformed: the version field is %1, but the packet was delivered as IPv%2")
            .arg(issue.value)
            .arg(issue.need);
    case Issue::Kind::Short:
        return tr("truncated: the %1 needs %2 bytes, %n present", nullptr, int(issue.have))
            .arg(headerPhrase(issue.header))
            .arg(issue.need);
    case Issue::Kind::HeaderLengthTooSmall:
        return tr("malformed: the IPv4 header length is %1 bytes, less than the minimum of 20")
            .arg(issue.value);
    case Issue::Kind::TotalLengthTooSmall:
        return tr("malformed: the IPv4 total length (%1) is less than the header length (%2)")
            .arg(issue.value)
            .arg(issue.need);
    case Issue::Kind::BeyondDatagram:
        return tr("malformed: the %1 needs %2 bytes, but the %3 leaves room for %4")
            .arg(headerPhrase(issue.header))
            .arg(issue.need)
            .arg(lengthField)
            .arg(issue.have);
    case Issue::Kind::TcpOffsetTooSmall:
        return tr("malformed: the TCP data offset is %1 bytes, less than the minimum of 20")
            .arg(issue.value);
    case Issue::Kind::UdpLengthTooSmall:
        return (lite ? tr("malformed: the UDP-Lite checksum coverage (%1) is less than the "
                          "8-byte header")
                     : tr("malformed: the UDP length (%1) is less than the 8-byte header"))
            .arg(issue.value);
    case Issue::Kind::UdpLengthTooLarge:
        return (lite ? tr("malformed: the UDP-Lite checksum coverage (%1) is more than the %2 "
                          "bytes the %3 leaves for it")
                     : tr("malformed: the UDP length (%1) is more than the %2 bytes the %3 "
                          "leaves for it"))
            .arg(issue.value)
            .arg(issue.have)
            .arg(lengthField);
    case Issue::Kind::ChainTooLong:
        return tr("malformed: the extension headers run past 65535 bytes");
    }
    return {};
}

// Option lists of IPv4, IPv6 Hop-by-Hop/Destination and TCP headers: type-length-value with
// one-byte padding/end types, so one loop serves all three.
QString Text::optionList(std::span<const std::uint8_t> b, bool ipv6, bool tcp)
{
    QStringList names;
    std::size_t at = 0;
    while (at < b.size()) {
        const unsigned type = b[at];
        if (!ipv6 && type == 0) {
            names << tr("end of list");
            break;
        }
        if ((!ipv6 && type == 1) || (ipv6 && type == 0)) {
            names << (ipv6 ? tr("Pad1") : QStringLiteral("NOP"));
            ++at;
            continue;
        }
        if (at + 1 >= b.size() || (!ipv6 && b[at + 1] < 2) ||
            (ipv6 ? std::size_t{b[at + 1]} + 2 : std::size_t{b[at + 1]}) > b.size() - at) {
            names << tr("(cut off or malformed)");
            break;
        }
        const std::size_t length = ipv6 ? std::size_t{b[at + 1]} + 2 : b[at + 1];
        const char *name = tcp ? lookup(TcpOptions, type)
                               : (ipv6 ? lookup(Ipv6Options, type) : lookup(Ipv4Options, type));
        QString text = name ? tr(name) : tr("type %1").arg(type);
        if (tcp && type == 2 && length == 4)
            text += QLatin1Char(' ') + QString::number(be16(b, at + 2));
        else if (tcp && type == 3 && length == 3)
            text += QLatin1Char(' ') + QString::number(b[at + 2]);
        else if (ipv6 && type == 0xc2 && length == 6)
            text += QLatin1Char(' ') + bytes(be32(b, at + 2));
        names << text;
        at += length;
    }
    return names.join(QLatin1String(", "));
}

void Text::ipv4Fields(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    const std::size_t headerLength = std::size_t{b[0] & 0x0fu} * 4;
    f.append({tr("Version"), QString::number(b[0] >> 4)});
    f.append({tr("Header length"), bytes(headerLength)});
    if (b.size() >= 2) {
        f.append({tr("DSCP"), dscp(b[1] >> 2)});
        f.append({tr("ECN"), ecn(b[1])});
    }
    if (b.size() >= 4)
        f.append({tr("Total length"), QString::number(be16(b, 2))});
    if (b.size() >= 6) {
        const unsigned id = be16(b, 4);
        f.append({tr("Identification"), QStringLiteral("%1 (%2)").arg(hex(id, 4)).arg(id)});
    }
    if (b.size() >= 8) {
        const unsigned field = be16(b, 6);
        QStringList set;
        if (field & 0x8000)
            set << tr("reserved bit");
        if (field & 0x4000)
            set << tr("don't fragment");
        if (field & 0x2000)
            set << tr("more fragments");
        f.append({tr("Flags"),
                  QStringLiteral("%1 (%2)").arg(hex(field >> 13, 1),
                                                set.isEmpty() ? tr("none", "no flag set")
                                                              : set.join(QLatin1String(", ")))});
        f.append({tr("Fragment offset"), bytes((field & 0x1fffu) * 8)});
    }
    if (b.size() >= 9)
        f.append({tr("Time to live"), QString::number(b[8])});
    if (b.size() >= 10)
        f.append({tr("Protocol"), protocolWithNumber(b[9])});
    if (b.size() >= 12) {
        QString value = hex(be16(b, 10), 4);
        if (headerLength >= 20 && b.size() >= headerLength) {
            // One's complement sum of the header without its checksum field.
            std::uint32_t sum = 0;
            for (std::size_t at = 0; at < headerLength; at += 2)
                sum += at == 10 ? 0 : be16(b, at);
            while (sum > 0xffff)
                sum = (sum & 0xffff) + (sum >> 16);
            const std::uint32_t expected = ~sum & 0xffff;
            value += expected == be16(b, 10)
                         ? tr(" (correct)")
                         : tr(" (incorrect, should be %1)").arg(hex(expected, 4));
        }
        f.append({tr("Header checksum"), value});
    }
    if (b.size() >= 16)
        f.append({tr("Source"), address(NetworkProtocol::IPv4, b.data() + 12)});
    if (b.size() >= 20)
        f.append({tr("Destination"), address(NetworkProtocol::IPv4, b.data() + 16)});
    if (b.size() >= 20 && headerLength >= 20) {
        const auto options = b.subspan(20, std::min(headerLength, b.size()) - 20);
        f.append({tr("Options"), headerLength == 20 ? tr("none", "no options")
                                                    : optionList(options, false, false)});
    }
}

void Text::ipv6Fields(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    f.append({tr("Version"), QString::number(b[0] >> 4)});
    if (b.size() >= 4) {
        const std::uint32_t first = be32(b, 0);
        const unsigned trafficClass = (first >> 20) & 0xff;
        f.append({tr("Traffic class"),
                  QStringLiteral("%1 (DSCP %2, ECN %3)")
                      .arg(hex(trafficClass, 2), dscp(trafficClass >> 2), ecn(trafficClass))});
        f.append({tr("Flow label"), hex(first & 0xfffff, 5)});
    }
    if (b.size() >= 6) {
        const unsigned length = be16(b, 4);
        f.append({tr("Payload length"), length == 0 ? tr("0 (jumbogram or segmentation offload)")
                                                    : QString::number(length)});
    }
    if (b.size() >= 7)
        f.append({tr("Next header"), protocolWithNumber(b[6])});
    if (b.size() >= 8)
        f.append({tr("Hop limit"), QString::number(b[7])});
    if (b.size() >= 24)
        f.append({tr("Source"), address(NetworkProtocol::IPv6, b.data() + 8)});
    if (b.size() >= 40)
        f.append({tr("Destination"), address(NetworkProtocol::IPv6, b.data() + 24)});
}

void Text::extensionFields(Header header, std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    if (header == Header::Esp) {
        if (b.size() >= 4)
            f.append({tr("SPI"), hex(be32(b, 0), 8)});
        if (b.size() >= 8) {
            f.append({tr("Sequence number"), QString::number(be32(b, 4))});
            f.append({tr("Encrypted data"), bytes(b.size() - 8)});
        }
        return;
    }
    f.append({tr("Next header"), protocolWithNumber(b[0])});
    if (header == Header::Fragment) {
        if (b.size() >= 4) {
            const unsigned field = be16(b, 2);
            f.append({tr("Fragment offset"), bytes(field & 0xfff8u)});
            f.append({tr("More fragments"), (field & 1) ? tr("yes") : tr("no")});
        }
        if (b.size() >= 8)
            f.append({tr("Identification"), hex(be32(b, 4), 8)});
        return;
    }
    if (b.size() < 2)
        return;
    if (header == Header::Authentication) {
        f.append({tr("Length"), bytes((std::size_t{b[1]} + 2) * 4)});
        if (b.size() >= 8)
            f.append({tr("SPI"), hex(be32(b, 4), 8)});
        if (b.size() >= 12)
            f.append({tr("Sequence number"), QString::number(be32(b, 8))});
        return;
    }
    f.append({tr("Length"), bytes((std::size_t{b[1]} + 1) * 8)});
    if (header == Header::Routing) {
        if (b.size() >= 3) {
            const char *name = lookup(RoutingTypes, b[2]);
            f.append({tr("Routing type"), name ? QStringLiteral("%1 (%2)").arg(b[2]).arg(tr(name))
                                               : QString::number(b[2])});
        }
        if (b.size() >= 4)
            f.append({tr("Segments left"), QString::number(b[3])});
        return;
    }
    f.append({tr("Options"), optionList(b.subspan(2), true, false)});
}

void Text::tcpFields(std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    if (b.size() >= 8)
        f.append({tr("Sequence number"), QString::number(be32(b, 4))});
    if (b.size() >= 12)
        f.append({tr("Acknowledgment number"), QString::number(be32(b, 8))});
    if (b.size() >= 13)
        f.append({tr("Header length"), bytes(static_cast<std::size_t>(b[12] >> 4) * 4)});
    if (b.size() >= 14) {
        const unsigned bits = (b[12] & 1u) << 8 | b[13];
        QString text = tcpFlags(b[13]);
        if (bits & 0x100)
            text += QStringLiteral(" AE");
        f.append({tr("Flags"), QStringLiteral("%1 %2").arg(hex(bits, 3), text)});
    }
    if (b.size() >= 16)
        f.append({tr("Window"), QString::number(be16(b, 14))});
    if (b.size() >= 18)
        f.append({tr("Checksum"), hex(be16(b, 16), 4)});
    if (b.size() >= 20)
        f.append({tr("Urgent pointer"), QString::number(be16(b, 18))});
    if (b.size() > 20)
        f.append({tr("Options"), optionList(b.subspan(20), false, true)});
}

void Text::icmpFields(bool v6, std::span<const std::uint8_t> b, QList<HeaderField> &f)
{
    if (b.empty())
        return;
    const unsigned type = b[0];
    const QString typeName = icmpTypeName(v6, type);
    f.append({tr("Type"), typeName.isEmpty() ? QString::number(type)
                                             : QStringLiteral("%1 (%2)").arg(type).arg(typeName)});
    if (b.size() >= 2) {
        const QString codeName = icmpCodeName(v6, type, b[1]);
        f.append({tr("Code"), codeName.isEmpty()
                                  ? QString::number(b[1])
                                  : QStringLiteral("%1 (%2)").arg(b[1]).arg(codeName)});
    }
    if (b.size() >= 4)
        f.append({tr("Checksum"), hex(be16(b, 2), 4)});
    const bool echo = v6 ? (type == 128 || type == 129) : (type == 0 || type == 8);
    if (echo && b.size() >= 8) {
        f.append(
            {tr("Identifier"), QStringLiteral("%1 (%2)").arg(hex(be16(b, 4), 4)).arg(be16(b, 4))});
        f.append({tr("Sequence number"), QString::number(be16(b, 6))});
    } else if (v6 && type == 2 && b.size() >= 8) {
        f.append({tr("MTU"), QString::number(be32(b, 4))});
    } else if (!v6 && type == 3 && b.size() >= 8 && b[1] == 4) {
        f.append({tr("Next-hop MTU"), QString::number(be16(b, 6))});
    }
}

QList<HeaderField> Text::fields(Header header, std::span<const std::uint8_t> b)
{
    QList<HeaderField> f;
    const auto ports = [&] {
        if (b.size() >= 2)
            f.append({tr("Source port"), QString::number(be16(b, 0))});
        if (b.size() >= 4)
            f.append({tr("Destination port"), QString::number(be16(b, 2))});
    };
    switch (header) {
    case Header::IPv4:
        ipv4Fields(b, f);
        break;
    case Header::IPv6:
        ipv6Fields(b, f);
        break;
    case Header::HopByHop:
    case Header::Routing:
    case Header::Fragment:
    case Header::DestinationOptions:
    case Header::Authentication:
    case Header::Esp:
        extensionFields(header, b, f);
        break;
    case Header::Tcp:
        ports();
        tcpFields(b, f);
        break;
    case Header::Udp:
    case Header::UdpLite:
        ports();
        if (b.size() >= 6)
            f.append({header == Header::Udp ? tr("Length") : tr("Checksum coverage"),
                      QString::number(be16(b, 4))});
        if (b.size() >= 8) {
            const unsigned checksum = be16(b, 6);
            f.append({tr("Checksum"), checksum == 0 && header == Header::Udp ? tr("0x0000 (none)")
                                                                             : hex(checksum, 4)});
        }
        break;
    case Header::Sctp:
        ports();
        if (b.size() >= 8)
            f.append({tr("Verification tag"), hex(be32(b, 4), 8)});
        if (b.size() >= 12)
            f.append({tr("Checksum"), hex(be32(b, 8), 8)});
        break;
    case Header::Dccp:
        ports();
        if (b.size() >= 5)
            f.append({tr("Data offset"), bytes(std::size_t{b[4]} * 4)});
        if (b.size() >= 8)
            f.append({tr("Checksum"), hex(be16(b, 6), 4)});
        if (b.size() >= 9) {
            const unsigned type = (b[8] >> 1) & 0x0f;
            const char *name = lookup(DccpTypes, type);
            f.append({tr("Packet type"),
                      name ? QStringLiteral("%1 (%2)").arg(type).arg(QLatin1String(name))
                           : QString::number(type)});
        }
        break;
    case Header::Icmp:
    case Header::Icmpv6:
        icmpFields(header == Header::Icmpv6, b, f);
        break;
    case Header::Data:
    case Header::Trailer:
        f.append({tr("Length"), bytes(b.size())});
        break;
    }
    return f;
}

QString Text::missingText(const PacketSummary &s)
{
    switch (s.missing) {
    case Missing::Nothing:
        return {};
    case Missing::NetworkHeader:
        return tr("(truncated: %1 header)")
            .arg(s.network == NetworkProtocol::IPv6 ? QStringLiteral("IPv6")
                                                    : QStringLiteral("IPv4"));
    case Missing::NetworkOptions:
        if (s.transport == Proto::Ah)
            return tr("(truncated: authentication header)");
        return s.network == NetworkProtocol::IPv6 ? tr("(truncated: IPv6 extension headers)")
                                                  : tr("(truncated: IPv4 options)");
    case Missing::TransportHeader:
        return tr("(truncated: %1 header)").arg(protocol(s.transport));
    case Missing::Malformed:
        return tr("(malformed)");
    }
    return {};
}

QString Text::info(const PacketSummary &s)
{
    if (s.network == NetworkProtocol::Unknown) {
        return s.missing == Missing::Malformed
                   ? tr("IP version does not match the packet's family (malformed)")
                   : tr("no IP header");
    }
    if (s.missing == Missing::NetworkHeader)
        return missingText(s);
    const bool v6 = s.network == NetworkProtocol::IPv6;
    QString source = address(s.network, s.source.data());
    QString destination = address(s.network, s.destination.data());
    if (s.flags & SummaryFlag::HasPorts) {
        const QString pattern = v6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2");
        source = pattern.arg(source).arg(s.sourcePort);
        destination = pattern.arg(destination).arg(s.destinationPort);
    }
    QString line = QStringLiteral("%1 → %2 %3").arg(source, destination, protocol(s.transport));
    if (s.flags & SummaryFlag::HasTcpFlags)
        line += QLatin1Char(' ') + tcpFlags(s.tcpFlags);
    if (s.flags & SummaryFlag::HasIcmp)
        line += QLatin1Char(' ') + icmpText(v6, s.icmpType, s.icmpCode);
    if (s.flags & SummaryFlag::Fragment) {
        line += QLatin1Char(' ') + tr("[fragment: offset %1, id %2]")
                                       .arg(s.fragmentOffset)
                                       .arg(hex(s.fragmentId, v6 ? 8 : 4));
    }
    if (s.missing != Missing::Nothing)
        line += QLatin1Char(' ') + missingText(s);
    return line;
}

} // namespace

namespace PacketDecoder {

PacketSummary summarize(std::span<const std::uint8_t> packet, NetworkProtocol delivered) noexcept
{
    IgnoreHeaders sink;
    Walker<IgnoreHeaders> walker(packet, sink);
    return walker.run(delivered);
}

DecodedPacket decode(std::span<const std::uint8_t> packet, NetworkProtocol delivered)
{
    struct Seen {
        Header header;
        std::size_t offset;
        std::size_t length;
    };
    QList<Seen> seen;
    auto sink = [&seen](Header header, std::size_t offset, std::size_t length) {
        seen.append({header, offset, length});
    };
    Walker<decltype(sink)> walker(packet, sink);
    DecodedPacket decoded;
    decoded.summary = walker.run(delivered);
    decoded.problem = Text::problem(walker.issue(), decoded.summary.network);
    decoded.layers.reserve(seen.size());
    for (const Seen &s : seen) {
        HeaderLayer layer;
        layer.name = Text::layerName(s.header);
        layer.offset = static_cast<int>(s.offset);
        layer.length = static_cast<int>(s.length);
        layer.fields = Text::fields(s.header, packet.subspan(s.offset, s.length));
        decoded.layers.append(std::move(layer));
    }
    return decoded;
}

QString sourceText(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return {};
    return Text::address(summary.network, summary.source.data());
}

QString destinationText(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return {};
    return Text::address(summary.network, summary.destination.data());
}

QString protocolName(const PacketSummary &summary)
{
    if (summary.network == NetworkProtocol::Unknown || summary.missing == Missing::NetworkHeader)
        return QStringLiteral("?");
    return Text::protocol(summary.transport);
}

QString infoText(const PacketSummary &summary)
{
    return Text::info(summary);
}

} // namespace PacketDecoder
} // namespace nfqmon
