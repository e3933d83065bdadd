// The Host header of a plain HTTP request names the server: these tests pin which requests give
// a name and which do not (cut, folded, twice, an address instead of a name).
#include "helper/names/HttpHost.h"

#include <QTest>

#include <cstring>
#include <memory>

using namespace nfqmon;

class TestHttpHost : public QObject
{
    Q_OBJECT

private slots:
    void requestsNameTheirHost_data();
    void requestsNameTheirHost();
};

void TestHttpHost::requestsNameTheirHost_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("name"); // empty: none

    const QByteArray curl = "GET / HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: curl/7.88.1\r\n"
                            "Accept: */*\r\n\r\n";
    QTest::newRow("curl") << curl << QStringLiteral("www.example.com");
    QTest::newRow("with a body after the headers")
        << QByteArray("POST /form HTTP/1.1\r\nContent-Length: 3\r\nHost: api.example.com\r\n\r\n"
                      "a=b")
        << QStringLiteral("api.example.com");
    for (const char *method : {"HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"})
        QTest::newRow(method) << QByteArray(method) + " /x HTTP/1.1\r\nHost: m.example\r\n\r\n"
                              << QStringLiteral("m.example");
    QTest::newRow("CONNECT")
        << QByteArray("CONNECT tunnel.example:443 HTTP/1.1\r\nHost: tunnel.example:443\r\n\r\n")
        << QStringLiteral("tunnel.example");
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\nHost: old.example\r\n\r\n")
                              << QStringLiteral("old.example");
    QTest::newRow("header name in any case")
        << QByteArray("GET / HTTP/1.1\r\nhOsT: case.example\r\n\r\n")
        << QStringLiteral("case.example");
    QTest::newRow("port stripped")
        << QByteArray("GET / HTTP/1.1\r\nHost: port.example:8080\r\n\r\n")
        << QStringLiteral("port.example");
    QTest::newRow("spaces and tabs around the value")
        << QByteArray("GET / HTTP/1.1\r\nHost: \t spaced.example \t\r\n\r\n")
        << QStringLiteral("spaced.example");
    QTest::newRow("no space after the colon")
        << QByteArray("GET / HTTP/1.1\r\nHost:tight.example\r\n\r\n")
        << QStringLiteral("tight.example");
    QTest::newRow("bare line feeds")
        << QByteArray("GET / HTTP/1.1\nHost: lf.example\n\n") << QStringLiteral("lf.example");
    QTest::newRow("upper case normalised")
        << QByteArray("GET / HTTP/1.1\r\nHost: WWW.Example.COM\r\n\r\n")
        << QStringLiteral("www.example.com");
    QTest::newRow("absolute form: the Host header still decides")
        << QByteArray("GET http://other.example/ HTTP/1.1\r\nHost: proxy.example\r\n\r\n")
        << QStringLiteral("proxy.example");

    // No name.
    QTest::newRow("headers cut by the payload's end") << curl.left(curl.size() - 2) << QString();
    QTest::newRow("cut in the Host line") << curl.left(30) << QString();
    QTest::newRow("request line only") << QByteArray("GET / HTTP/1.1\r\n") << QString();
    QTest::newRow("no Host header")
        << QByteArray("GET / HTTP/1.0\r\nAccept: */*\r\n\r\n") << QString();
    QTest::newRow("two Host headers")
        << QByteArray("GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n") << QString();
    QTest::newRow("folded Host") << QByteArray(
                                        "GET / HTTP/1.1\r\nHost: a.example\r\n b.example\r\n\r\n")
                                 << QString();
    QTest::newRow("IPv4 address") << QByteArray("GET / HTTP/1.1\r\nHost: 192.0.2.1\r\n\r\n")
                                  << QString();
    QTest::newRow("IPv4 address with port")
        << QByteArray("GET / HTTP/1.1\r\nHost: 192.0.2.1:8080\r\n\r\n") << QString();
    QTest::newRow("IPv6 literal") << QByteArray("GET / HTTP/1.1\r\nHost: [::1]\r\n\r\n")
                                  << QString();
    QTest::newRow("IPv6 literal with port")
        << QByteArray("GET / HTTP/1.1\r\nHost: [2001:db8::1]:80\r\n\r\n") << QString();
    QTest::newRow("port not a number")
        << QByteArray("GET / HTTP/1.1\r\nHost: a.example:http\r\n\r\n") << QString();
    QTest::newRow("empty Host") << QByteArray("GET / HTTP/1.1\r\nHost: \r\n\r\n") << QString();
    QTest::newRow("user info") << QByteArray("GET / HTTP/1.1\r\nHost: user@a.example\r\n\r\n")
                               << QString();
    QTest::newRow("space before the colon")
        << QByteArray("GET / HTTP/1.1\r\nHost : a.example\r\n\r\n") << QString();
    QTest::newRow("lower-case method")
        << QByteArray("get / HTTP/1.1\r\nHost: a.example\r\n\r\n") << QString();
    QTest::newRow("unknown method")
        << QByteArray("BREW / HTTP/1.1\r\nHost: a.example\r\n\r\n") << QString();
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << QString();
    QTest::newRow("not HTTP/1") << QByteArray("GET / RTSP/1.0\r\nHost: a.example\r\n\r\n")
                                << QString();
    QTest::newRow("header line without a colon")
        << QByteArray("GET / HTTP/1.1\r\nHost: a.example\r\nbogus\r\n\r\n") << QString();
    QTest::newRow("a response") << QByteArray("HTTP/1.1 200 OK\r\nHost: a.example\r\n\r\n")
                                << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestHttpHost::requestsNameTheirHost()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, name);
    // An allocation of the exact size: the sanitizers see a read past its end.
    const std::size_t size = std::size_t(payload.size());
    const std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[size]);
    if (size)
        std::memcpy(copy.get(), payload.constData(), size);
    HostName host;
    const bool found = HttpHost::of({copy.get(), size}, host);
    QCOMPARE(QString::fromLatin1(host.view().data(), qsizetype(host.view().size())), name);
    QCOMPARE(found, !name.isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpHost)
#include "tst_httphost.moc"
