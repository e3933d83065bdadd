// OwnerFilter: "Show only packets like this → from this application / from user NAME" is offered
// only where every chosen packet has a known program, names the application as the column does
// and the user by name where the machine knows it, and its filter text reads back as the same
// term. Its preview is a rule for the same program or user.
#include "app/session/OwnerFilter.h"
#include "app/store/DisplayFilterParser.h"

#include <QtTest>

using namespace nfqmon;

namespace {

ProcessInfo process(const char *executable, const char *command, std::uint32_t uid)
{
    ProcessInfo info;
    info.id = uid + 1;
    info.pid = 4000 + uid;
    info.uid = uid;
    info.command = command;
    info.executable = executable;
    return info;
}

} // namespace

class tst_OwnerFilter : public QObject
{
    Q_OBJECT

private slots:
    void offers_data()
    {
        QTest::addColumn<QList<int>>("chosen"); // indexes into the processes below; -1: unknown
        QTest::addColumn<QStringList>("expressions"); // the filters offered
        QTest::addColumn<QStringList>("previewed");   // each preview's program, or "user N"
        QTest::newRow("one packet of curl")
            << QList<int>{0} << QStringList{"app curl", "user 4294967"}
            << QStringList{"/usr/bin/curl", "user 4294967"};
        QTest::newRow("curl and wget of one user")
            << QList<int>{0, 1} << QStringList{"user 4294967"} << QStringList{"user 4294967"};
        QTest::newRow("curl of two users: root by name")
            << QList<int>{0, 2} << QStringList{"app curl"} << QStringList{"/usr/bin/curl"};
        QTest::newRow("root's curl") << QList<int>{2} << QStringList{"app curl", "user root"}
                                     << QStringList{"/usr/bin/curl", "user 0"};
        QTest::newRow("two curls of other paths: not previewed")
            << QList<int>{2, 4} << QStringList{"app curl", "user root"}
            << QStringList{"", "user 0"};
        QTest::newRow("a name with a space, quoted")
            << QList<int>{3} << QStringList{"app \"Web Content\"", "user 4294967"}
            << QStringList{"", "user 4294967"};
        QTest::newRow("one packet of no known program")
            << QList<int>{0, -1} << QStringList{} << QStringList{};
        QTest::newRow("nothing chosen") << QList<int>{} << QStringList{} << QStringList{};
    }
    void offers()
    {
        QFETCH(QList<int>, chosen);
        QFETCH(QStringList, expressions);
        QFETCH(QStringList, previewed);
        // uid 4294967 is nobody's on a test machine: it is offered by number.
        const ProcessInfo known[] = {
            process("/usr/bin/curl", "curl", 4294967), process("/usr/bin/wget", "wget", 4294967),
            process("/usr/bin/curl", "curl", 0), process("", "Web Content", 4294967),
            process("/opt/bin/curl", "curl", 0)};
        QList<const ProcessInfo *> processes;
        for (int index : chosen)
            processes.append(index < 0 ? nullptr : &known[index]);
        const QList<OwnerFilter> filters = OwnerFilter::forProcesses(processes);
        QStringList offered;
        QStringList previews;
        for (const OwnerFilter &filter : filters) {
            offered.append(filter.expression);
            previews.append(filter.preview.user
                                ? QStringLiteral("user %1").arg(*filter.preview.user)
                                : filter.preview.program);
            QVERIFY(filter.preview.expression.isEmpty() == previews.last().isEmpty());
            QVERIFY(!filter.label.isEmpty());
            // The text goes to the filter bar: it must read back.
            DisplayFilterParser::Result parsed;
            QString error;
            QVERIFY2(DisplayFilterParser::parse(filter.expression, &parsed, &error),
                     qPrintable(error));
            QCOMPARE(parsed.terms.size(), 1);
        }
        QCOMPARE(offered, expressions);
        QCOMPARE(previews, previewed);
    }
};

QTEST_GUILESS_MAIN(tst_OwnerFilter)
#include "tst_ownerfilter.moc"
