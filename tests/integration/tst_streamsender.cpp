// The packet stream with the real engine and real traffic in a network namespace: a client gets
// exactly the packets that were sent, promptly; a client that does not read loses records that
// are counted and reported to it when it reads again, while another client and the traffic
// itself lose nothing; a client that goes away makes its sender finish and detach cleanly.
#include "helper/engine/CaptureEngine.h"
#include "helper/engine/StreamSender.h"
#include "tests/support/app/StreamClient.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QTest>

#include <algorithm>
#include <arpa/inet.h>
#include <unistd.h>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

CaptureOptions optionsFor(const QStringList &interfaces)
{
    CaptureOptions o;
    o.interfaces = interfaces;
    o.statusIntervalSeconds = 0;
    return o;
}

std::array<std::uint8_t, 16> addressBytes(const QString &address)
{
    std::array<std::uint8_t, 16> bytes{};
    const int family = address.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    if (inet_pton(family, address.toLatin1().constData(), bytes.data()) != 1)
        qFatal("bad test address %s", qPrintable(address));
    return bytes;
}

struct Item {
    PacketRecord record;
    QByteArray bytes;
    std::int64_t arrivedNs = 0;
};

QList<Item> items(const StreamClient &client)
{
    QList<Item> all;
    for (const auto &received : client.batches())
        for (qsizetype i = 0; i < received.batch.size(); ++i)
            all.append({received.batch.record(i), received.batch.bytes(i).toByteArray(),
                        received.arrivedNs});
    return all;
}

QList<Item> udpTo(const QList<Item> &all, std::uint16_t port)
{
    QList<Item> udp;
    for (const auto &item : all)
        if (item.record.summary.transport == 17 && item.record.summary.destinationPort == port)
            udp.append(item);
    return udp;
}

// A sender attached to the engine, with its client's end.
struct Attached {
    std::shared_ptr<StreamSender> sender;
    int clientFd = -1;
};

Attached attach(CaptureEngine &engine, StreamSender::Options options = {},
                StreamSender::FinishedHandler onFinished = {})
{
    QString error;
    auto sender = StreamSender::create(engine.producerCount(), options, &error);
    if (!sender)
        qFatal("%s", qPrintable(error));
    const int fd = sender->takeClientFd();
    sender->start(std::move(onFinished));
    engine.attach(sender);
    return {sender, fd};
}

} // namespace

class TestStreamSender : public QObject
{
    Q_OBJECT
    TestNetwork m_network;

    // `chunks` times `chunk` datagrams from peer 0 (chunk n with seed seed + n), each chunk
    // small enough for the receiving socket's buffer and all of it received before the next.
    void sendChunks(TrafficReceiver &receiver, const QString &address, std::uint16_t port,
                    int chunks, int chunk, int size, int seed)
    {
        for (int n = 0; n < chunks; ++n) {
            const auto sent = m_network.sendUdp(0, {address, port, chunk, size, seed + n});
            QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
            QCOMPARE(receiver.receive(chunk, 10s).size(), chunk);
        }
    }

private slots:
    void initTestCase() { NFQMON_ENTER_TEST_NETWORK(m_network, 1); }
    void cleanupTestCase() { m_network.removeAll(); }
    void init()
    {
        QString error;
        QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
    }

    void clientReceivesExactlyTheTraffic_data()
    {
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("size");
        QTest::newRow("IPv4, small") << 4 << 100;
        QTest::newRow("IPv4, 1400 bytes") << 4 << 1400;
        QTest::newRow("IPv6, small") << 6 << 100;
        QTest::newRow("IPv6, 1400 bytes") << 6 << 1400;
    }
    void clientReceivesExactlyTheTraffic()
    {
        QFETCH(int, family);
        QFETCH(int, size);
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        Attached stream = attach(engine);
        QVERIFY(stream.clientFd >= 0);
        QCOMPARE(stream.sender->takeClientFd(), -1); // handed out once
        StreamClient client(stream.clientFd);

        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, family, 7101);
        QVERIFY2(receiver.open(&error), qPrintable(error));
        constexpr int chunks = 6, chunk = 50, count = chunks * chunk;
        sendChunks(receiver, peer.address(family), 7101, chunks, chunk, size, 21);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(udpTo(items(client), 7101).size(), count, 5000);

        const auto udp = udpTo(items(client), 7101);
        const int headers = (family == 4 ? 20 : 40) + 8;
        const auto source = addressBytes(peer.peerAddress(family));
        const auto destination = addressBytes(peer.address(family));
        for (int i = 0; i < count; ++i) {
            const PacketRecord &r = udp[i].record;
            QCOMPARE(int(r.summary.network), family);
            QVERIFY(r.summary.source == source);
            QVERIFY(r.summary.destination == destination);
            // One sending process (one source port) per chunk.
            QCOMPARE(r.summary.sourcePort, udp[i - i % chunk].record.summary.sourcePort);
            QCOMPARE(r.hook, Hook::PreRouting);
            QCOMPARE(QString::fromLatin1(r.inInterface), peer.interface);
            QCOMPARE(r.packetLength, std::uint32_t(headers + size));
            QCOMPARE(r.capturedLength, r.packetLength);
            QCOMPARE(udp[i].bytes.size(), headers + size);
            // The whole packet, in order: addresses in its header, then payload i.
            const int addressAt = family == 4 ? 12 : 8;
            const int addressSize = family == 4 ? 4 : 16;
            QCOMPARE(udp[i].bytes.mid(addressAt, addressSize),
                     QByteArray(reinterpret_cast<const char *>(source.data()), addressSize));
            QCOMPARE(udp[i].bytes.mid(headers), QByteArray::fromStdString(TestPayload::make(
                                                    std::uint16_t(21 + i / chunk),
                                                    std::uint32_t(i % chunk), std::size_t(size))));
            if (i > 0)
                QVERIFY(r.sequence > udp[i - 1].record.sequence);
        }

        // At the end every packet the engine saw has reached the client, and nothing was lost.
        engine.stop();
        stream.sender->stop();
        QVERIFY(client.waitFinished(5s));
        QCOMPARE(client.error(), QString());
        // Losses first: a record missing below is then known to be none of them.
        QCOMPARE(client.lostTotal(), std::uint64_t(0));
        QCOMPARE(stream.sender->lost(), std::uint64_t(0));
        QCOMPARE(stream.sender->recordsSent(), client.records());
        QCOMPARE(client.records(), engine.statistics().received);
        QCOMPARE(stream.sender->batchesSent(), std::uint64_t(client.batches().size()));
        QVERIFY(!stream.sender->finished()); // stopped by its owner, not by the client
    }

    void recordsArrivePromptly()
    {
        // One datagram every 20 ms: each must reach the client well within 50 ms, not wait
        // for a batch to fill.
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        Attached stream = attach(engine);
        StreamClient client(stream.clientFd);
        const auto sent = m_network.run(
            0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("udp"),
                peer.ipv4, QStringLiteral("7102"), QStringLiteral("--count"), QStringLiteral("25"),
                QStringLiteral("--interval-ms"), QStringLiteral("20")});
        QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
        QTRY_COMPARE_WITH_TIMEOUT(udpTo(items(client), 7102).size(), 25, 5000);
        QList<double> delays;
        for (const auto &item : udpTo(items(client), 7102))
            delays.append(double(item.arrivedNs - item.record.timestampNs) / 1e6);
        std::sort(delays.begin(), delays.end());
        qInfo("delay from capture to client: median %.1f ms, max %.1f ms", delays.at(12),
              delays.last());
        QVERIFY2(delays.at(12) < 30, qPrintable(QString::number(delays.at(12))));
        QVERIFY2(delays.at(22) < 50, qPrintable(QString::number(delays.at(22))));
        // Not one batch per packet under load, and not one batch for all of them here.
        QVERIFY(client.batches().size() >= 20);
    }

    void slowClientLosesOnlyItsOwnRecords()
    {
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        Attached fast = attach(engine);
        StreamClient fastClient(fast.clientFd);
        // Small buffers everywhere, so that a client that does not read soon loses records.
        StreamSender::Options small;
        small.ringBytes = 64 * 1024;
        small.socketBufferBytes = 64 * 1024;
        small.batchBytes = 64 * 1024;
        Attached slow = attach(engine, small);
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 7103);
        QVERIFY2(receiver.open(&error), qPrintable(error));

        // Every datagram arrives although one client does not read.
        constexpr int chunks = 15, chunk = 200, count = chunks * chunk;
        sendChunks(receiver, peer.ipv4, 7103, chunks, chunk, 64, 22);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(udpTo(items(fastClient), 7103).size(), count, 5000);
        QCOMPARE(fastClient.lostTotal(), std::uint64_t(0));
        QCOMPARE(fast.sender->lost(), std::uint64_t(0));
        const std::uint64_t lostWhileAway = slow.sender->lost();
        QVERIFY2(lostWhileAway > 0, "the slow client lost nothing");
        QVERIFY(!slow.sender->finished());

        // The slow client reads again: a batch header tells it what it lost.
        StreamClient slowClient(slow.clientFd);
        QTRY_VERIFY_WITH_TIMEOUT(slowClient.lostTotal() > 0, 5000);
        const auto batches = slowClient.batches();
        const auto reporting = std::find_if(batches.begin(), batches.end(), [](const auto &b) {
            return b.batch.lostSincePrevious > 0;
        });
        QVERIFY(reporting != batches.end());
        QVERIFY(reporting->batch.lostSincePrevious <= lostWhileAway);

        engine.stop();
        fast.sender->stop();
        slow.sender->stop();
        QVERIFY(fastClient.waitFinished(5s));
        QVERIFY(slowClient.waitFinished(5s));
        const std::uint64_t received = engine.statistics().received;
        QCOMPARE(fastClient.records(), received);
        // Every record reached the slow client or was reported to it as lost.
        QCOMPARE(slowClient.lostTotal(), slow.sender->lost());
        QCOMPARE(slowClient.records() + slowClient.lostTotal(), received);
        QVERIFY(slowClient.records() > 0);
        qInfo("slow client: %llu records received, %llu lost; fast client: %llu received",
              qulonglong(slowClient.records()), qulonglong(slowClient.lostTotal()),
              qulonglong(fastClient.records()));
        QCOMPARE(engine.statistics().lost, slow.sender->lost());
    }

    void clientClosingFinishesTheSender_data()
    {
        QTest::addColumn<bool>("duringTraffic");
        QTest::addColumn<bool>("socketFull");
        QTest::newRow("idle") << false << false;
        QTest::newRow("while reading traffic") << true << false;
        QTest::newRow("with the socket full") << true << true;
    }
    void clientClosingFinishesTheSender()
    {
        QFETCH(bool, duringTraffic);
        QFETCH(bool, socketFull);
        const Peer &peer = m_network.peer(0);
        CaptureEngine engine(optionsFor({peer.interface}));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 7104);
        QVERIFY2(receiver.open(&error), qPrintable(error));

        // As a D-Bus service would: the callback, on the sender's thread, only posts the
        // detach to the owner's thread.
        StreamSender::Options options;
        if (socketFull) {
            options.ringBytes = 64 * 1024;
            options.socketBufferBytes = 64 * 1024;
            options.batchBytes = 64 * 1024;
        }
        std::atomic<int> calls{0};
        std::shared_ptr<StreamSender> sender;
        bool detached = false;
        QObject owner;
        Attached stream = attach(engine, options, [&] {
            ++calls;
            QMetaObject::invokeMethod(&owner, [&] {
                engine.detach(sender);
                sender->stop();
                detached = true;
            });
        });
        sender = std::move(stream.sender);
        // With the socket full the client never reads; closing it is what the sender notices.
        std::unique_ptr<StreamClient> client;
        if (!socketFull)
            client = std::make_unique<StreamClient>(stream.clientFd);

        const int chunks = !duringTraffic ? 0 : socketFull ? 15 : 6;
        constexpr int chunk = 100;
        sendChunks(receiver, peer.ipv4, 7104, chunks, chunk, 200, 23);
        if (QTest::currentTestFailed())
            return;
        if (client)
            QTRY_COMPARE_WITH_TIMEOUT(udpTo(items(*client), 7104).size(), chunks * chunk, 5000);
        else
            QVERIFY(sender->lost() > 0);
        if (client)
            client->close();
        else
            ::close(stream.clientFd);
        if (duringTraffic) // more records, for a sender whose client is gone
            sendChunks(receiver, peer.ipv4, 7104, 1, 50, 200, 50);

        QTRY_VERIFY_WITH_TIMEOUT(detached, 5000);
        QCOMPARE(calls.load(), 1);
        QVERIFY(sender->finished());
        QCOMPARE(sender->errorString(), QStringLiteral("the client closed the packet stream"));

        // Capture goes on without it, and the queue threads let go of it at their next batch.
        sendChunks(receiver, peer.ipv4, 7104, 1, 20, 200, 60);
        QTRY_COMPARE(sender.use_count(), 1L);
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(TestStreamSender)
#include "tst_streamsender.moc"
