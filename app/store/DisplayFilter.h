// The packet table's display filter as typed: a pcap expression (compiled by libpcap for link
// type RAW, matched on the bytes), owner terms (OwnerTerms, matched on the record and the
// process that sent it), host terms (HostTerms, matched on the name of the remote end) and
// machine terms (MachineTerms, matched on the machine it was captured on), any of which may be
// missing. Immutable once compiled and cheap to
// copy; matching the bytes is thread-safe.
#pragma once

#include "app/store/HostTerms.h"
#include "app/store/MachineTerms.h"
#include "app/store/OwnerTerms.h"
#include "helper/protocol/CompiledFilter.h"

#include <QString>

#include <memory>
#include <optional>

namespace nfqmon {

class DisplayFilter
{
public:
    // nullopt and a sentence (libpcap's for the pcap part) when the text does not compile.
    // An empty text matches every packet.
    static std::optional<DisplayFilter> compile(const QString &text, QString *error);

    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.trimmed().isEmpty(); }
    // Whether the bytes decide too (a pcap part), or the record suffices.
    bool hasPcap() const { return m_pcap.has_value(); }
    bool matchesBytes(const std::uint8_t *packet, std::uint32_t caplen, std::uint32_t wirelen) const
    {
        return !m_pcap || m_pcap->matches(packet, caplen, wirelen);
    }
    // nullptr when the filter names no owner. Shared by copies: a ProcessMatchTable made for
    // these terms is recognised by the pointer.
    const std::shared_ptr<const OwnerTerms> &owners() const { return m_owners; }
    // nullptr when the filter names no host.
    const std::shared_ptr<const HostTerms> &hosts() const { return m_hosts; }
    // nullptr when the filter names no machine.
    const std::shared_ptr<const MachineTerms> &machines() const { return m_machines; }

private:
    DisplayFilter() = default;

    QString m_text;
    std::optional<CompiledFilter> m_pcap;
    std::shared_ptr<const OwnerTerms> m_owners;
    std::shared_ptr<const HostTerms> m_hosts;
    std::shared_ptr<const MachineTerms> m_machines;
};

} // namespace nfqmon
