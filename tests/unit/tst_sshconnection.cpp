// What the helper takes as a caller's own SSH connection ($SSH_CONNECTION), which its chains
// then let pass unseen: two addresses of one family and two ports, written back canonically (the
// text reaches an iptables-restore script), and nothing else.
#include "helper/protocol/SshConnection.h"

#include <QTest>

using namespace nfqmon;

class tst_SshConnection : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
};

void tst_SshConnection::accepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("IPv4") << "192.0.2.7 51234 192.0.2.1 22"
                          << "192.0.2.7 51234 192.0.2.1 22" << false;
    QTest::newRow("IPv6") << "2001:db8:0::7 51234 2001:DB8::1 2222"
                          << "2001:db8::7 51234 2001:db8::1 2222" << true;
    QTest::newRow("IPv4-mapped") << "::ffff:192.0.2.7 1 ::ffff:192.0.2.1 65535"
                                 << "192.0.2.7 1 192.0.2.1 65535" << false;
    QTest::newRow("extra spaces") << " 192.0.2.7  51234 192.0.2.1 22 "
                                  << "192.0.2.7 51234 192.0.2.1 22" << false;
}

void tst_SshConnection::accepted()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(bool, ipv6);
    QString error;
    const auto connection = SshConnection::parse(text, &error);
    QVERIFY2(connection, qPrintable(error));
    QCOMPARE(connection->toString(), canonical);
    QCOMPARE(connection->ipv6, ipv6);
}

void tst_SshConnection::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("three words") << "192.0.2.7 51234 192.0.2.1";
    QTest::newRow("five words") << "192.0.2.7 51234 192.0.2.1 22 x";
    QTest::newRow("a name") << "gw 51234 192.0.2.1 22";
    QTest::newRow("port 0") << "192.0.2.7 0 192.0.2.1 22";
    QTest::newRow("port 65536") << "192.0.2.7 51234 192.0.2.1 65536";
    QTest::newRow("signed port") << "192.0.2.7 +22 192.0.2.1 22";
    QTest::newRow("mixed families") << "192.0.2.7 51234 2001:db8::1 22";
    QTest::newRow("a scope") << "fe80::1%eth0 51234 fe80::2 22";
    QTest::newRow("an option") << "-j 51234 192.0.2.1 22";
    QTest::newRow("a newline") << "192.0.2.7 51234\n-A 192.0.2.1 22";
}

void tst_SshConnection::refused()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!SshConnection::parse(text, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SshConnection)
#include "tst_sshconnection.moc"
