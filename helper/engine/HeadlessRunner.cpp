#include "helper/engine/HeadlessRunner.h"

#include "helper/config/ConfigFile.h"
#include "helper/config/ConfigParser.h"
#include "helper/engine/MetricsPublisher.h"
#include "helper/engine/TerminationSignals.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QMutex>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

QMutex g_consoleMutex;
FILE *g_lines = stdout;

} // namespace

void printLine(const QString &line)
{
    QMutexLocker lock(&g_consoleMutex);
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    fwrite(bytes.constData(), 1, size_t(bytes.size()), g_lines);
    fflush(g_lines);
}

void printLinesToStandardError()
{
    QMutexLocker lock(&g_consoleMutex);
    g_lines = stderr;
}

void printWarning(const QString &message)
{
    QMutexLocker lock(&g_consoleMutex);
    const QByteArray bytes =
        QStringLiteral("nfqmon-helper: warning: %1\n").arg(message).toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

void printError(const QString &message)
{
    QMutexLocker lock(&g_consoleMutex);
    const QByteArray bytes =
        QStringLiteral("nfqmon-helper: error: %1\n").arg(message).toLocal8Bit();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

HeadlessRunner::HeadlessRunner(QObject *parent) : QObject(parent) {}

HeadlessRunner::~HeadlessRunner() = default;

bool HeadlessRunner::checkConfigOwnership(const QString &path, QString *error)
{
    // As root, the paths in the config are opened with root's rights: only root may write it.
    struct stat st;
    if (geteuid() != 0 || ::stat(QFile::encodeName(path).constData(), &st) != 0)
        return true; // parseFile reports a missing file
    if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        *error = tr("%1 must be owned by root and writable by root only (chown root %1; "
                    "chmod go-w %1): the helper runs as root and opens the paths it names")
                     .arg(path);
        return false;
    }
    return true;
}

int HeadlessRunner::start(const QString &configPath)
{
    QString error;
    if (!checkConfigOwnership(configPath, &error)) {
        printError(error);
        return 1;
    }
    auto options = ConfigParser::parseFile(configPath, &error);
    if (!options) {
        printError(error);
        return 1;
    }

    // Standard output carries nothing but the log's JSON lines then.
    if (options->log == QLatin1String("-"))
        printLinesToStandardError();

    for (const Rule &rule : options->rules)
        if (const QString warning = rule.programWarning(); !warning.isEmpty())
            printWarning(warning);

    // Signals first: a SIGTERM during start-up must still lead to a clean stop.
    auto *stopRequests = new TerminationSignals(this);
    connect(stopRequests, &TerminationSignals::received, this, &HeadlessRunner::shutdown);

    // Written once before the capture starts: a path that cannot be written fails the start,
    // before any rule is installed.
    if (!options->metricsFile.isEmpty() &&
        !startMetrics(configPath, options->metricsFile, &error)) {
        printError(error);
        return 1;
    }

    m_engine = std::make_unique<CaptureEngine>(*options);
    m_engine->setMessageHandler([](const QString &message) { printError(message); });
    m_engine->setFinalCount(true); // the totals at exit give passed unseen exactly
    if (!m_engine->start(&error)) {
        printError(error);
        m_engine.reset();
        return 1;
    }
    m_captureStartMs = QDateTime::currentMSecsSinceEpoch();
    if (m_metrics) {
        m_metrics->publish();
        m_metrics->start();
    }

    const QString where = options->anyInterface ? tr("any interface")
                                                : options->interfaces.join(QStringLiteral(", "));
    const QString queues = options->queueCount == 1
                               ? tr("queue %1").arg(options->queueNumber)
                               : tr("queues %1-%2")
                                     .arg(options->queueNumber)
                                     .arg(options->queueNumber + options->queueCount - 1);
    printLine(tr("nfqmon-helper: capturing on %1 (%2, iptables rules: %3)")
                  .arg(where, queues,
                       options->enableIptables ? tr("automatic")
                                               : tr("your own, into HAKA-PRE/HAKA-OUT")));
    // enable_iptables = no with one family's chains only: captured, with what is left out.
    if (!m_engine->notice().isEmpty())
        printWarning(m_engine->notice());

    if (options->statusIntervalSeconds > 0) {
        m_statusTimer = new QTimer(this);
        connect(m_statusTimer, &QTimer::timeout, this, &HeadlessRunner::printStatus);
        m_statusTimer->start(options->statusIntervalSeconds * 1000);
    }
    return -1;
}

void HeadlessRunner::printStatus()
{
    printLine(statusLine(m_engine->statistics()));
}

void HeadlessRunner::shutdown()
{
    if (!m_engine)
        return;
    if (m_statusTimer)
        m_statusTimer->stop();
    if (m_metrics)
        m_metrics->stop();
    m_engine->stop();
    // The final figures, with capture_up 0, before the totals: a script that waits for the
    // totals finds the file final.
    if (m_metrics)
        m_metrics->publish();
    for (const QString &line : totalLines(m_engine->statistics()))
        printLine(line);
    m_engine.reset();
    emit finished(0);
}

bool HeadlessRunner::startMetrics(const QString &configPath, const QString &metricsFile,
                                  QString *error)
{
    // The hash of the bytes read, so `sha256sum FILE` on a host tells which config it runs.
    QFile config(configPath);
    if (config.open(QIODevice::ReadOnly))
        m_configSha256 = QString::fromLatin1(
            QCryptographicHash::hash(config.read(ConfigFile::MaxBytes), QCryptographicHash::Sha256)
                .toHex());
    m_metrics = new MetricsPublisher(
        MetricsFile(metricsFile, MetricsDirectory::Trust::Root),
        [this] { return metricsSnapshot(); },
        [](const QString &message) {
            printWarning(message + QStringLiteral("; the capture goes on"));
        },
        this);
    return m_metrics->publish(error);
}

MetricsSnapshot HeadlessRunner::metricsSnapshot() const
{
    MetricsSnapshot snapshot;
    if (m_engine) {
        snapshot.statistics = m_engine->statistics();
        snapshot.captureUp = m_engine->isRunning();
    }
    snapshot.captureStartMs = m_captureStartMs;
    snapshot.mode = QStringLiteral("headless");
    snapshot.configSha256 = m_configSha256;
    return snapshot;
}

namespace {

// "received=N ... kernel_dropped=N passed_unseen=N decided_passed=N decided_dropped=N"
// (passed_unseen once the rules' counters have been read, decided_* with an inspection depth).
QString counters(const EngineStatistics &s)
{
    QString text = QStringLiteral("received=%1 accepted=%2 dropped=%3 lost=%4 kernel_dropped=%5")
                       .arg(s.received)
                       .arg(s.accepted)
                       .arg(s.dropped)
                       .arg(s.lost)
                       .arg(s.kernelDropped());
    if (s.passedUnseenKnown)
        text += QStringLiteral(" passed_unseen=%1").arg(s.passedUnseen);
    if (s.decided)
        text += QStringLiteral(" decided_passed=%1 decided_dropped=%2")
                    .arg(s.decided->passedPackets)
                    .arg(s.decided->droppedPackets);
    return text;
}

} // namespace

QString HeadlessRunner::statusLine(const EngineStatistics &s)
{
    return QStringLiteral("status: ") + counters(s);
}

QStringList HeadlessRunner::totalLines(const EngineStatistics &s)
{
    QStringList lines;
    lines << QStringLiteral("totals: ") + counters(s);
    lines
        << QStringLiteral("bytes: accepted=%1 dropped=%2").arg(s.acceptedBytes).arg(s.droppedBytes);
    for (const auto &r : s.rules)
        lines << QStringLiteral("rule %1: hits=%2 action=%3 expression=%4")
                     .arg(r.rule.id)
                     .arg(r.hits)
                     .arg(actionName(r.rule.action), r.rule.expression);
    for (const auto &d : s.dumps) {
        QString line = QStringLiteral("dump %1: packets=%2 file=%3")
                           .arg(d.acceptedOnly ? QStringLiteral("output") : QStringLiteral("input"))
                           .arg(d.packets)
                           .arg(d.file);
        if (!d.error.isEmpty())
            line += QStringLiteral(" error=%1").arg(d.error);
        lines << line;
    }
    if (s.log) {
        QString line = QStringLiteral("log: lines=%1 lost=%2 file=%3")
                           .arg(s.log->lines)
                           .arg(s.log->lost)
                           .arg(s.log->file);
        if (!s.log->error.isEmpty())
            line += QStringLiteral(" error=%1").arg(s.log->error);
        lines << line;
    }
    if (s.kernelDropped() > 0)
        lines << QStringLiteral("kernel: queue_dropped=%1 user_dropped=%2 (failed open: these "
                                "packets passed without a verdict)")
                     .arg(s.kernelQueueDropped)
                     .arg(s.kernelUserDropped);
    if (s.passedUnseen > 0)
        lines << QStringLiteral("unseen: passed_unseen=%1 reached_rules=%2 (failed open: the "
                                "queue was full, these packets passed without a verdict%3)")
                     .arg(s.passedUnseen)
                     .arg(s.reachedRules)
                     .arg(s.passedUnseenExact ? QString()
                                              : QStringLiteral("; approximate: the rules could "
                                                               "not be stopped before their "
                                                               "counters were read"));
    if (s.attributionLost.value_or(0) > 0)
        lines << QStringLiteral("attribution: lost_reports=%1 (the kernel's ring was full: some "
                                "packets show no program)")
                     .arg(*s.attributionLost);
    return lines;
}

} // namespace nfqmon
