// Rule's own checks: what a program path may be, and the warning when a named program cannot
// match (yet). The files are real: a temporary folder with a program, a link and a folder.
#include "helper/protocol/Rule.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace nfqmon;

class TestRule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile program(m_dir.filePath(QStringLiteral("program")));
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.close();
        QVERIFY(program.setPermissions(QFile::ReadOwner | QFile::ExeOwner));
        QVERIFY(QFile::link(program.fileName(), m_dir.filePath(QStringLiteral("link"))));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("gone")),
                            m_dir.filePath(QStringLiteral("dangling"))));
    }

    void programPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::newRow("absolute") << QStringLiteral("/usr/bin/curl") << true;
        QTest::newRow("relative") << QStringLiteral("curl") << false;
        QTest::newRow("control character") << QStringLiteral("/usr/bin/cu\nrl") << false;
        QTest::newRow("too long") << QStringLiteral("/") + QString(5000, u'a') << false;
    }
    void programPath()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QString problem;
        QCOMPARE(Rule::isProgramPath(path, &problem), valid);
        QCOMPARE(problem.isEmpty(), valid);
    }

    void programWarning_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("warningSays"); // empty: no warning
        QTest::newRow("a program") << QStringLiteral("program") << QString();
        QTest::newRow("not installed (yet)")
            << QStringLiteral("missing") << QStringLiteral("does not exist (yet)");
        QTest::newRow("a link") << QStringLiteral("link") << QStringLiteral("is a link to");
        QTest::newRow("a dangling link")
            << QStringLiteral("dangling") << QStringLiteral("does not exist (yet)");
        QTest::newRow("a folder") << QStringLiteral(".") << QStringLiteral("is not a file");
    }
    void programWarning()
    {
        QFETCH(QString, name);
        QFETCH(QString, warningSays);
        Rule rule;
        rule.id = 3;
        rule.program = name == QLatin1String(".") ? m_dir.path() : m_dir.filePath(name);
        const QString warning = rule.programWarning();
        if (warningSays.isEmpty()) {
            QVERIFY2(warning.isEmpty(), qPrintable(warning));
            return;
        }
        QVERIFY2(warning.startsWith(QStringLiteral("rule 3: ") + rule.program),
                 qPrintable(warning));
        QVERIFY2(warning.contains(warningSays), qPrintable(warning));
        if (name == QLatin1String("link")) // names the program the rule should name
            QVERIFY2(warning.contains(m_dir.filePath(QStringLiteral("program"))),
                     qPrintable(warning));
    }

    void unitGlob_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("service") << QStringLiteral("cron.service") << QString();
        QTest::newRow("scope glob") << QStringLiteral("app-flatpak-*.scope") << QString();
        QTest::newRow("open end") << QStringLiteral("firefox*") << QString();
        QTest::newRow("template instance") << QStringLiteral("getty@tty1.service") << QString();
        QTest::newRow("escaped") << QStringLiteral("run-u\\x2d1.scope") << QString();
        QTest::newRow("bracket") << QStringLiteral("session-[0-9]*.scope") << QString();
        QTest::newRow("negated bracket") << QStringLiteral("[!s]*.service") << QString();
        QTest::newRow("slice") << QStringLiteral("user.slice")
                               << QStringLiteral("can match no unit that runs programs");
        QTest::newRow("timer") << QStringLiteral("*.timer")
                               << QStringLiteral("can match no unit that runs programs");
        QTest::newRow("path") << QStringLiteral("/system.slice/cron.service")
                              << QStringLiteral("not its cgroup's path");
        QTest::newRow("space") << QStringLiteral("my unit.service")
                               << QStringLiteral("' ' is not in a unit's name");
        QTest::newRow("unclosed bracket")
            << QStringLiteral("session-[0-9.scope") << QStringLiteral("the '[' at 9 is not closed");
        QTest::newRow("too long") << QString(300, u'a') + QStringLiteral(".service")
                                  << QStringLiteral("at most 255");
    }
    void unitGlob()
    {
        QFETCH(QString, glob);
        QFETCH(QString, problem);
        QString said;
        QCOMPARE(Rule::isUnitGlob(glob, &said), problem.isEmpty());
        QVERIFY2(said.contains(problem), qPrintable(said));
    }

    void hostPattern_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("problem"); // a part of the message; empty: valid
        QTest::addColumn<QString>("normal");  // as a rule keeps it
        QTest::newRow("a name") << "a.example.org"
                                << ""
                                << "a.example.org";
        QTest::newRow("one label") << "localhost"
                                   << ""
                                   << "localhost";
        QTest::newRow("a domain") << "*.example.org"
                                  << ""
                                  << "*.example.org";
        QTest::newRow("upper case, trailing dot") << "A.Example.ORG."
                                                  << ""
                                                  << "a.example.org";
        QTest::newRow("underscore and hyphen") << "_dmarc.my-host.org"
                                               << ""
                                               << "_dmarc.my-host.org";
        QTest::newRow("punycode") << "xn--bcher-kva.example"
                                  << ""
                                  << "xn--bcher-kva.example";
        QTest::newRow("longest label") << QString(63, u'a') + ".org"
                                       << "" << QString(63, u'a') + ".org";
        QTest::newRow("empty label") << "a..b"
                                     << "host name \"a..b\" has an empty label"
                                     << "";
        QTest::newRow("leading dot") << ".example.org"
                                     << "has an empty label"
                                     << "";
        QTest::newRow("two trailing dots") << "example.org.."
                                           << "has an empty label"
                                           << "";
        QTest::newRow("label too long") << QString(64, u'a') + ".org"
                                        << "a label longer than 63 characters"
                                        << "";
        QTest::newRow("name too long")
            << QString(127, u'a').replace(u'a', QStringLiteral("a.")) + "org"
            << "at most 253 characters"
            << "";
        QTest::newRow("empty") << ""
                               << "a name (a.example.org) or a domain"
                               << "";
        QTest::newRow("only the star") << "*."
                                       << "a name (a.example.org) or a domain"
                                       << "";
        QTest::newRow("a star inside") << "a.*.org"
                                       << "only as a leading \"*.\""
                                       << "";
        QTest::newRow("a star without dot") << "*example.org"
                                            << "only as a leading"
                                            << "";
        QTest::newRow("space") << "a b.org"
                               << "U+0020 is not in a host name"
                               << "";
        QTest::newRow("control character") << "a\nb.org"
                                           << "U+000A is not in a host name"
                                           << "";
        QTest::newRow("umlaut") << "bücher.example"
                                << "xn-- form"
                                << "";
        QTest::newRow("a URL") << "https://example.org/"
                               << "':' is not in a host name"
                               << "";
        QTest::newRow("an IPv4 address") << "10.0.0.5"
                                         << "10.0.0.5 is an address"
                                         << "";
        QTest::newRow("an IPv6 address") << "2001:db8::1"
                                         << "':' is not in a host name"
                                         << "";
    }
    void hostPattern()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, problem);
        QFETCH(QString, normal);
        QString said;
        QCOMPARE(Rule::isHostPattern(pattern, &said), problem.isEmpty());
        QVERIFY2(said.contains(problem), qPrintable(said));
        if (problem.isEmpty())
            QCOMPARE(Rule::normalHost(pattern), normal);
    }

    void noProgramNoWarning()
    {
        Rule rule;
        rule.id = 1;
        QVERIFY(rule.programWarning().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRule)
#include "tst_rule.moc"
