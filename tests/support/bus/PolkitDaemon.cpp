#include "tests/support/bus/PolkitDaemon.h"

#include "tests/support/core/Command.h"

#include <QDeadlineTimer>

#include <csignal>
#include <sys/prctl.h>

namespace nfqmon::test {

namespace {

const QString Program = QStringLiteral("/usr/lib/polkit-1/polkitd");

} // namespace

PolkitDaemon::~PolkitDaemon()
{
    stop();
}

bool PolkitDaemon::start(const QString &logFile, const std::function<bool()> &onBus, QString *error,
                         std::chrono::milliseconds timeout)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(Program);
    m_process->setArguments({QStringLiteral("--no-debug")});
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(logFile, QIODevice::Append);
    m_process->setStandardErrorFile(logFile, QIODevice::Append);
    // polkitd becomes user polkitd, which clears this; it also exits when its bus goes away.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(Program, m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeout);
    while (!onBus()) {
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = QStringLiteral("polkitd did not appear on the private bus");
            return false;
        }
        m_process->waitForFinished(50);
    }
    return true;
}

void PolkitDaemon::stop(std::chrono::milliseconds grace)
{
    Command::stop(m_process, grace);
}

bool PolkitDaemon::waitForEnd(std::chrono::milliseconds timeout)
{
    return m_process && (m_process->state() == QProcess::NotRunning ||
                         m_process->waitForFinished(int(timeout.count())));
}

qint64 PolkitDaemon::pid() const
{
    return m_process && m_process->state() == QProcess::Running ? m_process->processId() : 0;
}

} // namespace nfqmon::test
