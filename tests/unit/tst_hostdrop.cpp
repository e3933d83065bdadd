// HostDrop: "to this host name" and "to this domain" are always in the menu, enabled only where
// every chosen packet has a learned name and they share the name (or its domain), and make a rule
// of every IP packet limited to that host.
#include "app/session/HostDrop.h"

#include <QtTest>

using namespace nfqmon;

namespace {

const QString List = QStringLiteral("org\nuk\nco.uk\n");

} // namespace

class TestHostDrop : public QObject
{
    Q_OBJECT

private slots:
    void offers_data()
    {
        QTest::addColumn<QStringList>("names"); // each chosen packet's; "" for none
        QTest::addColumn<QString>("host");      // the name entry's rule host; "": disabled
        QTest::addColumn<QString>("domain");    // the domain entry's; "": disabled
        QTest::newRow("one named packet") << QStringList{"www.bbc.co.uk"} << "www.bbc.co.uk"
                                          << "*.bbc.co.uk";
        QTest::newRow("the name in upper case")
            << QStringList{"Mail.Example.ORG."} << "mail.example.org"
            << "*.example.org";
        QTest::newRow("a registered name itself") << QStringList{"example.org"} << "example.org"
                                                  << "*.example.org";
        QTest::newRow("two of one name")
            << QStringList{"a.example.org", "a.example.org"} << "a.example.org"
            << "*.example.org";
        QTest::newRow("two names of one domain")
            << QStringList{"a.example.org", "b.example.org"} << ""
            << "*.example.org";
        QTest::newRow("two domains") << QStringList{"a.example.org", "news.bbc.co.uk"} << ""
                                     << "";
        QTest::newRow("no name") << QStringList{""} << ""
                                 << "";
        QTest::newRow("one of two without a name") << QStringList{"a.example.org", ""} << ""
                                                   << "";
        QTest::newRow("nothing chosen") << QStringList{} << ""
                                        << "";
    }
    void offers()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, host);
        QFETCH(QString, domain);
        const QList<HostDrop> drops = HostDrop::forNames(names, RegistrableDomain::fromList(List));
        QCOMPARE(drops.size(), 2);
        QCOMPARE(drops[0].kind, HostDrop::Kind::Name);
        QCOMPARE(drops[1].kind, HostDrop::Kind::Domain);
        QCOMPARE(drops[0].enabled, !host.isEmpty());
        QCOMPARE(drops[1].enabled, !domain.isEmpty());
        QCOMPARE(drops[0].rule.host, host);
        QCOMPARE(drops[1].rule.host, domain);
        for (const HostDrop &drop : drops) {
            QVERIFY(!drop.label.isEmpty());
            QVERIFY(!drop.description.isEmpty()); // what it adds, or why it is not offered
            if (!drop.enabled)
                continue;
            // Every packet of that host, both ways: the host does the choosing.
            QCOMPARE(drop.rule.expression, QStringLiteral("ip or ip6"));
            QCOMPARE(drop.rule.action, RuleAction::Drop);
            QCOMPARE(drop.rule.direction, RuleDirection::Any);
            QVERIFY(drop.rule.interface.isEmpty());
            QVERIFY2(drop.label.contains(drop.rule.host), qPrintable(drop.label));
            QVERIFY2(drop.description.contains(drop.rule.host), qPrintable(drop.description));
            QString problem;
            QVERIFY2(Rule::isHostPattern(drop.rule.host, &problem), qPrintable(problem));
        }
    }
};

QTEST_GUILESS_MAIN(TestHostDrop)
#include "tst_hostdrop.moc"
