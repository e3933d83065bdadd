// RegistrableDomain: "to this domain" finds the part of a name that was registered, by the Public
// Suffix List's rules (normal, wildcard, exception, international), and guesses without a list.
#include "app/store/RegistrableDomain.h"

#include <QFile>
#include <QtTest>

using namespace nfqmon;

namespace {

// A few rules of the real list, in its format.
const QString List = QStringLiteral("// ===BEGIN ICANN DOMAINS===\n"
                                    "org\n"
                                    "uk\n"
                                    "co.uk\n"
                                    "// a comment\n"
                                    "\n"
                                    "*.ck\n"
                                    "!www.ck\n"
                                    "jp\n"
                                    "東京.jp\n"
                                    "// ===BEGIN PRIVATE DOMAINS===\n"
                                    "github.io    trailing words are not part of a rule\n");

} // namespace

class TestRegistrableDomain : public QObject
{
    Q_OBJECT

private slots:
    void byTheList_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("domain");
        QTest::newRow("a name under a domain") << "a.b.example.org"
                                               << "example.org";
        QTest::newRow("the domain itself") << "example.org"
                                           << "example.org";
        QTest::newRow("upper case, trailing dot") << "WWW.Example.Org."
                                                  << "example.org";
        QTest::newRow("two-label suffix") << "www.bbc.co.uk"
                                          << "bbc.co.uk";
        QTest::newRow("a suffix itself") << "co.uk"
                                         << "co.uk";
        QTest::newRow("wildcard") << "a.foo.bar.ck"
                                  << "foo.bar.ck";
        QTest::newRow("wildcard exception") << "a.www.ck"
                                            << "www.ck";
        QTest::newRow("international suffix, xn-- form") << "a.shop.xn--1lqs71d.jp"
                                                         << "shop.xn--1lqs71d.jp";
        QTest::newRow("private suffix") << "me.github.io"
                                        << "me.github.io";
        QTest::newRow("not in the list: the last label") << "a.b.example.internal"
                                                         << "example.internal";
        QTest::newRow("one label") << "localhost"
                                   << "localhost";
    }
    void byTheList()
    {
        QFETCH(QString, host);
        QFETCH(QString, domain);
        const RegistrableDomain list = RegistrableDomain::fromList(List);
        QVERIFY(list.hasList());
        QCOMPARE(list.of(host), domain);
    }

    void withoutAList_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("domain");
        QTest::newRow("three labels: the first goes") << "www.example.org"
                                                      << "example.org";
        QTest::newRow("four labels: only the first goes") << "a.b.example.org"
                                                          << "b.example.org";
        QTest::newRow("two labels: the name") << "example.org"
                                              << "example.org";
        QTest::newRow("one label: the name") << "localhost"
                                             << "localhost";
    }
    void withoutAList()
    {
        QFETCH(QString, host);
        QFETCH(QString, domain);
        const RegistrableDomain none = RegistrableDomain::fromFile(QStringLiteral("/nonexistent"));
        QVERIFY(!none.hasList());
        QCOMPARE(none.of(host), domain);
    }

    // Debian's list, where the package publicsuffix is installed.
    void theSystemsList()
    {
        if (!QFile::exists(RegistrableDomain::defaultListPath()) &&
            qEnvironmentVariable("CI") != QLatin1String("true"))
            QSKIP("publicsuffix is not installed (packaging/install-deps.sh installs it)");
        const RegistrableDomain &list = RegistrableDomain::system();
        QVERIFY(list.hasList());
        QCOMPARE(list.of(QStringLiteral("www.bbc.co.uk")), QStringLiteral("bbc.co.uk"));
        QCOMPARE(list.of(QStringLiteral("a.b.example.com")), QStringLiteral("example.com"));
    }
};

QTEST_GUILESS_MAIN(TestRegistrableDomain)
#include "tst_registrabledomain.moc"
