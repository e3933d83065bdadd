#include "app/store/PcapExporter.h"

#include "app/store/PcapngAnnotator.h"
#include "helper/protocol/PacketFileWriter.h"

#include <QFile>
#include <QtConcurrent>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <numeric>
#include <optional>
#include <unistd.h>

namespace nfqmon {

namespace {

constexpr int ProgressIntervalMs = 100;

} // namespace

PcapExporter::PcapExporter(QObject *parent) : QObject(parent)
{
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &PcapExporter::reportProgress);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &PcapExporter::onFinished);
}

PcapExporter::~PcapExporter()
{
    if (m_running) {
        m_progress->cancel = true;
        m_watcher.waitForFinished(); // removes its file before the exporter goes
    }
}

bool PcapExporter::startAll(const PacketSnapshot &snapshot, const QString &path)
{
    QList<qint64> rows(snapshot.size());
    std::iota(rows.begin(), rows.end(), qint64(0));
    return start(snapshot, rows, path);
}

bool PcapExporter::start(const PacketSnapshot &snapshot, const QList<qint64> &rows,
                         const QString &path)
{
    if (m_running)
        return false;
    m_running = true;
    m_progress = std::make_shared<Progress>();
    m_progress->total = rows.size();
    m_reported = -1;
    reportProgress();
    m_progressTimer.start();
    auto progress = m_progress;
    m_watcher.setFuture(QtConcurrent::run(
        [snapshot, rows, path, progress] { return write(snapshot, rows, path, *progress); }));
    return true;
}

void PcapExporter::cancel()
{
    if (m_running)
        m_progress->cancel = true;
}

void PcapExporter::reportProgress()
{
    const qint64 done = m_progress->done.load();
    if (done == m_reported)
        return;
    m_reported = done;
    emit progress(done, m_progress->total.load());
}

void PcapExporter::onFinished()
{
    m_progressTimer.stop();
    reportProgress();
    m_running = false;
    const Outcome outcome = m_watcher.result();
    emit finished(outcome.ok, outcome.error);
}

PcapExporter::Outcome PcapExporter::write(const PacketSnapshot &snapshot, QList<qint64> rows,
                                          const QString &path, Progress &progress)
{
    Outcome outcome;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.removeIf([&](qint64 row) { return row < 0 || row >= snapshot.size(); });
    progress.total = rows.size();
    const std::atomic_bool &cancel = progress.cancel;

    // The user's file: created with the umask's permissions, as any program would.
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        outcome.error =
            tr("Cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return outcome;
    }
    quint32 snapLength = 1;
    for (qint64 row : rows)
        snapLength = std::max(snapLength, snapshot.at(row).capturedLength);
    // pcapng when the name says so; pcap for any other name, as before.
    const auto writerPtr = PacketFileWriter::create(PacketFileWriter::formatOf(path));
    PacketFileWriter &writer = *writerPtr;
    std::optional<PcapngAnnotator> annotator;
    if (writer.format() == PacketFileWriter::Format::Pcapng) {
        annotator.emplace(snapshot);
        writer.setInterfaces(annotator->interfaces());
    }
    QString error;
    if (!writer.openFd(fd, snapLength, path, &error)) {
        ::unlink(name.constData());
        outcome.error = error;
        return outcome;
    }

    // Consecutive rows are read together: their bytes are consecutive in the store's file.
    bool cancelled = false;
    for (qsizetype i = 0; i < rows.size() && !cancelled && !writer.failed();) {
        qsizetype j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1 && j - i < 4096)
            ++j;
        cancelled = !snapshot.forEachWithBytes(
            rows[i], rows[j - 1] + 1,
            [&](qint64, const StoredPacket &p, const std::uint8_t *data) {
                // Bytes the store lost are written as a packet with nothing captured.
                PacketFileRecord record;
                record.timestampNs = p.timestampNs;
                record.data = data;
                record.capturedLength = data ? p.capturedLength : 0;
                record.wireLength = p.packetLength;
                if (annotator)
                    annotator->annotate(p, record, writer);
                writer.write(record);
            },
            &cancel);
        progress.done.store(j, std::memory_order_relaxed);
        cancelled = cancelled || cancel.load();
        i = j;
    }
    const bool closed = writer.close();
    if (cancelled || !closed) {
        ::unlink(name.constData());
        outcome.error = cancelled ? tr("The export was cancelled.")
                                  : tr("Export to %1 failed: %2").arg(path, writer.errorString());
        return outcome;
    }
    outcome.ok = true;
    outcome.written = rows.size();
    return outcome;
}

} // namespace nfqmon
