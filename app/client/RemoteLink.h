// The way to another machine's helper: the user's own OpenSSH, run as the user (their agent,
// keys, known_hosts, ~/.ssh/config and jump hosts), never a daemon or port of nfqmon's.
//
// - Control: a D-Bus connection whose address runs `ssh HOST systemd-stdio-bridge` (libdbus's
//   unixexec transport): the remote bridge joins the remote system bus as the SSH user, and the
//   remote helper and polkit see an ordinary caller of that user.
// - Packets: a descriptor cannot cross SSH, so `ssh HOST nfqmon-capture --relay` opens the
//   stream on the remote bus and copies it to its standard output, which is one end of a socket
//   pair here; the other end is read as a local stream is.
//
// Both run over one SSH connection (ControlMaster, in a socket under the user's runtime
// directory), compressed; a host key ssh does not know or that changed fails (BatchMode: ssh
// never asks, never accepts a key by itself), as does a login that would need a password. A
// dead link is noticed by ssh's keep-alives within about ten seconds; the connection's users then
// see their ssh exit and connect anew.
#pragma once

#include "app/client/SshDestination.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

namespace nfqmon {

class RemoteLink : public QObject
{
    Q_OBJECT
public:
    // The program run as ssh: $NFQMON_SSH if set (a path, as GIT_SSH), else `ssh` on PATH.
    static QString sshProgram();

    explicit RemoteLink(const SshDestination &destination, QObject *parent = nullptr);
    ~RemoteLink() override; // ends relays and the shared SSH connection

    SshDestination destination() const { return m_destination; }
    // The D-Bus address that reaches the remote system bus (QDBusConnection::connectToBus).
    QString busAddress() const;
    // ssh's arguments to run `command` on the host.
    QStringList sshArguments(const QStringList &command) const;

    // ssh's arguments that ask the host for $SSH_CONNECTION, which also opens the shared
    // connection.
    QStringList reachArguments() const
    {
        return sshArguments({QStringLiteral("echo"), QStringLiteral("\"$SSH_CONNECTION\"")});
    }
    // Blocking (for a worker thread: it touches no link): runs ssh with `arguments`. Empty
    // when it worked (and `output` what the command printed), else what ssh said last ("Host
    // key verification failed.", "Permission denied (publickey).", ...).
    static QString reach(const QStringList &arguments, QString *output);

    // Starts the relay; the descriptor to read the stream from (owned by the caller), or -1 and
    // a sentence. relayFailed() when it ends with an error (ssh's or the remote command's last
    // words), relayEnded() when it ends cleanly.
    int openRelay(QString *error);

signals:
    void relayFailed(const QString &message);
    void relayEnded();

private:
    QString controlPath() const;

    SshDestination m_destination;
    QList<QProcess *> m_relays;
};

} // namespace nfqmon
