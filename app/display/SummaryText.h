// The packet table's text of a PacketSummary: the Source, Destination, Protocol and Info
// columns (also what the statistics, the rule suggestions and the sort by protocol show).
#pragma once

#include "helper/protocol/PacketSummary.h"

#include <QCoreApplication>
#include <QString>

namespace nfqmon {

class SummaryText
{
    Q_DECLARE_TR_FUNCTIONS(SummaryText)

public:
    // "10.0.0.1", "fe80::1" (RFC 5952 compressed form); empty without a network header.
    static QString source(const PacketSummary &summary);
    static QString destination(const PacketSummary &summary);

    // IANA keyword: "TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "ESP", "IPv6-Frag" (a chain cut off in
    // that header) ..., or "proto 253" style for others; "?" when the network header is missing.
    static QString protocolName(const PacketSummary &summary);

    // One line: "10.0.0.1:5512 → 10.0.0.2:443 TCP [SYN, ACK]", "... ICMP echo request",
    // "[2001:db8::1]:53 → ..." for IPv6 with ports, "(truncated: TCP header)" / "(malformed)"
    // when something is missing.
    static QString info(const PacketSummary &summary);

private:
    static QString missing(const PacketSummary &summary);
};

} // namespace nfqmon
