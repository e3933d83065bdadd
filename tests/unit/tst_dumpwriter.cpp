// DumpWriter: records offered as the queue threads offer them, written on the dump's thread to a
// pcap or pcapng file chosen by the name (or by what the kernel calls a descriptor), read back
// with libpcap and tshark: the packets, and in pcapng their interfaces, directions, verdicts
// and the host names of their remote ends, each (address, name) once, before its first packet.
#include "helper/engine/DumpWriter.h"
#include "helper/protocol/PacketDecoder.h"
#include "helper/protocol/PcapReader.h"
#include "helper/protocol/PcapngWriter.h"

#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/Tshark.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <cstring>
#include <fcntl.h>
#include <map>

using namespace nfqmon;
using nfqmon::test::Tshark;
namespace PacketBuilder = nfqmon::test::PacketBuilder;

namespace {

// A packet as a queue thread hands it to the dump.
struct Offered {
    const char *source;
    const char *destination;
    Hook hook;
    Verdict verdict;
    std::int32_t ruleId;
    std::uint64_t hostId;
};

constexpr std::int64_t T0 = 1'764'950'400'000'000'000;

PacketRecord recordOf(const Offered &o, const QByteArray &bytes, std::uint64_t sequence)
{
    PacketRecord r;
    r.sequence = sequence;
    r.timestampNs = T0 + std::int64_t(sequence);
    r.packetLength = r.capturedLength = std::uint32_t(bytes.size());
    r.hook = o.hook;
    r.verdict = o.verdict;
    r.ruleId = o.ruleId;
    r.hostId = o.hostId;
    std::strcpy(o.hook == Hook::Output ? r.outInterface : r.inInterface,
                o.hook == Hook::Output ? "veth-out" : "veth-in");
    r.summary = PacketDecoder::summarize(
        {reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())});
    return r;
}

QByteArray packetOf(const Offered &o)
{
    const QByteArray udp = PacketBuilder::udp(40000, 443, "hello");
    return QByteArray(o.source).contains(':')
               ? PacketBuilder::ipv6(o.source, o.destination, PacketBuilder::Udp, udp)
               : PacketBuilder::ipv4(o.source, o.destination, PacketBuilder::Udp, udp);
}

int countBlocks(const QByteArray &file, quint32 wanted)
{
    int count = 0;
    for (qsizetype at = 0; at + 12 <= file.size();) {
        const auto type = qFromLittleEndian<quint32>(file.constData() + at);
        const auto length = qFromLittleEndian<quint32>(file.constData() + at + 4);
        if (length < 12)
            return -1;
        count += type == wanted;
        at += length;
    }
    return count;
}

const std::map<std::uint64_t, std::string> Names = {
    {7, "a.test"}, {8, "b.test"}, {9, "a.test"}, // 9: a.test learned again
};

} // namespace

class TestDumpWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void writes_data();
    void writes();
    void keepsUpWithAFloodAcrossTheRing_data();
    void keepsUpWithAFloodAcrossTheRing();

private:
    QTemporaryDir m_dir;
};

void TestDumpWriter::writes_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("byDescriptor"); // opened by the test, handed over as the window does
    QTest::addColumn<bool>("acceptedOnly");
    QTest::addColumn<bool>("pcapng");
    QTest::addColumn<bool>("described"); // the interfaces were given before open()

    QTest::newRow("pcap") << QStringLiteral("in.pcap") << false << false << false << true;
    QTest::newRow("pcapng") << QStringLiteral("in.pcapng") << false << false << true << true;
    QTest::newRow("pcapng, accepted only")
        << QStringLiteral("out.pcapng") << false << true << true << true;
    QTest::newRow("pcapng by descriptor")
        << QStringLiteral("fd.pcapng") << true << false << true << true;
    QTest::newRow("pcapng, interfaces not described")
        << QStringLiteral("any.pcapng") << false << false << true << false;
    QTest::newRow("pcap by descriptor")
        << QStringLiteral("fd.pcap") << true << false << false << true;
}

void TestDumpWriter::writes()
{
    QFETCH(QString, fileName);
    QFETCH(bool, byDescriptor);
    QFETCH(bool, acceptedOnly);
    QFETCH(bool, pcapng);
    QFETCH(bool, described);

    const QList<Offered> offered = {
        // out: the destination is the remote end; in: the source.
        {"192.0.2.1", "192.0.2.10", Hook::Output, Verdict::Accept, -1, 7},
        {"192.0.2.10", "192.0.2.1", Hook::PreRouting, Verdict::Accept, -1, 7}, // same pair
        {"192.0.2.20", "192.0.2.1", Hook::PreRouting, Verdict::Drop, 2, 8},
        {"192.0.2.1", "192.0.2.10", Hook::Output, Verdict::Accept, 1, 9}, // same name, new id
        {"2001:db8::1", "2001:db8::10", Hook::Output, Verdict::Accept, -1, 7},
        {"192.0.2.1", "192.0.2.30", Hook::Output, Verdict::Accept, -1, 0},  // no name
        {"192.0.2.1", "192.0.2.40", Hook::Output, Verdict::Accept, -1, 99}, // name let go
    };

    const QString path = m_dir.filePath(fileName);
    DumpWriter dump(1, acceptedOnly, 65535);
    if (described)
        dump.setInterfaces({"veth-in", "veth-out", "eth9"});
    int lookups = 0;
    dump.setNameLookup([&lookups](std::uint64_t id, std::string *name) {
        ++lookups;
        const auto found = Names.find(id);
        if (found == Names.end())
            return false;
        *name = found->second;
        return true;
    });
    QString error;
    if (byDescriptor) {
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        QVERIFY2(dump.openFd(fd, QStringLiteral("of received packets"), &error), qPrintable(error));
    } else {
        QVERIFY2(dump.open(path, &error), qPrintable(error));
    }
    QCOMPARE(dump.format() == PacketFileWriter::Format::Pcapng, pcapng);
    QCOMPARE(dump.fileName(), byDescriptor ? QStringLiteral("of received packets") : path);
    dump.start([](const QString &message) { qWarning() << message; });
    QList<Offered> expected;
    std::uint64_t sequence = 0;
    for (const Offered &o : offered) {
        const QByteArray bytes = packetOf(o);
        dump.offer(0, recordOf(o, bytes, ++sequence),
                   reinterpret_cast<const std::uint8_t *>(bytes.constData()));
        if (!acceptedOnly || o.verdict == Verdict::Accept)
            expected.append(o);
    }
    dump.wake();
    dump.stop();
    QVERIFY2(!dump.failed(), qPrintable(dump.errorString()));
    QCOMPARE(dump.packetsWritten(), std::uint64_t(expected.size()));

    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.nanosecondFile(), !pcapng);
    for (const Offered &o : expected) {
        PcapPacket packet;
        QVERIFY2(reader.next(&packet), qPrintable(reader.errorString()));
        QCOMPARE(packet.data, packetOf(o));
    }

    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(path,
                            {QStringLiteral("frame.interface_name"),
                             QStringLiteral("frame.packet_flags_direction"),
                             QStringLiteral("frame.comment")},
                            &rows, &error),
             qPrintable(error));
    QCOMPARE(rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Offered &o = expected[i];
        const bool out = o.hook == Hook::Output;
        const QString verdict =
            o.verdict == Verdict::Accept ? QStringLiteral("accepted") : QStringLiteral("dropped");
        const QString interfaceName = out ? QStringLiteral("veth-out") : QStringLiteral("veth-in");
        QString comment =
            o.ruleId >= 0 ? verdict + QStringLiteral(" by rule %1").arg(o.ruleId) : verdict;
        // The file's one interface stands for several: the comment names the packet's.
        comment += QStringLiteral(", on ") + interfaceName;
        const QString several = QString::fromLatin1(PcapngWriter::SeveralInterfaces.data(),
                                                    PcapngWriter::SeveralInterfaces.size());
        const QStringList want =
            pcapng ? QStringList{described ? several : QStringLiteral("unknown"),
                                 out ? QStringLiteral("0x00000002") : QStringLiteral("0x00000001"),
                                 comment}
                   : QStringList{QString(), QString(), QString()};
        QCOMPARE(rows[i], want);
    }

    QStringList hosts;
    QVERIFY2(Tshark::hosts(path, &hosts, &error), qPrintable(error));
    QStringList wantHosts;
    if (pcapng) {
        wantHosts << QStringLiteral("192.0.2.10 a.test") << QStringLiteral("2001:db8::10 a.test");
        if (!acceptedOnly) // only a dropped packet had it
            wantHosts << QStringLiteral("192.0.2.20 b.test");
    }
    wantHosts.sort();
    QCOMPARE(hosts, wantHosts);
    // Each pair once: (192.0.2.10, a.test) is not written again for id 9.
    const QByteArray file = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    if (pcapng) {
        QCOMPARE(file.count("a.test"), 2);
        // A block of names before each packet that brought new ones; an interface each.
        QCOMPARE(countBlocks(file, 4), acceptedOnly ? 2 : 3);
        QCOMPARE(countBlocks(file, 1), 1); // one interface: what libpcap reads
    }
    // A pcap dump asks for no names; a pcapng dump once per (address, id).
    QCOMPARE(lookups, !pcapng ? 0 : acceptedOnly ? 4 : 5);
}

void TestDumpWriter::keepsUpWithAFloodAcrossTheRing_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("snapLength");
    QTest::newRow("pcap") << QStringLiteral("flood.pcap") << 65535;
    QTest::newRow("pcap, snap length 40") << QStringLiteral("flood40.pcap") << 40;
    QTest::newRow("pcapng") << QStringLiteral("flood.pcapng") << 65535;
}

// More than the dump's 16 MiB ring holds, offered as fast as one thread can while the dump's
// thread writes: every packet is either in the file, in order and whole (its number in its
// bytes and its time), or counted as lost; none is both, none is neither.
void TestDumpWriter::keepsUpWithAFloodAcrossTheRing()
{
    QFETCH(QString, fileName);
    QFETCH(int, snapLength);
    const QString path = m_dir.filePath(fileName);
    DumpWriter dump(1, false, std::uint32_t(snapLength));
    QString error;
    QVERIFY2(dump.open(path, &error), qPrintable(error));
    dump.start([](const QString &message) { qWarning() << message; });
    constexpr std::uint64_t Total = 300'000; // 300,000 x 80 bytes: 24 MB of pcap records
    QByteArray bytes = packetOf({"192.0.2.1", "192.0.2.10", Hook::Output, Verdict::Accept, -1, 0});
    bytes.append(QByteArray(64 - bytes.size(), '\0'));
    const Offered o{"192.0.2.1", "192.0.2.10", Hook::Output, Verdict::Accept, -1, 0};
    for (std::uint64_t n = 1; n <= Total; ++n) {
        std::memcpy(bytes.data() + 36, &n, sizeof n); // after the headers: the packet's number
        dump.offer(0, recordOf(o, bytes, n), reinterpret_cast<const std::uint8_t *>(bytes.data()));
        if (n % 4096 == 0)
            dump.wake();
    }
    dump.wake();
    dump.stop();
    QVERIFY2(!dump.failed(), qPrintable(dump.errorString()));
    QCOMPARE(dump.packetsWritten() + dump.lost(), Total);
    QVERIFY(dump.packetsWritten() > 0);

    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    const int kept = std::min(snapLength, int(bytes.size()));
    std::uint64_t read = 0;
    std::uint64_t last = 0;
    PcapPacket packet;
    while (reader.next(&packet)) {
        QCOMPARE(packet.data.size(), kept);
        QCOMPARE(packet.wireLength, std::uint32_t(bytes.size()));
        std::uint64_t n = 0;
        if (kept >= 44) {
            std::memcpy(&n, packet.data.constData() + 36, sizeof n);
            QCOMPARE(packet.timestampNs, T0 + std::int64_t(n));
        } else {
            n = std::uint64_t(packet.timestampNs - T0);
        }
        QVERIFY2(n > last, qPrintable(QStringLiteral("packet %1 after %2").arg(n).arg(last)));
        last = n;
        ++read;
    }
    QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
    QCOMPARE(read, dump.packetsWritten());
}

QTEST_GUILESS_MAIN(TestDumpWriter)
#include "tst_dumpwriter.moc"
