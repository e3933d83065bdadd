// StreamThread reads the packet stream on a thread of its own: batches reach the owner's thread
// whole and in order, then finished(); while the owner's event loop does not run, at most
// MaxBytesInFlight (plus what one wake-up reads) waits for it and the reader stops reading, so
// the writer (the helper) finds the socket full instead of the window's memory growing; once
// the owner catches up, reading resumes.
#include "app/client/StreamThread.h"
#include "helper/protocol/StreamEncoder.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace nfqmon;

namespace {

constexpr std::uint32_t RecordBytes = 1000;
constexpr int RecordsPerBatch = 900; // about 1 MiB a batch

QByteArray makeBatch(StreamEncoder &encoder, std::uint64_t first)
{
    const QByteArray bytes(RecordBytes, 'x');
    for (int i = 0; i < RecordsPerBatch; ++i) {
        PacketRecord r;
        r.sequence = first + std::uint64_t(i);
        r.packetLength = RecordBytes;
        if (!encoder.append(
                r, {reinterpret_cast<const std::uint8_t *>(bytes.constData()), RecordBytes}))
            qFatal("test batch too big");
    }
    const auto sealed = encoder.seal(0);
    QByteArray out(reinterpret_cast<const char *>(sealed.data()), qsizetype(sealed.size()));
    encoder.clear();
    return out;
}

// Writes `count` whole batches (blocking), counting the bytes as they go.
void writeBatches(int fd, int count, std::atomic<qint64> *written)
{
    StreamEncoder encoder;
    for (int b = 0; b < count; ++b) {
        const QByteArray batch = makeBatch(encoder, std::uint64_t(b) * RecordsPerBatch + 1);
        for (qsizetype at = 0; at < batch.size();) {
            const ssize_t n =
                ::send(fd, batch.constData() + at, std::size_t(batch.size() - at), MSG_NOSIGNAL);
            if (n <= 0)
                return;
            at += n;
            *written += n;
        }
    }
}

} // namespace

class tst_StreamThread : public QObject
{
    Q_OBJECT

private slots:
    void batchesArriveInOrderThenFinished();
    void stopsReadingWhileTheOwnerIsBusy();
};

void tst_StreamThread::batchesArriveInOrderThenFinished()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    StreamThread stream(fds[1]);
    QList<std::uint64_t> firsts;
    connect(&stream, &StreamThread::batchArrived, this,
            [&firsts](const StreamBatch &batch) { firsts.append(batch.record(0).sequence); });
    QSignalSpy finished(&stream, &StreamThread::finished);
    StreamEncoder encoder;
    for (int b = 0; b < 5; ++b) {
        const QByteArray batch = makeBatch(encoder, std::uint64_t(b * RecordsPerBatch + 1));
        QCOMPARE(::send(fds[0], batch.constData(), std::size_t(batch.size()), MSG_NOSIGNAL),
                 ssize_t(batch.size()));
    }
    ::close(fds[0]);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(stream.isFinished());
    QCOMPARE(firsts, (QList<std::uint64_t>{1, 901, 1801, 2701, 3601}));
}

void tst_StreamThread::stopsReadingWhileTheOwnerIsBusy()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    StreamThread stream(fds[1]);
    qint64 receivedBytes = 0;
    std::uint64_t expected = 1;
    bool inOrder = true;
    connect(&stream, &StreamThread::batchArrived, this, [&](const StreamBatch &batch) {
        inOrder = inOrder && batch.record(0).sequence == expected;
        expected += std::uint64_t(batch.size());
        receivedBytes += batch.payload.size();
    });

    // About 110 MiB, while this thread's event loop does not run for two seconds.
    const int batches = 110;
    std::atomic<qint64> written{0};
    std::thread writer([&] { writeBatches(fds[0], batches, &written); });
    QThread::sleep(2);
    const qint64 stuck = written.load();
    QVERIFY2(stuck >= StreamThread::MaxBytesInFlight,
             qPrintable(QStringLiteral("%1 bytes").arg(stuck)));
    // In flight, plus at most one wake-up's read (8 MiB) and the socket's buffers.
    QVERIFY2(stuck < StreamThread::MaxBytesInFlight + 16 * 1024 * 1024,
             qPrintable(QStringLiteral("%1 bytes written with nobody taking them").arg(stuck)));
    QCOMPARE(receivedBytes, 0);

    // The owner catches up; the reader resumes and takes the rest.
    QSignalSpy finished(&stream, &StreamThread::finished);
    QTRY_COMPARE_WITH_TIMEOUT(expected, std::uint64_t(batches) * RecordsPerBatch + 1, 30000);
    writer.join();
    ::close(fds[0]);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(inOrder);
    QCOMPARE(receivedBytes, written.load() - qint64(batches) * qint64(sizeof(stream::BatchHeader)));
}

QTEST_GUILESS_MAIN(tst_StreamThread)
#include "tst_streamthread.moc"
