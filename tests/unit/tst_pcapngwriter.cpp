// PcapngWriter: the files read back by libpcap (as PcapReader opens them) and by tshark, which
// is what users open them with: the packets and their times, interfaces, directions and
// comments, the names of the Name Resolution Blocks (`tshark -z hosts`, and shown for the
// packets after them), the order of the blocks; PacketFileWriter's choice of format and its cut
// after the last whole record when the file cannot grow, for both formats.
#include "helper/protocol/PacketFileWriter.h"
#include "helper/protocol/PcapReader.h"
#include "helper/protocol/PcapngWriter.h"

#include "tests/support/core/PacketBuilder.h"
#include "tests/support/core/Tshark.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace nfqmon;
using nfqmon::test::Tshark;
namespace PacketBuilder = nfqmon::test::PacketBuilder;

namespace {

// A name given to the writer, or a packet written: UDP from `source` to `destination`.
struct Step {
    QString address; // a name: its address
    QString name;
    QString source; // a packet
    QString destination;
    std::int64_t timestampNs = 0;
    int payload = 20;
    QString interfaceName;
    PacketDirection direction = PacketDirection::Unknown;
    QString comment;

    bool isName() const { return !name.isEmpty(); }
    QByteArray bytes() const
    {
        const QByteArray udp = PacketBuilder::udp(40000, 53, QByteArray(payload, 'x'));
        const QByteArray s = source.toLatin1();
        const QByteArray d = destination.toLatin1();
        return source.contains(u':')
                   ? PacketBuilder::ipv6(s.constData(), d.constData(), PacketBuilder::Udp, udp)
                   : PacketBuilder::ipv4(s.constData(), d.constData(), PacketBuilder::Udp, udp);
    }
};

Step name(const char *address, const char *name)
{
    Step s;
    s.address = QString::fromLatin1(address);
    s.name = QString::fromLatin1(name);
    return s;
}

Step packet(const char *source, const char *destination, std::int64_t timestampNs,
            const char *interfaceName = "", PacketDirection direction = PacketDirection::Unknown,
            const char *comment = "")
{
    Step s;
    s.source = QString::fromLatin1(source);
    s.destination = QString::fromLatin1(destination);
    s.timestampNs = timestampNs;
    s.interfaceName = QString::fromLatin1(interfaceName);
    s.direction = direction;
    s.comment = QString::fromUtf8(comment);
    return s;
}

QByteArray addressBytes(const QString &text)
{
    QByteArray bytes(16, '\0');
    const QByteArray latin = text.toLatin1();
    if (text.contains(u':'))
        return inet_pton(AF_INET6, latin.constData(), bytes.data()) == 1 ? bytes : QByteArray();
    return inet_pton(AF_INET, latin.constData(), bytes.data()) == 1 ? bytes.left(4) : QByteArray();
}

// tshark's frame.time_epoch: seconds, a dot, nine digits.
QString epochText(std::int64_t ns)
{
    return QStringLiteral("%1.%2")
        .arg(ns / 1'000'000'000)
        .arg(ns % 1'000'000'000, 9, 10, QLatin1Char('0'));
}

// The file's blocks by type: "SHB IDB NRB EPB ..."; "?" for another type, "!" where a block's
// lengths disagree or run past the end.
QString blockTypes(const QByteArray &file)
{
    QStringList types;
    qsizetype at = 0;
    while (at + 12 <= file.size()) {
        const auto type = qFromLittleEndian<quint32>(file.constData() + at);
        const auto length = qFromLittleEndian<quint32>(file.constData() + at + 4);
        if (length < 12 || length % 4 != 0 || at + length > file.size() ||
            qFromLittleEndian<quint32>(file.constData() + at + length - 4) != length) {
            types << QStringLiteral("!");
            break;
        }
        switch (type) {
        case PcapngWriter::SectionHeaderType:
            types << QStringLiteral("SHB");
            break;
        case PcapngWriter::InterfaceDescriptionType:
            types << QStringLiteral("IDB");
            break;
        case PcapngWriter::NameResolutionType:
            types << QStringLiteral("NRB");
            break;
        case PcapngWriter::EnhancedPacketType:
            types << QStringLiteral("EPB");
            break;
        default:
            types << QStringLiteral("?");
        }
        at += length;
    }
    if (at != file.size())
        types << QStringLiteral("!");
    return types.join(u' ');
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

constexpr std::int64_t T0 = 1'764'950'400'123'456'789; // 2025-12-05, nanoseconds matter

} // namespace

Q_DECLARE_METATYPE(Step)
Q_DECLARE_METATYPE(PacketFileWriter::Format)

class TestPcapngWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatOf_data();
    void formatOf();
    void readBack_data();
    void readBack();
    void fullDevice();
    void cutAfterLastWholeRecord_data();
    void cutAfterLastWholeRecord();

private:
    QTemporaryDir m_dir;
};

void TestPcapngWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!Tshark::program().isEmpty(), "tshark is missing: packaging/install-deps.sh --tests");
}

void TestPcapngWriter::formatOf_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<PacketFileWriter::Format>("format");

    using F = PacketFileWriter::Format;
    QTest::newRow("pcapng") << QStringLiteral("/tmp/out.pcapng") << F::Pcapng;
    QTest::newRow("upper case") << QStringLiteral("/tmp/OUT.PCAPNG") << F::Pcapng;
    QTest::newRow("pcap") << QStringLiteral("/tmp/out.pcap") << F::Pcap;
    QTest::newRow("no extension") << QStringLiteral("/tmp/out") << F::Pcap;
    QTest::newRow("pcapng in the middle") << QStringLiteral("/tmp/out.pcapng.gz") << F::Pcap;
    QTest::newRow("descriptor name") << QStringLiteral("of received packets") << F::Pcap;
}

void TestPcapngWriter::formatOf()
{
    QFETCH(QString, fileName);
    QFETCH(PacketFileWriter::Format, format);
    QCOMPARE(PacketFileWriter::formatOf(fileName), format);
    QCOMPARE(PacketFileWriter::create(format)->format(), format);
}

void TestPcapngWriter::readBack_data()
{
    QTest::addColumn<QStringList>("interfaces"); // described with the header
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<std::uint32_t>("snapLength");
    QTest::addColumn<QString>("blocks");

    using D = PacketDirection;
    QTest::newRow("one packet with its name before it")
        << QStringList{QStringLiteral("veth0")}
        << QList<Step>{name("192.0.2.2", "a.test"),
                       packet("192.0.2.1", "192.0.2.2", T0, "veth0", D::Outbound, "accepted")}
        << 65535u << QStringLiteral("SHB IDB NRB EPB");
    QTest::newRow("a name learned between packets")
        << QStringList{QStringLiteral("eth0")}
        << QList<Step>{packet("192.0.2.1", "192.0.2.2", T0, "eth0", D::Outbound, "accepted"),
                       name("192.0.2.2", "late.test"),
                       packet("192.0.2.1", "192.0.2.2", T0 + 1, "eth0", D::Outbound,
                              "dropped by rule 2")}
        << 65535u << QStringLiteral("SHB IDB EPB NRB EPB");
    QTest::newRow("names batched, IPv4 and IPv6")
        << QStringList{QStringLiteral("wlan0")}
        << QList<Step>{name("192.0.2.7", "b.test"), name("2001:db8::7", "b.test"),
                       name("192.0.2.8", "cdn.b.test"),
                       packet("2001:db8::1", "2001:db8::7", T0, "wlan0", D::Outbound, "accepted"),
                       packet("192.0.2.7", "192.0.2.1", T0 + 1'000'000'000, "wlan0", D::Inbound,
                              "dropped")}
        << 65535u << QStringLiteral("SHB IDB NRB EPB EPB");
    QTest::newRow("several interfaces: the comment names each packet's")
        << QStringList{QStringLiteral("eth1"), QStringLiteral("eth2"), QStringLiteral("eth1")}
        << QList<Step>{packet("192.0.2.1", "192.0.2.2", T0, "eth2", D::Inbound, "accepted"),
                       packet("192.0.2.1", "192.0.2.2", T0 + 1, "eth1", D::Inbound, "accepted"),
                       packet("192.0.2.1", "192.0.2.2", T0 + 2, "eth2", D::Outbound, "accepted")}
        << 65535u << QStringLiteral("SHB IDB EPB EPB EPB");
    QTest::newRow("another interface than the one described is named in the comment")
        << QStringList{QStringLiteral("eth0")}
        << QList<Step>{packet("192.0.2.1", "192.0.2.2", T0, "veth9", D::Inbound, "accepted"),
                       packet("192.0.2.1", "192.0.2.2", T0 + 1, "veth9", D::Inbound),
                       packet("192.0.2.1", "192.0.2.2", T0 + 2, "eth0", D::Inbound, "dropped")}
        << 65535u << QStringLiteral("SHB IDB EPB EPB EPB");
    QTest::newRow("nothing but the packet: no interface, direction or comment")
        << QStringList{} << QList<Step>{packet("198.51.100.1", "198.51.100.2", T0)} << 65535u
        << QStringLiteral("SHB IDB EPB");
    QTest::newRow("no packets") << QStringList{QStringLiteral("eth0")} << QList<Step>{} << 65535u
                                << QStringLiteral("SHB IDB");
    QTest::newRow("the epoch and a time past 2^32 s")
        << QStringList{QStringLiteral("lo")}
        << QList<Step>{packet("192.0.2.1", "192.0.2.2", 0, "lo"),
                       packet("192.0.2.1", "192.0.2.2", 4'300'000'000'000'000'001, "lo")}
        << 65535u << QStringLiteral("SHB IDB EPB EPB");
    Step longPacket = packet("192.0.2.1", "192.0.2.2", T0, "eth0", D::Inbound, "accepted");
    longPacket.payload = 1000;
    QTest::newRow("the snap length keeps the first bytes")
        << QStringList{QStringLiteral("eth0")} << QList<Step>{longPacket} << 64u
        << QStringLiteral("SHB IDB EPB");
}

void TestPcapngWriter::readBack()
{
    QFETCH(QStringList, interfaces);
    QFETCH(QList<Step>, steps);
    QFETCH(std::uint32_t, snapLength);
    QFETCH(QString, blocks);

    const QString path = m_dir.filePath(QStringLiteral("%1.pcapng").arg(QTest::currentDataTag()));
    PcapngWriter writer;
    std::vector<std::string> given;
    for (const QString &interfaceName : interfaces)
        given.push_back(interfaceName.toStdString());
    writer.setInterfaces(given);
    QString error;
    QVERIFY2(writer.open(path, snapLength, &error), qPrintable(error));
    QList<Step> packets;
    QStringList names;                 // "ADDRESS NAME", all the file names
    QMultiMap<QString, QString> named; // address -> names, so far
    QList<QStringList> namedBefore;    // per packet: the names its destination had by then
    for (const Step &step : steps) {
        if (step.isName()) {
            const QByteArray address = addressBytes(step.address);
            QVERIFY(!address.isEmpty());
            const QByteArray utf8 = step.name.toUtf8();
            writer.addName(std::span(reinterpret_cast<const std::uint8_t *>(address.constData()),
                                     std::size_t(address.size())),
                           std::string_view(utf8.constData(), std::size_t(utf8.size())));
            names.append(step.address + u' ' + step.name);
            named.insert(step.address, step.name);
            continue;
        }
        const QByteArray bytes = step.bytes();
        const QByteArray interfaceName = step.interfaceName.toUtf8();
        const QByteArray comment = step.comment.toUtf8();
        PacketFileRecord record;
        record.timestampNs = step.timestampNs;
        record.data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
        record.capturedLength = std::uint32_t(bytes.size());
        record.wireLength = std::uint32_t(bytes.size());
        record.interfaceName = {interfaceName.constData(), std::size_t(interfaceName.size())};
        record.direction = step.direction;
        record.comment = {comment.constData(), std::size_t(comment.size())};
        QVERIFY2(writer.write(record), qPrintable(writer.errorString()));
        packets.append(step);
        namedBefore.append(named.values(step.destination));
    }
    QVERIFY2(writer.close(), qPrintable(writer.errorString()));
    QCOMPARE(writer.packetsWritten(), std::uint64_t(packets.size()));

    const QByteArray file = readAll(path);
    QCOMPARE(blockTypes(file), blocks);
    QCOMPARE(std::uint64_t(file.size()), writer.bytesWritten());

    // libpcap: every packet, its time to the nanosecond, its bytes cut to the snap length.
    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.linkType(), PcapngWriter::LinkTypeRaw);
    for (const Step &step : packets) {
        PcapPacket read;
        QVERIFY2(reader.next(&read), qPrintable(reader.errorString()));
        const QByteArray bytes = step.bytes();
        QCOMPARE(read.timestampNs, step.timestampNs);
        QCOMPARE(read.data, bytes.left(snapLength));
        QCOMPARE(read.wireLength, std::uint32_t(bytes.size()));
    }
    PcapPacket extra;
    QVERIFY(!reader.next(&extra));
    QCOMPARE(reader.errorString(), QString());

    // tshark: the same, and what only pcapng carries. With -N n, a destination shows the name
    // the file gave it before the packet, else its address.
    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(path,
                            {QStringLiteral("frame.time_epoch"), QStringLiteral("frame.cap_len"),
                             QStringLiteral("frame.len"), QStringLiteral("frame.interface_name"),
                             QStringLiteral("frame.packet_flags_direction"),
                             QStringLiteral("frame.comment"), QStringLiteral("ip.dst_host"),
                             QStringLiteral("ipv6.dst_host")},
                            &rows, &error, true),
             qPrintable(error));
    QCOMPARE(rows.size(), packets.size());
    for (qsizetype i = 0; i < packets.size(); ++i) {
        const Step &step = packets[i];
        const QStringList &row = rows[i];
        QCOMPARE(row.size(), 8);
        const auto length = std::uint32_t(step.bytes().size());
        QCOMPARE(row[0], epochText(step.timestampNs));
        QCOMPARE(row[1], QString::number(std::min(length, snapLength)));
        QCOMPARE(row[2], QString::number(length));
        // One interface: named when the writer was given one; when it was given several, a
        // description (which Wireshark shows as the name). A packet on any interface but the
        // named one has its interface at the end of its comment.
        QStringList described = interfaces;
        described.removeDuplicates();
        const bool oneNamed = described.size() == 1;
        QCOMPARE(row[3], oneNamed ? described.first()
                         : described.isEmpty()
                             ? QStringLiteral("unknown")
                             : QString::fromLatin1(PcapngWriter::SeveralInterfaces.data(),
                                                   PcapngWriter::SeveralInterfaces.size()));
        const bool isDescribed = oneNamed && described.first() == step.interfaceName;
        QCOMPARE(row[4],
                 step.direction == PacketDirection::Unknown
                     ? QString()
                     : QStringLiteral("0x%1").arg(int(step.direction), 8, 16, QLatin1Char('0')));
        QString comment = step.comment;
        if (!isDescribed && !step.interfaceName.isEmpty())
            comment += (comment.isEmpty() ? QStringLiteral("on ") : QStringLiteral(", on ")) +
                       step.interfaceName;
        QCOMPARE(row[5], comment);
        const QString shown = row[6] + row[7];
        if (namedBefore[i].isEmpty())
            QCOMPARE(shown, step.destination);
        else
            QVERIFY2(namedBefore[i].contains(shown), qPrintable(shown));
    }

    // tshark -z hosts: every name the file gave, and no other.
    QStringList listed;
    QVERIFY2(Tshark::hosts(path, &listed, &error), qPrintable(error));
    names.sort();
    QCOMPARE(listed, names);
}

void TestPcapngWriter::fullDevice()
{
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    PcapngWriter writer;
    QString error;
    QVERIFY2(writer.openFd(fd, 65535, QStringLiteral("/dev/full"), &error), qPrintable(error));
    const QByteArray bytes = packet("192.0.2.1", "192.0.2.2", T0).bytes();
    QVERIFY(writer.write(T0, reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                         std::uint32_t(bytes.size()), std::uint32_t(bytes.size())));
    QVERIFY(!writer.flush());
    QCOMPARE(writer.errorString(), QStringLiteral("dump /dev/full: No space left on device"));
    QVERIFY(!writer.write(T0, reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                          std::uint32_t(bytes.size()), std::uint32_t(bytes.size())));
    QVERIFY(!writer.close());
}

void TestPcapngWriter::cutAfterLastWholeRecord_data()
{
    QTest::addColumn<PacketFileWriter::Format>("format");
    QTest::addColumn<QString>("fileName");

    QTest::newRow("pcap") << PacketFileWriter::Format::Pcap << QStringLiteral("cut.pcap");
    QTest::newRow("pcapng") << PacketFileWriter::Format::Pcapng << QStringLiteral("cut.pcapng");
}

// A file that cannot grow (here the file size limit, as a full disk): the writer fails with the
// reason and leaves a file that ends after a whole packet, which libpcap and tshark read
// without an error.
void TestPcapngWriter::cutAfterLastWholeRecord()
{
    QFETCH(PacketFileWriter::Format, format);
    QFETCH(QString, fileName);

    constexpr rlim_t Limit = 3 * 1024 * 1024 + 123; // past the 1 MiB buffer, not on a record
    const QString path = m_dir.filePath(fileName);
    auto writer = PacketFileWriter::create(format);
    QString error;
    QVERIFY2(writer->open(path, 65535, &error), qPrintable(error));

    struct rlimit before {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // write(2) fails with EFBIG
    struct rlimit limited = before;
    limited.rlim_cur = Limit;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const QByteArray bytes = [] {
        Step s = packet("192.0.2.1", "192.0.2.2", T0);
        s.payload = 1401; // not a multiple of 4: pcapng pads
        return s.bytes();
    }();
    int written = 0;
    for (int i = 0; i < 10'000 && !writer->failed(); ++i) {
        if (writer->keepsNames() && i % 100 == 0)
            writer->addName(
                std::span(reinterpret_cast<const std::uint8_t *>(bytes.constData()) + 16, 4),
                "b.test");
        if (writer->write(T0 + i, reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                          std::uint32_t(bytes.size()), std::uint32_t(bytes.size())))
            ++written;
    }
    const bool closed = writer->close();
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!closed);
    QVERIFY2(writer->errorString().contains(QLatin1String("File too large")),
             qPrintable(writer->errorString()));
    const qint64 size = QFileInfo(path).size();
    QVERIFY2(size > 2 * 1024 * 1024 && size <= qint64(Limit), qPrintable(QString::number(size)));
    if (format == PacketFileWriter::Format::Pcapng)
        QVERIFY(!blockTypes(readAll(path)).contains(u'!'));

    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    int read = 0;
    PcapPacket packet;
    while (reader.next(&packet)) {
        QCOMPARE(packet.data, bytes);
        ++read;
    }
    QCOMPARE(reader.errorString(), QString());
    QVERIFY2(read > 0 && read <= written,
             qPrintable(QStringLiteral("%1 of %2").arg(read).arg(written)));

    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(path, {QStringLiteral("frame.len")}, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), read);
}

QTEST_GUILESS_MAIN(TestPcapngWriter)
#include "tst_pcapngwriter.moc"
