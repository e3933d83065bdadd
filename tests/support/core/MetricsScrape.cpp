#include "tests/support/core/MetricsScrape.h"

namespace nfqmon::test::MetricsScrape {

QHash<QString, double> samples(const QByteArray &text, const QString &prefix)
{
    QHash<QString, double> result;
    for (const QString &line : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u'#') || !line.startsWith(prefix))
            continue;
        // The value follows the last space (label values may hold spaces, not after the '}').
        const qsizetype space = line.lastIndexOf(u' ');
        bool ok = false;
        const double value = line.mid(space + 1).toDouble(&ok);
        if (space > 0 && ok)
            result.insert(line.left(space), value);
    }
    return result;
}

} // namespace nfqmon::test::MetricsScrape
