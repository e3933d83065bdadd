// RemoteLink's two ways to another machine, with a stand-in for ssh that runs the remote command
// here ($NFQMON_SSH, as a user's wrapper would be): the D-Bus address reaches a real bus through
// libdbus's unixexec transport and a real systemd-stdio-bridge, with exactly the arguments
// sshArguments() lists (so the escaping is what libdbus reads back); ssh is never asked to
// prompt, and the destination cannot be read as an option; the relay's output arrives on the
// descriptor, and its failure is the remote command's own sentence; a HelperClient gone while
// its connection was being made leaves no connection behind. tst_remotehosts runs the
// same over a real sshd.
#include "app/client/HelperClient.h"
#include "app/client/RemoteLink.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace nfqmon;

class tst_RemoteLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sshIsNeverAskedToPrompt();
    void busAddressReachesTheRemoteBus();
    void relayOutputArrives();
    void relayFailureIsTheRemoteSentence();
    void aClientGoneWhileConnectingLeavesNoConnection();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // onReach: what the stand-in does for RemoteLink::reach()'s `echo "$SSH_CONNECTION"`.
    void writeSsh(const QByteArray &onRelay, const QByteArray &onReach = "echo");
    int callersOfTheBus() const; // unique names on m_bus, without the one asking

    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_busAddress;
};

void tst_RemoteLink::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_busAddress = QStringLiteral("unix:path=") + path(QStringLiteral("bus"));
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"),
                 QStringLiteral("--address=") + m_busAddress, QStringLiteral("--print-address")});
    QVERIFY2(m_bus.waitForStarted(), qPrintable(m_bus.errorString()));
    QVERIFY(m_bus.waitForReadyRead(10000)); // the address: it listens
    qputenv("NFQMON_SSH", path(QStringLiteral("ssh")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", m_dir.path().toLocal8Bit()); // the ControlPath's directory
}

void tst_RemoteLink::cleanupTestCase()
{
    m_bus.terminate();
    m_bus.waitForFinished();
}

// A stand-in for ssh: records its arguments, skips the options up to "--" and the destination,
// and runs the remote command here.
void tst_RemoteLink::writeSsh(const QByteArray &onRelay, const QByteArray &onReach)
{
    QFile script(path(QStringLiteral("ssh")));
    QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
    script.write("#!/bin/sh\n"
                 "printf '%s\\n' \"$@\" > '" +
                 path(QStringLiteral("arguments")).toLocal8Bit() +
                 "'\n"
                 "while [ \"$1\" != -- ]; do shift; done\n"
                 "shift 2\n"
                 "case \"$1\" in\n"
                 "systemd-stdio-bridge) exec systemd-stdio-bridge --bus-path='" +
                 m_busAddress.toLocal8Bit() +
                 "' ;;\n"
                 "nfqmon-capture) " +
                 onRelay +
                 " ;;\n"
                 "echo) " +
                 onReach +
                 "; exit 0 ;;\n"
                 "esac\n"
                 "exit 127\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void tst_RemoteLink::sshIsNeverAskedToPrompt()
{
    QString error;
    const auto destination = SshDestination::parse(QStringLiteral("admin@gw"), &error);
    QVERIFY2(destination, qPrintable(error));
    const RemoteLink link(*destination);
    const QStringList arguments = link.sshArguments({QStringLiteral("true")});
    QVERIFY(arguments.contains(QStringLiteral("BatchMode=yes")));
    QVERIFY(arguments.contains(QStringLiteral("-T")));
    QVERIFY(arguments.contains(QStringLiteral("-x")));
    const qsizetype end = arguments.indexOf(QStringLiteral("--"));
    QVERIFY(end > 0);
    QCOMPARE(arguments.mid(end + 1),
             (QStringList{QStringLiteral("admin@gw"), QStringLiteral("true")}));
}

void tst_RemoteLink::busAddressReachesTheRemoteBus()
{
    writeSsh("exit 1");
    QString error;
    const auto destination = SshDestination::parse(QStringLiteral("admin@[2001:db8::7]"), &error);
    QVERIFY2(destination, qPrintable(error));
    const RemoteLink link(*destination);
    const QString name = QStringLiteral("tst_remotelink");
    {
        const QDBusConnection bus = QDBusConnection::connectToBus(link.busAddress(), name);
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        const QDBusReply<QStringList> names = bus.interface()->registeredServiceNames();
        QVERIFY2(names.isValid(), qPrintable(names.error().message()));
        QVERIFY(names.value().contains(QStringLiteral("org.freedesktop.DBus")));
        QVERIFY(!bus.baseService().isEmpty()); // Hello answered: a caller of that bus
    }
    QDBusConnection::disconnectFromBus(name);

    QFile recorded(path(QStringLiteral("arguments")));
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    const QStringList seen =
        QString::fromUtf8(recorded.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(seen, link.sshArguments({QStringLiteral("systemd-stdio-bridge")}));
}

void tst_RemoteLink::relayOutputArrives()
{
    writeSsh("[ \"$2\" = --relay ] && printf 'NQSM stream bytes' && exit 0");
    QString error;
    const auto destination = SshDestination::parse(QStringLiteral("gw"), &error);
    QVERIFY2(destination, qPrintable(error));
    RemoteLink link(*destination);
    QSignalSpy ended(&link, &RemoteLink::relayEnded);
    QSignalSpy failed(&link, &RemoteLink::relayFailed);
    const int fd = link.openRelay(&error);
    QVERIFY2(fd >= 0, qPrintable(error));
    QByteArray received;
    char buffer[256];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        received.append(buffer, n);
    ::close(fd);
    QCOMPARE(received, QByteArray("NQSM stream bytes"));
    QVERIFY(ended.wait(5000));
    QCOMPARE(failed.count(), 0);
}

void tst_RemoteLink::relayFailureIsTheRemoteSentence()
{
    writeSsh("echo 'nfqmon-capture: not allowed: polkit refused org.nfqmon.capture' >&2; exit 1");
    QString error;
    const auto destination = SshDestination::parse(QStringLiteral("gw"), &error);
    QVERIFY2(destination, qPrintable(error));
    RemoteLink link(*destination);
    QSignalSpy failed(&link, &RemoteLink::relayFailed);
    const int fd = link.openRelay(&error);
    QVERIFY2(fd >= 0, qPrintable(error));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("nfqmon-capture: not allowed: polkit refused org.nfqmon.capture"));
    char byte;
    QCOMPARE(::read(fd, &byte, 1), ssize_t(0)); // end of stream, nothing else
    ::close(fd);
}

int tst_RemoteLink::callersOfTheBus() const
{
    const QString name = QStringLiteral("tst_remotelink-count");
    int callers = -1;
    {
        const QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, name);
        const QDBusReply<QStringList> names = bus.interface()->registeredServiceNames();
        if (names.isValid()) {
            callers = 0;
            for (const QString &n : names.value())
                callers += n.startsWith(QLatin1Char(':')) && n != bus.baseService();
        }
    }
    QDBusConnection::disconnectFromBus(name);
    return callers;
}

// A window closed while its connection is still being made (ssh slow to answer): the
// connection its worker makes afterwards is closed, not left open on the remote bus.
void tst_RemoteLink::aClientGoneWhileConnectingLeavesNoConnection()
{
    writeSsh("exit 1", "touch '" + path(QStringLiteral("reached")).toLocal8Bit() +
                           "'; sleep 1; echo '10.0.0.1 40000 10.0.0.2 22'");
    QString error;
    const auto destination = SshDestination::parse(QStringLiteral("gw"), &error);
    QVERIFY2(destination, qPrintable(error));
    RemoteLink link(*destination);
    const int before = callersOfTheBus();
    QVERIFY(before >= 0);
    {
        // First, one that is let finish: it becomes a caller of the bus.
        HelperClient client(&link);
        QTRY_VERIFY_WITH_TIMEOUT(client.isBusConnected(), 10000);
        QCOMPARE(callersOfTheBus(), before + 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(callersOfTheBus(), before, 5000);
    QFile::remove(path(QStringLiteral("reached")));
    {
        HelperClient client(&link);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("reached"))), 10000);
        QVERIFY(!client.isBusConnected()); // ssh has not answered yet
    }
    QTest::qWait(3000); // ssh answers, the worker connects and is done
    QCOMPARE(callersOfTheBus(), before);
}

QTEST_GUILESS_MAIN(tst_RemoteLink)
#include "tst_remotelink.moc"
