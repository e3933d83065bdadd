// Exports packets to a pcap file without blocking the window: PcapExporter writes in a worker,
// a progress dialog (shown only when it takes a while) can cancel. "The selected conversations"
// are found first, also in a worker: every packet between the address pairs of the chosen
// packets, both ways.
#pragma once

#include "PacketSnapshot.h"
#include "PcapExporter.h"
#include "StoredPacket.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <optional>

class QProgressDialog;
class QWidget;

namespace nfqmon {

class PacketExport : public QObject
{
    Q_OBJECT
public:
    explicit PacketExport(QWidget *window);
    ~PacketExport() override;

    // rows of the snapshot (nullopt: all of it). False when an export runs already.
    bool start(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows,
               const QString &path);
    bool startConversations(const PacketSnapshot &snapshot, const QList<StoredPacket> &packets,
                            const QString &path);
    bool isRunning() const { return m_running; }

    // The rows of `snapshot` between the address pairs of `packets`, either way.
    static QList<qint64> conversationRows(const PacketSnapshot &snapshot,
                                          const QList<StoredPacket> &packets);

signals:
    // message: what was written where, or why not.
    void finished(bool ok, const QString &message);

private:
    void write(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows);
    void showProgress(qint64 done, qint64 total);
    void onFinished(bool ok, const QString &error);

    QWidget *m_window;
    PcapExporter m_exporter;
    QFutureWatcher<QList<qint64>> m_finding;
    PacketSnapshot m_snapshot; // while conversations are found
    QPointer<QProgressDialog> m_progress;
    QString m_path;
    qint64 m_total = 0;
    bool m_running = false;
};

} // namespace nfqmon
