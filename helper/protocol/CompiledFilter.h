// A pcap filter expression compiled by libpcap for link type RAW (IPv4 and IPv6 without link
// header), matched with bpf_filter. Immutable once compiled; matching is thread-safe.
#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

struct bpf_program;

namespace nfqmon {

class CompiledFilter
{
public:
    // nullopt and libpcap's own message in *error when the expression does not compile.
    // An empty expression matches every packet.
    static std::optional<CompiledFilter> compile(const QString &expression, QString *error);

    // caplen bytes of the packet are present; wirelen is its real length.
    bool matches(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen) const;

    const QString &expression() const { return m_expression; }

private:
    CompiledFilter() = default;
    QString m_expression;
    std::shared_ptr<bpf_program> m_program; // shared: a compiled program is read-only
};

} // namespace nfqmon
