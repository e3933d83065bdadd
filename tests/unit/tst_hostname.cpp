// HostName is what every parser hands out and what the tables keep: these tests pin which
// strings are host names and the form they take.
#include "helper/names/HostName.h"

#include <QTest>

#include <string>

using namespace nfqmon;

class TestHostName : public QObject
{
    Q_OBJECT

private slots:
    void namesAreNormalised_data();
    void namesAreNormalised();
    void whatIsNoNameIsRefused_data();
    void whatIsNoNameIsRefused();
    void aRefusedNameLeavesItEmpty();
};

void TestHostName::namesAreNormalised_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("plain") << QByteArray("example.com") << QByteArray("example.com");
    QTest::newRow("upper case") << QByteArray("WWW.Example.COM") << QByteArray("www.example.com");
    QTest::newRow("trailing dot") << QByteArray("example.com.") << QByteArray("example.com");
    QTest::newRow("one label") << QByteArray("localhost") << QByteArray("localhost");
    QTest::newRow("underscore and dash")
        << QByteArray("_dmarc.my-host.example") << QByteArray("_dmarc.my-host.example");
    QTest::newRow("digits only in a label")
        << QByteArray("1.2.3.example") << QByteArray("1.2.3.example");
    QTest::newRow("253 bytes") << QByteArray(253, 'a') << QByteArray(253, 'a');
}

void TestHostName::namesAreNormalised()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, name);
    HostName h;
    QVERIFY(h.assign(std::string_view(raw.constData(), std::size_t(raw.size()))));
    QCOMPARE(QByteArray(h.view().data(), qsizetype(h.view().size())), name);
    QCOMPARE(std::size_t(h.length), std::size_t(name.size()));
    QCOMPARE(h.text[h.length], '\0');
}

void TestHostName::whatIsNoNameIsRefused_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only a dot") << QByteArray(".");
    QTest::newRow("254 bytes") << QByteArray(254, 'a');
    QTest::newRow("empty label") << QByteArray("a..example");
    QTest::newRow("leading dot") << QByteArray(".example.com");
    QTest::newRow("two trailing dots") << QByteArray("example.com..");
    QTest::newRow("space") << QByteArray("exa mple.com");
    QTest::newRow("NUL") << QByteArray("exa\0mple.com", 12);
    QTest::newRow("newline") << QByteArray("example.com\nx");
    QTest::newRow("UTF-8") << QByteArray("b\xc3\xbc"
                                         "cher.example");
    QTest::newRow("at sign") << QByteArray("user@example.com");
    QTest::newRow("IPv4 literal") << QByteArray("192.0.2.1");
    QTest::newRow("IPv6 literal") << QByteArray("2001:db8::1");
    QTest::newRow("IPv6 in brackets") << QByteArray("[::1]");
}

void TestHostName::whatIsNoNameIsRefused()
{
    QFETCH(QByteArray, raw);
    HostName h;
    QVERIFY(h.assign("before.example"));
    QVERIFY(!h.assign(std::string_view(raw.constData(), std::size_t(raw.size()))));
    QVERIFY(h.empty());
    QCOMPARE(h.text[0], '\0'); // still a C string, of nothing
}

void TestHostName::aRefusedNameLeavesItEmpty()
{
    HostName h;
    QVERIFY(h.assign("example.com"));
    QVERIFY(!h.assign("10.0.0.1"));
    QVERIFY(h.empty());
    QCOMPARE(h.text[0], '\0');
}

QTEST_GUILESS_MAIN(TestHostName)
#include "tst_hostname.moc"
