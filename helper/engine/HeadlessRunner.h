// `nfqmon-helper --config FILE`: runs one capture in the foreground until SIGINT/SIGTERM, prints
// a status line every few seconds and the totals at exit.
#pragma once

#include "helper/engine/CaptureEngine.h"
#include "helper/engine/MetricsSnapshot.h"

#include <QObject>
#include <QString>
#include <QTextStream>

#include <memory>

class QTimer;

namespace nfqmon {

class MetricsPublisher;

class HeadlessRunner : public QObject
{
    Q_OBJECT
public:
    explicit HeadlessRunner(QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Reads the config and starts the capture. Returns the process exit code to use now if it
    // failed (with the message printed), or -1 when running (exit code via finished()).
    int start(const QString &configPath);

    static QString statusLine(const EngineStatistics &s);
    static QStringList totalLines(const EngineStatistics &s);

signals:
    void finished(int exitCode);

private:
    void printStatus();
    void shutdown();
    static bool checkConfigOwnership(const QString &path, QString *error);
    bool startMetrics(const QString &configPath, const QString &metricsFile, QString *error);
    MetricsSnapshot metricsSnapshot() const;

    std::unique_ptr<CaptureEngine> m_engine;
    QTimer *m_statusTimer = nullptr;
    MetricsPublisher *m_metrics = nullptr; // with metrics_file
    QString m_configSha256;
    std::optional<qint64> m_captureStartMs;
};

// Console output shared by the helper's threads: whole lines, flushed.
void printLine(const QString &line);
// From now on printLine() writes to standard error (standard output carries the packet log).
void printLinesToStandardError();
void printError(const QString &message);
void printWarning(const QString &message);

} // namespace nfqmon
