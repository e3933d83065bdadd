// nfqmon-helper in headless mode (`nfqmon-helper --config FILE`), run by a test: writes the
// config, starts the helper, waits until it says it is capturing, stops it with a signal and
// reads what it printed (status lines, totals, rule hits, dump counts).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <memory>
#include <optional>

class QProcess;

// QVERIFY for a check made while `helper` runs: a failure shows what the helper printed.
#define NFQMON_VERIFY_HELPER(condition, helper)                                                    \
    QVERIFY2(condition, qPrintable(QStringLiteral(#condition "\n") + (helper).outputSoFar()))

namespace nfqmon::test {

// "received=N accepted=N dropped=N lost=N kernel_dropped=N passed_unseen=N"; -1 for a value not
// printed.
struct HelperCounters {
    qint64 received = -1;
    qint64 accepted = -1;
    qint64 dropped = -1;
    qint64 lost = -1;
    qint64 kernelDropped = -1;
    qint64 passedUnseen = -1;
    qint64 decidedPassed = -1; // with an inspection depth
    qint64 decidedDropped = -1;
};

// "rule <id>: hits=N action=<drop|accept> expression=<expr>"
struct HelperRuleHits {
    int id = 0;
    qint64 hits = -1;
    QString action;
    QString expression;
};

// "dump input: packets=N file=<path>"
struct HelperDumpCount {
    qint64 packets = -1;
    QString file;
};

struct HelperReport {
    bool exited = false;   // ended by itself or by our signal, and did not crash
    bool timedOut = false; // did not stop in time and was killed
    bool killed = false;   // ended by a signal (SIGKILL of kill(), or a crash)
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    QList<HelperCounters> statuses;
    std::optional<HelperCounters> totals;
    // "bytes: accepted=N dropped=N", after the totals; -1 when not printed.
    qint64 acceptedBytes = -1;
    qint64 droppedBytes = -1;
    QList<HelperRuleHits> rules;
    std::optional<HelperDumpCount> dumpInput;
    std::optional<HelperDumpCount> dumpOutput;

    static HelperReport parse(const QByteArray &standardOutput);
    const HelperRuleHits *rule(int id) const;
    // The "nfqmon-helper: error: ..." lines of stderr, joined.
    QString errorMessage() const;
    // Exit, stdout and stderr, for failure messages.
    QString describe() const;
};

class HelperProcess
{
public:
    static QString program(); // the helper under test (NFQMON_HELPER_PATH)
    static constexpr char ReadyPrefix[] = "nfqmon-helper: capturing";

    HelperProcess();
    ~HelperProcess(); // kills a helper still running
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;

    // A path in this helper's private temporary directory (config, dumps).
    QString filePath(const QString &name) const;
    bool writeConfig(const QString &text, QString *error);
    QString configPath() const { return filePath(QStringLiteral("helper.conf")); }
    QString config() const { return m_config; }

    // Starts the helper and waits for its readiness line. On failure `error` holds why, with
    // the helper's output, and no helper is left running.
    bool start(QString *error, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // For a run that must fail during set-up: starts the helper and waits until it exits (or
    // kills it after `timeout`, which the report says).
    HelperReport runUntilExit(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // SIGINT (or another signal), then waits for the exit; SIGKILL after `timeout`.
    HelperReport stop(int signal = 2 /* SIGINT */,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));
    HelperReport kill(); // SIGKILL, no clean-up by the helper

    bool isRunning() const;
    qint64 pid() const { return m_pid; }
    QString readyLine() const { return m_readyLine; }
    // Whether it still runs, and what it printed so far: for messages of checks made while
    // it captures (a failed ping then shows the helper's complaint, if any).
    QString outputSoFar();
    // Waits until its output (stdout, or stderr with `log = -`) holds `count` lines that start
    // with `prefix`.
    bool waitForLines(const QString &prefix, int count, std::chrono::milliseconds timeout);

private:
    bool launch(QString *error);
    void collectOutput();
    QStringList outputLines() const;
    HelperReport finish(bool timedOut);

    QTemporaryDir m_directory;
    QString m_config;
    std::unique_ptr<QProcess> m_process;
    qint64 m_pid = 0;
    QByteArray m_standardOutput;
    QByteArray m_standardError;
    QString m_readyLine;
};

} // namespace nfqmon::test
