#include "tests/support/bus/UserCommand.h"

#include "tests/support/bus/TestUsers.h"

#include <QProcess>

#include <csignal>
#include <sys/prctl.h>

namespace nfqmon::test {

QStringList UserCommand::argv(const QString &user, const QString &busAddress,
                              const QStringList &argv)
{
    const std::optional<uint> uid = TestUsers::uidOf(user);
    if (!uid || argv.isEmpty())
        return {};
    QStringList command;
    if (*uid != 0) {
        // --reuid sets the saved uid too, so the program keeps no way back to root (and, not
        // root, no capabilities). The credential change clears the parent-death signal:
        // --pdeathsig sets it again.
        command = {QStringLiteral("setpriv"),
                   QStringLiteral("--reuid=%1").arg(*uid),
                   QStringLiteral("--regid=%1").arg(*uid),
                   QStringLiteral("--clear-groups"),
                   QStringLiteral("--pdeathsig=SIGKILL"),
                   QStringLiteral("--")};
    }
    command += {QStringLiteral("env"),
                QStringLiteral("-u"),
                QStringLiteral("XDG_RUNTIME_DIR"),
                QStringLiteral("-u"),
                QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                QStringLiteral("HOME=") +
                    (*uid == 0 ? QStringLiteral("/root") : QStringLiteral("/nonexistent")),
                QStringLiteral("USER=") + user,
                QStringLiteral("LOGNAME=") + user,
                QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + busAddress};
    return command + argv;
}

Command::Result UserCommand::run(const QString &user, const QString &busAddress,
                                 const QStringList &argv, std::chrono::milliseconds timeout,
                                 const QByteArray &input)
{
    const QStringList command = UserCommand::argv(user, busAddress, argv);
    if (command.isEmpty()) {
        Command::Result result;
        result.command = argv.join(QLatin1Char(' '));
        result.errorOutput = QStringLiteral("no test user \"%1\"").arg(user).toUtf8();
        return result;
    }
    return Command::run(command, timeout, input);
}

std::unique_ptr<QProcess> UserCommand::start(const QString &user, const QString &busAddress,
                                             const QString &program, const QStringList &arguments,
                                             QString *error)
{
    const QStringList command = argv(user, busAddress, QStringList{program} + arguments);
    if (command.isEmpty()) {
        *error = QStringLiteral("no test user \"%1\"").arg(user);
        return nullptr;
    }
    auto process = std::make_unique<QProcess>();
    process->setProgram(command.first());
    process->setArguments(command.mid(1));
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process->start();
    if (!process->waitForStarted(5000)) {
        *error =
            QStringLiteral("cannot start %1 as %2: %3").arg(program, user, process->errorString());
        return nullptr;
    }
    return process;
}

} // namespace nfqmon::test
