#include "tests/support/bus/MountNamespace.h"

#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon::test {

namespace {

ino_t g_privateMountNamespace = 0;
// The namespace the process had before, kept open: the machine's view of the files, for
// commandOutside() (pid 1's namespace is not always readable, even by root).
int g_originalMountNamespace = -1;
ino_t g_originalMountNamespaceInode = 0;

ino_t namespaceInode(const char *path)
{
    struct stat info {};
    if (::stat(path, &info) != 0)
        return 0;
    return info.st_ino;
}

} // namespace

bool MountNamespace::enterPrivate(QString *error)
{
    if (g_privateMountNamespace != 0) {
        if (inPrivate())
            return true;
        *error = QStringLiteral("the process left its private mount namespace");
        return false;
    }
    if (g_originalMountNamespace < 0) {
        g_originalMountNamespace = ::open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
        struct stat info {};
        if (g_originalMountNamespace < 0 || ::fstat(g_originalMountNamespace, &info) != 0) {
            *error =
                QStringLiteral("cannot open /proc/self/ns/mnt: %1").arg(qt_error_string(errno));
            return false;
        }
        g_originalMountNamespaceInode = info.st_ino;
    }
    // Like CLONE_NEWNET in TestNetwork, this moves the calling thread only: the main thread,
    // which starts every child.
    if (::unshare(CLONE_NEWNS) != 0) {
        *error = QStringLiteral("unshare(CLONE_NEWNS): %1").arg(qt_error_string(errno));
        return false;
    }
    // The copied mounts are still shared with the machine's: without this, the bind mounts
    // made later would appear (and stay) in the machine's namespace too.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        *error = QStringLiteral("mount(/, MS_REC | MS_PRIVATE): %1").arg(qt_error_string(errno));
        return false;
    }
    g_privateMountNamespace = namespaceInode("/proc/self/ns/mnt");
    if (!inPrivate()) {
        g_privateMountNamespace = 0;
        *error = QStringLiteral("unshare(CLONE_NEWNS) did not give a new mount namespace");
        return false;
    }
    return true;
}

bool MountNamespace::inPrivate()
{
    if (g_privateMountNamespace == 0)
        return false;
    const ino_t current = namespaceInode("/proc/self/ns/mnt");
    const ino_t machine = namespaceInode("/proc/1/ns/mnt");
    return current == g_privateMountNamespace && current != g_originalMountNamespaceInode &&
           (machine == 0 || current != machine);
}

QStringList MountNamespace::commandOutside(const QStringList &argv)
{
    if (g_privateMountNamespace == 0)
        return argv;
    return QStringList{QStringLiteral("nsenter"),
                       QStringLiteral("--mount=/proc/%1/fd/%2")
                           .arg(::getpid())
                           .arg(g_originalMountNamespace),
                       QStringLiteral("--")} +
           argv;
}

} // namespace nfqmon::test
