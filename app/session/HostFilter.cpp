#include "app/session/HostFilter.h"

#include "app/session/HostDrop.h"

namespace nfqmon {

QList<HostFilter> HostFilter::forNames(const QStringList &names, const RegistrableDomain &domains)
{
    // The same names and domains, and the same reasons, as the drop menu's.
    QList<HostFilter> filters;
    for (const HostDrop &drop : HostDrop::forNames(names, domains)) {
        HostFilter filter;
        filter.kind = drop.kind == HostDrop::Kind::Name ? Kind::Name : Kind::Domain;
        filter.enabled = drop.enabled;
        if (drop.enabled) {
            filter.label = filter.kind == Kind::Name
                               ? tr("To this host (%1)").arg(drop.rule.host)
                               : tr("To this domain (%1)").arg(drop.rule.host);
            filter.expression = QStringLiteral("hostname ") + drop.rule.host;
            filter.description = filter.expression;
            filter.preview = drop.rule;
        } else {
            filter.label = filter.kind == Kind::Name ? tr("To this host") : tr("To this domain");
            filter.description = drop.description;
        }
        filters.append(filter);
    }
    return filters;
}

} // namespace nfqmon
