// Writes packets of a store snapshot to a pcap file, or a pcapng file when its name ends in
// ".pcapng" (nanosecond timestamps, link type RAW; pcapng adds interfaces, directions, verdict
// comments and the host names, PcapngAnnotator, as the helper's dumps) in a worker thread:
// progress() about ten times a second, finished() once. A failed or cancelled export removes its
// file. The rows are the snapshot's (= the store's rows when the snapshot was taken); they are
// written in arrival order, each once.
#pragma once

#include "app/store/PacketSnapshot.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <memory>

namespace nfqmon {

class PcapExporter : public QObject
{
    Q_OBJECT
public:
    explicit PcapExporter(QObject *parent = nullptr);
    ~PcapExporter() override; // cancels a running export and waits for it to stop

    // False (and nothing started) while an export runs.
    bool start(const PacketSnapshot &snapshot, const QList<qint64> &rows, const QString &path);
    bool startAll(const PacketSnapshot &snapshot, const QString &path);
    void cancel();
    bool isRunning() const { return m_running; }

    struct Outcome {
        bool ok = false;
        QString error;
        qint64 written = 0;
    };
    struct Progress {
        std::atomic_bool cancel{false}; // set to stop
        std::atomic<qint64> done{0};    // packets written so far
        std::atomic<qint64> total{0};   // packets to write (the rows without repeats)
    };
    // The export itself, in the calling thread.
    static Outcome write(const PacketSnapshot &snapshot, QList<qint64> rows, const QString &path,
                         Progress &progress);

signals:
    void progress(qint64 done, qint64 total);
    void finished(bool ok, const QString &error);

private:
    void reportProgress();
    void onFinished();

    std::shared_ptr<Progress> m_progress;
    QFutureWatcher<Outcome> m_watcher;
    QTimer m_progressTimer;
    qint64 m_reported = -1;
    bool m_running = false;
};

} // namespace nfqmon
