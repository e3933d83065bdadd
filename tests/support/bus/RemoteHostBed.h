// Remote hosts reached over real SSH, for the tests of nfqmon's "Connect to host…" and of
// `nfqmon-capture --relay`: each host is an nfqmon-test-remotehost process (tests/tools) with
// network and mount namespaces of its own, joined to the test's network namespace by a veth pair:
//
//   test namespace                        host n (0-based; alias remote<n+1>)
//     nfqremote<n+1> 10.78.<n+1>.1/24  <-->  eth0 10.78.<n+1>.2/24   sshd on :22 (both addresses)
//                    fd00:78:<n+1>::1/64      fd00:78:<n+1>::2/64    private system bus, polkitd,
//                                                                    nfqmon-helper (activated)
//
// (the numbers of a bed started while another runs in the process are the next free ones: its
// remote1 may be nfqremote3, 10.78.3.2; host() says).
// The host's sshd is the real /usr/sbin/sshd with a host key made at start; it accepts the
// bed's client key for every user (nfqmon-member, nfqmon-steward, ...: the test users, who
// exist inside the host's mount namespace) and runs their commands with PATH = the build's
// program directories, then /usr/bin:/bin, and DBUS_SYSTEM_BUS_ADDRESS = the host's bus. So
// `ssh remote1 systemd-stdio-bridge` reaches remote1's helper, and polkit there answers for
// the user who logged in (packaging/polkit/49-nfqmon-groups.rules: nfqmon-member may capture,
// nfqmon-steward may also change rules).
//
// The client side uses the machine's own /usr/bin/ssh with nothing of ~/.ssh or /etc/ssh: a
// config file (sshConfig()) with the aliases, a key pair and a known_hosts file of the bed's,
// and a wrapper (sshWrapper(): `exec ssh -F CONFIG "$@"`) for code that runs "the ssh program"
// (NFQMON_SSH). Host keys are checked strictly (StrictHostKeyChecking yes, BatchMode yes): an
// unknown or changed key is "Host key verification failed.", never a question. Keepalives every
// second (ServerAliveInterval 1, ServerAliveCountMax 3): a client notices a dead link in about
// 4 s and ssh exits, which ends a D-Bus connection through it.
//
// Everything lives in the bed's temporary directory and in namespaces that end with the host
// processes; a host also ends when the test process dies. Call from the main thread, as root.
#pragma once

#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

class QProcess;

namespace nfqmon::test {

struct RemoteHost {
    int index = 0;
    QString alias;         // "remote1", "remote2", ...: a Host of sshConfig()
    QString address;       // its address (on its eth0): "10.78.1.2"; HostName of the alias
    QString address6;      // "fd00:78:1::2"
    QString localAddress;  // ours on the link: "10.78.1.1"
    QString localAddress6; // "fd00:78:1::1"
    QString link;          // our end of the veth pair: "nfqremote1"
    QString interface;     // its end: "eth0", what a capture there names
    int port = 22;
    QString hostKey;              // "ssh-ed25519 AAAA... root@remote1", as sshd has it now
    qint64 pid = 0;               // nfqmon-test-remotehost: its namespaces are /proc/PID/ns/*
    qint64 sshdPid = 0;           // the listening sshd (a new one after changeHostKey())
    QString busAddress;           // its private system bus (a path inside its mount namespace)
    QString helperStateDirectory; // its helper's rules live here
};

class RemoteHostBed
{
public:
    struct Options {
        // Who logs in (User of every alias; "USER@remote1" on the command line overrides it).
        QString user = QStringLiteral("nfqmon-member");
        // Who runs ssh on our side: the owner of the client key (mode 0600: a test user reads
        // only its own; root reads any). A test user (TestUsers::uidOf) for a window that runs as
        // one inside the test's PrivateSystemBus mount namespace; root by default.
        QString clientUser = QStringLiteral("root");
    };

    RemoteHostBed() = default;
    ~RemoteHostBed(); // stop()
    RemoteHostBed(const RemoteHostBed &) = delete;
    RemoteHostBed &operator=(const RemoteHostBed &) = delete;

    // Enters TestNetwork's private network namespace (if the test has not), makes the client
    // key and `count` hosts (started side by side), and writes the client files. On failure
    // `error` says why (with the hosts' logs) and nothing is left running.
    bool start(int count, QString *error, const Options &options,
               std::chrono::milliseconds timeout = std::chrono::seconds(60));
    bool start(int count, QString *error) { return start(count, error, Options()); }
    // Ends every host (sshd and its sessions, the helper, the bus; the namespaces and links
    // vanish: this waits until our ends of the links are gone) and removes the directory. Safe
    // at any point.
    void stop();

    int hostCount() const { return int(m_hosts.size()); }
    const RemoteHost &host(int n) const { return m_hosts.at(n)->info; }
    QString alias(int n) const { return host(n).alias; }

    // The client side, in directory().
    QString directory() const { return m_directory ? m_directory->path() : QString(); }
    QString sshWrapper() const;     // "DIR/ssh-wrapper": the ssh program for NFQMON_SSH
    QString sshConfig() const;      // "DIR/ssh_config"
    QString knownHostsFile() const; // "DIR/known_hosts"
    QString identityFile() const;   // "DIR/id_ed25519" (its .pub is what the hosts accept)

    // The D-Bus address of host n's system bus through the wrapper:
    // unixexec:path=WRAPPER,argv1=-xT,argv2=[USER@]ALIAS,argv3=systemd-stdio-bridge
    QString dbusAddress(int n, const QString &user = {}) const;
    // {wrapper, [USER@]ALIAS, remote...}, and the same run (as root, here).
    QStringList sshCommand(int n, const QStringList &remote, const QString &user = {}) const;
    Command::Result ssh(int n, const QStringList &remote,
                        std::chrono::milliseconds timeout = std::chrono::seconds(20),
                        const QString &user = {}) const;

    // `argv` run inside host n: its network and mount namespaces (`ss -ltnup`, `iptables-save`,
    // its files), as root.
    QStringList commandIn(int n, const QStringList &argv) const;
    Command::Result runIn(int n, const QStringList &argv,
                          std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

    // Host keys. knownHostsLine(): "ADDRESS,ADDRESS6 KEY" for host n's current key.
    // setKnownHosts() replaces the file (empty: every host is unknown); trustHostKeys() writes
    // every host's current key. changeHostKey() gives host n a new key (its sshd restarts;
    // sessions under way stay) and leaves known_hosts alone: the next connection is refused.
    QByteArray knownHostsLine(int n) const;
    bool setKnownHosts(const QByteArray &text, QString *error) const;
    bool trustHostKeys(QString *error) const;
    bool changeHostKey(int n, QString *error);

    // A dropped link: cutLink() sets our end of host n's veth pair down. Nothing more passes:
    // no reset, no FIN; a new connection fails at once ("Network is unreachable"), one under
    // way dies when ssh's keepalives go unanswered (about 4 s). The host does not notice
    // (sshd has no keepalives: its sessions, and so a capture their bus connection started,
    // stay until the link is back and our side answers their packets with a reset).
    // restoreLink() sets it up again and returns once host n's sshd accepts connections.
    bool cutLink(int n, QString *error);
    bool restoreLink(int n, QString *error,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // The host's side of an abrupt end instead: every SSH session on host n killed, their
    // connections closed at once. The number of processes killed, -1 on failure.
    int dropSessions(int n, QString *error);

    // What host n's tool and sshd logged, then its bus daemon, polkitd and helper.
    QString log(int n) const;

private:
    struct Host {
        RemoteHost info;
        int number = 0; // of its link and addresses
        std::unique_ptr<QProcess> process;
    };
    QString path(const QString &name) const;
    bool startHost(int index, QString *error);
    bool waitReady(Host &host, QString *error, std::chrono::milliseconds timeout);
    QJsonObject request(int n, const QByteArray &command, QString *error) const;
    bool writeClientFiles(QString *error) const;
    bool waitForSshd(int n, std::chrono::milliseconds timeout) const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_directory;
    QList<std::shared_ptr<Host>> m_hosts;
};

} // namespace nfqmon::test

// initTestCase() of a test with remote hosts: `count` hosts of `bed` (a RemoteHostBed).
#define NFQMON_START_REMOTE_HOSTS(bed, count)                                                      \
    do {                                                                                           \
        NFQMON_REQUIRE_PRIVILEGES();                                                               \
        QString remoteError_;                                                                      \
        QVERIFY2((bed).start((count), &remoteError_), qPrintable(remoteError_));                   \
    } while (false)
