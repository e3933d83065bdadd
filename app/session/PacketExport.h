// Exports packets to a pcap file without blocking the window: PcapExporter writes in a worker and
// reports its progress; cancel() stops it. "The selected conversations" are found first, also in
// a worker: every packet between the address pairs of the chosen packets, both ways.
#pragma once

#include "app/store/PacketSnapshot.h"
#include "app/store/PcapExporter.h"
#include "app/store/StoredPacket.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace nfqmon {

class PacketExport : public QObject
{
    Q_OBJECT
public:
    explicit PacketExport(QObject *parent = nullptr);
    ~PacketExport() override;

    // rows of the snapshot (nullopt: all of it). False when an export runs already.
    bool start(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows,
               const QString &path);
    bool startConversations(const PacketSnapshot &snapshot, const QList<StoredPacket> &packets,
                            const QString &path);
    bool isRunning() const { return m_running; }
    // Stops the export that runs (finished() tells).
    void cancel();

    // The rows of `snapshot` between the address pairs of `packets`, either way.
    static QList<qint64> conversationRows(const PacketSnapshot &snapshot,
                                          const QList<StoredPacket> &packets);

signals:
    // Writing to `path` begins (after the conversations were found).
    void writing(const QString &path);
    // done of total packets written.
    void progress(qint64 done, qint64 total);
    // message: what was written where, or why not.
    void finished(bool ok, const QString &message);

private:
    void write(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows);
    void onProgress(qint64 done, qint64 total);
    void onFinished(bool ok, const QString &error);

    PcapExporter m_exporter;
    QFutureWatcher<QList<qint64>> m_finding;
    PacketSnapshot m_snapshot; // while conversations are found
    QString m_path;
    qint64 m_total = 0;
    bool m_running = false;
};

} // namespace nfqmon
