// The remote host bed itself (RemoteHostBed, tools/nfqmon-test-remotehost): two hosts with real
// sshd, each with its own network and mount namespaces, private system bus, polkitd and helper,
// reached through the machine's ssh with the bed's configuration. Beside them the test has its
// own private bus, as a window test has. It shows what the tests of "Connect to host…" rely on:
// the wrapper logs in as nfqmon-member; a D-Bus connection through ssh and systemd-stdio-bridge
// reaches that host's helper, whose polkit lets the member capture (the package's group rule);
// the two hosts are distinct; unknown and changed host keys are refused by ssh; a cut link ends
// the D-Bus connection and a new one works once the link is back; no host listens on anything
// but sshd, during a capture too.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/bus/RemoteHostBed.h"
#include "tests/support/bus/UserCommand.h"
#include "tests/support/core/Command.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QElapsedTimer>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;
namespace Contract = nfqmon::Contract;

class tst_RemoteHostFixture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void theWrapperLogsIn();
    void sessionsRunInTheHost();
    void busThroughSshReachesTheHostsHelper();
    void onlySshdListens();
    void unknownHostKeyIsRefused();
    void changedHostKeyIsRefused();
    void cutLinkEndsTheConnection();
    void droppedSessionsEndTheConnection();
    void aTestUserConnects();
    void hostsVanishWhenStopped();

private:
    QDBusConnection connectTo(int host, const QString &name, const QString &user = {});

    PrivateSystemBus m_localBus;
    RemoteHostBed m_bed;
    QStringList m_connections;
    bool m_rootSshExisted = false;
};

namespace {

const QString Member = QLatin1String(PrivateSystemBus::MemberUser);
const QString Steward = QLatin1String(PrivateSystemBus::StewardUser);

QDBusMessage callHelper(const QDBusConnection &bus, const QString &method,
                        const QVariantList &arguments = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(Contract::ServiceName, Contract::ObjectPath,
                                                       Contract::InterfaceName, method);
    call.setArguments(arguments);
    return bus.call(call, QDBus::Block, 30000);
}

QString describe(const QDBusMessage &reply)
{
    return reply.type() == QDBusMessage::ErrorMessage
               ? reply.errorName() + QStringLiteral(": ") + reply.errorMessage()
               : QStringLiteral("a reply");
}

QVariantMap status(const QDBusConnection &bus)
{
    const QDBusMessage reply = callHelper(bus, QStringLiteral("GetStatus"));
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {{QStringLiteral("error"), describe(reply)}};
    return qdbus_cast<QVariantMap>(reply.arguments().first());
}

QString state(const QDBusConnection &bus)
{
    const QVariantMap map = status(bus);
    return map.value(Contract::Status::State, map.value(QStringLiteral("error"))).toString();
}

// The TCP and UDP sockets that listen, by address and program (`ss -ltnupH`).
QStringList listening(const QByteArray &ss)
{
    QStringList lines;
    for (const QByteArray &line : ss.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 5)
            lines.append(QString::fromUtf8(fields.at(0) + ' ' + fields.at(4) + ' ' +
                                           fields.value(6).split(',').first()));
    }
    lines.sort();
    return lines;
}

QString namespaceOf(qint64 pid, const char *kind)
{
    char target[64] = {};
    const QByteArray link = QStringLiteral("/proc/%1/ns/%2").arg(pid).arg(kind).toUtf8();
    const ssize_t length = ::readlink(link.constData(), target, sizeof target - 1);
    return length > 0 ? QString::fromUtf8(target, length) : QString();
}

} // namespace

QDBusConnection tst_RemoteHostFixture::connectTo(int host, const QString &name, const QString &user)
{
    m_connections.append(name);
    return QDBusConnection::connectToBus(m_bed.dbusAddress(host, user), name);
}

void tst_RemoteHostFixture::initTestCase()
{
    NFQMON_REQUIRE_PRIVILEGES();
    m_rootSshExisted = QFileInfo::exists(QStringLiteral("/root/.ssh"));
    QElapsedTimer timer;
    timer.start();
    QString error;
    // As a window test: the test process has a private bus of its own (and so the test users
    // in its mount namespace, which the hosts' namespaces start from).
    QVERIFY2(m_localBus.start(&error), qPrintable(error));
    const qint64 localBus = timer.restart();
    QVERIFY2(m_bed.start(2, &error), qPrintable(error));
    qInfo("local private bus in %lld ms, two remote hosts in %lld ms", localBus, timer.elapsed());
    QCOMPARE(m_bed.hostCount(), 2);
    QCOMPARE(m_bed.alias(0), QStringLiteral("remote1"));
    QCOMPARE(m_bed.alias(1), QStringLiteral("remote2"));
    QVERIFY(QFileInfo(m_bed.sshWrapper()).isExecutable());
}

void tst_RemoteHostFixture::cleanup()
{
    for (const QString &name : std::as_const(m_connections))
        QDBusConnection::disconnectFromBus(name);
    m_connections.clear();
    // Every test leaves the hosts as it found them: links up, keys trusted.
    if (m_bed.hostCount() == 0)
        return;
    QString error;
    for (int n = 0; n < m_bed.hostCount(); ++n)
        QVERIFY2(m_bed.restoreLink(n, &error), qPrintable(error));
    QVERIFY2(m_bed.trustHostKeys(&error), qPrintable(error));
}

void tst_RemoteHostFixture::cleanupTestCase()
{
    m_bed.stop();
    m_localBus.stop();
}

void tst_RemoteHostFixture::theWrapperLogsIn()
{
    for (int n = 0; n < 2; ++n) {
        QElapsedTimer timer;
        timer.start();
        const Command::Result id = m_bed.ssh(n, {QStringLiteral("id"), QStringLiteral("-un")});
        QVERIFY2(id.succeeded(), qPrintable(id.describe()));
        QCOMPARE(id.output, QByteArray("nfqmon-member\n"));
        QVERIFY2(id.errorOutput.isEmpty(), id.errorOutput.constData());
        qInfo("ssh %s id -un: %lld ms", qPrintable(m_bed.alias(n)), timer.elapsed());
    }
    // Another test user by USER@ALIAS; both are in the opt-in groups there.
    const Command::Result steward =
        m_bed.ssh(0, {QStringLiteral("id"), QStringLiteral("-nG")}, 20s, Steward);
    QVERIFY2(steward.succeeded(), qPrintable(steward.describe()));
    const QList<QByteArray> groups = steward.output.trimmed().split(' ');
    QVERIFY2(groups.contains("nfqmon") && groups.contains("nfqmon-rules"),
             steward.output.constData());
    // Only the bed's key opens the door: with another key, no login.
    QTemporaryDir other;
    const QString otherKey = other.filePath(QStringLiteral("id_ed25519"));
    QVERIFY(Command::run({QStringLiteral("ssh-keygen"), QStringLiteral("-q"), QStringLiteral("-t"),
                          QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                          QStringLiteral("-f"), otherKey})
                .succeeded());
    const Command::Result withoutKey = Command::run(
        {QStringLiteral("ssh"), QStringLiteral("-F"), QStringLiteral("/dev/null"),
         QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + m_bed.knownHostsFile(),
         QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
         QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
         QStringLiteral("IdentityAgent=none"), QStringLiteral("-i"), otherKey,
         Member + QLatin1Char('@') + m_bed.host(0).address, QStringLiteral("true")});
    QCOMPARE(withoutKey.exitCode, 255);
    QVERIFY2(withoutKey.errorOutput.contains("Permission denied (publickey)"),
             qPrintable(withoutKey.describe()));
}

void tst_RemoteHostFixture::sessionsRunInTheHost()
{
    const Command::Result session =
        m_bed.ssh(0, {QStringLiteral("readlink /proc/self/ns/net /proc/self/ns/mnt; "
                                     "echo \"$DBUS_SYSTEM_BUS_ADDRESS\"; echo \"$PATH\"; "
                                     "command -v systemd-stdio-bridge")});
    QVERIFY2(session.succeeded(), qPrintable(session.describe()));
    const QStringList lines = QString::fromUtf8(session.output).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 5);
    const RemoteHost &host = m_bed.host(0);
    QCOMPARE(lines.at(0), namespaceOf(host.pid, "net"));
    QCOMPARE(lines.at(1), namespaceOf(host.pid, "mnt"));
    QVERIFY(lines.at(0) != namespaceOf(::getpid(), "net"));
    QVERIFY(lines.at(1) != namespaceOf(::getpid(), "mnt"));
    QCOMPARE(lines.at(2), host.busAddress);
    // The build's programs first (the helper's directory among them), then the system's.
    QVERIFY2(lines.at(3)
                     .split(QLatin1Char(':'))
                     .contains(QFileInfo(HelperProcess::program()).absolutePath()) &&
                 lines.at(3).endsWith(QStringLiteral(":/usr/bin:/bin")),
             qPrintable(lines.at(3)));
    QCOMPARE(lines.at(4), QStringLiteral("/usr/bin/systemd-stdio-bridge"));
    // The host's interface is its end of the link, with its address.
    const Command::Result address =
        m_bed.runIn(0, {QStringLiteral("ip"), QStringLiteral("-4"), QStringLiteral("-o"),
                        QStringLiteral("addr"), QStringLiteral("show"), host.interface});
    QVERIFY2(address.output.contains(host.address.toUtf8() + "/24"),
             qPrintable(address.describe()));
}

void tst_RemoteHostFixture::busThroughSshReachesTheHostsHelper()
{
    QElapsedTimer timer;
    timer.start();
    const QDBusConnection remote1 = connectTo(0, QStringLiteral("remote1"));
    QVERIFY2(remote1.isConnected(), qPrintable(remote1.lastError().message()));
    qInfo("D-Bus connection to remote1 through ssh: %lld ms", timer.elapsed());
    const QDBusConnection remote2 = connectTo(1, QStringLiteral("remote2"));
    QVERIFY2(remote2.isConnected(), qPrintable(remote2.lastError().message()));

    // On the host's bus we are the user who logged in, not root.
    const QDBusReply<uint> uid = remote1.interface()->serviceUid(remote1.baseService());
    QVERIFY2(uid.isValid(), qPrintable(uid.error().message()));
    QCOMPARE(uid.value(), PrivateSystemBus::MemberUid);

    timer.restart();
    QCOMPARE(state(remote1), Contract::Status::Idle);
    qInfo("GetStatus on remote1 (activating its helper): %lld ms", timer.elapsed());
    QCOMPARE(state(remote2), Contract::Status::Idle);
    const QDBusReply<uint> helper1 = remote1.interface()->servicePid(Contract::ServiceName);
    const QDBusReply<uint> helper2 = remote2.interface()->servicePid(Contract::ServiceName);
    QVERIFY(helper1.isValid() && helper2.isValid());
    QVERIFY(helper1.value() != helper2.value());
    QCOMPARE(namespaceOf(helper1.value(), "net"), namespaceOf(m_bed.host(0).pid, "net"));
    QCOMPARE(namespaceOf(helper2.value(), "net"), namespaceOf(m_bed.host(1).pid, "net"));
    // The test's own bus activated nothing.
    QCOMPARE(m_localBus.helperPid(), 0);

    // nfqmon-member captures without a prompt (49-nfqmon-groups.rules), on remote1 only.
    const QVariantMap options{{Contract::Option::Interfaces, QStringList{m_bed.host(0).interface}}};
    const QDBusMessage started = callHelper(remote1, QStringLiteral("StartCapture"), {options});
    QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(describe(started)));
    const QVariantMap running = status(remote1);
    QCOMPARE(running.value(Contract::Status::State).toString(), Contract::Status::Running);
    QCOMPARE(running.value(Contract::Status::StartedByUid).toUInt(), PrivateSystemBus::MemberUid);
    QCOMPARE(state(remote2), Contract::Status::Idle);
    const Command::Result chains1 = m_bed.runIn(
        0, {QStringLiteral("iptables-save"), QStringLiteral("-t"), QStringLiteral("raw")});
    QVERIFY2(chains1.output.contains(":HAKA-PRE"), qPrintable(chains1.describe()));
    const Command::Result chains2 = m_bed.runIn(
        1, {QStringLiteral("iptables-save"), QStringLiteral("-t"), QStringLiteral("raw")});
    QVERIFY2(!chains2.output.contains("HAKA"), qPrintable(chains2.describe()));
    const Command::Result here = Command::run({QStringLiteral("iptables-save")});
    QVERIFY2(!here.output.contains("HAKA"), qPrintable(here.describe()));

    // The member may not change rules; the steward may, on the same host.
    const QVariantMap rule{{Contract::RuleField::Expression, QStringLiteral("udp and dst port 9")}};
    const QDBusMessage refused = callHelper(remote1, QStringLiteral("AddRule"), {rule});
    QCOMPARE(refused.errorName(), Contract::Error::NotAuthorized);
    const QDBusConnection steward = connectTo(0, QStringLiteral("remote1-steward"), Steward);
    QVERIFY2(steward.isConnected(), qPrintable(steward.lastError().message()));
    const QDBusMessage added = callHelper(steward, QStringLiteral("AddRule"), {rule});
    QVERIFY2(added.type() == QDBusMessage::ReplyMessage, qPrintable(describe(added)));
    const QDBusMessage removed =
        callHelper(steward, QStringLiteral("RemoveRule"), {added.arguments().value(0)});
    QVERIFY2(removed.type() == QDBusMessage::ReplyMessage, qPrintable(describe(removed)));

    const QDBusMessage stopped = callHelper(remote1, QStringLiteral("StopCapture"));
    QVERIFY2(stopped.type() == QDBusMessage::ReplyMessage, qPrintable(describe(stopped)));
    QCOMPARE(state(remote1), Contract::Status::Idle);
}

void tst_RemoteHostFixture::onlySshdListens()
{
    const QStringList ss = {QStringLiteral("ss"), QStringLiteral("-ltnupH")};
    QList<QStringList> before;
    for (int n = 0; n < 2; ++n) {
        const Command::Result result = m_bed.runIn(n, ss);
        QVERIFY2(result.succeeded(), qPrintable(result.describe()));
        const RemoteHost &host = m_bed.host(n);
        const QStringList lines = listening(result.output);
        QCOMPARE(lines,
                 (QStringList{QStringLiteral("tcp %1:22 users:((\"sshd\"").arg(host.address),
                              QStringLiteral("tcp [%1]:22 users:((\"sshd\"").arg(host.address6)}));
        before.append(lines);
    }
    const Command::Result localBefore = Command::run(ss);
    QVERIFY2(localBefore.succeeded(), qPrintable(localBefore.describe()));
    QVERIFY2(localBefore.output.trimmed().isEmpty(), localBefore.output.constData());

    // During a capture on both (with a client of the helper's bus through ssh on each): the same.
    QList<QDBusConnection> buses;
    for (int n = 0; n < 2; ++n) {
        buses.append(connectTo(n, QStringLiteral("listen%1").arg(n)));
        const QDBusMessage started = callHelper(
            buses.last(), QStringLiteral("StartCapture"),
            {QVariantMap{{Contract::Option::Interfaces, QStringList{m_bed.host(n).interface}}}});
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(describe(started)));
    }
    for (int n = 0; n < 2; ++n) {
        const Command::Result result = m_bed.runIn(n, ss);
        QCOMPARE(listening(result.output), before.at(n));
    }
    QCOMPARE(Command::run(ss).output, localBefore.output);
    for (const QDBusConnection &bus : std::as_const(buses))
        QCOMPARE(callHelper(bus, QStringLiteral("StopCapture")).type(), QDBusMessage::ReplyMessage);
}

void tst_RemoteHostFixture::unknownHostKeyIsRefused()
{
    QString error;
    QVERIFY2(m_bed.setKnownHosts({}, &error), qPrintable(error));
    const Command::Result refused = m_bed.ssh(0, {QStringLiteral("true")});
    QCOMPARE(refused.exitCode, 255);
    QVERIFY2(refused.errorOutput.contains("No ED25519 host key is known for " +
                                          m_bed.host(0).address.toUtf8()) &&
                 refused.errorOutput.contains("Host key verification failed."),
             qPrintable(refused.describe()));
    // Through D-Bus: no connection.
    const QDBusConnection bus = connectTo(0, QStringLiteral("unknown-key"));
    QVERIFY(!bus.isConnected());

    QVERIFY2(m_bed.trustHostKeys(&error), qPrintable(error));
    QVERIFY2(m_bed.ssh(0, {QStringLiteral("true")}).succeeded(), "trusted again");
}

void tst_RemoteHostFixture::changedHostKeyIsRefused()
{
    const QByteArray trusted = m_bed.knownHostsLine(1);
    const qint64 oldSshd = m_bed.host(1).sshdPid;
    QString error;
    QVERIFY2(m_bed.changeHostKey(1, &error), qPrintable(error));
    QVERIFY(m_bed.knownHostsLine(1) != trusted);
    QVERIFY(m_bed.host(1).sshdPid != oldSshd);

    const Command::Result refused = m_bed.ssh(1, {QStringLiteral("true")});
    QCOMPARE(refused.exitCode, 255);
    QVERIFY2(refused.errorOutput.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") &&
                 refused.errorOutput.contains("Host key verification failed."),
             qPrintable(refused.describe()));
    // The other host is not concerned.
    QVERIFY(m_bed.ssh(0, {QStringLiteral("true")}).succeeded());

    QVERIFY2(m_bed.trustHostKeys(&error), qPrintable(error));
    const Command::Result accepted = m_bed.ssh(1, {QStringLiteral("true")});
    QVERIFY2(accepted.succeeded(), qPrintable(accepted.describe()));
}

void tst_RemoteHostFixture::cutLinkEndsTheConnection()
{
    const QDBusConnection before = connectTo(0, QStringLiteral("before-cut"));
    QVERIFY2(before.isConnected(), qPrintable(before.lastError().message()));
    QCOMPARE(state(before), Contract::Status::Idle);
    const QDBusConnection other = connectTo(1, QStringLiteral("other-host"));
    QCOMPARE(state(other), Contract::Status::Idle);

    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(m_bed.cutLink(0, &error), qPrintable(error));
    // ssh's keepalives go unanswered; it exits, and the bus connection through it ends.
    QTRY_VERIFY_WITH_TIMEOUT(!QDBusConnection(QStringLiteral("before-cut")).isConnected(), 15000);
    qInfo("the connection to remote1 ended %lld ms after the link was cut", timer.elapsed());
    // Meanwhile no new connection, at once, and the other host is not concerned.
    timer.restart();
    const Command::Result unreachable = m_bed.ssh(0, {QStringLiteral("true")});
    QCOMPARE(unreachable.exitCode, 255);
    QVERIFY2(unreachable.errorOutput.contains("Network is unreachable"),
             qPrintable(unreachable.describe()));
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(state(other), Contract::Status::Idle);

    timer.restart();
    QVERIFY2(m_bed.restoreLink(0, &error), qPrintable(error));
    qInfo("remote1's sshd reachable %lld ms after the link came back", timer.elapsed());
    const QDBusConnection after = connectTo(0, QStringLiteral("after-cut"));
    QVERIFY2(after.isConnected(), qPrintable(after.lastError().message()));
    QCOMPARE(state(after), Contract::Status::Idle);
}

void tst_RemoteHostFixture::droppedSessionsEndTheConnection()
{
    const QDBusConnection bus = connectTo(1, QStringLiteral("dropped"));
    QCOMPARE(state(bus), Contract::Status::Idle);
    QString error;
    QVERIFY2(m_bed.dropSessions(1, &error) > 0, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!QDBusConnection(QStringLiteral("dropped")).isConnected(), 5000);
    const QDBusConnection again = connectTo(1, QStringLiteral("dropped-again"));
    QCOMPARE(state(again), Contract::Status::Idle);
}

void tst_RemoteHostFixture::hostsVanishWhenStopped()
{
    const qint64 pid = m_bed.host(0).pid;
    const QString link = m_bed.host(0).link;
    const QString directory = m_bed.directory();
    QElapsedTimer timer;
    timer.start();
    m_bed.stop();
    qInfo("two remote hosts stopped in %lld ms", timer.elapsed());
    QVERIFY(::kill(pid_t(pid), 0) != 0);
    QVERIFY(
        !Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("show"), link})
             .succeeded());
    QVERIFY(!QFileInfo::exists(directory));
    // ssh, run as root, made nothing in root's home.
    QCOMPARE(QFileInfo::exists(QStringLiteral("/root/.ssh")), m_rootSshExisted);
}

// The window runs as an unprivileged user: a bed (here a second one, beside the first: its host
// takes the next free link) can give that user the client key, and a process of that user (here
// nfqmon-test-busprobe, with the remote bus as its system bus) asks the remote polkit through ssh,
// which answers for the member as it does on the host.
void tst_RemoteHostFixture::aTestUserConnects()
{
    RemoteHostBed bed;
    RemoteHostBed::Options options;
    options.clientUser = Member;
    QString error;
    QVERIFY2(bed.start(1, &error, options), qPrintable(error));
    QCOMPARE(bed.alias(0), QStringLiteral("remote1"));
    QCOMPARE(bed.host(0).address, QStringLiteral("10.78.3.2"));
    const Command::Result id =
        m_localBus.runAs(Member, bed.sshCommand(0, {QStringLiteral("id -un")}));
    QVERIFY2(id.succeeded(), qPrintable(id.describe()));
    QCOMPARE(id.output, QByteArray("nfqmon-member\n"));

    const Command::Result check =
        UserCommand::run(Member, bed.dbusAddress(0),
                         {TestNetwork::toolPath(QStringLiteral("nfqmon-test-busprobe")),
                          QStringLiteral("check"), Contract::PolkitAction::Capture,
                          Contract::PolkitAction::Rules, QStringLiteral("--no-interaction")},
                         20s, {});
    QVERIFY2(check.succeeded(), qPrintable(check.describe()));
    QVERIFY2(
        check.output.contains(
            QStringLiteral(" uid %1\n").arg(PrivateSystemBus::MemberUid).toUtf8()) &&
            check.output.contains(
                (Contract::PolkitAction::Capture + QStringLiteral(" authorized=true")).toUtf8()) &&
            check.output.contains(
                (Contract::PolkitAction::Rules + QStringLiteral(" authorized=false")).toUtf8()),
        qPrintable(check.describe()));
}

QTEST_GUILESS_MAIN(tst_RemoteHostFixture)
#include "tst_remotehost_fixture.moc"
