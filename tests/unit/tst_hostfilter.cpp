// HostFilter: "Show only packets like this → to this host" and "→ to this domain" are always in
// the menu, enabled only where every chosen packet has a learned name and they share the name (or
// its domain, from the Public Suffix List as the drop menu's), and filter with "hostname NAME" and
// "hostname *.DOMAIN", previewed by the rule that catches the same packets.
#include "app/session/HostFilter.h"
#include "app/store/DisplayFilter.h"

#include <QtTest>

using namespace nfqmon;

namespace {

const QString List = QStringLiteral("org\nuk\nco.uk\n");

} // namespace

class tst_HostFilter : public QObject
{
    Q_OBJECT

private slots:
    void offers_data();
    void offers();
};

void tst_HostFilter::offers_data()
{
    QTest::addColumn<QStringList>("names"); // each chosen packet's; "" for none
    QTest::addColumn<QString>("host");      // the host entry's filter; "": disabled
    QTest::addColumn<QString>("domain");    // the domain entry's; "": disabled
    QTest::addColumn<QString>("hostLabel"); // the host entry's label
    QTest::newRow("one named packet") << QStringList{"www.bbc.co.uk"} << "hostname www.bbc.co.uk"
                                      << "hostname *.bbc.co.uk"
                                      << "To this host (www.bbc.co.uk)";
    QTest::newRow("upper case") << QStringList{"Mail.Example.ORG."} << "hostname mail.example.org"
                                << "hostname *.example.org"
                                << "To this host (mail.example.org)";
    QTest::newRow("two of one name")
        << QStringList{"a.example.org", "a.example.org"} << "hostname a.example.org"
        << "hostname *.example.org"
        << "To this host (a.example.org)";
    QTest::newRow("two names of one domain") << QStringList{"a.example.org", "b.example.org"} << ""
                                             << "hostname *.example.org"
                                             << "To this host";
    QTest::newRow("two domains") << QStringList{"a.example.org", "news.bbc.co.uk"} << ""
                                 << ""
                                 << "To this host";
    QTest::newRow("no name") << QStringList{""} << ""
                             << ""
                             << "To this host";
    QTest::newRow("one of two without a name") << QStringList{"a.example.org", ""} << ""
                                               << ""
                                               << "To this host";
}

void tst_HostFilter::offers()
{
    QFETCH(QStringList, names);
    QFETCH(QString, host);
    QFETCH(QString, domain);
    QFETCH(QString, hostLabel);
    const QList<HostFilter> filters =
        HostFilter::forNames(names, RegistrableDomain::fromList(List));
    QCOMPARE(filters.size(), 2);
    QCOMPARE(filters[0].kind, HostFilter::Kind::Name);
    QCOMPARE(filters[1].kind, HostFilter::Kind::Domain);
    QCOMPARE(filters[0].enabled, !host.isEmpty());
    QCOMPARE(filters[1].enabled, !domain.isEmpty());
    QCOMPARE(filters[0].expression, host);
    QCOMPARE(filters[1].expression, domain);
    QCOMPARE(filters[0].label, hostLabel);
    if (!domain.isEmpty())
        QCOMPARE(filters[1].label,
                 QStringLiteral("To this domain (%1)").arg(domain.mid(sizeof("hostname ") - 1)));
    for (const HostFilter &filter : filters) {
        if (!filter.enabled) {
            // Disabled entries say why, and filter nothing.
            QVERIFY(!filter.description.isEmpty());
            QVERIFY(filter.preview.expression.isEmpty());
            continue;
        }
        // What the entry filters with is a display filter the window takes, and its preview a
        // rule limited to the same host.
        QString error;
        const auto compiled = DisplayFilter::compile(filter.expression, &error);
        QVERIFY2(compiled, qPrintable(error));
        QVERIFY(compiled->hosts());
        QCOMPARE(QStringLiteral("hostname ") + filter.preview.host, filter.expression);
    }
}

QTEST_GUILESS_MAIN(tst_HostFilter)
#include "tst_hostfilter.moc"
