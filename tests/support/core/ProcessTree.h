// What /proc says about a process and its children: for ending everything a daemon forked,
// and for waiting until a process that is not our child has ended.
#pragma once

#include <QList>
#include <QtGlobal>

namespace nfqmon::test {

class ProcessTree
{
public:
    // Parent pid from /proc/PID/stat, 0 when the process is gone; `ended` (if given) tells
    // whether it has ended (gone, or a zombie nobody reaped yet).
    static qint64 parentOf(qint64 pid, bool *ended = nullptr);
    static bool hasEnded(qint64 pid);
    // Every process below `ancestor` (children, their children, ...), not `ancestor` itself.
    static QList<qint64> descendantsOf(qint64 ancestor);
};

} // namespace nfqmon::test
