// The host terms of a display filter, all of which a packet must satisfy ("hostname
// *.example.org and not hostname ads.example.org"), matched on the name the store keeps for the
// packet's remote end (PacketStore::hostName()). As rules by name do: a name matches a term of
// the same name, a domain term matches the domain and every name under it ("*.example.org":
// example.org, a.example.org, not badexample.org), and a packet without a name matches no term
// (and so every "not hostname …"). Immutable, thread-safe, and matching allocates nothing.
#pragma once

#include "app/store/HostTerm.h"

#include <QList>
#include <QStringView>

namespace nfqmon {

class HostTerms
{
public:
    explicit HostTerms(QList<HostTerm> terms) : m_terms(std::move(terms)) {}

    const QList<HostTerm> &terms() const { return m_terms; }
    // `name`: the packet's host name, empty when it has none.
    bool matches(QStringView name) const
    {
        for (const HostTerm &term : m_terms) {
            if (termMatches(term, name) == term.negated)
                return false;
        }
        return true;
    }
    // Whether `name` (any case, a trailing dot allowed) is the term's name, or is under its
    // domain.
    static bool termMatches(const HostTerm &term, QStringView name);

private:
    QList<HostTerm> m_terms;
};

} // namespace nfqmon
