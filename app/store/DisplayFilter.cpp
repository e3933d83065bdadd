#include "app/store/DisplayFilter.h"

#include "app/store/DisplayFilterParser.h"

namespace nfqmon {

std::optional<DisplayFilter> DisplayFilter::compile(const QString &text, QString *error)
{
    QString message;
    DisplayFilterParser::Result parsed;
    if (!DisplayFilterParser::parse(text, &parsed, &message)) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    DisplayFilter filter;
    filter.m_text = text;
    if (!parsed.pcapExpression.trimmed().isEmpty()) {
        filter.m_pcap = CompiledFilter::compile(parsed.pcapExpression, error);
        if (!filter.m_pcap)
            return std::nullopt;
    }
    if (!parsed.terms.isEmpty())
        filter.m_owners = std::make_shared<const OwnerTerms>(std::move(parsed.terms));
    if (!parsed.hosts.isEmpty())
        filter.m_hosts = std::make_shared<const HostTerms>(std::move(parsed.hosts));
    if (!parsed.machines.isEmpty())
        filter.m_machines = std::make_shared<const MachineTerms>(std::move(parsed.machines));
    return filter;
}

} // namespace nfqmon
