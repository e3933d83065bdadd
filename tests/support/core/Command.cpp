#include "tests/support/core/Command.h"

#include <QProcess>

namespace nfqmon::test {

QString Command::Result::describe() const
{
    QString text = command + QStringLiteral(": ");
    if (finished)
        text += QStringLiteral("exit %1").arg(exitCode);
    else
        text += QStringLiteral("did not finish");
    if (!output.isEmpty())
        text += QStringLiteral("\n--- stdout\n") + QString::fromLocal8Bit(output);
    if (!errorOutput.isEmpty())
        text += QStringLiteral("\n--- stderr\n") + QString::fromLocal8Bit(errorOutput);
    return text;
}

Command::Result Command::run(const QStringList &argv, std::chrono::milliseconds timeout,
                             const QByteArray &input)
{
    Result result;
    result.command = argv.join(QLatin1Char(' '));
    if (argv.isEmpty())
        return result;

    QProcess process;
    process.setProgram(argv.first());
    process.setArguments(argv.mid(1));
    process.start();
    if (!process.waitForStarted(int(timeout.count()))) {
        result.errorOutput = process.errorString().toLocal8Bit();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(timeout.count()))) {
        // Bounded: a hung command becomes a test failure, not a hung suite.
        process.kill();
        process.waitForFinished(2000);
        result.output = process.readAllStandardOutput();
        result.errorOutput =
            process.readAllStandardError() + QByteArrayLiteral("\n(killed after timeout)");
        return result;
    }
    result.output = process.readAllStandardOutput();
    result.errorOutput = process.readAllStandardError();
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    return result;
}

void Command::stop(std::unique_ptr<QProcess> &process, std::chrono::milliseconds grace)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(int(grace.count()))) {
            process->kill();
            process->waitForFinished(int(grace.count()));
        }
    }
    process.reset();
}

} // namespace nfqmon::test
