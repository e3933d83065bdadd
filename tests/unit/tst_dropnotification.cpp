// DropNotification: what the desktop notification says when a new rule starts dropping: the rule
// and its hits, whom it applies to, and the application by the Application column's name: the
// program a rule is limited to (in the summary), or the one whose rows it was made from.
#include "app/session/DropNotification.h"

#include <QTest>

using namespace nfqmon;

class tst_DropNotification : public QObject
{
    Q_OBJECT

private slots:
    void namesTheApplication_data();
    void namesTheApplication();
};

void tst_DropNotification::namesTheApplication_data()
{
    QTest::addColumn<QString>("program");   // the rule's program; empty: every program
    QTest::addColumn<QString>("name");      // what the column calls it (Session::programName)
    QTest::addColumn<QString>("addedFrom"); // Session::addedFrom
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("body"); // no translation loaded: the source's plural "packet(s)"

    QTest::newRow("a rule of every program")
        << ""
        << ""
        << ""
        << "Rule 4 is dropping packets"
        << "“udp and dst port 53” has dropped 3 packet(s) so far.";
    QTest::newRow("a rule of a program with a desktop entry")
        << "/usr/lib/firefox-esr/firefox-esr"
        << "Firefox ESR"
        << ""
        << "Rule 4 is dropping packets of Firefox ESR"
        << "“udp and dst port 53” has dropped 3 packet(s) so far.\n"
           "Applies to program /usr/lib/firefox-esr/firefox-esr.";
    QTest::newRow("a rule of a program without one")
        << "/usr/bin/curl"
        << "curl"
        << ""
        << "Rule 4 is dropping packets of curl"
        << "“udp and dst port 53” has dropped 3 packet(s) so far.\n"
           "Applies to program /usr/bin/curl.";
    QTest::newRow("made from one application's rows")
        << ""
        << ""
        << "Firefox ESR"
        << "Rule 4 is dropping packets"
        << "“udp and dst port 53” has dropped 3 packet(s) so far.\n"
           "Made from packets of Firefox ESR.";
    QTest::newRow("a program rule says its program, not the rows'")
        << "/usr/bin/curl"
        << "curl"
        << "Firefox ESR"
        << "Rule 4 is dropping packets of curl"
        << "“udp and dst port 53” has dropped 3 packet(s) so far.\n"
           "Applies to program /usr/bin/curl.";
}

void tst_DropNotification::namesTheApplication()
{
    QFETCH(QString, program);
    QFETCH(QString, name);
    QFETCH(QString, addedFrom);
    QFETCH(QString, summary);
    QFETCH(QString, body);
    RuleInfo rule;
    rule.id = 4;
    rule.expression = QStringLiteral("udp and dst port 53");
    rule.program = program;
    rule.hits = 3;
    const DropNotification notification = DropNotification::of(rule, name, addedFrom);
    QCOMPARE(notification.summary, summary);
    QCOMPARE(notification.body, body);
}

QTEST_GUILESS_MAIN(tst_DropNotification)
#include "tst_dropnotification.moc"
