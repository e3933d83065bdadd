#include "app/session/OwnerFilter.h"

#include "app/store/OwnerTerms.h"
#include "app/store/ProcessTable.h"

#include <pwd.h>

namespace nfqmon {

namespace {

const QString EveryPacket = QStringLiteral("ip or ip6");

// The user's name when this machine knows the uid, else the number.
QString userName(quint32 uid)
{
    if (const passwd *account = getpwuid(uid))
        return QString::fromLocal8Bit(account->pw_name);
    return QString::number(uid);
}

} // namespace

QList<OwnerFilter> OwnerFilter::forProcesses(const QList<const ProcessInfo *> &processes,
                                             const QString *columnName)
{
    if (processes.isEmpty() || !processes.constFirst())
        return {};
    const ProcessInfo &first = *processes.constFirst();
    const QString application = columnName ? *columnName : ProcessTable::name(first);
    bool sameApplication = !application.isEmpty();
    bool sameProgram = !first.executable.empty();
    bool sameUser = true;
    for (const ProcessInfo *process : processes) {
        if (!process)
            return {};
        sameApplication =
            sameApplication && (columnName || ProcessTable::name(*process) == application);
        sameProgram = sameProgram && process->executable == first.executable;
        sameUser = sameUser && process->uid == first.uid;
    }
    QList<OwnerFilter> filters;
    if (sameApplication) {
        OwnerFilter filter;
        filter.label = tr("From this application (%1)").arg(application);
        filter.expression = QStringLiteral("app ") + OwnerTerms::quoted(application);
        // Programs of another path may carry the same name: previewed only when there is one.
        if (sameProgram) {
            filter.preview.expression = EveryPacket;
            filter.preview.program = QString::fromStdString(first.executable);
        }
        filters.append(filter);
    }
    if (sameUser) {
        OwnerFilter filter;
        const QString name = userName(first.uid);
        filter.label = tr("From user %1").arg(name);
        filter.expression = QStringLiteral("user ") + OwnerTerms::quoted(name);
        filter.preview.expression = EveryPacket;
        filter.preview.user = first.uid;
        filters.append(filter);
    }
    return filters;
}

} // namespace nfqmon
