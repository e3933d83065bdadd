// The owner terms of a display filter, all of which a packet must satisfy ("app curl and not
// user 0"). A described process is judged once, on the GUI thread (matches()); a packet whose
// process is not known is judged by what its record says (matchesUnowned(), thread-safe and
// without allocating): its origin (the kernel's own packets have a name) and the uid the kernel
// gave it. Immutable once made.
#pragma once

#include "app/store/ApplicationName.h"
#include "app/store/OwnerTerm.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/ProcessInfo.h"

#include <QList>

namespace nfqmon {

class OwnerTerms
{
public:
    explicit OwnerTerms(QList<OwnerTerm> terms) : m_terms(std::move(terms)) {}

    const QList<OwnerTerm> &terms() const { return m_terms; }
    // `application` is the process's name as the Application column shows it.
    bool matches(const ProcessInfo &process, const ApplicationName &application) const;
    // A packet without a described process: no program, path, pid or unit matches; the kernel's
    // own packets match the kernel's name; a user matches the uid of the record.
    bool matchesUnowned(const StoredPacket &p) const
    {
        for (const OwnerTerm &term : m_terms) {
            if (unownedTermMatches(term, p) == term.negated)
                return false;
        }
        return true;
    }

    // `value` as a filter term's value: quoted ("\"Web Content\"") when it has a space, a quote,
    // a parenthesis or is a word of the filter language.
    static QString quoted(const QString &value);

private:
    static bool unownedTermMatches(const OwnerTerm &term, const StoredPacket &p)
    {
        switch (term.kind) {
        case OwnerTerm::Kind::Application:
            return term.kernel && p.origin == Origin::Kernel;
        case OwnerTerm::Kind::User:
            return (p.flags & RecordFlag::HasUid) && p.uid == term.number;
        case OwnerTerm::Kind::Executable:
        case OwnerTerm::Kind::Pid:
        case OwnerTerm::Kind::Unit:
            break;
        }
        return false;
    }

    QList<OwnerTerm> m_terms;
};

} // namespace nfqmon
