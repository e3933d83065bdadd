#include "app/session/PacketExport.h"

#include <QLocale>
#include <QtConcurrent>

#include <algorithm>
#include <cstring>

namespace nfqmon {

namespace {

struct AddressPair {
    std::array<std::uint8_t, 16> a{};
    std::array<std::uint8_t, 16> b{}; // a <= b, so both directions are one pair
    NetworkProtocol network = NetworkProtocol::Unknown;
    bool operator==(const AddressPair &) const = default;
};

std::optional<AddressPair> pairOf(const PacketSummary &s)
{
    if (s.network == NetworkProtocol::Unknown || s.missing == Missing::NetworkHeader)
        return std::nullopt;
    AddressPair pair;
    pair.network = s.network;
    pair.a = std::min(s.source, s.destination);
    pair.b = std::max(s.source, s.destination);
    return pair;
}

} // namespace

PacketExport::PacketExport(QObject *parent) : QObject(parent)
{
    connect(&m_exporter, &PcapExporter::progress, this, &PacketExport::onProgress);
    connect(&m_exporter, &PcapExporter::finished, this, &PacketExport::onFinished);
    connect(&m_finding, &QFutureWatcher<QList<qint64>>::finished, this, [this] {
        const QList<qint64> rows = m_finding.result();
        const PacketSnapshot snapshot = std::exchange(m_snapshot, {});
        if (rows.isEmpty()) {
            m_running = false;
            emit finished(false, tr("The selected conversations have no packets to export."));
            return;
        }
        write(snapshot, rows);
    });
}

PacketExport::~PacketExport()
{
    m_finding.waitForFinished();
}

bool PacketExport::start(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows,
                         const QString &path)
{
    if (m_running)
        return false;
    m_running = true;
    m_path = path;
    write(snapshot, std::move(rows));
    return true;
}

bool PacketExport::startConversations(const PacketSnapshot &snapshot,
                                      const QList<StoredPacket> &packets, const QString &path)
{
    if (m_running)
        return false;
    m_running = true;
    m_path = path;
    m_snapshot = snapshot;
    m_finding.setFuture(QtConcurrent::run(&PacketExport::conversationRows, snapshot, packets));
    return true;
}

QList<qint64> PacketExport::conversationRows(const PacketSnapshot &snapshot,
                                             const QList<StoredPacket> &packets)
{
    QList<AddressPair> pairs;
    for (const StoredPacket &packet : packets) {
        if (const auto pair = pairOf(packet.summary); pair && !pairs.contains(*pair))
            pairs.append(*pair);
    }
    QList<qint64> rows;
    if (pairs.isEmpty())
        return rows;
    for (qint64 row = 0; row < snapshot.size(); ++row) {
        const auto pair = pairOf(snapshot.at(row).summary);
        if (pair && pairs.contains(*pair))
            rows.append(row);
    }
    return rows;
}

void PacketExport::write(const PacketSnapshot &snapshot, std::optional<QList<qint64>> rows)
{
    m_total = rows ? rows->size() : snapshot.size();
    const bool started =
        rows ? m_exporter.start(snapshot, *rows, m_path) : m_exporter.startAll(snapshot, m_path);
    if (!started) {
        m_running = false;
        emit finished(false, tr("Another export is still running."));
        return;
    }
    emit writing(m_path);
}

void PacketExport::cancel()
{
    m_exporter.cancel();
}

void PacketExport::onProgress(qint64 done, qint64 total)
{
    m_total = total;
    emit progress(done, total);
}

void PacketExport::onFinished(bool ok, const QString &error)
{
    m_running = false;
    if (ok) {
        emit finished(true,
                      tr("Exported %Ln packet(s) to %1.", "", int(qMin<qint64>(m_total, INT_MAX)))
                          .arg(m_path));
    } else {
        emit finished(false, error.isEmpty() ? tr("The export failed.") : error);
    }
}

} // namespace nfqmon
