// PcapWriter and PcapReader against each other, against the file format's bytes and against
// tcpdump, which is what users open the dumps with.
#include "helper/protocol/PcapReader.h"
#include "helper/protocol/PcapWriter.h"

#include "tests/support/core/PacketBuilder.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon;
namespace PacketBuilder = nfqmon::test::PacketBuilder;

namespace {

struct TestPacket {
    std::int64_t timestampNs = 0;
    QByteArray bytes;
    std::uint32_t wireLength = 0; // 0: the length of bytes
};

std::uint32_t wireLengthOf(const TestPacket &packet)
{
    return packet.wireLength ? packet.wireLength : static_cast<std::uint32_t>(packet.bytes.size());
}

QByteArray udp(quint16 sourcePort, quint16 destinationPort, int payloadSize)
{
    QByteArray payload;
    for (int i = 0; i < payloadSize; ++i)
        payload.append(char('a' + i % 26));
    return PacketBuilder::udp(sourcePort, destinationPort, payload);
}

QByteArray tcpSyn(quint16 sourcePort, quint16 destinationPort)
{
    return PacketBuilder::tcp(sourcePort, destinationPort, 0x02);
}

// Well-formed packets with checksums, so that tcpdump decodes them as a user would see them.
using PacketBuilder::ipv4;
using PacketBuilder::ipv6;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<PcapPacket> readBack(const QString &path, PcapReader *reader)
{
    QList<PcapPacket> packets;
    QString error;
    if (!reader->open(path, &error)) {
        qWarning() << error;
        return packets;
    }
    PcapPacket packet;
    while (reader->next(&packet))
        packets.append(packet);
    return packets;
}

constexpr std::int64_t Second = 1'000'000'000;

} // namespace

Q_DECLARE_METATYPE(TestPacket)

class TestPcapWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void fileHeader_data();
    void fileHeader();
    void snapLength_data();
    void snapLength();
    void tcpdumpReadsFile_data();
    void tcpdumpReadsFile();
    void openErrors_data();
    void openErrors();
    void newFileIsPrivateAndTruncated();
    void fullDevice_data();
    void fullDevice();
    void openFd_data();
    void openFd();
    void writeWithoutFileIsRefused();
    void readerFileKinds_data();
    void readerFileKinds();
    void readerErrors_data();
    void readerErrors();

private:
    QTemporaryDir m_dir;
};

void TestPcapWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestPcapWriter::roundTrip_data()
{
    QTest::addColumn<QList<TestPacket>>("packets");

    const QByteArray v4Udp = ipv4("10.0.0.1", "10.0.0.2", 17, udp(40000, 53, 30));
    const QByteArray v6Tcp = ipv6("2001:db8::1", "2001:db8::2", 6, tcpSyn(5000, 443));
    const QByteArray v6Udp = ipv6("fe80::1", "ff02::1", 17, udp(546, 547, 200));
    const QByteArray v4Tcp = ipv4("192.168.1.10", "93.184.216.34", 6, tcpSyn(51000, 80));

    QTest::newRow("no packets") << QList<TestPacket>{};
    QTest::newRow("one IPv4 UDP") << QList<TestPacket>{{1'700'000'000 * Second + 1, v4Udp, 0}};
    QTest::newRow("one IPv6 TCP") << QList<TestPacket>{{1'700'000'000 * Second, v6Tcp, 0}};
    QTest::newRow("mixed, nanoseconds kept")
        << QList<TestPacket>{{1'700'000'000 * Second + 123'456'789, v4Udp, 0},
                             {1'700'000'000 * Second + 123'456'790, v6Tcp, 0},
                             {1'700'000'000 * Second + 999'999'999, v6Udp, 0},
                             {1'700'000'001 * Second, v4Tcp, 0}};
    QTest::newRow("captured shorter than wire") << QList<TestPacket>{
        {5 * Second + 7, v4Udp.left(28), 1500}, {6 * Second + 8, v6Udp.left(48), 9000}};
}

void TestPcapWriter::roundTrip()
{
    QFETCH(QList<TestPacket>, packets);
    const QString path = m_dir.filePath(QStringLiteral("roundtrip-%1.pcap")
                                            .arg(QString::fromLatin1(QTest::currentDataTag())
                                                     .replace(QLatin1Char(' '), QLatin1Char('_'))
                                                     .remove(QLatin1Char(','))));

    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, 65535, &error), qPrintable(error));
    QVERIFY(writer.isOpen());
    for (const TestPacket &packet : packets)
        QVERIFY(writer.write(packet.timestampNs,
                             reinterpret_cast<const std::uint8_t *>(packet.bytes.constData()),
                             std::uint32_t(packet.bytes.size()), wireLengthOf(packet)));
    QCOMPARE(writer.packetsWritten(), std::uint64_t(packets.size()));
    QVERIFY2(writer.close(), qPrintable(writer.errorString()));
    QVERIFY(!writer.isOpen());
    QCOMPARE(writer.bytesWritten(), std::uint64_t(QFileInfo(path).size()));

    PcapReader reader;
    const QList<PcapPacket> read = readBack(path, &reader);
    QCOMPARE(reader.errorString(), QString());
    QVERIFY(reader.nanosecondFile());
    QCOMPARE(reader.linkType(), 101);
    QCOMPARE(reader.snapLength(), 65535u);
    QCOMPARE(read.size(), packets.size());
    for (qsizetype i = 0; i < packets.size(); ++i) {
        QCOMPARE(read[i].data, packets[i].bytes);
        QCOMPARE(read[i].wireLength, wireLengthOf(packets[i]));
        QCOMPARE(read[i].timestampNs, packets[i].timestampNs);
    }
}

void TestPcapWriter::fileHeader_data()
{
    QTest::addColumn<quint32>("snapLength");
    QTest::addColumn<quint32>("expectedSnapLength");

    QTest::newRow("65535") << 65535u << 65535u;
    QTest::newRow("small") << 96u << 96u;
    QTest::newRow("libpcap maximum") << 262144u << 262144u;
    QTest::newRow("0 means maximum") << 0u << 262144u;
    QTest::newRow("above maximum is capped") << 1'000'000u << 262144u;
}

void TestPcapWriter::fileHeader()
{
    QFETCH(quint32, snapLength);
    QFETCH(quint32, expectedSnapLength);
    const QString path = m_dir.filePath(QStringLiteral("header.pcap"));

    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, snapLength, &error), qPrintable(error));
    QVERIFY(writer.close());

    const QByteArray bytes = readAll(path);
    QCOMPARE(bytes.size(), 24);
    const auto *raw = reinterpret_cast<const uchar *>(bytes.constData());
    // Written in the host's byte order; readers recognise either from the magic.
    if constexpr (QSysInfo::ByteOrder == QSysInfo::LittleEndian)
        QCOMPARE(bytes.left(4).toHex(' '), QByteArray("4d 3c b2 a1"));
    else
        QCOMPARE(bytes.left(4).toHex(' '), QByteArray("a1 b2 3c 4d"));
    QCOMPARE(qFromUnaligned<quint32>(raw), 0xa1b23c4du);
    QCOMPARE(qFromUnaligned<quint16>(raw + 4), quint16(2)); // version 2.4
    QCOMPARE(qFromUnaligned<quint16>(raw + 6), quint16(4));
    QCOMPARE(qFromUnaligned<quint32>(raw + 16), expectedSnapLength);
    QCOMPARE(qFromUnaligned<quint32>(raw + 20), 101u); // LINKTYPE_RAW, not Linux's DLT_RAW 12
}

void TestPcapWriter::snapLength_data()
{
    QTest::addColumn<quint32>("snapLength");
    QTest::addColumn<int>("packetSize");
    QTest::addColumn<quint32>("wireLength");
    QTest::addColumn<int>("expectedCaptured");
    QTest::addColumn<quint32>("expectedWire");

    QTest::newRow("longer than snap") << 40u << 100 << 100u << 40 << 100u;
    QTest::newRow("equal to snap") << 100u << 100 << 100u << 100 << 100u;
    QTest::newRow("shorter than snap") << 1500u << 100 << 100u << 100 << 100u;
    QTest::newRow("already cut by the kernel") << 40u << 60 << 4000u << 40 << 4000u;
    QTest::newRow("wire below captured is raised") << 1500u << 100 << 20u << 100 << 100u;
}

void TestPcapWriter::snapLength()
{
    QFETCH(quint32, snapLength);
    QFETCH(int, packetSize);
    QFETCH(quint32, wireLength);
    QFETCH(int, expectedCaptured);
    QFETCH(quint32, expectedWire);

    const QByteArray packet =
        ipv4("10.1.1.1", "10.1.1.2", 17, udp(1000, 2000, packetSize - 28)).left(packetSize);
    QCOMPARE(packet.size(), packetSize);
    const QString path = m_dir.filePath(QStringLiteral("snap.pcap"));
    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, snapLength, &error), qPrintable(error));
    QVERIFY(writer.write(42, reinterpret_cast<const std::uint8_t *>(packet.constData()),
                         std::uint32_t(packet.size()), wireLength));
    QVERIFY(writer.close());
    QCOMPARE(writer.bytesWritten(), std::uint64_t(24 + 16 + expectedCaptured));

    PcapReader reader;
    const QList<PcapPacket> read = readBack(path, &reader);
    QCOMPARE(reader.snapLength(), snapLength);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read[0].data, packet.left(expectedCaptured));
    QCOMPARE(read[0].wireLength, expectedWire);
    QCOMPARE(read[0].timestampNs, std::int64_t(42));
}

void TestPcapWriter::tcpdumpReadsFile_data()
{
    QTest::addColumn<QList<TestPacket>>("packets");
    QTest::addColumn<QStringList>("expectedLines"); // each output line starts with one of these

    const std::int64_t t = 1'700'000'000 * Second;
    QTest::newRow("IPv4 UDP")
        << QList<TestPacket>{{t + 1, ipv4("10.0.0.1", "10.0.0.2", 17, udp(40000, 9999, 12)), 0}}
        << QStringList{
               QStringLiteral("1700000000.000000001 IP 10.0.0.1.40000 > 10.0.0.2.9999: UDP")};
    QTest::newRow("IPv6 TCP")
        << QList<TestPacket>{{t + 500'000'000,
                              ipv6("2001:db8::1", "2001:db8::2", 6, tcpSyn(5000, 443)), 0}}
        << QStringList{QStringLiteral(
               "1700000000.500000000 IP6 2001:db8::1.5000 > 2001:db8::2.443: Flags [S]")};
    QTest::newRow("mixed")
        << QList<TestPacket>{{t, ipv4("192.0.2.1", "198.51.100.7", 6, tcpSyn(1234, 80)), 0},
                             {t + 999'999'999,
                              ipv6("2001:db8:1::10", "2001:db8:2::20", 17, udp(999, 1000, 4)), 0},
                             {t + Second, ipv4("203.0.113.5", "203.0.113.6", 17, udp(68, 67, 0)),
                              0}}
        << QStringList{
               QStringLiteral(
                   "1700000000.000000000 IP 192.0.2.1.1234 > 198.51.100.7.80: Flags [S]"),
               QStringLiteral("1700000000.999999999 IP6 2001:db8:1::10.999 > 2001:db8:2::20.1000: "
                              "UDP"),
               QStringLiteral("1700000001.000000000 IP 203.0.113.5.68 > 203.0.113.6.67: ")};
}

void TestPcapWriter::tcpdumpReadsFile()
{
    QFETCH(QList<TestPacket>, packets);
    QFETCH(QStringList, expectedLines);

    const QString tcpdump = QStandardPaths::findExecutable(
        QStringLiteral("tcpdump"), {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin")});
    QVERIFY2(!tcpdump.isEmpty(), "tcpdump is missing: apt-get install -y tcpdump");

    const QString path = m_dir.filePath(QStringLiteral("tcpdump.pcap"));
    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, 65535, &error), qPrintable(error));
    for (const TestPacket &packet : packets)
        QVERIFY(writer.write(packet.timestampNs,
                             reinterpret_cast<const std::uint8_t *>(packet.bytes.constData()),
                             std::uint32_t(packet.bytes.size()), wireLengthOf(packet)));
    QVERIFY(writer.close());

    QProcess process;
    process.start(tcpdump, {QStringLiteral("-r"), path, QStringLiteral("-n"), QStringLiteral("-tt"),
                            QStringLiteral("--time-stamp-precision=nano")});
    QVERIFY(process.waitForFinished(30000));
    const QString errors = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(errors));
    QVERIFY2(errors.contains(QLatin1String("link-type RAW")), qPrintable(errors));

    const QStringList lines = QString::fromLocal8Bit(process.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expectedLines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QVERIFY2(
            lines[i].startsWith(expectedLines[i]),
            qPrintable(
                QStringLiteral("got \"%1\", expected \"%2...\"").arg(lines[i], expectedLines[i])));
}

void TestPcapWriter::openErrors_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing directory")
        << QStringLiteral("no-such-dir/out.pcap") << QStringLiteral("No such file or directory");
    QTest::newRow("path is a directory") << QString() << QStringLiteral("Is a directory");
}

void TestPcapWriter::openErrors()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, reason);
    const QString path = relativePath.isEmpty() ? m_dir.path() : m_dir.filePath(relativePath);

    PcapWriter writer;
    QString error;
    QVERIFY(!writer.open(path, 65535, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!writer.isOpen());
    QCOMPARE(writer.errorString(), error);
    QVERIFY(!writer.write(1, reinterpret_cast<const std::uint8_t *>("x"), 1, 1));
    QCOMPARE(writer.packetsWritten(), 0u);
}

void TestPcapWriter::newFileIsPrivateAndTruncated()
{
    const QString path = m_dir.filePath(QStringLiteral("private.pcap"));

    // A new file: 0600, whatever the umask allows beyond that.
    PcapWriter writer;
    QString error;
    QVERIFY2(writer.open(path, 65535, &error), qPrintable(error));
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QVERIFY(writer.close());

    // An existing file with more bytes than the new dump: none of them may survive.
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(5000, 'x'));
    }
    QVERIFY(writer.open(path, 65535, &error));
    QVERIFY(writer.close());
    QCOMPARE(QFileInfo(path).size(), 24);
}

void TestPcapWriter::fullDevice_data()
{
    QTest::addColumn<int>("packetCount");
    QTest::addColumn<bool>("writeFails"); // a write() call itself fails (buffer overflowed)

    // Fewer bytes than the stdio buffer: only flush() can notice.
    QTest::newRow("error found by flush") << 3 << false;
    // More than the buffer: a write() call meets the error.
    QTest::newRow("error found by write") << 2000 << true;
}

void TestPcapWriter::fullDevice()
{
    QFETCH(int, packetCount);
    QFETCH(bool, writeFails);

    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    PcapWriter writer;
    QString error;
    QVERIFY2(writer.openFd(fd, 65535, QStringLiteral("/dev/full"), &error), qPrintable(error));

    const QByteArray packet = ipv4("10.0.0.1", "10.0.0.2", 17, udp(1, 2, 1400));
    int accepted = 0;
    for (int i = 0; i < packetCount; ++i) {
        if (!writer.write(i, reinterpret_cast<const std::uint8_t *>(packet.constData()),
                          std::uint32_t(packet.size()), std::uint32_t(packet.size())))
            break;
        ++accepted;
    }
    QCOMPARE(accepted < packetCount, writeFails);
    QCOMPARE(writer.packetsWritten(), std::uint64_t(accepted));

    QVERIFY(!writer.flush());
    QVERIFY(writer.failed());
    QCOMPARE(writer.errorString(), QStringLiteral("dump /dev/full: No space left on device"));

    // Once failed, the writer refuses quietly and keeps the first message.
    QVERIFY(!writer.write(1, reinterpret_cast<const std::uint8_t *>(packet.constData()),
                          std::uint32_t(packet.size()), std::uint32_t(packet.size())));
    QCOMPARE(writer.packetsWritten(), std::uint64_t(accepted));
    QVERIFY(!writer.close());
    QVERIFY(!writer.isOpen());
    QCOMPARE(writer.errorString(), QStringLiteral("dump /dev/full: No space left on device"));
}

void TestPcapWriter::openFd_data()
{
    QTest::addColumn<int>("openFlags");
    QTest::addColumn<int>("staleBytes");        // already in the file before the writer gets it
    QTest::addColumn<QString>("expectedError"); // empty: openFd succeeds

    QTest::newRow("new file, write only") << int(O_WRONLY | O_CREAT | O_TRUNC) << 0 << QString();
    QTest::newRow("read-write, stale content") << int(O_RDWR | O_CREAT) << 10000 << QString();
    QTest::newRow("read only is refused")
        << int(O_RDONLY | O_CREAT) << 0
        << QStringLiteral(
               "Cannot write dump user.pcap: the file descriptor is not open for writing");
    QTest::newRow("closed descriptor is refused")
        << -1 << 0 << QStringLiteral("Cannot write dump user.pcap: Bad file descriptor");
}

void TestPcapWriter::openFd()
{
    QFETCH(int, openFlags);
    QFETCH(int, staleBytes);
    QFETCH(QString, expectedError);

    const QString path = m_dir.filePath(QStringLiteral("fd.pcap"));
    QFile::remove(path);
    if (staleBytes > 0) {
        QFile stale(path);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write(QByteArray(staleBytes, '\xee'));
    }
    int fd = -1;
    if (openFlags >= 0) {
        fd = ::open(QFile::encodeName(path).constData(), openFlags | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        // The caller's offset does not matter: the dump starts at byte 0.
        if (staleBytes > 0)
            QVERIFY(::lseek(fd, staleBytes / 2, SEEK_SET) > 0);
    }

    PcapWriter writer;
    QString error;
    const bool opened = writer.openFd(fd, 65535, QStringLiteral("user.pcap"), &error);
    if (fd >= 0)
        QCOMPARE(::fcntl(fd, F_GETFD) < 0, !opened); // owned: closed on refusal
    if (!expectedError.isEmpty()) {
        QVERIFY(!opened);
        QCOMPARE(error, expectedError);
        QVERIFY(!writer.isOpen());
        return;
    }
    QVERIFY2(opened, qPrintable(error));
    QCOMPARE(writer.name(), QStringLiteral("user.pcap"));
    QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);

    const QByteArray packet = ipv6("2001:db8::5", "2001:db8::6", 17, udp(7, 7, 10));
    QVERIFY(writer.write(3 * Second + 3, reinterpret_cast<const std::uint8_t *>(packet.constData()),
                         std::uint32_t(packet.size()), std::uint32_t(packet.size())));
    QVERIFY(writer.close());
    QCOMPARE(::fcntl(fd, F_GETFD), -1); // the writer closed the descriptor it owned

    QCOMPARE(QFileInfo(path).size(), qint64(24 + 16 + packet.size()));
    PcapReader reader;
    const QList<PcapPacket> read = readBack(path, &reader);
    QCOMPARE(reader.errorString(), QString());
    QCOMPARE(read.size(), 1);
    QCOMPARE(read[0].data, packet);
    QCOMPARE(read[0].timestampNs, 3 * Second + 3);
}

void TestPcapWriter::writeWithoutFileIsRefused()
{
    PcapWriter writer;
    QVERIFY(!writer.isOpen());
    QVERIFY(!writer.write(1, reinterpret_cast<const std::uint8_t *>("abc"), 3, 3));
    QCOMPARE(writer.packetsWritten(), 0u);
    QVERIFY(writer.close());
}

void TestPcapWriter::readerFileKinds_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("nanosecond");
    QTest::addColumn<int>("linkType");
    QTest::addColumn<std::int64_t>("timestampNs");

    // Files written elsewhere: a classic header, one 4-byte packet at 10 s + 5 units.
    const QByteArray littleRecord = QByteArray::fromHex("0a000000"
                                                        "05000000"
                                                        "04000000"
                                                        "04000000");
    const QByteArray bigRecord = QByteArray::fromHex("0000000a"
                                                     "00000005"
                                                     "00000004"
                                                     "00000004");
    const QByteArray payload = QByteArray::fromHex("45000000");

    QTest::newRow("microsecond, little-endian, Ethernet")
        << QByteArray::fromHex("d4c3b2a1"
                               "0200"
                               "0400"
                               "00000000"
                               "00000000"
                               "ffff0000"
                               "01000000") +
               littleRecord + payload
        << false << 1 << std::int64_t(10 * Second + 5'000);
    QTest::newRow("nanosecond, big-endian, RAW") << QByteArray::fromHex("a1b23c4d"
                                                                        "0002"
                                                                        "0004"
                                                                        "00000000"
                                                                        "00000000"
                                                                        "0000ffff"
                                                                        "00000065") +
                                                        bigRecord + payload
                                                 << true << 101 << std::int64_t(10 * Second + 5);
    QTest::newRow("microsecond, big-endian, RAW")
        << QByteArray::fromHex("a1b2c3d4"
                               "0002"
                               "0004"
                               "00000000"
                               "00000000"
                               "0000ffff"
                               "00000065") +
               bigRecord + payload
        << false << 101 << std::int64_t(10 * Second + 5'000);
}

void TestPcapWriter::readerFileKinds()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, nanosecond);
    QFETCH(int, linkType);
    QFETCH(std::int64_t, timestampNs);

    const QString path = m_dir.filePath(QStringLiteral("foreign.pcap"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(out.write(file), file.size());
    }
    PcapReader reader;
    const QList<PcapPacket> read = readBack(path, &reader);
    QCOMPARE(reader.errorString(), QString());
    QCOMPARE(reader.nanosecondFile(), nanosecond);
    QCOMPARE(reader.linkType(), linkType);
    QCOMPARE(reader.snapLength(), 65535u);
    QCOMPARE(read.size(), 1);
    QCOMPARE(read[0].timestampNs, timestampNs);
    QCOMPARE(read[0].data, QByteArray::fromHex("45000000"));
}

void TestPcapWriter::readerErrors_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing file") << QByteArray() << QStringLiteral("No such file or directory");
    QTest::newRow("not a capture") << QByteArray("hello, this is not a pcap file at all")
                                   << QStringLiteral("unknown file format");
}

void TestPcapWriter::readerErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);

    const QString path = m_dir.filePath(QStringLiteral("bad-input.pcap"));
    QFile::remove(path);
    if (!content.isEmpty()) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    PcapReader reader;
    QString error;
    QVERIFY(!reader.open(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(reader.errorString(), error);
    PcapPacket packet;
    QVERIFY(!reader.next(&packet));
    QVERIFY(!reader.nanosecondFile());
}

QTEST_GUILESS_MAIN(TestPcapWriter)
#include "tst_pcapwriter.moc"
