// The server name of a TLS connection comes from the first segment the client sends: these
// tests read a real ClientHello, the same cut at every interesting place, and ones built to
// test what must be refused.
#include "helper/names/TlsClientHello.h"
#include "tests/support/core/QuicInitialBuilder.h"

#include <QTest>

#include <cstring>
#include <memory>

using namespace nfqmon;
namespace QIB = nfqmon::test::QuicInitialBuilder;

namespace {

// The first segment's payload of `openssl s_client -connect 127.0.0.1:4433 -servername
// a.example.test` (OpenSSL 3.0.19) against `openssl s_server` on loopback, in a network
// namespace of its own, written by `tcpdump -i lo -w` and cut out of the pcap file: one TLS
// record (TLS 1.0 in the record header) holding a 315-byte ClientHello. Its server_name
// extension is the first one, bytes 144 to 167.
constexpr char CapturedHello[] = "160301013b0100013703032a715707e09f791d45cd554e7fc64d4f9d02e24bda"
                                 "b3a213f5b39d0ab1f051dc2085cb6b6cbae63a6dde05e90d0bf0f94970b372c6"
                                 "5f1f31be8908e926feda6a4e003e130213031301c02cc030009fcca9cca8ccaa"
                                 "c02bc02f009ec024c028006bc023c0270067c00ac0140039c009c0130033009d"
                                 "009c003d003c0035002f00ff010000b000000013001100000e612e6578616d70"
                                 "6c652e74657374000b000403000102000a00160014001d0017001e0019001801"
                                 "000101010201030104002300000016000000170000000d002a00280403050306"
                                 "03080708080809080a080b080408050806040105010601030303010302040205"
                                 "020602002b0009080304030303020301002d00020101003300260024001d0020"
                                 "f3e0a02145952654de1b97695ad44d63f6012b18c038c70b44df395a8909274e";
constexpr qsizetype SniEnd = 167;

QByteArray captured()
{
    return QByteArray::fromHex(CapturedHello);
}

QByteArray toBytes(const QIB::Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

QByteArray be16(int v)
{
    return QByteArray(1, char(v >> 8)) + char(v & 0xff);
}

QByteArray record(const QByteArray &handshake, char minor = '\x01')
{
    return QByteArray("\x16\x03", 2) + minor + be16(int(handshake.size())) + handshake;
}

// A ClientHello whose extensions are `extensions`, whole.
QByteArray helloWith(const QByteArray &extensions)
{
    const QByteArray body = QByteArray("\x03\x03", 2) + QByteArray(32, '\x07') + '\0' +
                            QByteArray("\x00\x02\x13\x01\x01\x00", 6) +
                            be16(int(extensions.size())) + extensions;
    return QByteArray(1, '\x01') + '\0' + be16(int(body.size())) + body;
}

QByteArray serverNameExtension(const QByteArray &name, char type = '\0')
{
    const QByteArray entry = type + be16(int(name.size())) + name;
    const QByteArray list = be16(int(entry.size())) + entry;
    return be16(0) + be16(int(list.size())) + list;
}

QByteArray extension(int type, const QByteArray &data)
{
    return be16(type) + be16(int(data.size())) + data;
}

std::span<const std::uint8_t> bytes(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())};
}

QString nameOf(const QByteArray &segment, bool *found)
{
    HostName name;
    // An allocation of the exact size: the sanitizers see a read past its end.
    const std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[std::size_t(segment.size())]);
    std::memcpy(copy.get(), segment.constData(), std::size_t(segment.size()));
    *found = TlsClientHello::serverName({copy.get(), std::size_t(segment.size())}, name);
    return QString::fromLatin1(name.view().data(), qsizetype(name.view().size()));
}

} // namespace

class TestTlsClientHello : public QObject
{
    Q_OBJECT

private slots:
    void recordsNameTheirServer_data();
    void recordsNameTheirServer();
    void aBareHandshakeMessageNamesItsServer();
    void aBuiltClientHelloNamesItsServer();
};

void TestTlsClientHello::recordsNameTheirServer_data()
{
    QTest::addColumn<QByteArray>("segment");
    QTest::addColumn<QString>("name"); // empty: none
    const QByteArray hello = captured();
    const QString name = QStringLiteral("a.example.test");

    QTest::newRow("openssl s_client") << hello << name;
    QTest::newRow("followed by more data") << hello + QByteArray(100, '\x17') << name;
    QTest::newRow("cut after the server name") << hello.left(SniEnd) << name;
    QTest::newRow("cut in a later extension") << hello.left(200) << name;
    QTest::newRow("cut in the server name") << hello.left(SniEnd - 1) << QString();
    QTest::newRow("cut in the cipher suites") << hello.left(100) << QString();
    QTest::newRow("record header only") << hello.left(5) << QString();
    QTest::newRow("record version 1.3") << QByteArray(hello).replace(2, 1, "\x04") << name;
    QTest::newRow("record version SSL 3.0")
        << QByteArray(hello).replace(2, 1, "\x00", 1) << QString();
    QTest::newRow("record version 1.4") << QByteArray(hello).replace(2, 1, "\x05") << QString();
    QTest::newRow("application data, not a handshake")
        << QByteArray(hello).replace(0, 1, "\x17") << QString();
    QTest::newRow("a ServerHello") << QByteArray(hello).replace(5, 1, "\x02") << QString();
    QTest::newRow("record shorter than the message: read as cut")
        << QByteArray(hello).replace(3, 2, be16(SniEnd - 5 - 1)) << QString();
    QTest::newRow("upper case normalised")
        << record(helloWith(serverNameExtension("A.Example.TEST"))) << name;
    QTest::newRow("server name after other extensions")
        << record(helloWith(extension(43, "\x02\x03\x04") +
                            extension(10, QByteArray("\x00\x02\x00\x1d", 4)) +
                            serverNameExtension("a.example.test")))
        << name;
    QTest::newRow("no server name extension")
        << record(helloWith(extension(43, "\x02\x03\x04"))) << QString();
    QTest::newRow("a name type other than host_name")
        << record(helloWith(serverNameExtension("a.example.test", '\x01'))) << QString();
    QTest::newRow("an address literal")
        << record(helloWith(serverNameExtension("192.0.2.1"))) << QString();
    QTest::newRow("a name with a space")
        << record(helloWith(serverNameExtension("a example.test"))) << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    {
        // The extension says 19 bytes, its list more than that.
        QByteArray bad = hello;
        bad[148] = '\x7f';
        QTest::newRow("server name list longer than its extension") << bad << QString();
    }
}

void TestTlsClientHello::recordsNameTheirServer()
{
    QFETCH(QByteArray, segment);
    QFETCH(QString, name);
    bool found = false;
    QCOMPARE(nameOf(segment, &found), name);
    QCOMPARE(found, !name.isEmpty());
}

void TestTlsClientHello::aBareHandshakeMessageNamesItsServer()
{
    const QByteArray message = captured().mid(5);
    HostName name;
    QVERIFY(TlsClientHello::serverNameOfHandshake(bytes(message), name));
    QCOMPARE(name.view(), std::string_view("a.example.test"));
    QVERIFY(TlsClientHello::serverNameOfHandshake(bytes(message.left(SniEnd - 5)), name));
    QVERIFY(!TlsClientHello::serverNameOfHandshake(bytes(message.left(SniEnd - 6)), name));
    QVERIFY(name.empty());
    // A record is not a handshake message.
    QVERIFY(!TlsClientHello::serverNameOfHandshake(bytes(captured()), name));
}

void TestTlsClientHello::aBuiltClientHelloNamesItsServer()
{
    // The ClientHello the QUIC tests carry, read here on its own.
    const QByteArray message = toBytes(QIB::clientHello("quic.example.test"));
    HostName name;
    QVERIFY(TlsClientHello::serverNameOfHandshake(bytes(message), name));
    QCOMPARE(name.view(), std::string_view("quic.example.test"));
    QVERIFY(TlsClientHello::serverName(bytes(record(message, '\x03')), name));
    QCOMPARE(name.view(), std::string_view("quic.example.test"));
}

QTEST_GUILESS_MAIN(TestTlsClientHello)
#include "tst_tlsclienthello.moc"
