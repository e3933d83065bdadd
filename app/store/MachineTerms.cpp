#include "app/store/MachineTerms.h"

namespace nfqmon {

bool MachineTerms::termMatches(const MachineTerm &term, QStringView machine)
{
    if (machine.isEmpty())
        return false;
    if (machine.compare(term.name, Qt::CaseInsensitive) == 0)
        return true;
    const qsizetype at = machine.lastIndexOf(u'@');
    return at >= 0 && machine.mid(at + 1).compare(term.name, Qt::CaseInsensitive) == 0;
}

} // namespace nfqmon
