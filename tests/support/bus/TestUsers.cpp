#include "tests/support/bus/TestUsers.h"

#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/PrivateSystemBus.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <iterator>
#include <utility>

namespace nfqmon::test {

namespace {

const std::pair<const char *, uint> Users[] = {
    {PrivateSystemBus::AllowedUser, PrivateSystemBus::AllowedUid},
    {PrivateSystemBus::RefusedUser, PrivateSystemBus::RefusedUid},
    {PrivateSystemBus::AdminUser, PrivateSystemBus::AdminUid},
    {PrivateSystemBus::MemberUser, PrivateSystemBus::MemberUid},
    {PrivateSystemBus::StewardUser, PrivateSystemBus::StewardUid}};

// The opt-in groups of packaging/polkit/49-nfqmon-groups.rules and their members (gids of their
// own, above the users').
const QByteArray GroupLines =
    QByteArray(Contract::PolkitGroup::Capture.toLatin1()) +
    ":x:64110:" + PrivateSystemBus::MemberUser + ',' + PrivateSystemBus::StewardUser + '\n' +
    Contract::PolkitGroup::Rules.toLatin1() + ":x:64111:" + PrivateSystemBus::StewardUser + '\n';

// PrivateSystemBus::AdminPassword, hashed (SHA-512 crypt, fixed salt).
const QByteArray AdminPasswordHash = "$6$nfqmontestsalt$yKt8u9U54tATaX/wb0PTfqCO0o2TSRizIyXvWTojkb3"
                                     "OQxgyDl8BrTOKF4W.Re2Hbaj7FYDgoGjfp4ovgJoCN1";

// `original` without the lines of the test users and groups: the file may already be a copy
// with them (a remote host of RemoteHostBed starts its bus inside a test's mount namespace).
QByteArray withoutTestLines(const QByteArray &original)
{
    QList<QByteArray> kept;
    for (const QByteArray &line : original.split('\n')) {
        const bool ours =
            std::any_of(std::begin(Users), std::end(Users), [&line](const auto &user) {
                return line.startsWith(QByteArray(user.first) + ':');
            });
        if (!ours)
            kept.append(line);
    }
    return kept.join('\n');
}

QByteArray addLines(const QByteArray &original, const QByteArray &lines)
{
    QByteArray text = original;
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text + lines;
}

// `user` added to the administrators' group (made when the machine has none).
QByteArray addAdministrator(const QByteArray &original, const QByteArray &user)
{
    const QByteArray prefix = QByteArray(TestUsers::AdminGroup) + ':';
    QList<QByteArray> lines = original.split('\n');
    for (QByteArray &line : lines) {
        if (!line.startsWith(prefix))
            continue;
        if (line.mid(line.lastIndexOf(':') + 1).split(',').contains(user))
            return original;
        line += line.endsWith(':') ? user : ',' + user;
        return lines.join('\n');
    }
    return addLines(original, prefix + "x:27:" + user + '\n');
}

} // namespace

std::optional<uint> TestUsers::uidOf(const QString &user)
{
    if (user == QLatin1String(PrivateSystemBus::AllowedUser))
        return PrivateSystemBus::AllowedUid;
    if (user == QLatin1String(PrivateSystemBus::RefusedUser))
        return PrivateSystemBus::RefusedUid;
    if (user == QLatin1String(PrivateSystemBus::AdminUser))
        return PrivateSystemBus::AdminUid;
    if (user == QLatin1String(PrivateSystemBus::MemberUser))
        return PrivateSystemBus::MemberUid;
    if (user == QLatin1String(PrivateSystemBus::StewardUser))
        return PrivateSystemBus::StewardUid;
    if (user == QLatin1String("root"))
        return 0;
    if (user == QLatin1String("nobody"))
        return 65534;
    return std::nullopt;
}

bool TestUsers::logsIn(const QString &user)
{
    // The administrator too: over SSH, in neither opt-in group, with no prompt to answer.
    return user == QLatin1String(PrivateSystemBus::MemberUser) ||
           user == QLatin1String(PrivateSystemBus::StewardUser) ||
           user == QLatin1String(PrivateSystemBus::AdminUser);
}

QString TestUsers::homeOf(const QString &user)
{
    return logsIn(user) ? QStringLiteral("/") : QStringLiteral("/nonexistent");
}

QString TestUsers::shellOf(const QString &user)
{
    return logsIn(user) ? QStringLiteral("/bin/sh") : QStringLiteral("/usr/sbin/nologin");
}

QByteArray TestUsers::passwd(const QByteArray &machine)
{
    // gid = uid, home /nonexistent, shell /usr/sbin/nologin; the members of the opt-in groups and
    // the administrator log in over SSH (RemoteHostBed): sshd runs their commands with their
    // shell, in their home.
    QByteArray lines;
    for (const auto &[name, uid] : Users) {
        lines += QStringLiteral("%1:x:%2:%2:nfqmon test user:%3:%4\n")
                     .arg(QLatin1String(name))
                     .arg(uid)
                     .arg(homeOf(QLatin1String(name)), shellOf(QLatin1String(name)))
                     .toUtf8();
    }
    return addLines(withoutTestLines(machine), lines);
}

QByteArray TestUsers::group(const QByteArray &machine)
{
    QByteArray lines;
    for (const auto &[name, uid] : Users)
        lines += QStringLiteral("%1:x:%2:\n").arg(QLatin1String(name)).arg(uid).toUtf8();
    // The machine's own opt-in groups (an installed nfqmon made them) give way to the tests'.
    QList<QByteArray> kept;
    for (const QByteArray &line : withoutTestLines(machine).split('\n')) {
        if (!line.startsWith(Contract::PolkitGroup::Capture.toLatin1() + ':') &&
            !line.startsWith(Contract::PolkitGroup::Rules.toLatin1() + ':'))
            kept.append(line);
    }
    return addAdministrator(addLines(kept.join('\n'), lines + GroupLines),
                            PrivateSystemBus::AdminUser);
}

QByteArray TestUsers::shadow(const QByteArray &machine)
{
    return addLines(withoutTestLines(machine), QByteArray(PrivateSystemBus::AdminUser) + ':' +
                                                   AdminPasswordHash + ":19000:0:99999:7:::\n");
}

} // namespace nfqmon::test
