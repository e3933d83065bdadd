// DesktopNotifier against a real notification server: dunst on a display and a session bus of
// the test's own (NotificationServer). What dunst received is what a person would read: the
// summary, and a body that shows a filter expression exactly as written, with or without markup
// on the server's side; a click on the notification reaches the window; a session without a
// server gets a sentence, not a hang.
#include "app/desktop/DesktopNotifier.h"
#include "tests/support/bus/NotificationServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_DesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void bodyArrivesAsWritten_data();
    void bodyArrivesAsWritten();
    void clickReachesTheWindow();
    void noServerIsASentence();
};

void tst_DesktopNotifier::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("nfqmon"));
}

void tst_DesktopNotifier::bodyArrivesAsWritten_data()
{
    QTest::addColumn<bool>("markup");
    QTest::addColumn<QString>("body");
    const QString expression =
        QStringLiteral("“len > 100 && (udp or tcp[13] & 2 != 0)” has dropped 3 packets so far.");
    QTest::newRow("server reads markup") << true << expression;
    QTest::newRow("plain-text server") << false << expression;
    QTest::newRow("markup-like text") << true << QStringLiteral("<b>not bold</b> &amp; kept");
}

void tst_DesktopNotifier::bodyArrivesAsWritten()
{
    QFETCH(bool, markup);
    QFETCH(QString, body);
    NotificationServer server;
    QString error;
    QVERIFY2(
        server.start(markup ? NotificationServer::Markup::Full : NotificationServer::Markup::None,
                     &error),
        qPrintable(error));
    DesktopNotifier notifier(server.connection());
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    notifier.notify(QStringLiteral("Rule 4 is dropping packets"), body);
    QVERIFY2(delivered.wait(5000),
             failed.isEmpty() ? "no answer" : qPrintable(failed.first().first().toString()));
    // A second one goes out without asking for the capabilities again.
    notifier.notify(QStringLiteral("Rule 5 is dropping packets"), QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 5000);
    QVERIFY(failed.isEmpty());

    const QList<NotificationServer::Notification> received = server.notifications(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].appName, QStringLiteral("nfqmon"));
    QCOMPARE(received[0].summary, QStringLiteral("Rule 4 is dropping packets"));
    QCOMPARE(received[0].shown, body);
    QCOMPARE(received[0].category, QStringLiteral("network"));
    QCOMPARE(received[1].summary, QStringLiteral("Rule 5 is dropping packets"));
}

void tst_DesktopNotifier::clickReachesTheWindow()
{
    NotificationServer server;
    QString error;
    QVERIFY2(server.start(NotificationServer::Markup::Full, &error), qPrintable(error));
    DesktopNotifier notifier(server.connection());
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.notify(QStringLiteral("Rule 1 is dropping packets"), QStringLiteral("icmp"));
    QVERIFY(delivered.wait(5000));
    QVERIFY2(server.clickNewest(&error), qPrintable(error));
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.size(), 1);
}

void tst_DesktopNotifier::noServerIsASentence()
{
    NotificationServer server;
    QString error;
    QVERIFY2(server.start(NotificationServer::Markup::Full, &error), qPrintable(error));
    server.stopServer(); // the session goes on without a notification server
    DesktopNotifier notifier(server.connection());
    QSignalSpy failed(&notifier, &DesktopNotifier::failed);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(QStringLiteral("Rule 1 is dropping packets"), QStringLiteral("icmp"));
    QVERIFY(failed.wait(5000));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("No desktop notification was shown: ")),
             qPrintable(message));
    QVERIFY(delivered.isEmpty());
}

QTEST_GUILESS_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
