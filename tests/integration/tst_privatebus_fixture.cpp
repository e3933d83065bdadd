// The private system bus fixture itself, with the real dbus-daemon and polkitd: test users,
// polkit's answers for them, the bus policy on org.nfqmon.Helper, activation of a stand-in for
// the helper, clean-up, and that the machine's files and its own system bus never change.
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TestNetwork.h"

#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

const QString Allowed = QLatin1String(PrivateSystemBus::AllowedUser);
const QString Refused = QLatin1String(PrivateSystemBus::RefusedUser);
const QString Helper = QLatin1String(PrivateSystemBus::HelperService);
const QString Polkit = QLatin1String(PrivateSystemBus::PolkitService);
const QString MachineBusSocket = QStringLiteral("/run/dbus/system_bus_socket");

// argv run in the mount namespace the test process had before the fixture: the machine's view.
Command::Result onMachine(const QStringList &argv)
{
    return Command::run(PrivateSystemBus::commandOutside(argv));
}

// Content and metadata of every file the fixture hides in its mount namespace, as the machine
// sees them.
QString machineSnapshot(QString *error)
{
    const QStringList places{QStringLiteral("/etc/passwd"), QStringLiteral("/etc/group"),
                             QStringLiteral("/etc/polkit-1"), QStringLiteral("/usr/share/polkit-1"),
                             QStringLiteral("/usr/share/dbus-1/system.d")};
    const Command::Result sums = onMachine(
        QStringList{QStringLiteral("find")} + places +
        QStringList{QStringLiteral("-type"), QStringLiteral("f"), QStringLiteral("-exec"),
                    QStringLiteral("sha256sum"), QStringLiteral("{}"), QStringLiteral("+")});
    const Command::Result listing =
        onMachine(QStringList{QStringLiteral("ls"), QStringLiteral("-laR"),
                              QStringLiteral("--time-style=full-iso")} +
                  places);
    if (!sums.succeeded() || !listing.succeeded()) {
        *error = sums.describe() + QLatin1Char('\n') + listing.describe();
        return {};
    }
    return QString::fromUtf8(sums.output + listing.output);
}

QString namespaceOf(qint64 pid, const char *kind)
{
    const QByteArray link =
        QStringLiteral("/proc/%1/ns/%2").arg(pid).arg(QLatin1String(kind)).toUtf8();
    char target[64] = {};
    const ssize_t length = ::readlink(link.constData(), target, sizeof target - 1);
    return length > 0 ? QString::fromUtf8(target, length) : QString();
}

// "Uid:" of /proc/PID/status: real, effective, saved, filesystem.
QString uidsOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("Uid:"))
            return QString::fromUtf8(line.mid(4).simplified());
    }
    return {};
}

bool processEnded(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

QString probe()
{
    return TestNetwork::toolPath(QStringLiteral("nfqmon-test-busprobe"));
}

// The line of `output` that starts with `prefix`.
QString lineStarting(const QByteArray &output, const QString &prefix)
{
    for (const QString &line : QString::fromUtf8(output).split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            return line;
    }
    return {};
}

} // namespace

class tst_PrivateBusFixture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void namespacesAndFiles();
    void machineIsUntouched();
    void testUsers_data();
    void testUsers();
    void polkitAnswers_data();
    void polkitAnswers();
    void onlyRootOwnsTheHelperName_data();
    void onlyRootOwnsTheHelperName();
    void activationAsRoot();
    void serviceFileRewrite();
    void peersWorkInsideTheMountNamespace();
    void cleanupTestCase();

private:
    TestNetwork m_network;
    PrivateSystemBus m_bus;
    QString m_machineBefore;
};

void tst_PrivateBusFixture::initTestCase()
{
    NFQMON_REQUIRE_PRIVILEGES();
    QString error;
    m_machineBefore = machineSnapshot(&error);
    QVERIFY2(!m_machineBefore.isEmpty(), qPrintable(error));

    // A peer made before the mount namespace exists, another after (in
    // peersWorkInsideTheMountNamespace): tests may do either.
    NFQMON_ENTER_TEST_NETWORK(m_network, 1);

    // A stand-in that owns the name and records its arguments, so that activation is tested
    // whatever state the real helper's service mode is in.
    m_bus.setHelperProgram(probe());
    m_bus.setHelperArguments({QStringLiteral("--stand-in")});
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(m_bus.start(&error), qPrintable(error));
    qInfo("private bus with polkitd started in %lld ms", timer.elapsed());
}

void tst_PrivateBusFixture::namespacesAndFiles()
{
    QVERIFY(PrivateSystemBus::inPrivateMountNamespace());
    QVERIFY(TestNetwork::inPrivateNamespace());
    QCOMPARE(qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), m_bus.address());
    QVERIFY(m_bus.address().startsWith(QLatin1String("unix:path=/tmp/")));

    // polkitd (and so the bus daemon that started it) runs in our namespaces, as polkitd.
    const qint64 polkit = m_bus.pidOfName(Polkit);
    QVERIFY(polkit > 0);
    QCOMPARE(namespaceOf(polkit, "mnt"), namespaceOf(::getpid(), "mnt"));
    QCOMPARE(namespaceOf(polkit, "net"), namespaceOf(::getpid(), "net"));
    const Command::Result outside =
        onMachine({QStringLiteral("readlink"), QStringLiteral("/proc/self/ns/mnt")});
    QVERIFY2(outside.succeeded(), qPrintable(outside.describe()));
    QVERIFY(namespaceOf(polkit, "mnt") != QString::fromUtf8(outside.output.trimmed()));
    QVERIFY2(uidsOf(polkit) != QLatin1String("0 0 0 0"), qPrintable(uidsOf(polkit)));

    // Here the test users exist and the project's policy is installed; on the machine, not.
    const Command::Result here =
        Command::run({QStringLiteral("getent"), QStringLiteral("passwd"), Allowed, Refused});
    QVERIFY2(here.succeeded(), qPrintable(here.describe()));
    QVERIFY(here.output.contains("nfqmon-allowed:x:64101:64101:"));
    QVERIFY(here.output.contains("nfqmon-refused:x:64102:64102:"));
    QVERIFY(here.output.contains(":/nonexistent:/usr/sbin/nologin"));
    // The administrator: in group sudo, with a password PAM can check, and the system bus at its
    // default address is this one (polkit-agent-helper-1 clears its environment).
    const Command::Result admin = Command::run(
        {QStringLiteral("id"), QStringLiteral("-nG"), QLatin1String(PrivateSystemBus::AdminUser)});
    QVERIFY2(admin.succeeded() && admin.output.trimmed().split(' ').contains("sudo"),
             qPrintable(admin.describe()));
    const Command::Result shadow = Command::run({QStringLiteral("getent"), QStringLiteral("shadow"),
                                                 QLatin1String(PrivateSystemBus::AdminUser)});
    QVERIFY2(shadow.succeeded() && shadow.output.startsWith("nfqmon-admin:$6$"),
             qPrintable(shadow.describe()));
    QCOMPARE(QFileInfo(QStringLiteral("/run/dbus/system_bus_socket")).canonicalFilePath(),
             QFileInfo(m_bus.address().mid(int(qstrlen("unix:path=")))).canonicalFilePath());
    const Command::Result there =
        onMachine({QStringLiteral("getent"), QStringLiteral("passwd"), Allowed});
    QVERIFY2(there.finished && there.exitCode == 2, qPrintable(there.describe()));
    QVERIFY(QFile::exists(QStringLiteral("/usr/share/polkit-1/actions/org.nfqmon.policy")));
    QVERIFY(QFile::exists(
        QStringLiteral("/usr/share/polkit-1/actions/org.freedesktop.policykit.policy")));
    // Of the vendor rules, only the package's own (the opt-in groups): none of the machine's.
    QCOMPARE(QDir(QStringLiteral("/usr/share/polkit-1/rules.d")).entryList(QDir::Files),
             QStringList{QStringLiteral("49-nfqmon-groups.rules")});
    QCOMPARE(QDir(QStringLiteral("/etc/polkit-1/rules.d")).entryList(QDir::Files),
             QStringList{QStringLiteral("50-nfqmon-tests.rules")});
    // The machine sees its own directories, not the fixture's mounts (nfqmon may be installed
    // there, so what counts is the mount, not whether a file of that name exists).
    for (const char *directory :
         {"/usr/share/polkit-1/actions", "/etc/polkit-1/rules.d", "/usr/share/polkit-1/rules.d",
          "/etc/passwd", "/etc/shadow", "/run/dbus"}) {
        const Command::Result machineMount = onMachine(
            {QStringLiteral("mountpoint"), QStringLiteral("-q"), QLatin1String(directory)});
        QVERIFY2(machineMount.finished && machineMount.exitCode != 0,
                 qPrintable(machineMount.describe()));
    }
}

void tst_PrivateBusFixture::machineIsUntouched()
{
    QString error;
    const QString now = machineSnapshot(&error);
    QVERIFY2(!now.isEmpty(), qPrintable(error));
    QCOMPARE(now, m_machineBefore);

    // The machine's system bus, if it has one, never hears of nfqmon.
    QVERIFY(!m_bus.address().contains(MachineBusSocket));
    struct stat socket {};
    if (::stat(qPrintable(MachineBusSocket), &socket) != 0 || !S_ISSOCK(socket.st_mode)) {
        qInfo("the machine runs no system bus (%s absent)", qPrintable(MachineBusSocket));
        return;
    }
    const Command::Result names = Command::run(
        {QStringLiteral("dbus-send"), QStringLiteral("--bus=unix:path=") + MachineBusSocket,
         QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
         QStringLiteral("/org/freedesktop/DBus"),
         QStringLiteral("org.freedesktop.DBus.ListNames")});
    QVERIFY2(names.succeeded(), qPrintable(names.describe()));
    QVERIFY2(!names.output.contains("org.nfqmon"), names.output.constData());
}

void tst_PrivateBusFixture::testUsers_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("uid");
    QTest::newRow("allowed") << Allowed << QStringLiteral("64101");
    QTest::newRow("refused") << Refused << QStringLiteral("64102");
}

void tst_PrivateBusFixture::testUsers()
{
    QFETCH(QString, user);
    QFETCH(QString, uid);
    const Command::Result status =
        m_bus.runAs(user, {QStringLiteral("grep"), QStringLiteral("-E"),
                           QStringLiteral("^(Uid|Gid|Groups|CapPrm|CapEff|CapAmb):"),
                           QStringLiteral("/proc/self/status")});
    QVERIFY2(status.succeeded(), qPrintable(status.describe()));
    const QString text = QString::fromUtf8(status.output).simplified();
    const QString ids = QStringList(4, uid).join(QLatin1Char(' '));
    QVERIFY2(text.contains(QStringLiteral("Uid: ") + ids), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Gid: ") + ids), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Groups: Cap")), qPrintable(text)); // no groups
    QVERIFY2(text.contains(QStringLiteral("CapPrm: 0000000000000000 CapEff: 0000000000000000 "
                                          "CapAmb: 0000000000000000")),
             qPrintable(text));

    const Command::Result environment = m_bus.runAs(user, {QStringLiteral("env")});
    QVERIFY2(environment.succeeded(), qPrintable(environment.describe()));
    QVERIFY(environment.output.contains("\nDBUS_SYSTEM_BUS_ADDRESS=" + m_bus.address().toUtf8() +
                                        '\n'));
    QVERIFY(environment.output.contains("\nHOME=/nonexistent\n"));
    QVERIFY(environment.output.contains("\nUSER=" + user.toUtf8() + '\n'));
}

void tst_PrivateBusFixture::polkitAnswers_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("answer"); // how the probe's line for the action continues
    const QString yes = QStringLiteral("authorized=true challenge=false");
    const QString no = QStringLiteral("authorized=false challenge=false");
    const QString unknown = QStringLiteral("error=org.freedesktop.PolicyKit1.Error.Failed");
    const QString capture = QStringLiteral("org.nfqmon.capture");
    const QString rules = QStringLiteral("org.nfqmon.rules");
    const QString other = QStringLiteral("org.nfqmon.no-such-action");
    QTest::newRow("allowed capture") << Allowed << capture << yes;
    QTest::newRow("allowed rules") << Allowed << rules << yes;
    QTest::newRow("refused capture") << Refused << capture << no;
    QTest::newRow("refused rules") << Refused << rules << no;
    QTest::newRow("allowed unknown action") << Allowed << other << unknown;
    QTest::newRow("refused unknown action") << Refused << other << unknown;
    // The rules file speaks for org.nfqmon.* only: the machine's actions keep their defaults
    // (auth_admin; no agent, no session here), so no YES.
    // polkit itself: root is authorized for everything; a user no rule speaks for gets the
    // action's defaults (auth_admin): a challenge, which without an agent is not a YES.
    QTest::newRow("root capture") << QStringLiteral("root") << capture << yes;
    QTest::newRow("nobody capture")
        << QStringLiteral("nobody") << capture << QStringLiteral("authorized=false challenge=true");
    QTest::newRow("allowed other vendor's action")
        << Allowed << QStringLiteral("org.freedesktop.policykit.exec")
        << QStringLiteral("authorized=false");
}

void tst_PrivateBusFixture::polkitAnswers()
{
    QFETCH(QString, user);
    QFETCH(QString, action);
    QFETCH(QString, answer);
    const Command::Result check =
        m_bus.runAs(user, {probe(), QStringLiteral("check"), action}, 40s);
    QVERIFY2(check.succeeded(), qPrintable(check.describe()));
    // The subject was this user's own connection.
    const QString name = lineStarting(check.output, QStringLiteral("name :"));
    QVERIFY2(name.endsWith(QStringLiteral(" uid %1").arg(*PrivateSystemBus::uidOf(user))),
             qPrintable(check.describe()));
    const QString line = lineStarting(check.output, action + QLatin1Char(' '));
    QVERIFY2(line.startsWith(action + QLatin1Char(' ') + answer),
             qPrintable(check.describe() + QLatin1Char('\n') + m_bus.output()));
    qInfo("%s", qPrintable(line));
}

void tst_PrivateBusFixture::onlyRootOwnsTheHelperName_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("answer");
    const QString refused =
        QStringLiteral("refused org.nfqmon.Helper org.freedesktop.DBus.Error.AccessDenied");
    QTest::newRow("allowed") << Allowed << refused;
    QTest::newRow("refused") << Refused << refused;
    QTest::newRow("root") << QStringLiteral("root") << QStringLiteral("owned org.nfqmon.Helper");
}

void tst_PrivateBusFixture::onlyRootOwnsTheHelperName()
{
    QFETCH(QString, user);
    QFETCH(QString, answer);
    QVERIFY(m_bus.stopHelper());
    const Command::Result own = m_bus.runAs(user, {probe(), QStringLiteral("own"), Helper});
    QVERIFY2(lineStarting(own.output, answer.section(QLatin1Char(' '), 0, 1)).startsWith(answer),
             qPrintable(own.describe()));
    QCOMPARE(own.exitCode, answer.startsWith(QLatin1String("owned")) ? 0 : 3);
}

void tst_PrivateBusFixture::activationAsRoot()
{
    QVERIFY(m_bus.stopHelper());
    QCOMPARE(m_bus.helperPid(), 0);

    // A call by an unprivileged user activates the helper: the policy lets anyone send to it.
    QElapsedTimer timer;
    timer.start();
    const Command::Result ping =
        m_bus.runAs(Allowed, {QStringLiteral("dbus-send"), QStringLiteral("--system"),
                              QStringLiteral("--print-reply"), QStringLiteral("--dest=") + Helper,
                              QStringLiteral("/org/nfqmon/Helper"),
                              QStringLiteral("org.freedesktop.DBus.Peer.Ping")});
    QVERIFY2(ping.succeeded(), qPrintable(ping.describe() + QLatin1Char('\n') + m_bus.output()));
    QVERIFY(m_bus.waitForName(Helper, 5s));
    qInfo("activated and answered in %lld ms", timer.elapsed());
    const qint64 helper = m_bus.helperPid();
    QVERIFY(helper > 0);

    // As root, with this bus, in the test's namespaces (never the machine's firewall).
    QCOMPARE(uidsOf(helper), QStringLiteral("0 0 0 0"));
    QCOMPARE(namespaceOf(helper, "net"), namespaceOf(::getpid(), "net"));
    QCOMPARE(namespaceOf(helper, "mnt"), namespaceOf(::getpid(), "mnt"));

    QFile arguments(m_bus.helperStateDirectory() + QStringLiteral("/busprobe-arguments"));
    QVERIFY2(arguments.open(QIODevice::ReadOnly), qPrintable(arguments.fileName()));
    QCOMPARE(QString::fromUtf8(arguments.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             m_bus.helperCommand().mid(1));
    QCOMPARE(m_bus.helperCommand().mid(1),
             (QStringList{QStringLiteral("--service"), QStringLiteral("--state-dir"),
                          m_bus.helperStateDirectory(), QStringLiteral("--idle-timeout"),
                          QStringLiteral("60"), QStringLiteral("--stand-in")}));

    QVERIFY(m_bus.stopHelper());
    QVERIFY(processEnded(helper));
    QCOMPARE(m_bus.helperPid(), 0);
}

void tst_PrivateBusFixture::serviceFileRewrite()
{
    QVERIFY(m_bus.stopHelper());
    // The same state directory, another idle timeout: the next activation uses it.
    m_bus.setHelperIdleTimeout(1);
    QString error;
    QVERIFY2(m_bus.writeHelperService(&error), qPrintable(error));
    const QDBusReply<void> started = m_bus.connection().interface()->startService(Helper);
    QVERIFY2(started.isValid(), qPrintable(started.error().message() + m_bus.output()));
    QVERIFY(m_bus.waitForName(Helper, 5s));
    QFile arguments(m_bus.helperStateDirectory() + QStringLiteral("/busprobe-arguments"));
    QVERIFY(arguments.open(QIODevice::ReadOnly));
    QVERIFY(arguments.readAll().contains("--idle-timeout\n1\n"));
    // The stand-in honours it: gone after a second without anyone stopping it.
    QVERIFY(m_bus.waitForNameGone(Helper, 5s));

    // Left running, for cleanupTestCase to see stop() end it.
    m_bus.setHelperIdleTimeout(0);
    QVERIFY2(m_bus.writeHelperService(&error), qPrintable(error));
    QVERIFY(m_bus.connection().interface()->startService(Helper).isValid());
    QVERIFY(m_bus.waitForName(Helper, 5s));
}

void tst_PrivateBusFixture::peersWorkInsideTheMountNamespace()
{
    QString error;
    QVERIFY2(m_network.addPeers(2, &error), qPrintable(error));
    for (int n = 0; n < m_network.peerCount(); ++n) {
        for (int family : {4, 6}) {
            const QString address = m_network.peer(n).peerAddress(family);
            QCOMPARE(m_network.ping(TestNetwork::Local, address, 2), 2);
        }
    }
}

void tst_PrivateBusFixture::cleanupTestCase()
{
    if (!m_bus.isRunning())
        return;
    const qint64 helper = m_bus.helperPid();
    const qint64 polkit = m_bus.pidOfName(Polkit);
    const QString directory =
        m_bus.address().section(QLatin1Char('='), 1).section(QLatin1Char('/'), 0, 2);
    QVERIFY(helper > 0);
    QVERIFY(polkit > 0);
    QVERIFY(QFileInfo::exists(directory));

    m_bus.stop();
    QVERIFY(!m_bus.isRunning());
    QVERIFY(processEnded(helper));
    QVERIFY(processEnded(polkit));
    QVERIFY(!QFileInfo::exists(directory));
    QVERIFY(!qEnvironmentVariableIsSet("DBUS_SYSTEM_BUS_ADDRESS"));
    // The mounts are gone from our namespace too.
    const Command::Result passwd =
        Command::run({QStringLiteral("getent"), QStringLiteral("passwd"), Allowed});
    QCOMPARE(passwd.exitCode, 2);

    // Named network namespaces made before and after entering the mount namespace are gone
    // from the machine's view as well.
    m_network.removeAll();
    const QString prefix = QStringLiteral("nfqmon-%1-").arg(::getpid());
    const Command::Result netns = onMachine({QStringLiteral("ls"), QStringLiteral("/run/netns")});
    QVERIFY2(!netns.output.contains(prefix.toUtf8()), qPrintable(netns.describe()));
    const Command::Result mounts =
        onMachine({QStringLiteral("cat"), QStringLiteral("/proc/self/mountinfo")});
    QVERIFY2(mounts.succeeded() && !mounts.output.contains(prefix.toUtf8()) &&
                 !mounts.output.contains("nfqmon-bus-"),
             qPrintable(mounts.describe()));

    QString error;
    QCOMPARE(machineSnapshot(&error), m_machineBefore);
}

QTEST_GUILESS_MAIN(tst_PrivateBusFixture)
#include "tst_privatebus_fixture.moc"
