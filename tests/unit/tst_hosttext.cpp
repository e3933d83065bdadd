// HostText: where a host name came from, as the Host column's tooltip and the packet details say
// it, for each way the helper learns a name, and for a name the window looked up itself.
#include "app/display/HostText.h"

#include <QTest>

using namespace nfqmon;

Q_DECLARE_METATYPE(nfqmon::HostSource)

class tst_HostText : public QObject
{
    Q_OBJECT

private slots:
    void eachSourceIsNamed_data();
    void eachSourceIsNamed();
    void noNameSaysNothing();
    void aReverseLookupIsShownAsOne();
};

void tst_HostText::eachSourceIsNamed_data()
{
    QTest::addColumn<HostSource>("source");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("details");
    QTest::newRow("dns") << HostSource::Dns << "from a DNS answer"
                         << "a.example.test (DNS answer)";
    QTest::newRow("tls") << HostSource::Tls << "from the TLS server name"
                         << "a.example.test (TLS server name)";
    QTest::newRow("http") << HostSource::Http << "from the HTTP Host header"
                          << "a.example.test (HTTP Host header)";
    QTest::newRow("quic") << HostSource::Quic << "from the QUIC server name"
                          << "a.example.test (QUIC server name)";
    QTest::newRow("none") << HostSource::None << ""
                          << "a.example.test";
}

void tst_HostText::eachSourceIsNamed()
{
    QFETCH(HostSource, source);
    QFETCH(QString, origin);
    QFETCH(QString, details);
    QCOMPARE(HostText::origin(source), origin);
    QCOMPARE(HostText::details(QStringLiteral("a.example.test"), source), details);
}

void tst_HostText::noNameSaysNothing()
{
    QCOMPARE(HostText::details(QString(), HostSource::Dns), QString());
    QCOMPARE(HostText::reverseDetails(QString()), QString());
}

void tst_HostText::aReverseLookupIsShownAsOne()
{
    QCOMPARE(HostText::reverseDetails(QStringLiteral("localhost")),
             QStringLiteral("localhost (reverse lookup)"));
    QVERIFY(HostText::reverseOrigin().contains(QStringLiteral("reverse DNS lookup")));
    QVERIFY(HostText::reverseOrigin().contains(QStringLiteral("rules do not use it")));
}

QTEST_GUILESS_MAIN(tst_HostText)
#include "tst_hosttext.moc"
