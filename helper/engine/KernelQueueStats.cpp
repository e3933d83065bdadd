#include "helper/engine/KernelQueueStats.h"

#include <QByteArray>
#include <QFile>

namespace nfqmon {

QList<KernelQueueStats> KernelQueueStats::read()
{
    QFile file(QStringLiteral("/proc/self/net/netfilter/nfnetlink_queue"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

QList<KernelQueueStats> KernelQueueStats::parse(const QByteArray &text)
{
    // queue_number peer_portid queue_total copy_mode copy_range queue_dropped user_dropped
    // id_sequence 1
    QList<KernelQueueStats> result;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 7)
            continue;
        // id_sequence came later than the drop counters; 0 when a kernel does not print it.
        const std::uint64_t idSequence = f.size() > 7 ? f[7].toULongLong() : 0;
        bool ok[6] = {};
        KernelQueueStats s;
        s.queue = static_cast<std::uint16_t>(f[0].toUInt(&ok[0]));
        s.portId = f[1].toUInt(&ok[1]);
        s.waiting = f[2].toUInt(&ok[2]);
        s.queueDropped = f[5].toULongLong(&ok[3]);
        s.userDropped = f[6].toULongLong(&ok[4]);
        s.idSequence = idSequence;
        ok[5] = true;
        if (std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
            result.append(s);
    }
    return result;
}

} // namespace nfqmon
