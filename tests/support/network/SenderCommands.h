// Command lines of the senders the attribution tests run, and a way to run one to its end and
// learn its pid: a Python one-shot UDP sender, as an unprivileged user, in a cgroup of its own.
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace nfqmon::test::SenderCommands {

inline constexpr std::uint32_t Nobody = 65534;
inline const QString Python = QStringLiteral("/usr/bin/python3");

// argv run as uid/gid 65534 with no supplementary groups.
QStringList asNobody(const QStringList &argv);
// argv run in the cgroup at path: the shell moves itself there, then becomes argv ("$@").
QStringList inCgroup(const QString &path, const QStringList &argv);
// Python that sends one datagram "one shot" to address:port and exits at once.
QStringList udpOneShot(const QString &address, int port);
// Runs argv to its end; its pid (each of the commands above execs, so the last program's), or
// -1 with *error set.
qint64 runToEnd(const QStringList &argv, QString *error);

} // namespace nfqmon::test::SenderCommands
