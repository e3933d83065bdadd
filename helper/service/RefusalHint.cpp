#include "helper/service/RefusalHint.h"

#include <QCoreApplication>

#include <pwd.h>

#include <array>

namespace nfqmon::RefusalHint {

namespace {

QString userName(uid_t uid)
{
    std::array<char, 4096> buffer{};
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QString::number(uid);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("nfqmon::RefusalHint", text);
}

} // namespace

QString text(Action action, uid_t uid)
{
    const QString actionId = MethodPolicy::polkitActionId(action);
    const QString group = MethodPolicy::polkitGroup(action);
    const QString user = userName(uid);
    if (group.isEmpty())
        return tr("polkit refused %1 to user %2").arg(actionId, user);
    return tr("polkit refused %1 to user %2 (no password was given, or there was no prompt to "
              "give it in, as over SSH); to let %2 do this without a password, an administrator "
              "runs: sudo adduser %2 %3")
        .arg(actionId, user, group);
}

} // namespace nfqmon::RefusalHint
