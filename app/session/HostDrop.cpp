#include "app/session/HostDrop.h"

#include <algorithm>

namespace nfqmon {

namespace {

const QString EveryPacket = QStringLiteral("ip or ip6");

// The value every one of `values` has; empty when one is empty or they differ.
QString shared(const QStringList &values)
{
    if (values.isEmpty() || values.constFirst().isEmpty())
        return {};
    for (const QString &value : values) {
        if (value != values.constFirst())
            return {};
    }
    return values.constFirst();
}

} // namespace

QList<HostDrop> HostDrop::forNames(const QStringList &names, const RegistrableDomain &domains)
{
    QStringList lowered;
    QStringList registrable;
    bool allNamed = !names.isEmpty();
    for (const QString &name : names) {
        QString host = name.toLower();
        if (host.endsWith(u'.'))
            host.chop(1);
        // The helper learns only valid names; a rule could not be made of anything else.
        QString problem;
        if (!host.isEmpty() && !Rule::isHostPattern(host, &problem))
            host.clear();
        allNamed = allNamed && !host.isEmpty();
        lowered.append(host);
        registrable.append(host.isEmpty() ? QString() : domains.of(host));
    }
    const QString why =
        allNamed ? tr("The chosen packets have different host names")
                 : tr("The helper learned no host name for the remote end of %n of "
                      "the chosen packets",
                      nullptr, int(std::count(lowered.cbegin(), lowered.cend(), QString())));

    HostDrop byName;
    byName.kind = Kind::Name;
    if (const QString host = shared(lowered); !host.isEmpty()) {
        byName.enabled = true;
        byName.label = tr("To this host name (%1)").arg(host);
        byName.rule.expression = EveryPacket;
        byName.rule.host = host;
        byName.description = tr("%1 to host %2").arg(EveryPacket, host);
    } else {
        byName.label = tr("To this host name");
        byName.description = why;
    }

    HostDrop byDomain;
    byDomain.kind = Kind::Domain;
    if (const QString domain = shared(registrable); !domain.isEmpty()) {
        const QString pattern = QStringLiteral("*.") + domain;
        byDomain.enabled = true;
        byDomain.label = tr("To this domain (%1)").arg(pattern);
        byDomain.rule.expression = EveryPacket;
        byDomain.rule.host = pattern;
        byDomain.description = tr("%1 to %2").arg(EveryPacket, pattern);
    } else {
        byDomain.label = tr("To this domain");
        byDomain.description = allNamed ? tr("The chosen packets are of different domains") : why;
    }
    return {byName, byDomain};
}

} // namespace nfqmon
