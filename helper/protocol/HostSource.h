// Where the helper learned a packet's host name (helper/names): the record carries it, the log
// writes it as `host_source`, the window's details show it.
#pragma once

#include <cstdint>
#include <string_view>

namespace nfqmon {

enum class HostSource : std::uint8_t {
    None = 0, // no name is known for the packet
    Dns = 1,  // an answer (A, AAAA, through CNAMEs) to a DNS query
    Tls = 2,  // the server name (SNI) of a TLS ClientHello
    Http = 3, // the Host header of a plain HTTP request
    Quic = 4, // the server name of a QUIC Initial packet's ClientHello
};

// "dns", "tls", "http", "quic"; empty for None and anything else.
constexpr std::string_view hostSourceName(HostSource source)
{
    switch (source) {
    case HostSource::Dns:
        return "dns";
    case HostSource::Tls:
        return "tls";
    case HostSource::Http:
        return "http";
    case HostSource::Quic:
        return "quic";
    case HostSource::None:
        break;
    }
    return {};
}

} // namespace nfqmon
