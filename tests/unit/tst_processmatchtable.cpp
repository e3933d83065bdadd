// ProcessMatchTable and ProcessMatches: every described process is judged once against the owner
// terms; a version handed to the workers never changes afterwards (later descriptions go to the
// next version); processes the store lets go are unknown again; and a flood of one-shot
// processes keeps the table as small as the store's own.
#include "app/store/DisplayFilter.h"
#include "app/store/ProcessMatchTable.h"
#include "app/store/ProcessTable.h"

#include <QTest>

using namespace nfqmon;

namespace {

using State = ProcessMatches::State;

ProcessInfo process(quint32 id, const char *executable, quint32 uid)
{
    ProcessInfo info;
    info.id = id;
    info.pid = 1000 + id;
    info.uid = uid;
    info.executable = executable;
    info.command = "cmd";
    info.cgroup = "/user.slice/user-1000.slice/user@1000.service/app.slice/app-firefox-1.scope";
    return info;
}

std::shared_ptr<const OwnerTerms> owners(const QString &text)
{
    QString error;
    const std::optional<DisplayFilter> filter = DisplayFilter::compile(text, &error);
    Q_ASSERT(filter);
    return filter->owners();
}

} // namespace

class tst_ProcessMatchTable : public QObject
{
    Q_OBJECT

private slots:
    void processesAreJudgedByTheTerms_data();
    void processesAreJudgedByTheTerms();
    void aVersionHandedOutNeverChanges();
    void processesLetGoAreUnknownAgain();
};

void tst_ProcessMatchTable::processesAreJudgedByTheTerms_data()
{
    QTest::addColumn<QString>("terms");
    QTest::addColumn<QList<int>>("yes"); // ids of the processes below that match; others No
    QTest::newRow("app") << "app curl" << QList<int>{1, 3};
    QTest::newRow("app: the whole name") << "app cur" << QList<int>{};
    QTest::newRow("not app") << "not app curl" << QList<int>{2, 4};
    QTest::newRow("exe") << "exe /usr/bin/curl" << QList<int>{1};
    QTest::newRow("user") << "user 1000" << QList<int>{1, 2};
    QTest::newRow("pid") << "pid 1003" << QList<int>{3};
    QTest::newRow("unit glob") << "unit app-firefox-*.scope" << QList<int>{1, 2, 3, 4};
    QTest::newRow("unit that is not there") << "unit cron.service" << QList<int>{};
    QTest::newRow("app and user") << "app curl and not user 0" << QList<int>{1};
    QTest::newRow("app of no executable: the kernel's name") << "app cmd" << QList<int>{4};
}

void tst_ProcessMatchTable::processesAreJudgedByTheTerms()
{
    QFETCH(QString, terms);
    QFETCH(QList<int>, yes);
    ProcessTable processes;
    processes.add(process(1, "/usr/bin/curl", 1000));
    processes.add(process(2, "/usr/bin/wget", 1000));
    ProcessMatchTable table;
    table.reset(owners(terms), processes); // two described before
    const ProcessInfo later[] = {process(3, "/opt/bin/curl", 0), process(4, "", 0)};
    for (const ProcessInfo &p : later) {
        processes.add(p);
        table.describe(p, *processes.application(p.id)); // two after
    }
    const ProcessMatches matches = table.matches();
    for (quint32 id = 1; id <= 4; ++id)
        QCOMPARE(matches.state(id), yes.contains(int(id)) ? State::Yes : State::No);
    QCOMPARE(matches.state(5), State::Unknown);
    QCOMPARE(matches.state(0x12345678), State::Unknown);
}

void tst_ProcessMatchTable::aVersionHandedOutNeverChanges()
{
    ProcessTable processes;
    ProcessMatchTable table;
    table.reset(owners("app curl"), processes);
    const ProcessMatches empty = table.matches();
    const ProcessInfo curl = process(1, "/usr/bin/curl", 0);
    processes.add(curl);
    table.describe(curl, *processes.application(1));
    const ProcessMatches first = table.matches();
    QCOMPARE(empty.state(1), State::Unknown);
    QCOMPARE(first.state(1), State::Yes);
    // The same chunk changes in the next version only.
    const ProcessInfo wget = process(2, "/usr/bin/wget", 0);
    processes.add(wget);
    table.describe(wget, *processes.application(2));
    table.forget(1);
    const ProcessMatches second = table.matches();
    QCOMPARE(first.state(1), State::Yes);
    QCOMPARE(first.state(2), State::Unknown);
    QCOMPARE(second.state(1), State::Unknown);
    QCOMPARE(second.state(2), State::No);
    // Nothing changed: the same version again.
    QCOMPARE(table.matches().state(2), State::No);
    // New terms judge every process the store holds.
    table.reset(owners("app wget"), processes);
    QCOMPARE(table.matches().state(2), State::Yes);
    QCOMPARE(second.state(2), State::No);
}

void tst_ProcessMatchTable::processesLetGoAreUnknownAgain()
{
    // A flood of one-shot processes through a small ProcessTable, as the store feeds the table.
    constexpr qsizetype Limit = 5000;
    ProcessTable processes(Limit);
    ProcessMatchTable table;
    table.reset(owners("user 7"), processes);
    constexpr quint32 Flood = 50'000;
    for (quint32 id = 1; id <= Flood; id += 100) {
        QList<quint32> forgotten;
        for (quint32 k = id; k < id + 100; ++k) {
            const ProcessInfo p = process(k, "/usr/bin/true", k % 10);
            processes.add(p, &forgotten);
            table.describe(p, *processes.application(k));
        }
        for (quint32 gone : forgotten)
            table.forget(gone);
        table.matches(); // a version per batch, as the packet table takes them
    }
    const ProcessMatches matches = table.matches();
    QVERIFY2(table.chunkCount() <= Limit / ProcessMatches::ChunkSize + 2,
             qPrintable(QString::number(table.chunkCount())));
    for (quint32 id = 1; id <= Flood; ++id) {
        const State expected = id <= Flood - Limit ? State::Unknown
                               : id % 10 == 7      ? State::Yes
                                                   : State::No;
        if (matches.state(id) != expected)
            QFAIL(qPrintable(QStringLiteral("process %1: %2").arg(id).arg(int(matches.state(id)))));
    }
}

QTEST_GUILESS_MAIN(tst_ProcessMatchTable)
#include "tst_processmatchtable.moc"
