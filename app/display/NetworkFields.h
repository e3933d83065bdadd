// The fields of the network layer's headers, for the header tree: IPv4 (with its options and
// header checksum), IPv6, and the extension headers (Hop-by-Hop, Routing, Fragment, Destination
// Options, Authentication Header, ESP).
#pragma once

#include "app/display/HeaderField.h"
#include "helper/protocol/HeaderKind.h"

#include <QCoreApplication>
#include <QList>

#include <cstdint>
#include <span>

namespace nfqmon {

class NetworkFields
{
    Q_DECLARE_TR_FUNCTIONS(NetworkFields)

public:
    // `bytes`: the part of the header that is present (HeaderSpan); empty for other kinds.
    static QList<HeaderField> of(HeaderKind header, std::span<const std::uint8_t> bytes);

private:
    static void ipv4(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void ipv6(std::span<const std::uint8_t> b, QList<HeaderField> &f);
    static void extension(HeaderKind header, std::span<const std::uint8_t> b,
                          QList<HeaderField> &f);
};

} // namespace nfqmon
