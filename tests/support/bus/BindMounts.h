// The bind mounts of a PrivateSystemBus, made only inside the private mount namespace and
// removed in reverse order.
#pragma once

#include <QStringList>

class QString;

namespace nfqmon::test {

class BindMounts
{
public:
    BindMounts() = default;
    ~BindMounts(); // removeAll()
    BindMounts(const BindMounts &) = delete;
    BindMounts &operator=(const BindMounts &) = delete;

    // Mounts `source` over `target`; refused outside MountNamespace::inPrivate().
    bool add(const QString &source, const QString &target, QString *error);
    void removeAll();

private:
    QStringList m_targets;
};

} // namespace nfqmon::test
