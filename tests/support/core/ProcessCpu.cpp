#include "tests/support/core/ProcessCpu.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace nfqmon::test {

namespace {

// `count` fields of /proc/PID/stat added up, in seconds: `first` counts from field 3 (the state).
double statSeconds(qint64 pid, int first, int count = 2)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The fields after the command (which may hold spaces and parentheses), from field 3 on.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    double ticks = 0;
    for (int i = first; i < first + count; ++i)
        ticks += fields.value(i).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

} // namespace

double processCpuSeconds(qint64 pid)
{
    return statSeconds(pid, 11); // utime, stime
}

double processUserCpuSeconds(qint64 pid)
{
    return statSeconds(pid, 11, 1); // utime
}

double processChildrenCpuSeconds(qint64 pid)
{
    return statSeconds(pid, 13); // cutime, cstime
}

qint64 processContextSwitches(qint64 pid)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    if (!tasks.exists())
        return -1;
    qint64 switches = 0;
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile status(tasks.filePath(task) + QStringLiteral("/status"));
        if (!status.open(QIODevice::ReadOnly))
            continue; // a thread that has just ended
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("voluntary_ctxt_switches:") ||
                line.startsWith("nonvoluntary_ctxt_switches:"))
                switches += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
    }
    return switches;
}

qint64 processResidentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace nfqmon::test
