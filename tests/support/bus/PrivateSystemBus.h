// A private D-Bus system bus with the real polkitd, for tests that drive `nfqmon-helper --service`
// as unprivileged users. start() moves the test process (its main thread, which starts every
// child) into a private mount namespace and, only there, bind-mounts
//
//   /etc/passwd, /etc/group        copies that add the test users nfqmon-allowed, nfqmon-refused
//                                  and nfqmon-admin (a member of group sudo)
//   /etc/shadow                    a copy that gives nfqmon-admin the password AdminPassword
//   /usr/share/polkit-1/actions    the machine's actions plus packaging/polkit/org.nfqmon.policy
//   /etc/polkit-1/rules.d          one rules file: YES for nfqmon-allowed, NO for nfqmon-refused
//                                  on org.nfqmon.* actions; administrators are unix-group:sudo
//                                  (as Debian's 50-default.rules says)
//   /usr/share/polkit-1/rules.d    only the package's packaging/polkit/49-nfqmon-groups.rules, so
//                                  the machine's own rules do not interfere
//   /run/dbus                      the private bus's socket as system_bus_socket: programs that
//                                  clear their environment (polkit-agent-helper-1) find it too
//
// then runs dbus-daemon with a system-bus configuration of its own (the default policy of
// system.conf, polkit's and packaging/dbus's policy files, activation of org.nfqmon.Helper as
// root without the setuid launch helper) and polkitd on it, and points DBUS_SYSTEM_BUS_ADDRESS
// of the test process at it. The machine's files and its own system bus are never changed.
//
// The configuration, the rules and the activation file are the files of bus/data/ (BusDataFile).
// The parts: MountNamespace and BindMounts (the mounts), PrivateBusDirectory, PrivateBusFiles and
// TestUsers (the files), BusDaemon and PolkitDaemon (the daemons), UserCommand (programs run as
// test users).
//
// It also enters TestNetwork's private network namespace first: the helper it activates runs in
// the namespaces of the bus daemon, and must never touch the machine's firewall.
#pragma once

#include "tests/support/bus/BindMounts.h"
#include "tests/support/bus/BusDaemon.h"
#include "tests/support/bus/MountNamespace.h"
#include "tests/support/bus/PolkitDaemon.h"
#include "tests/support/bus/PrivateBusDirectory.h"
#include "tests/support/bus/TestUsers.h"
#include "tests/support/bus/UserCommand.h"
#include "tests/support/core/Command.h"

#include <QDBusConnection>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

class QProcess;

namespace nfqmon::test {

class PrivateSystemBus
{
public:
    // The test users that exist inside the mount namespace (gid = uid, home /nonexistent,
    // shell /usr/sbin/nologin; MemberUser and StewardUser, who log in over SSH, have home / and
    // shell /bin/sh).
    static constexpr char AllowedUser[] = "nfqmon-allowed"; // polkit: YES for org.nfqmon.*
    static constexpr uint AllowedUid = 64101;
    static constexpr char RefusedUser[] = "nfqmon-refused"; // polkit: NO for org.nfqmon.*
    static constexpr uint RefusedUid = 64102;
    // No rule decides for this user: the policy's defaults apply, and as a member of group sudo
    // it is an administrator who can answer auth_admin with its own password.
    static constexpr char AdminUser[] = "nfqmon-admin";
    static constexpr uint AdminUid = 64103;
    static constexpr char AdminPassword[] = "nfqmon-test-password";
    // No rule of the tests speaks for these two: packaging/polkit/49-nfqmon-groups.rules does,
    // through their groups. A member of group nfqmon may capture; the steward is also in group
    // nfqmon-rules and may change rules.
    static constexpr char MemberUser[] = "nfqmon-member";
    static constexpr uint MemberUid = 64104;
    static constexpr char StewardUser[] = "nfqmon-steward";
    static constexpr uint StewardUid = 64105;

    static constexpr char HelperService[] = "org.nfqmon.Helper";
    static constexpr char PolkitService[] = "org.freedesktop.PolicyKit1";
    static constexpr int DefaultIdleTimeout = 60; // seconds, as the helper's own default

    // uid of AllowedUser, RefusedUser, AdminUser, MemberUser, StewardUser, "root" or "nobody"
    // (65534: a user no rule speaks for); nothing for anyone else.
    static std::optional<uint> uidOf(const QString &user) { return TestUsers::uidOf(user); }

    // Idempotent; start() calls it. The fixture mounts only while inPrivateMountNamespace():
    // in that namespace, which is neither the one the process had before nor pid 1's.
    static bool enterPrivateMountNamespace(QString *error)
    {
        return MountNamespace::enterPrivate(error);
    }
    static bool inPrivateMountNamespace() { return MountNamespace::inPrivate(); }
    // `argv` run in the mount namespace this process had before: what the machine sees.
    static QStringList commandOutside(const QStringList &argv)
    {
        return MountNamespace::commandOutside(argv);
    }

    PrivateSystemBus();
    ~PrivateSystemBus(); // stop()
    PrivateSystemBus(const PrivateSystemBus &) = delete;
    PrivateSystemBus &operator=(const PrivateSystemBus &) = delete;

    // What the activation file runs: `PROGRAM --service --state-dir DIR --idle-timeout N ARGS`.
    // Set before start(), or later followed by writeHelperService() (the next activation uses
    // it; a helper already running is not restarted). Defaults: the helper under test, a
    // "state" directory in this bus's temporary directory, DefaultIdleTimeout, no arguments.
    void setHelperProgram(const QString &program) { m_helperProgram = program; }
    void setHelperStateDirectory(const QString &directory) { m_helperStateDirectory = directory; }
    void setHelperIdleTimeout(int seconds) { m_helperIdleTimeout = seconds; }
    void setHelperArguments(const QStringList &arguments) { m_helperArguments = arguments; }
    QString helperStateDirectory() const;
    QStringList helperCommand() const; // program and arguments of the Exec= line
    bool writeHelperService(QString *error);

    // Everything above, within `timeout`. On failure `error` says why (with the daemons'
    // output) and nothing is left running or mounted. Call from the main thread.
    bool start(QString *error, std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // Kills the helper (if it runs), polkitd and dbus-daemon, unmounts and removes the
    // temporary directory, restores DBUS_SYSTEM_BUS_ADDRESS. Safe to call at any point.
    void stop();
    bool isRunning() const;
    qint64 daemonPid() const { return m_daemon.pid(); } // 0 when dbus-daemon does not run

    // The bus crashing, then coming back (a restart of dbus.service): killDaemon() SIGKILLs
    // dbus-daemon and waits for it to end, and for polkitd, which exits without its bus (the
    // helper leaves by itself: tst_service_lifecycle). The files, mounts and address stay.
    // restartDaemon() starts dbus-daemon and polkitd again at the same address; connection()
    // is then a new connection to it.
    bool killDaemon(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    bool restartDaemon(QString *error,
                       std::chrono::milliseconds timeout = std::chrono::seconds(20));

    QString address() const { return m_address; } // "unix:path=..."
    // The test process's own (root) connection to this bus. Prefer it to
    // QDBusConnection::systemBus(), which Qt creates once per process and never reconnects.
    QDBusConnection connection() const;
    // A polkit rules file `name` beside the fixture's own (sorted before it when it starts with a
    // lower number), for one test's policy; polkitd reloads its rules when the directory
    // changes: this waits until it has. Removing it waits likewise.
    bool addPolkitRules(const QString &name, const QByteArray &text, QString *error);
    bool removePolkitRules(const QString &name, QString *error);
    // What dbus-daemon (and so the helpers it activated) and polkitd printed so far.
    QString output() const;

    bool waitForName(const QString &name, std::chrono::milliseconds timeout) const;
    bool waitForNameGone(const QString &name, std::chrono::milliseconds timeout) const;
    // GetConnectionUnixProcessID of `name`; 0 when nobody owns it.
    qint64 pidOfName(const QString &name) const;
    qint64 helperPid() const { return pidOfName(QLatin1String(HelperService)); }
    // SIGTERM to the process owning org.nfqmon.Helper (SIGKILL after `timeout`); true when
    // none runs afterwards.
    bool stopHelper(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // `argv` run as `user` (one uidOf() knows) through setpriv, with this bus
    // as its system bus and an environment fit for that user (HOME=/nonexistent, USER, LOGNAME).
    QStringList commandAs(const QString &user, const QStringList &argv) const
    {
        return UserCommand::argv(user, m_address, argv);
    }
    Command::Result runAs(const QString &user, const QStringList &argv,
                          std::chrono::milliseconds timeout = std::chrono::seconds(15),
                          const QByteArray &input = {}) const
    {
        return UserCommand::run(user, m_address, argv, timeout, input);
    }
    // Started (or nullptr and `error`); killed by the kernel if the test process dies.
    std::unique_ptr<QProcess> startAs(const QString &user, const QString &program,
                                      const QStringList &arguments, QString *error) const
    {
        return UserCommand::start(user, m_address, program, arguments, error);
    }

private:
    QString path(const QString &name) const { return m_directory.filePath(name); }
    bool prepareFiles(QString *error);
    bool mountFiles(QString *error);
    bool startDaemons(QString *error, std::chrono::milliseconds timeout);
    bool waitForPolkitRules(bool markerLoaded, QString *error) const;

    PrivateBusDirectory m_directory;
    BindMounts m_mounts;
    BusDaemon m_daemon;
    PolkitDaemon m_polkit;
    QString m_address;
    QString m_connectionName;
    std::optional<QByteArray> m_previousAddress; // DBUS_SYSTEM_BUS_ADDRESS before start()

    QString m_helperProgram;
    QString m_helperStateDirectory;
    int m_helperIdleTimeout = DefaultIdleTimeout;
    QStringList m_helperArguments;
};

} // namespace nfqmon::test
