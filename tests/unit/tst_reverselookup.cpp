// ReverseLookup: the window's own reverse DNS lookups are off until turned on and then never
// make the caller wait: the name comes later, with namesFound(), and is kept, so asking again
// starts nothing; turning them off hides what was found and drops what runs. Only 127.0.0.1 is
// looked up ("localhost" in /etc/hosts): nothing leaves the machine. (tst_window_hosts checks
// the bound and the answers without a name, in a network namespace where no resolver answers.)
#include "app/session/ReverseLookup.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace nfqmon;

class tst_ReverseLookup : public QObject
{
    Q_OBJECT

private slots:
    void offByDefaultAsksNothing();
    void findsTheNameInTheBackgroundAndKeepsIt();
    void turningOffHidesNamesAndDropsLookups();
};

void tst_ReverseLookup::offByDefaultAsksNothing()
{
    ReverseLookup lookup;
    QSignalSpy found(&lookup, &ReverseLookup::namesFound);
    QVERIFY(!lookup.isEnabled());
    QCOMPARE(lookup.nameOf(QHostAddress(QHostAddress::LocalHost)), QString());
    QCOMPARE(lookup.runningCount(), 0);
    QTest::qWait(200);
    QCOMPARE(found.size(), 0);
    QCOMPARE(lookup.cachedCount(), 0);
}

void tst_ReverseLookup::findsTheNameInTheBackgroundAndKeepsIt()
{
    ReverseLookup lookup;
    QSignalSpy found(&lookup, &ReverseLookup::namesFound);
    lookup.setEnabled(true);
    const QHostAddress loopback(QHostAddress::LocalHost);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(lookup.nameOf(loopback), QString());
    QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(lookup.runningCount(), 1);
    QCOMPARE(lookup.nameOf(loopback), QString()); // asked once
    QCOMPARE(lookup.runningCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, 10000);
    QCOMPARE(lookup.nameOf(loopback), QStringLiteral("localhost"));
    QVERIFY(lookup.isAnswered(loopback));
    QCOMPARE(lookup.runningCount(), 0);
    QCOMPARE(lookup.cachedCount(), 1);
    QCOMPARE(lookup.nameOf(QHostAddress()), QString()); // nothing to ask
    QCOMPARE(lookup.runningCount(), 0);
}

void tst_ReverseLookup::turningOffHidesNamesAndDropsLookups()
{
    ReverseLookup lookup;
    lookup.setEnabled(true);
    const QHostAddress loopback(QHostAddress::LocalHost);
    lookup.nameOf(loopback);
    QTRY_COMPARE_WITH_TIMEOUT(lookup.nameOf(loopback), QStringLiteral("localhost"), 10000);
    lookup.setEnabled(false);
    QCOMPARE(lookup.nameOf(loopback), QString());

    ReverseLookup dropped;
    QSignalSpy found(&dropped, &ReverseLookup::namesFound);
    dropped.setEnabled(true);
    dropped.nameOf(loopback);
    QCOMPARE(dropped.runningCount(), 1);
    dropped.setEnabled(false);
    QCOMPARE(dropped.runningCount(), 0);
    QTest::qWait(500);
    QCOMPARE(found.size(), 0); // its answer, if any came, was not taken
    QVERIFY(!dropped.isAnswered(loopback));
}

QTEST_GUILESS_MAIN(tst_ReverseLookup)
#include "tst_reverselookup.moc"
