// HostTerms: the display filter's "hostname NAME" and "hostname *.DOMAIN" match the name the
// store keeps for a packet's remote end as the helper's rules by name match it: the name itself
// in any case and with or without a trailing dot, a domain and every name under it but not a
// name that merely ends in the same letters; a packet without a name matches no term, and so
// every "not hostname …". The machine terms ("machine NAME") beside them match the Machine
// column's name.
#include "app/store/HostTerms.h"
#include "app/store/MachineTerms.h"

#include <QTest>

using namespace nfqmon;

class tst_HostTerms : public QObject
{
    Q_OBJECT

private slots:
    void matchesAsRulesByNameDo_data();
    void matchesAsRulesByNameDo();
    void everyTermMustHold();
    void machineTermsMatchTheMachineColumn_data();
    void machineTermsMatchTheMachineColumn();
};

void tst_HostTerms::matchesAsRulesByNameDo_data()
{
    QTest::addColumn<QString>("name");   // the term's name, without "*."
    QTest::addColumn<bool>("domain");    // a "*." term
    QTest::addColumn<bool>("negated");   // "not hostname …"
    QTest::addColumn<QString>("packet"); // the packet's host name; "" for none
    QTest::addColumn<bool>("matches");
    QTest::newRow("the name") << "a.example.org" << false << false << "a.example.org" << true;
    QTest::newRow("another name") << "a.example.org" << false << false << "b.example.org" << false;
    QTest::newRow("a name under it") << "example.org" << false << false << "a.example.org" << false;
    QTest::newRow("upper case") << "a.example.org" << false << false << "A.Example.ORG" << true;
    QTest::newRow("trailing dot") << "a.example.org" << false << false << "a.example.org." << true;
    QTest::newRow("domain itself") << "example.org" << true << false << "example.org" << true;
    QTest::newRow("domain, one below") << "example.org" << true << false << "a.example.org" << true;
    QTest::newRow("domain, two below")
        << "example.org" << true << false << "x.y.example.org" << true;
    QTest::newRow("domain, same ending")
        << "example.org" << true << false << "badexample.org" << false;
    QTest::newRow("domain, a longer suffix")
        << "example.org" << true << false << "example.org.evil.test" << false;
    QTest::newRow("domain, upper case")
        << "example.org" << true << false << "WWW.EXAMPLE.ORG" << true;
    QTest::newRow("no name") << "a.example.org" << false << false << "" << false;
    QTest::newRow("no name, domain") << "example.org" << true << false << "" << false;
    QTest::newRow("not, another name")
        << "a.example.org" << false << true << "b.example.org" << true;
    QTest::newRow("not, the name") << "a.example.org" << false << true << "a.example.org" << false;
    QTest::newRow("not, no name") << "a.example.org" << false << true << "" << true;
}

void tst_HostTerms::matchesAsRulesByNameDo()
{
    QFETCH(QString, name);
    QFETCH(bool, domain);
    QFETCH(bool, negated);
    QFETCH(QString, packet);
    QFETCH(bool, matches);
    const HostTerms terms({HostTerm{negated, domain, name}});
    QCOMPARE(terms.matches(packet), matches);
}

void tst_HostTerms::everyTermMustHold()
{
    const HostTerms terms({HostTerm{false, true, QStringLiteral("example.org")},
                           HostTerm{true, false, QStringLiteral("ads.example.org")}});
    QVERIFY(terms.matches(u"www.example.org"));
    QVERIFY(!terms.matches(u"ads.example.org"));
    QVERIFY(!terms.matches(u"www.example.net"));
    QVERIFY(!terms.matches(u""));
}

// MachineTerms ("machine NAME"): the name as the Machine column shows it, or its host after
// "user@", in any case; a packet of no machine matches no term.
void tst_HostTerms::machineTermsMatchTheMachineColumn_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("negated");
    QTest::addColumn<QString>("machine"); // the packet's, as the column shows it
    QTest::addColumn<bool>("matches");
    QTest::newRow("the name") << "gw" << false << "gw" << true;
    QTest::newRow("another name") << "gw" << false << "gw2" << false;
    QTest::newRow("upper case") << "GW" << false << "gw" << true;
    QTest::newRow("the host after user@") << "gw" << false << "admin@gw" << true;
    QTest::newRow("user@host whole") << "admin@gw" << false << "admin@gw" << true;
    QTest::newRow("the user alone") << "admin" << false << "admin@gw" << false;
    QTest::newRow("a part of the name") << "gw" << false << "gw.example.org" << false;
    QTest::newRow("no machine") << "gw" << false << "" << false;
    QTest::newRow("not, another") << "gw" << true << "nas" << true;
    QTest::newRow("not, the host after user@") << "gw" << true << "root@gw" << false;
}

void tst_HostTerms::machineTermsMatchTheMachineColumn()
{
    QFETCH(QString, term);
    QFETCH(bool, negated);
    QFETCH(QString, machine);
    QFETCH(bool, matches);
    QCOMPARE(MachineTerms({MachineTerm{negated, term}}).matches(machine), matches);
}

QTEST_GUILESS_MAIN(tst_HostTerms)
#include "tst_hostterms.moc"
