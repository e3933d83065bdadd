// What "Connect to host…" accepts: what a person types after `ssh` (user@host, a host, an alias,
// an address, ssh://user@host:port), and never text ssh would read as an option or that would
// split a D-Bus address or a remote command line.
#include "app/client/SshDestination.h"

#include <QTest>

using namespace nfqmon;

class tst_SshDestination : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
};

void tst_SshDestination::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::newRow("alias") << "gateway"
                           << "gateway";
    QTest::newRow("user@host") << "admin@gw.example.org"
                               << "gw.example.org";
    QTest::newRow("spaces around") << "  admin@gw  "
                                   << "gw";
    QTest::newRow("IPv4") << "root@192.0.2.7"
                          << "192.0.2.7";
    QTest::newRow("IPv6") << "admin@2001:db8::7"
                          << "2001:db8::7";
    QTest::newRow("scoped IPv6") << "fe80::1%eth0"
                                 << "fe80::1%eth0";
    QTest::newRow("ssh:// with port") << "ssh://admin@gw:2222"
                                      << "gw";
    QTest::newRow("ssh:// IPv6") << "ssh://admin@[2001:db8::7]:2222"
                                 << "[2001:db8::7]:2222";
}

void tst_SshDestination::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QString error;
    const auto destination = SshDestination::parse(text, &error);
    QVERIFY2(destination, qPrintable(error));
    QCOMPARE(destination->text(), text.trimmed());
    QCOMPARE(destination->host(), host);
}

void tst_SshDestination::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << "   "
                           << "Say which host";
    QTest::newRow("an option") << "-oProxyCommand=touch /tmp/x"
                               << "cannot begin with “-”";
    QTest::newRow("a space") << "admin@gw rm"
                             << "cannot contain “ ”";
    QTest::newRow("a semicolon") << "gw;reboot"
                                 << "cannot contain “;”";
    QTest::newRow("a quote") << "gw'"
                             << "cannot contain “'”";
    QTest::newRow("a comma") << "gw,argv9=x"
                             << "cannot contain “,”";
    QTest::newRow("a newline") << "gw\nx"
                               << "cannot contain “U+000a”";
    QTest::newRow("not ASCII") << "gw.exämple"
                               << "cannot contain “ä”";
    QTest::newRow("a slash") << "gw/x"
                             << "only an ssh:// address";
    QTest::newRow("too long") << QString(300, QLatin1Char('a')) << "longer than 255";
}

void tst_SshDestination::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!SshDestination::parse(text, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SshDestination)
#include "tst_sshdestination.moc"
