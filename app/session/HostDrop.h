// "Drop packets like this → to this host name / to this domain": rules limited to the host name
// the helper learned for the chosen packets' remote end (Rule::host), or to "*." and its
// registrable domain (RegistrableDomain). Both are always offered, and disabled unless every
// chosen packet has a name and they share it (the name, or the domain). The expression is every
// IP packet; the host does the choosing.
#pragma once

#include "app/client/RuleInfo.h"
#include "app/store/RegistrableDomain.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace nfqmon {

class HostDrop
{
    Q_DECLARE_TR_FUNCTIONS(HostDrop)

public:
    enum class Kind { Name, Domain };

    Kind kind = Kind::Name;
    bool enabled = false;
    QString label;       // "To this host name (a.example.org)"
    QString description; // enabled: "ip or ip6 to host a.example.org"; otherwise why not
    RuleInfo rule;       // with its host; empty when not enabled

    // names: each chosen packet's host name (PacketStore::hostName()), empty where none is known.
    // The host name's entry, then the domain's.
    static QList<HostDrop> forNames(const QStringList &names, const RegistrableDomain &domains);
};

} // namespace nfqmon
