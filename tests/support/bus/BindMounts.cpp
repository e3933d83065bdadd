#include "tests/support/bus/BindMounts.h"

#include "tests/support/bus/MountNamespace.h"

#include <QFile>
#include <QString>

#include <cerrno>
#include <sys/mount.h>

namespace nfqmon::test {

BindMounts::~BindMounts()
{
    removeAll();
}

bool BindMounts::add(const QString &source, const QString &target, QString *error)
{
    // Never in the machine's namespace, whatever happened before.
    if (!MountNamespace::inPrivate()) {
        *error = QStringLiteral("refusing to mount over %1 outside the private mount namespace")
                     .arg(target);
        return false;
    }
    if (::mount(QFile::encodeName(source).constData(), QFile::encodeName(target).constData(),
                nullptr, MS_BIND, nullptr) != 0) {
        *error = QStringLiteral("bind mount of %1 over %2: %3")
                     .arg(source, target, qt_error_string(errno));
        return false;
    }
    m_targets.append(target);
    return true;
}

void BindMounts::removeAll()
{
    for (auto target = m_targets.crbegin(); target != m_targets.crend(); ++target)
        ::umount2(QFile::encodeName(*target).constData(), MNT_DETACH);
    m_targets.clear();
}

} // namespace nfqmon::test
