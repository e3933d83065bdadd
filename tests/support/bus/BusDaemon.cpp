#include "tests/support/bus/BusDaemon.h"

#include "tests/support/bus/PrivateBusDirectory.h"
#include "tests/support/core/Command.h"
#include "tests/support/core/ProcessTree.h"

#include <QDeadlineTimer>

#include <csignal>
#include <sys/prctl.h>

namespace nfqmon::test {

namespace {

const QString Program = QStringLiteral("/usr/bin/dbus-daemon");

} // namespace

BusDaemon::~BusDaemon()
{
    stop();
}

bool BusDaemon::start(const QString &configFile, const QString &logFile, const QString &address,
                      QString *error, std::chrono::milliseconds timeout)
{
    const qsizetype logStart = PrivateBusDirectory::readFile(logFile).size();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(Program);
    m_process->setArguments({QStringLiteral("--config-file=") + configFile,
                             QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    // To files, not pipes: a test that does not read them must never block the daemon or the
    // helpers it activates (they inherit its stdout and stderr).
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardOutputFile(logFile, QIODevice::Append);
    m_process->setStandardErrorFile(logFile, QIODevice::Append);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(Program, m_process->errorString());
        return false;
    }
    // --print-address prints once the socket listens (after what an earlier daemon printed).
    const QDeadlineTimer deadline(timeout);
    while (!PrivateBusDirectory::readFile(logFile).mid(logStart).contains(address.toUtf8() +
                                                                          ",guid=")) {
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = QStringLiteral("dbus-daemon did not start listening on %1").arg(address);
            return false;
        }
        m_process->waitForFinished(50);
    }
    return true;
}

void BusDaemon::stop()
{
    Command::stop(m_process, std::chrono::seconds(5));
}

bool BusDaemon::kill(std::chrono::milliseconds timeout)
{
    if (!isRunning())
        return false;
    m_process->kill();
    return m_process->state() == QProcess::NotRunning ||
           m_process->waitForFinished(int(timeout.count()));
}

void BusDaemon::killChildren()
{
    if (!isRunning())
        return;
    for (const qint64 child : ProcessTree::descendantsOf(m_process->processId()))
        ::kill(pid_t(child), SIGKILL);
}

bool BusDaemon::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 BusDaemon::pid() const
{
    return m_process && m_process->state() == QProcess::Running ? m_process->processId() : 0;
}

} // namespace nfqmon::test
