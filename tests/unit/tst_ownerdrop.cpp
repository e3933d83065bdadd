// OwnerDrop: "everything from this application / from this user" is offered only where every
// chosen packet has a known program, and names the program or user they all share.
#include "app/session/OwnerDrop.h"

#include <QtTest>

using namespace nfqmon;

namespace {

ProcessInfo process(const char *executable, std::uint32_t uid)
{
    ProcessInfo info;
    info.id = uid + 1;
    info.pid = 4000 + uid;
    info.uid = uid;
    info.command = "short";
    info.executable = executable;
    return info;
}

} // namespace

class TestOwnerDrop : public QObject
{
    Q_OBJECT

private slots:
    void offers_data()
    {
        QTest::addColumn<QList<int>>("chosen");    // indexes into the processes below, -1: unknown
        QTest::addColumn<QStringList>("programs"); // each offer's program, "" for a user's
        QTest::addColumn<QList<int>>("users");     // each offer's user, -1 for none
        QTest::newRow("one packet of curl")
            << QList<int>{0} << QStringList{"/usr/bin/curl", ""} << QList<int>{-1, 1000};
        QTest::newRow("two of curl")
            << QList<int>{0, 0} << QStringList{"/usr/bin/curl", ""} << QList<int>{-1, 1000};
        QTest::newRow("curl and wget of one user")
            << QList<int>{0, 1} << QStringList{""} << QList<int>{1000};
        QTest::newRow("curl of two users")
            << QList<int>{0, 2} << QStringList{"/usr/bin/curl"} << QList<int>{-1};
        QTest::newRow("nothing shared") << QList<int>{1, 2} << QStringList{} << QList<int>{};
        QTest::newRow("one packet of no known program")
            << QList<int>{0, -1} << QStringList{} << QList<int>{};
        QTest::newRow("executable not known: its user only")
            << QList<int>{3} << QStringList{""} << QList<int>{7};
        QTest::newRow("nothing chosen") << QList<int>{} << QStringList{} << QList<int>{};
    }
    void offers()
    {
        QFETCH(QList<int>, chosen);
        QFETCH(QStringList, programs);
        QFETCH(QList<int>, users);
        const ProcessInfo known[] = {process("/usr/bin/curl", 1000), process("/usr/bin/wget", 1000),
                                     process("/usr/bin/curl", 0), process("", 7)};
        QList<const ProcessInfo *> processes;
        for (int index : chosen)
            processes.append(index < 0 ? nullptr : &known[index]);
        const QList<OwnerDrop> drops = OwnerDrop::forProcesses(processes);
        QCOMPARE(drops.size(), programs.size());
        for (qsizetype i = 0; i < drops.size(); ++i) {
            const RuleInfo &rule = drops.at(i).rule;
            QCOMPARE(rule.program, programs.at(i));
            QCOMPARE(rule.user.has_value(), users.at(i) >= 0);
            if (rule.user)
                QCOMPARE(int(*rule.user), users.at(i));
            QCOMPARE(rule.action, RuleAction::Drop);
            QCOMPARE(rule.expression, QStringLiteral("ip or ip6"));
            QVERIFY(!drops.at(i).label.isEmpty());
            QVERIFY(drops.at(i).description.contains(
                rule.program.isEmpty() ? QString::number(*rule.user) : rule.program));
        }
    }
};

QTEST_GUILESS_MAIN(TestOwnerDrop)
#include "tst_ownerdrop.moc"
