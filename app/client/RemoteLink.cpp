#include "app/client/RemoteLink.h"

#include <QProcess>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// A D-Bus address value: bytes other than [-0-9A-Za-z_/.\*] as %XX (D-Bus specification,
// "Server Addresses").
QString escaped(const QString &value)
{
    QString out;
    for (const char byte : value.toUtf8()) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            c == '-' || c == '_' || c == '/' || c == '.' || c == '\\' || c == '*')
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("%%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromLocal8Bit(lines.last().trimmed());
}

} // namespace

QString RemoteLink::sshProgram()
{
    const QString program = qEnvironmentVariable("NFQMON_SSH");
    return program.isEmpty() ? QStringLiteral("ssh") : program;
}

RemoteLink::RemoteLink(const SshDestination &destination, QObject *parent)
    : QObject(parent), m_destination(destination)
{}

RemoteLink::~RemoteLink()
{
    for (QProcess *relay : std::as_const(m_relays)) {
        relay->disconnect(this);
        relay->kill();
        relay->waitForFinished(1000);
    }
    // The shared connection is ours alone (our control path): end it now, not ControlPersist
    // later. Detached: the window does not wait for the network.
    QProcess::startDetached(sshProgram(),
                            {QStringLiteral("-o"), QStringLiteral("ControlPath=") + controlPath(),
                             QStringLiteral("-O"), QStringLiteral("exit"), QStringLiteral("--"),
                             m_destination.text()});
}

QString RemoteLink::controlPath() const
{
    // %C: a hash of the local host, remote host, port and user, so each destination has one.
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QStringLiteral("/tmp");
    return directory + QStringLiteral("/nfqmon-ssh-%C");
}

QStringList RemoteLink::sshArguments(const QStringList &command) const
{
    QStringList arguments{QStringLiteral("-x"), QStringLiteral("-T")};
    const QStringList options{
        QStringLiteral("BatchMode=yes"), // no prompt: no password, no unknown host key accepted
        QStringLiteral("ConnectTimeout=10"),
        QStringLiteral("ServerAliveInterval=3"), // a cut link ends the connection in ~9 s
        QStringLiteral("ServerAliveCountMax=3"),
        QStringLiteral("ControlMaster=auto"),
        QStringLiteral("ControlPath=") + controlPath(),
        QStringLiteral("ControlPersist=30"),
        QStringLiteral("Compression=yes"),
    };
    for (const QString &option : options)
        arguments << QStringLiteral("-o") << option;
    arguments << QStringLiteral("--") << m_destination.text() << command;
    return arguments;
}

QString RemoteLink::busAddress() const
{
    const QString program = sshProgram();
    QString address = QStringLiteral("unixexec:path=%1,argv0=%1").arg(escaped(program));
    const QStringList arguments = sshArguments({QStringLiteral("systemd-stdio-bridge")});
    for (int i = 0; i < arguments.size(); ++i)
        address += QStringLiteral(",argv%1=%2").arg(i + 1).arg(escaped(arguments[i]));
    return address;
}

QString RemoteLink::reach(const QStringList &arguments, QString *output)
{
    QProcess ssh;
    ssh.setProgram(sshProgram());
    ssh.setArguments(arguments);
    ssh.setStandardInputFile(QProcess::nullDevice());
    ssh.start();
    if (!ssh.waitForStarted(5000))
        return tr("ssh could not be run (%1): %2").arg(sshProgram(), ssh.errorString());
    // ConnectTimeout bounds the connection; the rest is one round trip.
    if (!ssh.waitForFinished(30000)) {
        ssh.kill();
        ssh.waitForFinished(1000);
        return tr("ssh did not answer within 30 seconds.");
    }
    if (ssh.exitStatus() == QProcess::NormalExit && ssh.exitCode() == 0) {
        *output = QString::fromLocal8Bit(ssh.readAllStandardOutput()).trimmed();
        return {};
    }
    const QString said = lastLine(ssh.readAllStandardError());
    return said.isEmpty() ? tr("ssh exited with status %1.").arg(ssh.exitCode()) : said;
}

int RemoteLink::openRelay(QString *error)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = tr("No socket for the packet stream from %1: %2")
                     .arg(m_destination.text(), qt_error_string(errno));
        return -1;
    }
    auto *relay = new QProcess(this);
    relay->setProgram(sshProgram());
    relay->setArguments(
        sshArguments({QStringLiteral("nfqmon-capture"), QStringLiteral("--relay")}));
    relay->setStandardInputFile(QProcess::nullDevice());
    relay->setStandardOutputFile(QProcess::nullDevice());
    const int childEnd = pair[1];
    // After QProcess set up the standard channels: the relay writes into our socket.
    relay->setChildProcessModifier([childEnd] { ::dup2(childEnd, STDOUT_FILENO); });
    connect(relay, &QProcess::finished, this, [this, relay](int code, QProcess::ExitStatus status) {
        m_relays.removeOne(relay);
        relay->deleteLater();
        const QString said = lastLine(relay->readAllStandardError());
        if (status == QProcess::NormalExit && code == 0)
            emit relayEnded();
        else
            emit relayFailed(said.isEmpty()
                                 ? tr("The packet stream from %1 ended (ssh exit status %2).")
                                       .arg(m_destination.text())
                                       .arg(code)
                                 : said);
    });
    relay->start();
    ::close(childEnd);
    if (!relay->waitForStarted(5000)) {
        *error = tr("ssh could not be run for %1 (%2): %3")
                     .arg(m_destination.text(), sshProgram(), relay->errorString());
        relay->deleteLater();
        ::close(pair[0]);
        return -1;
    }
    m_relays.append(relay);
    return pair[0];
}

} // namespace nfqmon
