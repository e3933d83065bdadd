#include "tests/support/network/KernelQueueCounters.h"

#include <QFile>
#include <QList>

namespace nfqmon::test {

KernelQueueCounters KernelQueueCounters::read(int queue)
{
    QFile file(QStringLiteral("/proc/net/netfilter/nfnetlink_queue"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // queue, portid, waiting, copy mode, copy range, queue dropped, user dropped, last id, 1
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 8 && f[0].toInt() == queue)
            return {f[7].toULongLong(), f[5].toULongLong() + f[6].toULongLong()};
    }
    return {};
}

} // namespace nfqmon::test
