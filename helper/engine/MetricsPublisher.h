// Writes the metrics file every few seconds from the helper's event loop (never from the packet
// path): a snapshot asked of `source`, formatted, replaced atomically. A write that fails is
// reported once, with the reason, and again only after one succeeded in between; whatever
// drives the capture goes on.
#pragma once

#include "helper/engine/MetricsFile.h"
#include "helper/engine/MetricsSnapshot.h"

#include <QObject>

#include <functional>

class QTimer;

namespace nfqmon {

class MetricsPublisher : public QObject
{
    Q_OBJECT
public:
    static constexpr int IntervalMs = 5000;
    using Source = std::function<MetricsSnapshot()>;
    using Reporter = std::function<void(const QString &message)>;

    MetricsPublisher(MetricsFile file, Source source, Reporter report, QObject *parent = nullptr);

    const MetricsFile &file() const { return m_file; }
    // Writes now (a start, a stop, a changed setting); the timer goes on. False and the reason
    // (also reported, once) when the write failed.
    bool publish(QString *error = nullptr);
    void start(); // publishes every IntervalMs from now
    void stop();
    QString lastError() const { return m_lastError; } // empty while writes succeed

private:
    MetricsFile m_file;
    Source m_source;
    Reporter m_report;
    QTimer *m_timer = nullptr;
    QString m_lastError;
};

} // namespace nfqmon
