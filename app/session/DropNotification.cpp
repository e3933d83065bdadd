#include "app/session/DropNotification.h"

#include "app/client/RuleListModel.h"

#include <climits>

namespace nfqmon {

DropNotification DropNotification::of(const RuleInfo &rule, const QString &program,
                                      const QString &addedFrom)
{
    DropNotification notification;
    const QString id = QString::number(rule.id);
    notification.summary = program.isEmpty()
                               ? tr("Rule %1 is dropping packets").arg(id)
                               : tr("Rule %1 is dropping packets of %2").arg(id, program);
    const int hits = int(qMin<quint64>(rule.hits, INT_MAX));
    QString &body = notification.body;
    body = rule.interface.isEmpty()
               ? tr("“%1” has dropped %Ln packet(s) so far.", "", hits).arg(rule.expression)
               : tr("“%1” on %2 has dropped %Ln packet(s) so far.", "", hits)
                     .arg(rule.expression, rule.interface);
    if (const QString limits = RuleListModel::appliesTo(rule); !limits.isEmpty())
        body += QLatin1Char('\n') + tr("Applies to %1.").arg(limits);
    // A rule by expression chosen on one program's packets catches others' too: said as such.
    if (program.isEmpty() && !addedFrom.isEmpty())
        body += QLatin1Char('\n') + tr("Made from packets of %1.").arg(addedFrom);
    return notification;
}

} // namespace nfqmon
