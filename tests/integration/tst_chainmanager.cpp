// ChainManager against the real iptables-nft, in a network namespace of this process's own: every
// iptables command here, the test's and ChainManager's, runs in it.
#include "helper/engine/ChainManager.h"
#include "tests/support/core/TestEnvironment.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sched.h>
#include <unistd.h>

using nfqmon::ChainManager;
using nfqmon::ChainPlan;
using nfqmon::ChainReport;
using nfqmon::RawTableState;

Q_DECLARE_METATYPE(ChainPlan)

namespace {

const QStringList tools{QStringLiteral("iptables"), QStringLiteral("ip6tables")};

struct Result {
    bool ok = false;
    QByteArray out;
    QString error;
};

bool inPrivateNamespace();

// Runs a command of the test; never outside the test's own network namespace.
Result run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    if (!inPrivateNamespace())
        qFatal("refusing to run %s outside the test's own network namespace", qPrintable(program));
    Result result;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        result.error = program + QStringLiteral(": ") + process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(20000);
    result.out = process.readAllStandardOutput();
    result.error = program + u' ' + arguments.join(u' ') + QStringLiteral(": ") +
                   QString::fromLocal8Bit(process.readAllStandardError());
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return result;
}

QString namespaceOfThisProcess()
{
    char buffer[64] = {};
    const ssize_t n = ::readlink("/proc/self/ns/net", buffer, sizeof buffer - 1);
    return n > 0 ? QString::fromLatin1(buffer, n) : QString();
}

// The namespace the test was started in: the machine's own, whose rules must never change.
QString &startNamespace()
{
    static QString name;
    return name;
}

// This process has left the namespace it was started in: nothing here can reach its rules.
bool inPrivateNamespace()
{
    const QString current = namespaceOfThisProcess();
    return !startNamespace().isEmpty() && !current.isEmpty() && current != startNamespace();
}

// All tables of one family, without the timestamp comments and with counters zeroed.
QStringList saveAll(const QString &tool)
{
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]"));
    const Result result = run(tool + QStringLiteral("-save"), {});
    QStringList lines;
    for (QString line : QString::fromUtf8(result.out).split(u'\n')) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        lines.append(line.replace(counters, QStringLiteral("[0:0]")));
    }
    return lines;
}

QStringList saveRaw(const QString &tool)
{
    return QString::fromUtf8(
               run(tool + QStringLiteral("-save"), {QStringLiteral("-t"), QStringLiteral("raw")})
                   .out)
        .split(u'\n');
}

QString owned(qint64 pid)
{
    return QStringLiteral("-m comment --comment \"nfqmon:pid=%1\"").arg(pid);
}

ChainPlan makePlan(bool managed, const QStringList &interfaces, std::uint16_t queue = 0,
                   std::uint16_t count = 1)
{
    ChainPlan plan;
    plan.manageJumps = managed;
    plan.interfaces = interfaces;
    plan.queueNumber = queue;
    plan.queueCount = count;
    plan.ownerPid = ::getpid();
    return plan;
}

// A pid that belonged to a process of this test and is free again.
qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("/bin/true"), {});
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

} // namespace

class TestChainManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void managedInstallAndRemove_data();
    void managedInstallAndRemove();
    void managedRefusesUserChains_data();
    void managedRefusesUserChains();
    void unmanagedMissingChains_data();
    void unmanagedMissingChains();
    void unmanagedOneFamily_data();
    void unmanagedOneFamily();
    void unmanagedFillsUserChains();
    void queueRuleCounters();
    void staleRulesRemoved_data();
    void staleRulesRemoved();
    void liveOwnerRefuses();
    void badInterfaceRefused_data();
    void badInterfaceRefused();
    void removeAfterJumpDeletedByHand();
    void destructorRemoves();
    void reportShowsUserJumps();

private:
    // Applies a script with <tool>-restore --noflush; fails the test on error.
    bool restoreBoth(const QByteArray &script);
    QStringList m_baseline[2]; // saveAll() of iptables, ip6tables after init()
};

bool TestChainManager::restoreBoth(const QByteArray &script)
{
    for (const QString &tool : tools) {
        const Result result =
            run(tool + QStringLiteral("-restore"), {QStringLiteral("--noflush")}, script);
        if (!result.ok) {
            qWarning("%s", qPrintable(result.error));
            return false;
        }
    }
    return true;
}

void TestChainManager::initTestCase()
{
    NFQMON_REQUIRE_PRIVILEGES();
    startNamespace() = namespaceOfThisProcess();
    QVERIFY(!startNamespace().isEmpty());
    QVERIFY2(::unshare(CLONE_NEWNET) == 0, "unshare(CLONE_NEWNET) failed");
    QVERIFY(inPrivateNamespace());
    const Result veth =
        run(QStringLiteral("ip"), {"link", "add", "nfq0", "type", "veth", "peer", "name", "nfq1"});
    QVERIFY2(veth.ok, qPrintable(veth.error));
    QVERIFY(run(QStringLiteral("ip"), {"link", "set", "lo", "up"}).ok);
}

// Every test starts from the same user rules in raw and filter, for both families.
void TestChainManager::init()
{
    QVERIFY(inPrivateNamespace());
    const Result flush = run(QStringLiteral("nft"), {"flush", "ruleset"});
    QVERIFY2(flush.ok, qPrintable(flush.error));
    QVERIFY(restoreBoth("*filter\n"
                        ":INPUT ACCEPT [0:0]\n"
                        "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n"
                        "-A OUTPUT -o nfq0 -j ACCEPT\n"
                        "COMMIT\n"
                        "*raw\n"
                        ":USER-RAW - [0:0]\n"
                        "-A PREROUTING -p tcp -m tcp --dport 80 -j CT --notrack\n"
                        "-A OUTPUT -p udp -m udp --dport 53 -j USER-RAW\n"
                        "-A USER-RAW -j ACCEPT\n"
                        "COMMIT\n"));
    for (int i = 0; i < 2; ++i) {
        m_baseline[i] = saveAll(tools[i]);
        QVERIFY(m_baseline[i].contains("-A PREROUTING -p tcp -m tcp --dport 80 -j CT --notrack"));
    }
}

void TestChainManager::managedInstallAndRemove_data()
{
    QTest::addColumn<ChainPlan>("plan");
    QTest::addColumn<QStringList>("expected"); // raw lines, in save order; %1 = pid

    const QString c = QStringLiteral("-m comment --comment \"nfqmon:pid=%1\"");
    QTest::newRow("any interface")
        << makePlan(true, {})
        << QStringList{":HAKA-OUT - [0:0]",
                       ":HAKA-PRE - [0:0]",
                       "-A PREROUTING " + c + " -j HAKA-PRE",
                       "-A PREROUTING -p tcp -m tcp --dport 80 -j CT --notrack",
                       "-A OUTPUT " + c + " -j HAKA-OUT",
                       "-A OUTPUT -p udp -m udp --dport 53 -j USER-RAW",
                       "-A HAKA-OUT " + c + " -j NFQUEUE --queue-num 0 --queue-bypass",
                       "-A HAKA-PRE -i lo " + c + " -j RETURN",
                       "-A HAKA-PRE " + c + " -j NFQUEUE --queue-num 0 --queue-bypass"};
    QTest::newRow("one interface, queue 7")
        << makePlan(true, {"nfq0"}, 7)
        << QStringList{":HAKA-OUT - [0:0]",
                       ":HAKA-PRE - [0:0]",
                       "-A PREROUTING -i nfq0 " + c + " -j HAKA-PRE",
                       "-A PREROUTING -p tcp -m tcp --dport 80 -j CT --notrack",
                       "-A OUTPUT -o nfq0 " + c + " -j HAKA-OUT",
                       "-A OUTPUT -p udp -m udp --dport 53 -j USER-RAW",
                       "-A HAKA-OUT " + c + " -j NFQUEUE --queue-num 7 --queue-bypass",
                       "-A HAKA-PRE -i lo " + c + " -j RETURN",
                       "-A HAKA-PRE " + c + " -j NFQUEUE --queue-num 7 --queue-bypass"};
    QTest::newRow("two interfaces, three queues")
        << makePlan(true, {"nfq0", "nfq1"}, 2, 3)
        << QStringList{":HAKA-OUT - [0:0]",
                       ":HAKA-PRE - [0:0]",
                       "-A PREROUTING -i nfq1 " + c + " -j HAKA-PRE",
                       "-A PREROUTING -i nfq0 " + c + " -j HAKA-PRE",
                       "-A PREROUTING -p tcp -m tcp --dport 80 -j CT --notrack",
                       "-A OUTPUT -o nfq1 " + c + " -j HAKA-OUT",
                       "-A OUTPUT -o nfq0 " + c + " -j HAKA-OUT",
                       "-A OUTPUT -p udp -m udp --dport 53 -j USER-RAW",
                       "-A HAKA-OUT " + c + " -j NFQUEUE --queue-balance 2:4 --queue-bypass",
                       "-A HAKA-PRE -i lo " + c + " -j RETURN",
                       "-A HAKA-PRE " + c + " -j NFQUEUE --queue-balance 2:4 --queue-bypass"};
}

void TestChainManager::managedInstallAndRemove()
{
    QFETCH(ChainPlan, plan);
    QFETCH(QStringList, expected);
    ChainManager manager(plan);
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    QVERIFY(manager.isInstalled());

    for (int i = 0; i < 2; ++i) {
        // Our lines are there, jumps ahead of the user's rules...
        QStringList relevant;
        for (const QString &line : saveRaw(tools[i])) {
            if (line.contains("HAKA") || line.startsWith("-A PREROUTING") ||
                line.startsWith("-A OUTPUT"))
                relevant.append(line);
        }
        QStringList want;
        for (const QString &line : expected)
            want.append(line.contains("%1") ? line.arg(plan.ownerPid) : line);
        QCOMPARE(relevant, want);
        // ...and every other line of every table is as the user left it.
        QStringList others;
        for (const QString &line : saveAll(tools[i])) {
            if (!line.contains("HAKA"))
                others.append(line);
        }
        QCOMPARE(others, m_baseline[i]);
    }

    QVERIFY2(manager.remove(&error), qPrintable(error));
    QVERIFY(!manager.isInstalled());
    QCOMPARE(saveAll(tools[0]), m_baseline[0]);
    QCOMPARE(saveAll(tools[1]), m_baseline[1]);
    QVERIFY2(manager.remove(&error), "a second remove() is a no-op");
}

void TestChainManager::managedRefusesUserChains_data()
{
    QTest::addColumn<QByteArray>("userRules");
    QTest::addColumn<QString>("inError");

    QTest::newRow("chains jumped to by a user's UDP rule")
        << QByteArray("*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n"
                      "-A PREROUTING -p udp -j HAKA-PRE\nCOMMIT\n")
        << "-A PREROUTING -p udp -j HAKA-PRE";
    QTest::newRow("empty chains of the user's")
        << QByteArray("*raw\n:HAKA-OUT - [0:0]\nCOMMIT\n") << "-X HAKA-OUT";
}

void TestChainManager::managedRefusesUserChains()
{
    QFETCH(QByteArray, userRules);
    QFETCH(QString, inError);
    QVERIFY(restoreBoth(userRules));
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    ChainManager manager(makePlan(true, {}));
    QString error;
    QVERIFY(!manager.install(&error));
    QVERIFY(!manager.isInstalled());
    QVERIFY2(error.contains("enable_iptables = no"), qPrintable(error));
    QVERIFY2(error.contains(inError), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);
}

void TestChainManager::unmanagedMissingChains_data()
{
    QTest::addColumn<QByteArray>("ipv4Chains");
    QTest::addColumn<QByteArray>("ipv6Chains");
    QTest::addColumn<QString>("missing");

    // Refused only when neither family has both chains.
    QTest::newRow("no chain at all") << QByteArray() << QByteArray() << "HAKA-PRE (IPv4)";
    QTest::newRow("one chain in each family")
        << QByteArray("*raw\n:HAKA-PRE - [0:0]\nCOMMIT\n")
        << QByteArray("*raw\n:HAKA-OUT - [0:0]\nCOMMIT\n") << "HAKA-PRE (IPv6)";
}

void TestChainManager::unmanagedMissingChains()
{
    QFETCH(QByteArray, ipv4Chains);
    QFETCH(QByteArray, ipv6Chains);
    QFETCH(QString, missing);
    if (!ipv4Chains.isEmpty())
        QVERIFY(run("iptables-restore", {"--noflush"}, ipv4Chains).ok);
    if (!ipv6Chains.isEmpty())
        QVERIFY(run("ip6tables-restore", {"--noflush"}, ipv6Chains).ok);
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    ChainManager manager(makePlan(false, {}));
    QString error;
    QVERIFY(!manager.install(&error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    for (const char *command :
         {"iptables -t raw -N HAKA-PRE", "iptables -t raw -N HAKA-OUT",
          "ip6tables -t raw -N HAKA-PRE", "ip6tables -t raw -N HAKA-OUT",
          "iptables -t raw -A PREROUTING -j HAKA-PRE", "ip6tables -t raw -A OUTPUT -j HAKA-OUT",
          "iptables -t raw -A PREROUTING -p udp -j HAKA-PRE"})
        QVERIFY2(error.contains(QLatin1String(command)), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);
}

void TestChainManager::unmanagedOneFamily_data()
{
    QTest::addColumn<int>("family"); // the one with chains: 0 IPv4, 1 IPv6

    // What the Haka documentation tells a user to do: the IPv4 chains only.
    QTest::newRow("IPv4 chains only") << 0;
    QTest::newRow("IPv6 chains only") << 1;
}

void TestChainManager::unmanagedOneFamily()
{
    QFETCH(int, family);
    const int other = 1 - family;
    QVERIFY(run(tools[family] + QStringLiteral("-restore"), {"--noflush"},
                "*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n-A PREROUTING -j HAKA-PRE\n"
                "-A OUTPUT -j HAKA-OUT\nCOMMIT\n")
                .ok);
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    ChainPlan plan = makePlan(false, {"nfq0"}, 3);
    ChainManager manager(plan);
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    QCOMPARE(manager.families(), QStringList{family == 0 ? "IPv4" : "IPv6"});
    // The family with chains is filled...
    const RawTableState state = RawTableState::parse(run(tools[family] + "-save", {}).out);
    QCOMPARE(state.chainRules.size(), 3);
    // ...the other is untouched, and the notice says what to run to add it.
    QCOMPARE(saveAll(tools[other]), before[other]);
    const QString notice = manager.notice();
    const QString otherName = other == 0 ? QStringLiteral("IPv4") : QStringLiteral("IPv6");
    QVERIFY2(notice.startsWith(otherName + QStringLiteral(" is not captured: table raw (") +
                               otherName + QStringLiteral(") has no chain HAKA-PRE or HAKA-OUT")),
             qPrintable(notice));
    const QStringList lines = notice.split(u'\n');
    for (const QString &command :
         {tools[other] + " -t raw -N HAKA-PRE", tools[other] + " -t raw -N HAKA-OUT",
          tools[other] + " -t raw -A PREROUTING -j HAKA-PRE",
          tools[other] + " -t raw -A OUTPUT -j HAKA-OUT"})
        QVERIFY2(lines.contains(command), qPrintable(notice));
    QVERIFY2(!notice.contains(tools[family] + " -t raw"), qPrintable(notice));

    QVERIFY2(manager.remove(&error), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);
}

void TestChainManager::queueRuleCounters()
{
    // Local traffic goes through HAKA-OUT's queue rule once (HAKA-PRE returns lo); nobody reads
    // queue 9, so --queue-bypass lets every packet pass and the rule counts it.
    QVERIFY(run("ip", {"addr", "add", "10.9.9.1/24", "dev", "lo"}).ok);
    ChainManager manager(makePlan(true, {}, 9));
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    QCOMPARE(manager.queuedPackets(&error), std::optional<std::uint64_t>(0));
    QVERIFY2(run("ping", {"-c", "3", "-i", "0.2", "-W", "1", "10.9.9.1"}).ok, "ping failed");
    // Three requests and three replies.
    QCOMPARE(manager.queuedPackets(&error), std::optional<std::uint64_t>(6));

    // Frozen: packets pass by the queue rules, whose counters stay as they were.
    QVERIFY2(manager.freeze(&error), qPrintable(error));
    QVERIFY2(run("ping", {"-c", "2", "-i", "0.2", "-W", "1", "10.9.9.1"}).ok, "ping failed");
    QCOMPARE(manager.queuedPackets(&error), std::optional<std::uint64_t>(6));
    QVERIFY2(manager.remove(&error), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), m_baseline[0]);
    QCOMPARE(saveAll(tools[1]), m_baseline[1]);
}

void TestChainManager::unmanagedFillsUserChains()
{
    // What the module documentation tells a user to do, for both families.
    QVERIFY(restoreBoth("*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n"
                        "-A PREROUTING -p udp -j HAKA-PRE\n-A OUTPUT -p udp -j HAKA-OUT\n"
                        "COMMIT\n"));
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    ChainPlan plan = makePlan(false, {"nfq0"}, 5);
    ChainManager manager(plan);
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    const QString c = owned(plan.ownerPid);
    for (int i = 0; i < 2; ++i) {
        const RawTableState state = RawTableState::parse(run(tools[i] + "-save", {}).out);
        QCOMPARE(state.jumps,
                 QStringList({"-A PREROUTING -p udp -j HAKA-PRE", "-A OUTPUT -p udp -j HAKA-OUT"}));
        QCOMPARE(
            state.chainRules,
            QStringList({"-A HAKA-OUT -o nfq0 " + c + " -j NFQUEUE --queue-num 5 --queue-bypass",
                         "-A HAKA-PRE -i lo " + c + " -j RETURN",
                         "-A HAKA-PRE -i nfq0 " + c + " -j NFQUEUE --queue-num 5 --queue-bypass"}));
    }
    QVERIFY2(manager.remove(&error), qPrintable(error));
    // The chains and the user's jumps stay; the chains are empty again.
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);
    QVERIFY(before[0].contains(":HAKA-PRE - [0:0]"));
}

void TestChainManager::staleRulesRemoved_data()
{
    QTest::addColumn<bool>("staleManaged");
    QTest::addColumn<bool>("userChains");
    QTest::addColumn<bool>("liveStranger"); // the pid is alive, but another program's
    QTest::addColumn<bool>("nowManaged");

    QTest::newRow("managed left by a killed helper") << true << false << false << true;
    QTest::newRow("managed, pid reused by another program") << true << false << true << true;
    QTest::newRow("managed left, now unmanaged") << true << true << false << false;
    QTest::newRow("unmanaged left in the user's chains") << false << true << false << false;
}

void TestChainManager::staleRulesRemoved()
{
    QFETCH(bool, staleManaged);
    QFETCH(bool, userChains);
    QFETCH(bool, liveStranger);
    QFETCH(bool, nowManaged);

    QProcess stranger;
    qint64 stalePid = 0;
    if (liveStranger) {
        stranger.start("sleep", {"60"});
        QVERIFY(stranger.waitForStarted());
        stalePid = stranger.processId();
    } else {
        stalePid = deadPid();
    }
    QVERIFY(stalePid > 0);

    if (userChains) {
        QVERIFY(restoreBoth("*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n"
                            "-A PREROUTING -p udp -j HAKA-PRE\n-A OUTPUT -p udp -j HAKA-OUT\n"
                            "COMMIT\n"));
    }
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    // What a helper that was killed with SIGKILL leaves behind, written by hand.
    ChainPlan stalePlan = makePlan(staleManaged, {"nfq0"}, 1);
    stalePlan.ownerPid = stalePid;
    QByteArray staleScript = nfqmon::ChainScript::install(stalePlan);
    if (staleManaged && userChains) {
        // The user created the chains for the unmanaged run that follows; the stale managed
        // run had them already (it is the script's -N that would fail otherwise).
        staleScript.replace("-N HAKA-PRE\n-N HAKA-OUT\n", "-F HAKA-PRE\n-F HAKA-OUT\n");
    }
    QVERIFY(restoreBoth(staleScript));
    QVERIFY(saveRaw(tools[1]).join('\n').contains(owned(stalePid)));

    ChainPlan plan = makePlan(nowManaged, {"nfq0"}, 1);
    ChainManager manager(plan);
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    for (const QString &tool : tools) {
        const QString raw = saveRaw(tool).join('\n');
        QVERIFY2(!raw.contains(owned(stalePid)), qPrintable(raw));
        QVERIFY2(raw.contains(owned(plan.ownerPid)), qPrintable(raw));
    }
    QVERIFY2(manager.remove(&error), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);

    if (liveStranger) {
        stranger.kill();
        stranger.waitForFinished();
    }
}

void TestChainManager::liveOwnerRefuses()
{
    ChainManager first(makePlan(true, {"nfq0"}));
    QString error;
    QVERIFY2(first.install(&error), qPrintable(error));
    const QStringList installed[2] = {saveAll(tools[0]), saveAll(tools[1])};

    for (const bool managed : {true, false}) {
        ChainManager second(makePlan(managed, {}));
        QVERIFY(!second.install(&error));
        QVERIFY2(error.contains(QStringLiteral("in use by")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("(pid %1)").arg(::getpid())), qPrintable(error));
    } // the refused managers' destructors must not take the first one's rules away
    QCOMPARE(saveAll(tools[0]), installed[0]);
    QCOMPARE(saveAll(tools[1]), installed[1]);

    QVERIFY2(first.remove(&error), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), m_baseline[0]);
    QCOMPARE(saveAll(tools[1]), m_baseline[1]);
}

void TestChainManager::badInterfaceRefused_data()
{
    QTest::addColumn<bool>("managed");
    QTest::addColumn<QStringList>("interfaces");
    QTest::addColumn<QString>("inError");

    QTest::newRow("unknown") << true << QStringList{"nfq0", "nosuch0"} << "nosuch0";
    QTest::newRow("unknown, unmanaged") << false << QStringList{"nosuch0"} << "nosuch0";
    QTest::newRow("rule injection") << true << QStringList{"nfq0\n-A INPUT -j DROP"} << "newline";
    QTest::newRow("option") << true << QStringList{"-j ACCEPT"} << "'-'";
    QTest::newRow("too long") << true << QStringList{"nfq0nfq0nfq0nfq0"} << "16 bytes";
    QTest::newRow("quote, unmanaged") << false << QStringList{"nfq0\""} << "nfq0";
}

void TestChainManager::badInterfaceRefused()
{
    QFETCH(bool, managed);
    QFETCH(QStringList, interfaces);
    QFETCH(QString, inError);
    if (!managed)
        QVERIFY(restoreBoth("*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\nCOMMIT\n"));
    const QStringList before[2] = {saveAll(tools[0]), saveAll(tools[1])};

    ChainManager manager(makePlan(managed, interfaces));
    QString error;
    QVERIFY(!manager.install(&error));
    QVERIFY(!manager.isInstalled());
    QVERIFY2(error.contains(inError), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), before[0]);
    QCOMPARE(saveAll(tools[1]), before[1]);
}

void TestChainManager::removeAfterJumpDeletedByHand()
{
    ChainPlan plan = makePlan(true, {"nfq0"});
    ChainManager manager(plan);
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    const Result deleted = run(
        "ip6tables", {"-t", "raw", "-D", "PREROUTING", "-i", "nfq0", "-m", "comment", "--comment",
                      nfqmon::ChainScript::ownerComment(plan.ownerPid), "-j", "HAKA-PRE"});
    QVERIFY2(deleted.ok, qPrintable(deleted.error));
    QVERIFY2(manager.remove(&error), qPrintable(error));
    QCOMPARE(saveAll(tools[0]), m_baseline[0]);
    QCOMPARE(saveAll(tools[1]), m_baseline[1]);
}

void TestChainManager::destructorRemoves()
{
    {
        ChainManager manager(makePlan(true, {}));
        QString error;
        QVERIFY2(manager.install(&error), qPrintable(error));
        QVERIFY(saveAll(tools[1]).contains(":HAKA-PRE - [0:0]"));
    }
    QCOMPARE(saveAll(tools[0]), m_baseline[0]);
    QCOMPARE(saveAll(tools[1]), m_baseline[1]);
}

void TestChainManager::reportShowsUserJumps()
{
    ChainReport report = ChainManager::report();
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QVERIFY(!report.preExists);
    QVERIFY(!report.outExists);
    QVERIFY(report.jumps.isEmpty());

    // IPv4 has both chains and a jump, IPv6 only HAKA-PRE.
    QVERIFY(run("iptables-restore", {"--noflush"},
                "*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n-A PREROUTING -p udp -j HAKA-PRE\n"
                "COMMIT\n")
                .ok);
    QVERIFY(run("ip6tables-restore", {"--noflush"},
                "*raw\n:HAKA-PRE - [0:0]\n-A PREROUTING -p tcp -j HAKA-PRE\nCOMMIT\n")
                .ok);
    report = ChainManager::report();
    QVERIFY(report.preExists);
    QVERIFY(!report.outExists);
    QVERIFY(report.ipv4.outExists);
    QVERIFY(!report.ipv6.outExists);
    QCOMPARE(report.ipv4.jumps, QStringList{"-A PREROUTING -p udp -j HAKA-PRE"});
    QCOMPARE(report.ipv6.jumps, QStringList{"-A PREROUTING -p tcp -j HAKA-PRE"});
    QCOMPARE(report.jumps,
             QStringList({"-A PREROUTING -p udp -j HAKA-PRE", "-A PREROUTING -p tcp -j HAKA-PRE"}));

    // While a capture is installed, its own jumps are not the user's.
    QVERIFY(run("nft", {"flush", "ruleset"}).ok);
    ChainManager manager(makePlan(true, {"nfq0"}));
    QString error;
    QVERIFY2(manager.install(&error), qPrintable(error));
    report = ChainManager::report();
    QVERIFY(report.preExists);
    QVERIFY(report.outExists);
    QVERIFY2(report.jumps.isEmpty(), qPrintable(report.jumps.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestChainManager)
#include "tst_chainmanager.moc"
