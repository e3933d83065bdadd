#include "app/store/HostTerms.h"

namespace nfqmon {

bool HostTerms::termMatches(const HostTerm &term, QStringView name)
{
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty())
        return false;
    if (name.compare(term.name, Qt::CaseInsensitive) == 0)
        return true;
    return term.domain && name.size() > term.name.size() &&
           name.endsWith(term.name, Qt::CaseInsensitive) &&
           name.at(name.size() - term.name.size() - 1) == u'.';
}

} // namespace nfqmon
