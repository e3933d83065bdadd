// The options of an IPv4, IPv6 Hop-by-Hop/Destination Options or TCP header as one line:
// "MSS 1460, SACK permitted, timestamps, NOP, window scale 7".
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <span>

namespace nfqmon {

class OptionList
{
    Q_DECLARE_TR_FUNCTIONS(OptionList)

public:
    enum class Header { Ipv4, Ipv6, Tcp };

    // `options`: the bytes after the fixed part of the header, as far as they are present.
    static QString of(std::span<const std::uint8_t> options, Header header);
};

} // namespace nfqmon
