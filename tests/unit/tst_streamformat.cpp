// The client stream's framing: batches built by StreamEncoder come out of StreamDecoder exactly
// as they went in, however the bytes are split; every kind of bad stream (wrong magic, version,
// sizes, counts, lengths, padding, loss totals, truncation, random damage) ends in a sentence
// and never in a read out of bounds (this suite also runs under the sanitizers).
#include "helper/protocol/ProcessCodec.h"
#include "helper/protocol/StreamDecoder.h"
#include "helper/protocol/StreamEncoder.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <cstring>
#include <functional>
#include <vector>

using namespace nfqmon;
using namespace nfqmon::stream;

// Records are compared with memcmp: they must have no padding bytes of unspecified value.
static_assert(std::has_unique_object_representations_v<PacketRecord>);
static_assert(std::has_unique_object_representations_v<BatchHeader>);

namespace {

struct Sent {
    PacketRecord record;
    QByteArray bytes;
};

PacketRecord recordNumber(std::uint64_t n, std::uint32_t captured)
{
    PacketRecord r;
    r.sequence = n;
    r.timestampNs = std::int64_t(1'700'000'000'000'000'000LL + n);
    r.packetLength = captured + std::uint32_t(n % 3);
    r.capturedLength = captured;
    r.inIfIndex = 2;
    r.ruleId = n % 2 ? 7 : -1;
    r.queue = std::uint16_t(n % 4);
    r.verdict = n % 5 ? Verdict::Accept : Verdict::Drop;
    std::strcpy(r.inInterface, "vethA");
    r.summary.network = NetworkProtocol::IPv4;
    r.summary.source = {10, 0, 0, std::uint8_t(n)};
    r.summary.destinationPort = std::uint16_t(n);
    return r;
}

QByteArray bytesFor(std::uint64_t n, std::uint32_t size)
{
    QByteArray b(qsizetype(size), Qt::Uninitialized);
    for (std::uint32_t i = 0; i < size; ++i)
        b[i] = char(n * 31 + i * 7);
    return b;
}

std::span<const std::uint8_t> span(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())};
}

// A stream of batches: batch b holds sizes[b] records (capturedLength from `lengths`, in
// turn), and reports `lostEach` more lost records than the one before.
QByteArray makeStream(const QList<int> &sizes, const QList<int> &lengths, int lostEach,
                      QList<QList<Sent>> *sent = nullptr)
{
    StreamEncoder encoder;
    QByteArray stream;
    std::uint64_t n = 0;
    std::uint64_t lost = 0;
    for (int count : sizes) {
        QList<Sent> batch;
        for (int i = 0; i < count; ++i, ++n) {
            const auto length = std::uint32_t(lengths.at(int(n % std::uint64_t(lengths.size()))));
            Sent s{recordNumber(n, length), bytesFor(n, length)};
            if (!encoder.append(s.record, span(s.bytes)))
                qFatal("test batch too big");
            batch.append(s);
        }
        lost += std::uint64_t(lostEach);
        const auto bytes = encoder.seal(lost);
        stream.append(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
        encoder.clear();
        if (sent)
            sent->append(batch);
    }
    return stream;
}

enum class Split { Whole, ByteByByte, Random };

// Feeds `stream` as told; returns the batches, and the decoder's state through *decoder.
QList<StreamBatch> decode(const QByteArray &stream, Split split, StreamDecoder *decoder,
                          quint32 seed = 1)
{
    QList<StreamBatch> batches;
    QRandomGenerator random(seed);
    qsizetype at = 0;
    while (at < stream.size()) {
        qsizetype n = stream.size() - at;
        if (split == Split::ByteByByte)
            n = 1;
        else if (split == Split::Random)
            n = std::min<qsizetype>(n, 1 + random.bounded(random.bounded(2) ? 64 : 70000));
        const bool good = decoder->feed(stream.constData() + at, std::size_t(n));
        at += n;
        StreamBatch batch;
        while (decoder->next(&batch))
            batches.append(batch);
        if (!good)
            break;
    }
    return batches;
}

BatchHeader headerAt(const QByteArray &stream, qsizetype at)
{
    BatchHeader h;
    std::memcpy(&h, stream.constData() + at, sizeof h);
    return h;
}

void setHeader(QByteArray &stream, qsizetype at, const std::function<void(BatchHeader &)> &change)
{
    BatchHeader h = headerAt(stream, at);
    change(h);
    std::memcpy(stream.data() + at, &h, sizeof h);
}

template <typename T> void put(QByteArray &stream, qsizetype at, T value)
{
    std::memcpy(stream.data() + at, &value, sizeof value);
}

// Where the first record of the batch at `batchAt` starts.
qsizetype firstRecord(qsizetype batchAt)
{
    return batchAt + qsizetype(sizeof(BatchHeader));
}

} // namespace

class TestStreamFormat : public QObject
{
    Q_OBJECT
private slots:
    void layout()
    {
        // Both ends agree on these bytes; a change here is a new format version.
        QCOMPARE(sizeof(BatchHeader), std::size_t(48));
        QCOMPARE(offsetof(BatchHeader, magic), std::size_t(0));
        QCOMPARE(offsetof(BatchHeader, version), std::size_t(4));
        QCOMPARE(offsetof(BatchHeader, headerSize), std::size_t(6));
        QCOMPARE(offsetof(BatchHeader, recordCount), std::size_t(8));
        QCOMPARE(offsetof(BatchHeader, payloadBytes), std::size_t(12));
        QCOMPARE(offsetof(BatchHeader, sequence), std::size_t(16));
        QCOMPARE(offsetof(BatchHeader, lostSincePrevious), std::size_t(24));
        QCOMPARE(offsetof(BatchHeader, lostTotal), std::size_t(32));
        QCOMPARE(offsetof(BatchHeader, recordSize), std::size_t(40));
        const BatchHeader h;
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(&h.magic), 4), QByteArray("NQSM"));
        QCOMPARE(h.version, std::uint16_t(4));
        QCOMPARE(entrySize(0), std::uint32_t(152));
        QCOMPARE(entrySize(1), std::uint32_t(160));
        QCOMPARE(entrySize(8), std::uint32_t(160));
        QCOMPARE(entrySize(9), std::uint32_t(168));
        QCOMPARE(entrySize(65535), std::uint32_t(152 + 65536));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<QList<int>>("lengths");
        QTest::addColumn<int>("lostEach");
        QTest::addColumn<int>("split");
        const struct {
            const char *name;
            QList<int> sizes;
            QList<int> lengths;
            int lostEach;
        } cases[] = {
            {"one record", {1}, {60}, 0},
            {"empty payloads", {5, 5}, {0}, 0},
            {"odd lengths need padding", {7, 1, 13}, {1, 7, 8, 9, 15, 17, 1499}, 0},
            {"largest packets", {3, 1}, {65535, 65534}, 0},
            {"loss reported, also without records", {4, 0, 0, 2}, {100}, 3},
            {"many small", {2000, 1, 500}, {0, 40, 64}, 1},
        };
        const struct {
            const char *name;
            Split split;
        } splits[] = {{"whole", Split::Whole},
                      {"byte by byte", Split::ByteByByte},
                      {"random pieces", Split::Random}};
        for (const auto &c : cases)
            for (const auto &s : splits)
                QTest::addRow("%s, %s", c.name, s.name)
                    << c.sizes << c.lengths << c.lostEach << int(s.split);
    }
    void roundTrip()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(QList<int>, lengths);
        QFETCH(int, lostEach);
        QFETCH(int, split);
        QList<QList<Sent>> sent;
        const QByteArray stream = makeStream(sizes, lengths, lostEach, &sent);
        StreamDecoder decoder;
        const auto batches = decode(stream, Split(split), &decoder);
        QVERIFY2(!decoder.failed(), qPrintable(decoder.errorString()));
        QVERIFY(decoder.atBoundary());
        QCOMPARE(decoder.bytesDecoded(), std::uint64_t(stream.size()));
        QCOMPARE(batches.size(), sizes.size());
        for (qsizetype b = 0; b < batches.size(); ++b) {
            const StreamBatch &batch = batches[b];
            QCOMPARE(batch.sequence, std::uint64_t(b + 1));
            QCOMPARE(batch.lostSincePrevious, std::uint64_t(lostEach));
            QCOMPARE(batch.lostTotal, std::uint64_t(lostEach) * std::uint64_t(b + 1));
            QCOMPARE(batch.size(), sent[b].size());
            for (qsizetype i = 0; i < batch.size(); ++i) {
                const PacketRecord r = batch.record(i);
                QVERIFY(std::memcmp(&r, &sent[b][i].record, sizeof r) == 0);
                QCOMPARE(batch.bytes(i), QByteArrayView(sent[b][i].bytes));
            }
        }
    }

    void encoderKeepsTheLimits()
    {
        // Records: MaxBatchRecords of the smallest kind, then the batch is full.
        StreamEncoder encoder;
        const PacketRecord r = recordNumber(1, 0);
        for (std::uint32_t i = 0; i < MaxBatchRecords; ++i)
            QVERIFY(encoder.append(r, {}));
        QVERIFY(!encoder.append(r, {}));
        QCOMPARE(encoder.recordCount(), MaxBatchRecords);

        // Bytes: a limit of 100 KiB takes one 64 KiB packet, not two; a lone one always fits.
        StreamEncoder small(100 * 1024);
        const QByteArray big = bytesFor(2, 65535);
        QVERIFY(small.append(recordNumber(2, 65535), span(big)));
        QVERIFY(!small.append(recordNumber(3, 65535), span(big)));
        StreamEncoder tiny(1);
        QVERIFY(tiny.append(recordNumber(2, 65535), span(big)));

        // More than 65535 bytes are cut; packetLength never falls below capturedLength;
        // interface names are terminated.
        StreamEncoder cut;
        PacketRecord odd = recordNumber(4, 70000);
        odd.packetLength = 10;
        std::memset(odd.outInterface, 'x', sizeof odd.outInterface);
        const QByteArray huge = bytesFor(4, 70000);
        QVERIFY(cut.append(odd, span(huge)));
        const auto bytes = cut.seal(0);
        StreamDecoder decoder;
        QVERIFY2(decoder.feed(reinterpret_cast<const char *>(bytes.data()), bytes.size()),
                 qPrintable(decoder.errorString()));
        StreamBatch batch;
        QVERIFY(decoder.next(&batch));
        QCOMPARE(batch.record(0).capturedLength, MaxCapturedLength);
        QCOMPARE(batch.record(0).packetLength, MaxCapturedLength);
        QCOMPARE(QByteArray(batch.record(0).outInterface), QByteArray(15, 'x'));
        QCOMPARE(batch.bytes(0), QByteArrayView(huge).first(65535));
    }

    void largestBatchIsAccepted()
    {
        // Full 64 KiB packets up to MaxBatchBytes: the limit is reachable, not off by one.
        StreamEncoder encoder;
        const QByteArray big = bytesFor(5, 65535);
        int count = 0;
        while (encoder.append(recordNumber(5, 65535), span(big)))
            ++count;
        QCOMPARE(count, int((MaxBatchBytes - sizeof(BatchHeader)) / entrySize(65535)));
        const auto bytes = encoder.seal(0);
        StreamDecoder decoder;
        QVERIFY2(decoder.feed(reinterpret_cast<const char *>(bytes.data()), bytes.size()),
                 qPrintable(decoder.errorString()));
        StreamBatch batch;
        QVERIFY(decoder.next(&batch));
        QCOMPARE(batch.size(), count);
    }

    void longerHeaderOfTheSameVersionIsSkipped()
    {
        // A later writer of this version may append header fields; this reader skips them.
        QByteArray stream = makeStream({2, 1}, {30}, 0);
        const qsizetype secondAt =
            qsizetype(sizeof(BatchHeader)) + headerAt(stream, 0).payloadBytes;
        for (qsizetype at : {secondAt, qsizetype(0)}) {
            stream.insert(at + qsizetype(sizeof(BatchHeader)), QByteArray(16, '\x5a'));
            setHeader(stream, at, [](BatchHeader &h) { h.headerSize = 64; });
        }
        StreamDecoder decoder;
        const auto batches = decode(stream, Split::ByteByByte, &decoder);
        QVERIFY2(!decoder.failed(), qPrintable(decoder.errorString()));
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches[0].size(), 2);
        QCOMPARE(batches[1].bytes(0), QByteArrayView(bytesFor(2, 30)));
    }

    void badStreams_data()
    {
        // Two batches (2 records of 201 bytes, then 3 of 17); the damage is done to one of them.
        QTest::addColumn<std::function<void(QByteArray &, qsizetype)>>("damage");
        QTest::addColumn<bool>("inSecondBatch");
        QTest::addColumn<QString>("error");
        using Damage = std::function<void(QByteArray &, qsizetype)>;
        const auto header = [](std::function<void(BatchHeader &)> change) -> Damage {
            return [change](QByteArray &s, qsizetype at) { setHeader(s, at, change); };
        };
        const auto record = [](std::function<void(PacketRecord &)> change) -> Damage {
            return [change](QByteArray &s, qsizetype at) {
                PacketRecord r;
                std::memcpy(&r, s.constData() + firstRecord(at), sizeof r);
                change(r);
                std::memcpy(s.data() + firstRecord(at), &r, sizeof r);
            };
        };
        QTest::newRow("bad magic") << header([](BatchHeader &h) { h.magic = 0x50545448; }) << false
                                   << "not an nfqmon packet stream (magic 0x50545448";
        QTest::newRow("bad magic later")
            << header([](BatchHeader &h) { h.magic = 0; }) << true
            << "not an nfqmon packet stream (magic 0x00000000 at byte 768";
        QTest::newRow("other byte order") << header([](BatchHeader &h) { h.magic = SwappedMagic; })
                                          << false << "written in the other byte order";
        QTest::newRow("version 5") << header([](BatchHeader &h) { h.version = 5; }) << true
                                   << "packet stream format version 5 is not supported; this "
                                      "program reads version 4";
        QTest::newRow("version 2 (no cgroup in process entries)")
            << header([](BatchHeader &h) { h.version = 2; }) << true
            << "packet stream format version 2 is not supported; this program reads version 4";
        QTest::newRow("version 0") << header([](BatchHeader &h) { h.version = 0; }) << false
                                   << "version 0 is not supported";
        QTest::newRow("header too small") << header([](BatchHeader &h) { h.headerSize = 12; })
                                          << false << "batch header size 12 at byte 0 is invalid";
        QTest::newRow("header too big") << header([](BatchHeader &h) { h.headerSize = 0xfff8; })
                                        << false << "batch header size 65528 at byte 0 is invalid";
        QTest::newRow("header size not aligned")
            << header([](BatchHeader &h) { h.headerSize = 52; }) << true
            << "batch header size 52 at byte 768 is invalid";
        QTest::newRow("record size") << header([](BatchHeader &h) { h.recordSize = 160; }) << false
                                     << "batch 1 at byte 0: record size 160, expected 152";
        QTest::newRow("sequence gap") << header([](BatchHeader &h) { h.sequence = 3; }) << true
                                      << "batch 3 at byte 768 follows batch 1";
        QTest::newRow("sequence repeated")
            << header([](BatchHeader &h) { h.sequence = 1; }) << true << "follows batch 1";
        QTest::newRow("absurd record count")
            << header([](BatchHeader &h) { h.recordCount = 0xffffffff; }) << false
            << "declares 4294967295 records, more than the limit of 16384";
        QTest::newRow("absurd payload")
            << header([](BatchHeader &h) { h.payloadBytes = 0xfffffff8; }) << true
            << "declares 4294967288 bytes of records, more than the limit of 4194256";
        QTest::newRow("count the payload cannot hold")
            << header([](BatchHeader &h) { h.recordCount = 6; }) << false
            << "declares 6 records in 720 bytes, which cannot hold them";
        QTest::newRow("payload not aligned") << header([](BatchHeader &h) { h.payloadBytes -= 4; })
                                             << false << "declares 2 records in 716 bytes";
        QTest::newRow("count larger than the entries")
            << header([](BatchHeader &h) { h.recordCount = 3; }) << false
            << "batch 1 at byte 0, record 2: cut off by the end of the batch";
        QTest::newRow("count smaller than the entries")
            << header([](BatchHeader &h) { h.recordCount = 1; }) << false
            << "batch 1 at byte 0: 360 bytes follow its last record";
        QTest::newRow("no records but bytes")
            << header([](BatchHeader &h) { h.recordCount = 0; }) << true
            << "batch 2 at byte 768: 528 bytes follow its last record";
        QTest::newRow("loss total inconsistent")
            << header([](BatchHeader &h) { h.lostTotal = 5; }) << true
            << "reports 0 records lost since the previous batch, but the total went from 0 to 5";
        QTest::newRow("loss total decreasing") << header([](BatchHeader &h) {
            h.lostTotal = 0;
            h.lostSincePrevious = std::uint64_t(-1);
        }) << true << "but the total went from";
        QTest::newRow("captured length over the limit") << record([](PacketRecord &r) {
            r.capturedLength = 70000;
            r.packetLength = 70000;
        }) << false << "batch 1 at byte 0, record 0: captured length 70000 exceeds the limit";
        QTest::newRow("captured length over 4 GiB")
            << record([](PacketRecord &r) { r.capturedLength = 0xffffffff; }) << true
            << "record 0: captured length 4294967295 exceeds the limit of 65535";
        QTest::newRow("captured length over packet length")
            << record([](PacketRecord &r) { r.packetLength = 199; }) << false
            << "record 0: captured length 201 exceeds the packet length 199";
        QTest::newRow("captured length past the batch") << record([](PacketRecord &r) {
            r.capturedLength = 60000;
            r.packetLength = 60000;
        }) << false << "record 0: its 60000 bytes run past the end of the batch";
        QTest::newRow("padding not zero") << Damage([](QByteArray &s, qsizetype at) {
            s[firstRecord(at) + 152 + 17] = 1; // first record of batch 2 has 17 bytes
        }) << true << "batch 2 at byte 768, record 0: the padding after its bytes is not zero";
        QTest::newRow("interface name not terminated")
            << record([](PacketRecord &r) { std::memset(r.inInterface, 'e', 16); }) << true
            << "record 0: an interface name is not terminated";
    }
    // Processes travel as entries of their own, before the packets that name them: the
    // decoder hands them out apart, and the packets keep their places.
    void hostEntries_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<quint64>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("a name") << QByteArray("b.example.test") << quint64(7) << true;
        QTest::newRow("253 bytes") << QByteArray(253, 'a') << quint64(1) << true;
        QTest::newRow("254 bytes") << QByteArray(254, 'a') << quint64(1) << false;
        QTest::newRow("upper case") << QByteArray("A.test") << quint64(1) << false;
        QTest::newRow("a control byte") << QByteArray("a\nb.test") << quint64(1) << false;
        QTest::newRow("empty") << QByteArray() << quint64(1) << false;
        QTest::newRow("id 0") << QByteArray("a.test") << quint64(0) << false;
    }

    void hostEntries()
    {
        QFETCH(QByteArray, name);
        QFETCH(quint64, id);
        QFETCH(bool, valid);
        StreamEncoder encoder;
        QVERIFY(encoder.appendHost(id, HostSource::Quic,
                                   std::string_view(name.constData(), std::size_t(name.size()))));
        PacketRecord r = recordNumber(1, 40);
        r.hostId = id;
        r.hostSource = HostSource::Quic;
        const QByteArray b = bytesFor(1, 40);
        QVERIFY(encoder.append(r, span(b)));
        const auto sealed = encoder.seal(0);
        const QByteArray stream(reinterpret_cast<const char *>(sealed.data()),
                                qsizetype(sealed.size()));
        StreamDecoder decoder;
        const auto batches = decode(stream, Split::Random, &decoder);
        QCOMPARE(decoder.failed(), !valid);
        if (!valid) {
            QVERIFY2(decoder.errorString().contains(QStringLiteral("the host entry is malformed")),
                     qPrintable(decoder.errorString()));
            return;
        }
        QCOMPARE(batches.size(), 1);
        const StreamBatch &batch = batches.first();
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.record(0).hostId, id);
        QCOMPARE(batch.record(0).hostSource, HostSource::Quic);
        QCOMPARE(batch.hosts.size(), 1);
        QCOMPARE(batch.hosts.first().id, id);
        QCOMPARE(batch.hosts.first().source, HostSource::Quic);
        QCOMPARE(batch.hosts.first().name, QString::fromLatin1(name));
    }

    void processEntries()
    {
        ProcessInfo curl;
        curl.id = 3;
        curl.pid = 4242;
        curl.namespacePid = 1;
        curl.uid = 1000;
        curl.gid = 100;
        curl.startNs = 123456789;
        curl.cgroupId = 77;
        curl.command = "curl";
        curl.executable = "/usr/bin/curl";
        curl.arguments = std::string("curl\0-s\0http://a.test/", 22);
        curl.cgroup = "/user.slice/user-1000.slice/session-2.scope";
        ProcessInfo longOne = curl;
        longOne.id = 4;
        longOne.executable = "/" + std::string(5000, 'x'); // cut to ProcessCodec's limit
        longOne.command = "a name too long for comm";

        StreamEncoder encoder;
        QVERIFY(encoder.appendProcess(curl));
        PacketRecord r = recordNumber(1, 40);
        r.origin = Origin::Process;
        r.processId = 3;
        const QByteArray b = bytesFor(1, 40);
        QVERIFY(encoder.append(r, span(b)));
        QVERIFY(encoder.appendProcess(longOne));
        r.processId = 4;
        QVERIFY(encoder.append(r, span(b)));
        const auto sealed = encoder.seal(0);
        const QByteArray stream(reinterpret_cast<const char *>(sealed.data()),
                                qsizetype(sealed.size()));

        StreamDecoder decoder;
        const auto batches = decode(stream, Split::Random, &decoder);
        QVERIFY2(!decoder.failed(), qPrintable(decoder.errorString()));
        QCOMPARE(batches.size(), 1);
        const StreamBatch &batch = batches.first();
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.record(0).processId, 3u);
        QCOMPARE(batch.record(1).processId, 4u);
        QCOMPARE(batch.bytes(1), QByteArrayView(b));
        QCOMPARE(batch.processes.size(), 2);
        const ProcessInfo &got = batch.processes.at(0);
        QCOMPARE(got.id, 3u);
        QCOMPARE(got.pid, 4242u);
        QCOMPARE(got.namespacePid, 1u);
        QCOMPARE(got.uid, 1000u);
        QCOMPARE(got.gid, 100u);
        QCOMPARE(got.startNs, 123456789u);
        QCOMPARE(got.cgroupId, 77u);
        QCOMPARE(got.command, curl.command);
        QCOMPARE(got.executable, curl.executable);
        QCOMPARE(got.arguments, curl.arguments);
        QCOMPARE(got.cgroup, curl.cgroup);
        QCOMPARE(batch.processes.at(1).executable.size(), ProcessCodec::MaxExecutable);
        QCOMPARE(batch.processes.at(1).command.size(), ProcessCodec::MaxCommand);

        // A description whose lengths do not add up is refused, as any malformed entry.
        QByteArray damaged = stream;
        const qsizetype lengths = sizeof(BatchHeader) + sizeof(PacketRecord) + 40;
        damaged[lengths] = char(damaged[lengths] + 1); // commandLength of the first process
        StreamDecoder strict;
        decode(damaged, Split::Whole, &strict);
        QVERIFY(strict.failed());
        QVERIFY2(strict.errorString().contains(QStringLiteral("process description")),
                 qPrintable(strict.errorString()));
    }

    void badStreams()
    {
        QFETCH(std::function<void(QByteArray &, qsizetype)>, damage);
        QFETCH(bool, inSecondBatch);
        QFETCH(QString, error);
        StreamEncoder encoder;
        QByteArray stream;
        for (const auto &[count, length] : {std::pair{2, 201}, std::pair{3, 17}}) {
            for (int i = 0; i < count; ++i) {
                const QByteArray b = bytesFor(std::uint64_t(i), std::uint32_t(length));
                PacketRecord r = recordNumber(std::uint64_t(i), std::uint32_t(length));
                r.packetLength = std::uint32_t(length);
                QVERIFY(encoder.append(r, span(b)));
            }
            const auto bytes = encoder.seal(0);
            stream.append(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
            encoder.clear();
        }
        QCOMPARE(stream.size(), 768 + 48 + 3 * 176);
        damage(stream, inSecondBatch ? 768 : 0);

        for (Split split : {Split::Whole, Split::ByteByByte, Split::Random}) {
            StreamDecoder decoder;
            const auto batches = decode(stream, split, &decoder);
            QVERIFY(decoder.failed());
            QVERIFY2(decoder.errorString().contains(error), qPrintable(decoder.errorString()));
            // What came before the damage is still delivered, nothing after it.
            QCOMPARE(batches.size(), inSecondBatch ? 1 : 0);
            // A failed decoder stays failed.
            QVERIFY(!decoder.feed(stream.constData(), std::size_t(stream.size())));
            StreamBatch batch;
            QVERIFY(!decoder.next(&batch));
        }
    }

    void truncatedStreamsWaitForMore()
    {
        QList<QList<Sent>> sent;
        const QByteArray stream = makeStream({2, 0, 3}, {9, 200}, 1, &sent);
        const qsizetype first = qsizetype(sizeof(BatchHeader)) + headerAt(stream, 0).payloadBytes;
        const qsizetype second = first + qsizetype(sizeof(BatchHeader));
        for (qsizetype cut = 0; cut < stream.size(); ++cut) {
            StreamDecoder decoder;
            const auto batches = decode(stream.left(cut), Split::Whole, &decoder);
            QVERIFY(!decoder.failed());
            const int complete = cut >= second ? 2 : cut >= first ? 1 : 0;
            QCOMPARE(batches.size(), complete);
            QCOMPARE(decoder.atBoundary(), cut == 0 || cut == first || cut == second);
        }
    }

    void damagedStreamsNeverCrash()
    {
        // Random damage to a valid stream, fed in random pieces: the decoder either fails with
        // a sentence or hands out batches whose every length it checked.
        const QByteArray valid = makeStream({3, 1, 0, 40, 2}, {0, 13, 1500, 64, 300}, 2);
        // Half the damage goes where the lengths are: headers and the records' length fields.
        QList<qsizetype> structural;
        for (qsizetype at = 0; at < valid.size();) {
            const BatchHeader h = headerAt(valid, at);
            for (qsizetype i = 0; i < qsizetype(sizeof h); ++i)
                structural.append(at + i);
            qsizetype record = firstRecord(at);
            at = record + h.payloadBytes;
            for (; record < at;
                 record += entrySize(qFromUnaligned<std::uint32_t>(
                     valid.constData() + record + offsetof(PacketRecord, capturedLength)))) {
                for (qsizetype i = 0; i < 8; ++i) // packetLength, capturedLength
                    structural.append(record + qsizetype(offsetof(PacketRecord, packetLength)) + i);
            }
        }
        QRandomGenerator random(20240601);
        int failures = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray stream = valid;
            const int flips = 1 + int(random.bounded(4));
            for (int f = 0; f < flips; ++f) {
                const qsizetype at = random.bounded(2)
                                         ? random.bounded(stream.size())
                                         : structural[random.bounded(structural.size())];
                stream[at] = char(random.bounded(256));
            }
            if (random.bounded(4) == 0)
                stream.truncate(random.bounded(stream.size()));
            StreamDecoder decoder;
            const auto batches = decode(stream, Split::Random, &decoder, quint32(round));
            failures += decoder.failed();
            QVERIFY(!decoder.failed() || !decoder.errorString().isEmpty());
            for (const StreamBatch &batch : batches) {
                for (qsizetype i = 0; i < batch.size(); ++i) {
                    const QByteArrayView bytes = batch.bytes(i);
                    QVERIFY(bytes.data() + bytes.size() <=
                            batch.payload.constData() + batch.payload.size());
                }
            }
        }
        QVERIFY(failures > 1000); // most damage is noticed; some hits only packet bytes

        for (int round = 0; round < 300; ++round) {
            QByteArray noise(qsizetype(random.bounded(5000)), Qt::Uninitialized);
            for (auto &c : noise)
                c = char(random.bounded(256));
            if (round % 2) // a valid start, then noise
                noise.prepend(valid.left(random.bounded(valid.size())));
            StreamDecoder decoder;
            decode(noise, Split::Random, &decoder, quint32(round));
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamFormat)
#include "tst_streamformat.moc"
