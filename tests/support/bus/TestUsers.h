// The test users of a PrivateSystemBus (PrivateSystemBus::AllowedUser and the others) as the
// account files that are mounted over the machine's: its own /etc/passwd, /etc/group and
// /etc/shadow with the users added, the administrator in group sudo with its password.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace nfqmon::test {

class TestUsers
{
public:
    // The group that makes a user an administrator (as Debian's 50-default.rules says).
    static constexpr char AdminGroup[] = "sudo";

    // uid of PrivateSystemBus::AllowedUser, RefusedUser, AdminUser, "root" or "nobody" (65534: a
    // user no rule speaks for); nothing for anyone else.
    static std::optional<uint> uidOf(const QString &user);

    // The users who log in over SSH on a remote host (RemoteHostBed): MemberUser and StewardUser,
    // with shell /bin/sh and home / (sshd runs a command with the user's shell, in the home).
    // The others have shell /usr/sbin/nologin and home /nonexistent.
    static bool logsIn(const QString &user);
    static QString homeOf(const QString &user);
    static QString shellOf(const QString &user);

    // The machine's file with the test users' lines added (replacing any it already has: a
    // remote host's bus starts inside a test's mount namespace, whose copies have them).
    static QByteArray passwd(const QByteArray &machine);
    static QByteArray group(const QByteArray &machine);
    static QByteArray shadow(const QByteArray &machine);
};

} // namespace nfqmon::test
