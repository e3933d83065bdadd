// "Show only packets like this → to this host / to this domain": the display filters
// "hostname NAME" and "hostname *.DOMAIN" (HostTerms) for the name the helper learned for the
// chosen packets' remote end, and its registrable domain (RegistrableDomain), as HostDrop offers
// its rules: both always offered, and disabled unless every chosen packet has a name and they
// share it (the name, or the domain). Each comes with the rule whose preview highlights the same
// packets.
#pragma once

#include "app/client/RuleInfo.h"
#include "app/store/RegistrableDomain.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace nfqmon {

class HostFilter
{
    Q_DECLARE_TR_FUNCTIONS(HostFilter)

public:
    enum class Kind { Name, Domain };

    Kind kind = Kind::Name;
    bool enabled = false;
    QString label;       // "To this host (a.example.org)"
    QString expression;  // enabled: "hostname a.example.org"; otherwise empty
    QString description; // enabled: the expression; otherwise why not
    RuleInfo preview;    // a rule catching the same packets; empty when not enabled

    // names: each chosen packet's host name (PacketStore::hostName()), empty where none is known.
    // The host's entry, then the domain's.
    static QList<HostFilter> forNames(const QStringList &names, const RegistrableDomain &domains);
};

} // namespace nfqmon
