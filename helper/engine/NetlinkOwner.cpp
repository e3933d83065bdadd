#include "helper/engine/NetlinkOwner.h"

#include <QDir>
#include <QFile>

namespace nfqmon::NetlinkOwner {

namespace {

// The socket inode from /proc/net/netlink: "sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode".
QByteArray socketInode(int protocol, std::uint32_t portId)
{
    QFile file(QStringLiteral("/proc/self/net/netlink"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() >= 10 && f[1].toInt() == protocol && f[2].toUInt() == portId)
            return f[9];
    }
    return {};
}

} // namespace

QString describe(int protocol, std::uint32_t portId)
{
    const QByteArray inode = socketInode(protocol, portId);
    if (inode.isEmpty())
        return {};
    const QByteArray target = "socket:[" + inode + "]";
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool numeric = false;
        pid.toUInt(&numeric);
        if (!numeric)
            continue;
        const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
        for (const QString &fd : QDir(fdDir).entryList(QDir::System | QDir::NoDotAndDotDot)) {
            if (QFile::symLinkTarget(fdDir + QLatin1Char('/') + fd)
                    .endsWith(QLatin1String(target))) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                const QString name = comm.open(QIODevice::ReadOnly)
                                         ? QString::fromLocal8Bit(comm.readAll().trimmed())
                                         : QStringLiteral("?");
                return QStringLiteral("%1 (pid %2)").arg(name, pid);
            }
        }
    }
    return {};
}

} // namespace nfqmon::NetlinkOwner
