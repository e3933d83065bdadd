#include "tests/support/network/HelperProcess.h"

#include "tests/support/network/TestNetwork.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>
#include <sys/prctl.h>

namespace nfqmon::test {

namespace {

HelperCounters parseCounters(const QString &text)
{
    HelperCounters counters;
    for (const QString &field : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = field.section(QLatin1Char('='), 0, 0);
        bool ok = false;
        const qint64 value = field.section(QLatin1Char('='), 1).toLongLong(&ok);
        if (!ok)
            continue;
        if (key == QLatin1String("received"))
            counters.received = value;
        else if (key == QLatin1String("accepted"))
            counters.accepted = value;
        else if (key == QLatin1String("dropped"))
            counters.dropped = value;
        else if (key == QLatin1String("lost"))
            counters.lost = value;
        else if (key == QLatin1String("kernel_dropped"))
            counters.kernelDropped = value;
        else if (key == QLatin1String("passed_unseen"))
            counters.passedUnseen = value;
        else if (key == QLatin1String("decided_passed"))
            counters.decidedPassed = value;
        else if (key == QLatin1String("decided_dropped"))
            counters.decidedDropped = value;
    }
    return counters;
}

} // namespace

HelperReport HelperReport::parse(const QByteArray &standardOutput)
{
    static const QRegularExpression rulePattern(
        QStringLiteral("^rule (\\d+): hits=(\\d+) action=(\\S+).*? expression=(.*)$"));
    static const QRegularExpression bytesPattern(
        QStringLiteral("^bytes: accepted=(\\d+) dropped=(\\d+)$"));
    static const QRegularExpression dumpPattern(
        QStringLiteral("^dump (input|output): packets=(\\d+) file=(.*)$"));
    HelperReport report;
    report.standardOutput = standardOutput;
    for (const QString &line : QString::fromUtf8(standardOutput).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("status: "))) {
            report.statuses.append(parseCounters(line.mid(8)));
        } else if (line.startsWith(QLatin1String("totals: "))) {
            report.totals = parseCounters(line.mid(8));
        } else if (const auto rule = rulePattern.match(line); rule.hasMatch()) {
            report.rules.append({rule.captured(1).toInt(), rule.captured(2).toLongLong(),
                                 rule.captured(3), rule.captured(4)});
        } else if (const auto bytes = bytesPattern.match(line); bytes.hasMatch()) {
            report.acceptedBytes = bytes.captured(1).toLongLong();
            report.droppedBytes = bytes.captured(2).toLongLong();
        } else if (const auto dump = dumpPattern.match(line); dump.hasMatch()) {
            const HelperDumpCount count{dump.captured(2).toLongLong(), dump.captured(3)};
            if (dump.captured(1) == QLatin1String("input"))
                report.dumpInput = count;
            else
                report.dumpOutput = count;
        }
    }
    return report;
}

const HelperRuleHits *HelperReport::rule(int id) const
{
    for (const HelperRuleHits &hits : rules) {
        if (hits.id == id)
            return &hits;
    }
    return nullptr;
}

QString HelperReport::errorMessage() const
{
    QStringList errors;
    for (const QString &line : QString::fromUtf8(standardError).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("nfqmon-helper: error: ")))
            errors.append(line);
    }
    return errors.join(QLatin1Char('\n'));
}

QString HelperReport::describe() const
{
    QString text;
    if (timedOut)
        text = QStringLiteral("helper did not stop in time and was killed");
    else if (killed)
        text = QStringLiteral("helper ended by a signal");
    else if (exited)
        text = QStringLiteral("helper exited with %1").arg(exitCode);
    else
        text = QStringLiteral("helper did not run");
    text += QStringLiteral("\n--- stdout\n") + QString::fromUtf8(standardOutput);
    text += QStringLiteral("--- stderr\n") + QString::fromUtf8(standardError);
    return text;
}

QString HelperProcess::program()
{
    return QStringLiteral(NFQMON_HELPER_PATH);
}

HelperProcess::HelperProcess() : m_directory(QStringLiteral("/tmp/nfqmon-test-XXXXXX")) {}

HelperProcess::~HelperProcess()
{
    if (isRunning())
        kill();
}

QString HelperProcess::filePath(const QString &name) const
{
    return m_directory.filePath(name);
}

bool HelperProcess::writeConfig(const QString &text, QString *error)
{
    m_config = text;
    QFile file(configPath());
    const QByteArray bytes = text.toUtf8();
    if (!m_directory.isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(configPath(), file.errorString());
        return false;
    }
    return true;
}

bool HelperProcess::launch(QString *error)
{
    // The helper installs iptables rules and binds queues: only ever in the private namespace.
    if (!TestNetwork::inPrivateNamespace()) {
        *error = QStringLiteral("refusing to start the helper outside the test's private "
                                "network namespace");
        return false;
    }
    if (isRunning()) {
        *error = QStringLiteral("this helper is already running");
        return false;
    }
    m_standardOutput.clear();
    m_standardError.clear();
    m_readyLine.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program());
    m_process->setArguments({QStringLiteral("--config"), configPath()});
    // If the test process dies, its helper must not outlive it (and keep the namespace alive).
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program(), m_process->errorString());
        m_process.reset();
        return false;
    }
    m_pid = m_process->processId();
    return true;
}

bool HelperProcess::start(QString *error, std::chrono::milliseconds timeout)
{
    if (!launch(error))
        return false;
    const QDeadlineTimer deadline(timeout);
    for (;;) {
        collectOutput();
        for (const QString &line : outputLines()) {
            if (line.startsWith(QLatin1String(ReadyPrefix))) {
                m_readyLine = line;
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            *error = QStringLiteral("the helper ended before it was ready\nconfig:\n%1\n%2")
                         .arg(m_config, finish(false).describe());
            return false;
        }
        if (deadline.hasExpired()) {
            ::kill(pid_t(m_pid), SIGKILL);
            *error = QStringLiteral("the helper did not print \"%1\" within %2 ms\nconfig:\n%3\n%4")
                         .arg(QLatin1String(ReadyPrefix))
                         .arg(timeout.count())
                         .arg(m_config, finish(true).describe());
            return false;
        }
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 100)));
    }
}

HelperReport HelperProcess::runUntilExit(std::chrono::milliseconds timeout)
{
    QString error;
    if (!launch(&error)) {
        HelperReport report;
        report.standardError = error.toUtf8();
        return report;
    }
    if (!m_process->waitForFinished(int(timeout.count()))) {
        ::kill(pid_t(m_pid), SIGKILL);
        return finish(true);
    }
    return finish(false);
}

HelperReport HelperProcess::stop(int signal, std::chrono::milliseconds timeout)
{
    if (!m_process)
        return {};
    if (isRunning())
        ::kill(pid_t(m_pid), signal);
    if (!m_process->waitForFinished(int(timeout.count()))) {
        ::kill(pid_t(m_pid), SIGKILL);
        return finish(true);
    }
    return finish(false);
}

HelperReport HelperProcess::kill()
{
    return stop(SIGKILL);
}

bool HelperProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool HelperProcess::waitForLines(const QString &prefix, int count,
                                 std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    for (;;) {
        collectOutput();
        int seen = 0;
        for (const QString &line : outputLines())
            seen += line.startsWith(prefix) ? 1 : 0;
        if (seen >= count)
            return true;
        if (!isRunning() || deadline.hasExpired())
            return false;
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 100)));
    }
}

QString HelperProcess::outputSoFar()
{
    collectOutput();
    return (isRunning() ? QStringLiteral("helper running") : QStringLiteral("helper not running")) +
           QStringLiteral("\n--- stdout\n") + QString::fromUtf8(m_standardOutput) +
           QStringLiteral("--- stderr\n") + QString::fromUtf8(m_standardError);
}

void HelperProcess::collectOutput()
{
    if (!m_process)
        return;
    m_standardOutput += m_process->readAllStandardOutput();
    m_standardError += m_process->readAllStandardError();
}

QStringList HelperProcess::outputLines() const
{
    // Only complete lines: a line still being written is not yet a readiness line. Standard
    // error too: with `log = -` the helper prints its own lines there.
    QStringList lines;
    for (const QByteArray *output : {&m_standardOutput, &m_standardError}) {
        QString text = QString::fromUtf8(*output);
        text.truncate(text.lastIndexOf(QLatin1Char('\n')) + 1);
        lines += text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    return lines;
}

HelperReport HelperProcess::finish(bool timedOut)
{
    m_process->waitForFinished(5000);
    collectOutput();
    HelperReport report = HelperReport::parse(m_standardOutput);
    report.standardError = m_standardError;
    report.timedOut = timedOut;
    report.killed = m_process->exitStatus() == QProcess::CrashExit;
    report.exited = !report.killed && !timedOut;
    report.exitCode = report.exited ? m_process->exitCode() : -1;
    return report;
}

} // namespace nfqmon::test
