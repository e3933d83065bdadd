// The test process's private mount namespace: where PrivateSystemBus bind-mounts its files over
// the machine's (/etc/passwd, polkit's directories, /run/dbus) without the machine seeing them.
#pragma once

#include <QStringList>

class QString;

namespace nfqmon::test {

class MountNamespace
{
public:
    // Moves the calling thread (the main thread, which starts every child) into a new mount
    // namespace whose mounts are private. Idempotent.
    static bool enterPrivate(QString *error);
    // True only in that namespace, which is neither the one the process had before nor pid 1's:
    // the guard before anything is mounted.
    static bool inPrivate();
    // `argv` run in the mount namespace this process had before: what the machine sees.
    static QStringList commandOutside(const QStringList &argv);
};

} // namespace nfqmon::test
