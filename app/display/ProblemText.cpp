#include "app/display/ProblemText.h"

#include "app/display/HeaderNames.h"

namespace nfqmon {

QString ProblemText::of(const DecodeIssue &issue, NetworkProtocol network)
{
    const QString lengthField =
        network == NetworkProtocol::IPv6 ? tr("IPv6 payload length") : tr("IPv4 total length");
    const bool lite = issue.header == HeaderKind::UdpLite;
    switch (issue.kind) {
    case DecodeIssue::Kind::None:
        return {};
    case DecodeIssue::Kind::Empty:
        return tr("truncated: the packet is empty");
    case DecodeIssue::Kind::NotIp:
        return tr("not an IP packet: the version field is %1").arg(issue.value);
    case DecodeIssue::Kind::VersionMismatch:
        return tr("malformed: the version field is %1, but the packet was delivered as IPv%2")
            .arg(issue.value)
            .arg(issue.need);
    case DecodeIssue::Kind::Short:
        return tr("truncated: the %1 needs %2 bytes, %n present", nullptr, int(issue.have))
            .arg(HeaderNames::phrase(issue.header))
            .arg(issue.need);
    case DecodeIssue::Kind::HeaderLengthTooSmall:
        return tr("malformed: the IPv4 header length is %1 bytes, less than the minimum of 20")
            .arg(issue.value);
    case DecodeIssue::Kind::TotalLengthTooSmall:
        return tr("malformed: the IPv4 total length (%1) is less than the header length (%2)")
            .arg(issue.value)
            .arg(issue.need);
    case DecodeIssue::Kind::BeyondDatagram:
        return tr("malformed: the %1 needs %2 bytes, but the %3 leaves room for %4")
            .arg(HeaderNames::phrase(issue.header))
            .arg(issue.need)
            .arg(lengthField)
            .arg(issue.have);
    case DecodeIssue::Kind::TcpOffsetTooSmall:
        return tr("malformed: the TCP data offset is %1 bytes, less than the minimum of 20")
            .arg(issue.value);
    case DecodeIssue::Kind::UdpLengthTooSmall:
        return (lite ? tr("malformed: the UDP-Lite checksum coverage (%1) is less than the "
                          "8-byte header")
                     : tr("malformed: the UDP length (%1) is less than the 8-byte header"))
            .arg(issue.value);
    case DecodeIssue::Kind::UdpLengthTooLarge:
        return (lite ? tr("malformed: the UDP-Lite checksum coverage (%1) is more than the %2 "
                          "bytes the %3 leaves for it")
                     : tr("malformed: the UDP length (%1) is more than the %2 bytes the %3 "
                          "leaves for it"))
            .arg(issue.value)
            .arg(issue.have)
            .arg(lengthField);
    case DecodeIssue::Kind::ChainTooLong:
        return tr("malformed: the extension headers run past 65535 bytes");
    }
    return {};
}

} // namespace nfqmon
