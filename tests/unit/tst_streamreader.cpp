// The client's StreamReader on a real socket pair: batches written in pieces arrive whole and in
// order with their loss counts; the helper's end closing is finished(); a stream cut inside a
// batch or of something else is streamError() and closes the socket, which the writer sees.
#include "app/client/StreamReader.h"
#include "helper/protocol/StreamEncoder.h"

#include <QSignalSpy>
#include <QTest>

#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace nfqmon;

namespace {

QByteArray bytesFor(std::uint64_t n, std::uint32_t size)
{
    QByteArray b(qsizetype(size), Qt::Uninitialized);
    for (std::uint32_t i = 0; i < size; ++i)
        b[i] = char(n * 13 + i);
    return b;
}

// Batch b (from 0) holds `count` records numbered from `first`, each `length` bytes.
QByteArray batch(StreamEncoder &encoder, std::uint64_t first, int count, std::uint32_t length,
                 std::uint64_t lostTotal)
{
    for (int i = 0; i < count; ++i) {
        PacketRecord r;
        r.sequence = first + std::uint64_t(i);
        r.packetLength = length;
        const QByteArray b = bytesFor(r.sequence, length);
        if (!encoder.append(r, {reinterpret_cast<const std::uint8_t *>(b.constData()), length}))
            qFatal("test batch too big");
    }
    const auto sealed = encoder.seal(lostTotal);
    const QByteArray bytes(reinterpret_cast<const char *>(sealed.data()), qsizetype(sealed.size()));
    encoder.clear();
    return bytes;
}

struct SocketPair {
    int helper = -1;
    int client = -1;
    SocketPair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0) {
            helper = fds[0];
            client = fds[1];
        }
    }
    ~SocketPair() { closeHelper(); }
    void closeHelper()
    {
        if (helper >= 0)
            ::close(helper);
        helper = -1;
    }
    bool write(const QByteArray &bytes) const
    {
        qsizetype at = 0;
        while (at < bytes.size()) {
            const ssize_t n = ::send(helper, bytes.constData() + at, std::size_t(bytes.size() - at),
                                     MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            at += n;
        }
        return true;
    }
};

struct Received {
    QList<StreamBatch> batches;
    QList<quint64> lost;
};

void collect(StreamReader &reader, Received *received)
{
    QObject::connect(&reader, &StreamReader::batchArrived, [received](const StreamBatch &b) {
        received->batches.append(b);
        received->lost.append(b.lostSincePrevious);
    });
}

} // namespace

class TestStreamReader : public QObject
{
    Q_OBJECT
private slots:
    void batchesArriveWholeAndInOrder()
    {
        SocketPair pair;
        QVERIFY(pair.client >= 0);
        StreamReader reader(pair.client);
        Received received;
        collect(reader, &received);
        QSignalSpy finished(&reader, &StreamReader::finished);
        QSignalSpy errors(&reader, &StreamReader::streamError);

        StreamEncoder encoder;
        QByteArray stream = batch(encoder, 1, 3, 100, 0);
        stream += batch(encoder, 4, 0, 0, 7); // only a loss
        stream += batch(encoder, 4, 2, 1501, 9);
        // In pieces that cut headers, records and bytes, with the event loop between them.
        for (qsizetype at = 0; at < stream.size(); at += 37) {
            QVERIFY(pair.write(stream.mid(at, 37)));
            QTest::qWait(1);
        }
        QTRY_COMPARE(received.batches.size(), 3);
        QCOMPARE(received.lost, (QList<quint64>{0, 7, 2}));
        QCOMPARE(received.batches[0].size(), 3);
        QCOMPARE(received.batches[1].size(), 0);
        QCOMPARE(received.batches[2].size(), 2);
        QCOMPARE(received.batches[2].record(1).sequence, std::uint64_t(5));
        QCOMPARE(received.batches[2].bytes(1), QByteArrayView(bytesFor(5, 1501)));
        QCOMPARE(reader.batchesReceived(), std::uint64_t(3));
        QCOMPARE(reader.recordsReceived(), std::uint64_t(5));
        QCOMPARE(reader.lostTotal(), std::uint64_t(9));

        pair.closeHelper();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(errors.size(), 0);
        QVERIFY(!reader.isOpen());
    }

    void largestBatchesAcrossManyReads()
    {
        // Batches of 4 MiB, written by another thread while the reader reads.
        SocketPair pair;
        StreamReader reader(pair.client);
        Received received;
        collect(reader, &received);
        StreamEncoder encoder;
        QByteArray stream;
        for (int b = 0; b < 3; ++b)
            stream += batch(encoder, std::uint64_t(1 + 63 * b), 63, 65535, 0);
        QVERIFY(stream.size() > 12'000'000);
        bool written = false;
        std::thread writer([&] {
            written = pair.write(stream);
            pair.closeHelper();
        });
        QSignalSpy finished(&reader, &StreamReader::finished);
        QVERIFY(finished.wait(20000));
        writer.join();
        QVERIFY(written);
        QCOMPARE(received.batches.size(), 3);
        QCOMPARE(received.batches[2].record(62).sequence, std::uint64_t(189));
        QCOMPARE(received.batches[2].bytes(62), QByteArrayView(bytesFor(189, 65535)));
        QCOMPARE(reader.errorString(), QString());
    }

    void endInsideBatchIsAnError()
    {
        SocketPair pair;
        StreamReader reader(pair.client);
        Received received;
        collect(reader, &received);
        QSignalSpy finished(&reader, &StreamReader::finished);
        QSignalSpy errors(&reader, &StreamReader::streamError);
        StreamEncoder encoder;
        const QByteArray first = batch(encoder, 1, 1, 10, 0);
        const QByteArray second = batch(encoder, 2, 1, 10, 0);
        QVERIFY(pair.write(first + second.left(second.size() - 1)));
        pair.closeHelper();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(received.batches.size(), 1);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).toString(),
                 QStringLiteral("the packet stream ended inside a batch"));
    }

    void somethingElseIsAnErrorAndCloses()
    {
        SocketPair pair;
        StreamReader reader(pair.client);
        QSignalSpy errors(&reader, &StreamReader::streamError);
        QSignalSpy finished(&reader, &StreamReader::finished);
        QVERIFY(pair.write("HTTP/1.1 200 OK\r\n\r\n"));
        QTRY_COMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).at(0).toString().startsWith(
                     QStringLiteral("not an nfqmon packet stream (magic 0x50545448 at byte 0")),
                 qPrintable(errors.at(0).at(0).toString()));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!reader.isOpen());
        // The writer sees the client gone: no more sending into the void.
        pollfd p{pair.helper, POLLOUT, 0};
        QCOMPARE(::poll(&p, 1, 1000), 1);
        QVERIFY(p.revents & POLLHUP);
        QVERIFY(!pair.write("more"));
        QCOMPARE(errno, EPIPE);
    }

    void readerDeletedInASlot()
    {
        SocketPair pair;
        auto *reader = new StreamReader(pair.client);
        int seen = 0;
        connect(reader, &StreamReader::batchArrived, this, [&](const StreamBatch &) {
            ++seen;
            delete reader;
        });
        StreamEncoder encoder;
        QByteArray stream = batch(encoder, 1, 1, 10, 0);
        stream += batch(encoder, 2, 1, 10, 0);
        QVERIFY(pair.write(stream));
        QTRY_COMPARE(seen, 1);
        QTest::qWait(50);
        QCOMPARE(seen, 1);
    }
};

QTEST_GUILESS_MAIN(TestStreamReader)
#include "tst_streamreader.moc"
