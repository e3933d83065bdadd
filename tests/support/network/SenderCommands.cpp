#include "tests/support/network/SenderCommands.h"

#include <QProcess>

namespace nfqmon::test::SenderCommands {

QStringList asNobody(const QStringList &argv)
{
    return QStringList{QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                       QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                       QStringLiteral("--")} +
           argv;
}

QStringList inCgroup(const QString &path, const QStringList &argv)
{
    return QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo $$ > %1/cgroup.procs && exec \"$@\"").arg(path),
                       QStringLiteral("sh")} +
           argv;
}

QStringList udpOneShot(const QString &address, int port)
{
    const QString family =
        address.contains(u':') ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET");
    return {Python, QStringLiteral("-c"),
            QStringLiteral("import socket; socket.socket(socket.%1, socket.SOCK_DGRAM)"
                           ".sendto(b'one shot', ('%2', %3))")
                .arg(family, address)
                .arg(port)};
}

qint64 runToEnd(const QStringList &argv, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForStarted(5000)) {
        *error = argv.join(u' ') + QStringLiteral(": ") + process.errorString();
        return -1;
    }
    const qint64 pid = process.processId();
    process.waitForFinished(15000);
    if (process.exitStatus() != QProcess::NormalExit) {
        *error = argv.join(u' ') + QStringLiteral(": did not finish");
        return -1;
    }
    return pid;
}

} // namespace nfqmon::test::SenderCommands
