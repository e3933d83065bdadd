// The fields of the transport headers, for the header tree: TCP (with its options), UDP,
// UDP-Lite, SCTP, DCCP, ICMP and ICMPv6.
#pragma once

#include "app/display/HeaderField.h"
#include "helper/protocol/HeaderKind.h"

#include <QCoreApplication>
#include <QList>

#include <cstdint>
#include <span>

namespace nfqmon {

class TransportFields
{
    Q_DECLARE_TR_FUNCTIONS(TransportFields)

public:
    // `bytes`: the part of the header that is present (HeaderSpan); empty for other kinds.
    static QList<HeaderField> of(HeaderKind header, std::span<const std::uint8_t> bytes);

private:
    static void tcp(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void icmp(bool v6, std::span<const std::uint8_t> b, QList<HeaderField> &f);
};

} // namespace nfqmon
