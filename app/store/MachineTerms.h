// The machine terms of a display filter, all of which a packet must satisfy, matched on the name
// the Machine column shows (PacketStore::machineNameOf()): a term matches that name, or the part
// of it after "user@" (a term "gw" matches "admin@gw"), in any case. Immutable, thread-safe, and
// matching allocates nothing.
#pragma once

#include "app/store/MachineTerm.h"

#include <QList>
#include <QStringView>

namespace nfqmon {

class MachineTerms
{
public:
    explicit MachineTerms(QList<MachineTerm> terms) : m_terms(std::move(terms)) {}

    const QList<MachineTerm> &terms() const { return m_terms; }
    bool matches(QStringView machine) const
    {
        for (const MachineTerm &term : m_terms) {
            if (termMatches(term, machine) == term.negated)
                return false;
        }
        return true;
    }
    static bool termMatches(const MachineTerm &term, QStringView machine);

private:
    QList<MachineTerm> m_terms;
};

} // namespace nfqmon
