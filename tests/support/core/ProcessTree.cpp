#include "tests/support/core/ProcessTree.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace nfqmon::test {

qint64 ProcessTree::parentOf(qint64 pid, bool *ended)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    const QByteArray stat = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
    const qsizetype close = stat.lastIndexOf(')');
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (ended)
        *ended = close < 0 || fields.value(0) == "Z" || fields.value(0) == "X";
    return close < 0 ? 0 : fields.value(1).toLongLong();
}

bool ProcessTree::hasEnded(qint64 pid)
{
    bool ended = true;
    parentOf(pid, &ended);
    return ended;
}

QList<qint64> ProcessTree::descendantsOf(qint64 ancestor)
{
    QList<qint64> found{ancestor};
    bool grew = true;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    while (grew) {
        grew = false;
        for (const QString &entry : entries) {
            bool number = false;
            const qint64 pid = entry.toLongLong(&number);
            if (number && !found.contains(pid) && found.contains(parentOf(pid))) {
                found.append(pid);
                grew = true;
            }
        }
    }
    found.removeFirst();
    return found;
}

} // namespace nfqmon::test
