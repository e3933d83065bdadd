// The exact iptables-restore scripts nfqmon writes, and how it reads iptables-save output.
#include "helper/engine/ChainScript.h"

#include <QTest>

using nfqmon::ChainPlan;
using nfqmon::RawTableState;
namespace ChainScript = nfqmon::ChainScript;

Q_DECLARE_METATYPE(ChainPlan)

namespace {

ChainPlan makePlan(bool managed, const QStringList &interfaces, std::uint16_t queue = 0,
                   std::uint16_t count = 1, qint64 pid = 4242)
{
    ChainPlan plan;
    plan.manageJumps = managed;
    plan.interfaces = interfaces;
    plan.queueNumber = queue;
    plan.queueCount = count;
    plan.ownerPid = pid;
    return plan;
}

QByteArray lines(const QStringList &list)
{
    return (list.join(u'\n') + u'\n').toUtf8();
}

const QString C = QStringLiteral("-m comment --comment \"nfqmon:pid=4242\"");

} // namespace

class TestChainScript : public QObject
{
    Q_OBJECT

private slots:
    void ownerComment();

    void install_data();
    void install();

    void ownConnectionPassesUnseen_data();
    void ownConnectionPassesUnseen();
    void decidedFlowsAreMatchedBeforeTheQueue_data();
    void decidedFlowsAreMatchedBeforeTheQueue();
    void remove_data();
    void remove();

    void invalidPlan_data();
    void invalidPlan();

    void createCommands();
    void createCommandsOfOneFamily();
    void freeze();

    void parse_data();
    void parse();
    void queueRuleCounters();

    void removeOwned_data();
    void removeOwned();
};

void TestChainScript::ownerComment()
{
    QCOMPARE(ChainScript::ownerComment(17), QStringLiteral("nfqmon:pid=17"));
}

void TestChainScript::install_data()
{
    QTest::addColumn<ChainPlan>("plan");
    QTest::addColumn<QByteArray>("script");

    const QString q0 = QStringLiteral("-j NFQUEUE --queue-num 0 --queue-bypass");
    QTest::newRow("managed, any interface")
        << makePlan(true, {})
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
                  "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT",
                  "COMMIT"});
    QTest::newRow("managed, one interface")
        << makePlan(true, {"eth1"}, 3)
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + " -j NFQUEUE --queue-num 3 --queue-bypass",
                  "-A HAKA-OUT " + C + " -j NFQUEUE --queue-num 3 --queue-bypass",
                  "-I PREROUTING -i eth1 " + C + " -j HAKA-PRE",
                  "-I OUTPUT -o eth1 " + C + " -j HAKA-OUT", "COMMIT"});
    QTest::newRow("managed, two interfaces")
        << makePlan(true, {"eth1", "wlan0"})
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
                  "-I PREROUTING -i eth1 " + C + " -j HAKA-PRE",
                  "-I PREROUTING -i wlan0 " + C + " -j HAKA-PRE",
                  "-I OUTPUT -o eth1 " + C + " -j HAKA-OUT",
                  "-I OUTPUT -o wlan0 " + C + " -j HAKA-OUT", "COMMIT"});
    QTest::newRow("managed, four queues")
        << makePlan(true, {}, 10, 4)
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + " -j NFQUEUE --queue-balance 10:13 --queue-bypass",
                  "-A HAKA-OUT " + C + " -j NFQUEUE --queue-balance 10:13 --queue-bypass",
                  "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT",
                  "COMMIT"});
    QTest::newRow("managed, last queues")
        << makePlan(true, {}, 65534, 2)
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + " -j NFQUEUE --queue-balance 65534:65535 --queue-bypass",
                  "-A HAKA-OUT " + C + " -j NFQUEUE --queue-balance 65534:65535 --queue-bypass",
                  "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT",
                  "COMMIT"});
    QTest::newRow("unmanaged, any interface")
        << makePlan(false, {})
        << lines({"*raw", "-F HAKA-PRE", "-F HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0, "COMMIT"});
    QTest::newRow("unmanaged, two interfaces")
        << makePlan(false, {"eth1", "eth2"})
        << lines({"*raw", "-F HAKA-PRE", "-F HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE -i eth1 " + C + ' ' + q0, "-A HAKA-PRE -i eth2 " + C + ' ' + q0,
                  "-A HAKA-OUT -o eth1 " + C + ' ' + q0, "-A HAKA-OUT -o eth2 " + C + ' ' + q0,
                  "COMMIT"});
}

void TestChainScript::install()
{
    QFETCH(ChainPlan, plan);
    QFETCH(QByteArray, script);
    QString error;
    QVERIFY2(ChainScript::validate(plan, &error), qPrintable(error));
    QCOMPARE(ChainScript::install(plan), script);
}

// The SSH connection a remote caller captures through: RETURN both ways in both chains, before
// the queue rules, in its own family's script only.
void TestChainScript::ownConnectionPassesUnseen_data()
{
    QTest::addColumn<QString>("connection");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QByteArray>("script");
    const QString q0 = QStringLiteral("-j NFQUEUE --queue-num 0 --queue-bypass");
    const QString in4 = QStringLiteral("-p tcp -s 10.0.0.1 --sport 40000 -d 10.0.0.2 --dport 22 ");
    const QString out4 = QStringLiteral("-p tcp -s 10.0.0.2 --sport 22 -d 10.0.0.1 --dport 40000 ");
    const QByteArray v4 =
        lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
               "-A HAKA-PRE " + in4 + C + " -j RETURN", "-A HAKA-PRE " + out4 + C + " -j RETURN",
               "-A HAKA-OUT " + in4 + C + " -j RETURN", "-A HAKA-OUT " + out4 + C + " -j RETURN",
               "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
               "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT", "COMMIT"});
    const QByteArray none =
        lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
               "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
               "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT", "COMMIT"});
    QTest::newRow("IPv4, its script") << "10.0.0.1 40000 10.0.0.2 22" << false << v4;
    QTest::newRow("IPv4-mapped, the IPv4 script")
        << "::ffff:10.0.0.1 40000 ::ffff:10.0.0.2 22" << false << v4;
    QTest::newRow("IPv4, not in the IPv6 script") << "10.0.0.1 40000 10.0.0.2 22" << true << none;
    const QString in6 = QStringLiteral("-p tcp -s fd00::1 --sport 40000 -d fd00::2 --dport 22 ");
    const QString out6 = QStringLiteral("-p tcp -s fd00::2 --sport 22 -d fd00::1 --dport 40000 ");
    QTest::newRow("IPv6, its script (canonical addresses)")
        << "fd00:0::1 40000 fd00::0002 22" << true
        << lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
                  "-A HAKA-PRE " + in6 + C + " -j RETURN", "-A HAKA-PRE " + out6 + C + " -j RETURN",
                  "-A HAKA-OUT " + in6 + C + " -j RETURN", "-A HAKA-OUT " + out6 + C + " -j RETURN",
                  "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
                  "-I PREROUTING " + C + " -j HAKA-PRE", "-I OUTPUT " + C + " -j HAKA-OUT",
                  "COMMIT"});
}

void TestChainScript::ownConnectionPassesUnseen()
{
    QFETCH(QString, connection);
    QFETCH(bool, ipv6);
    QFETCH(QByteArray, script);
    ChainPlan plan = makePlan(true, {});
    QString error;
    plan.ownConnection = nfqmon::SshConnection::parse(connection, &error);
    QVERIFY2(plan.ownConnection, qPrintable(error));
    QCOMPARE(ChainScript::install(plan, ipv6), script);
}

// With an inspection depth: the bypass programs pass or drop a decided flow's packets in each
// chain, after the loopback and before any queue rule, in both families' scripts.
void TestChainScript::decidedFlowsAreMatchedBeforeTheQueue_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("IPv4") << false;
    QTest::newRow("IPv6") << true;
}

void TestChainScript::decidedFlowsAreMatchedBeforeTheQueue()
{
    QFETCH(bool, ipv6);
    ChainPlan plan = makePlan(true, {QStringLiteral("eth0")});
    plan.bypassPass = QStringLiteral("/sys/fs/bpf/nfqmon/4242-q0/pass");
    plan.bypassDrop = QStringLiteral("/sys/fs/bpf/nfqmon/4242-q0/drop");
    const QString pass = QStringLiteral("-m bpf --object-pinned /sys/fs/bpf/nfqmon/4242-q0/pass ");
    const QString drop = QStringLiteral("-m bpf --object-pinned /sys/fs/bpf/nfqmon/4242-q0/drop ");
    const QString q0 = QStringLiteral("-j NFQUEUE --queue-num 0 --queue-bypass");
    QCOMPARE(
        ChainScript::install(plan, ipv6),
        lines({"*raw", "-N HAKA-PRE", "-N HAKA-OUT", "-A HAKA-PRE -i lo " + C + " -j RETURN",
               "-A HAKA-PRE " + pass + C + " -j RETURN", "-A HAKA-PRE " + drop + C + " -j DROP",
               "-A HAKA-OUT " + pass + C + " -j RETURN", "-A HAKA-OUT " + drop + C + " -j DROP",
               "-A HAKA-PRE " + C + ' ' + q0, "-A HAKA-OUT " + C + ' ' + q0,
               "-I PREROUTING -i eth0 " + C + " -j HAKA-PRE",
               "-I OUTPUT -o eth0 " + C + " -j HAKA-OUT", "COMMIT"}));
}

void TestChainScript::remove_data()
{
    QTest::addColumn<ChainPlan>("plan");
    QTest::addColumn<QByteArray>("script");

    const QStringList dropChains{"-F HAKA-PRE", "-X HAKA-PRE", "-F HAKA-OUT", "-X HAKA-OUT"};
    QTest::newRow("managed, any interface")
        << makePlan(true, {})
        << lines(QStringList{"*raw", "-D PREROUTING " + C + " -j HAKA-PRE",
                             "-D OUTPUT " + C + " -j HAKA-OUT"} +
                 dropChains + QStringList{"COMMIT"});
    QTest::newRow("managed, two interfaces")
        << makePlan(true, {"eth1", "wlan0"})
        << lines(QStringList{"*raw", "-D PREROUTING -i eth1 " + C + " -j HAKA-PRE",
                             "-D PREROUTING -i wlan0 " + C + " -j HAKA-PRE",
                             "-D OUTPUT -o eth1 " + C + " -j HAKA-OUT",
                             "-D OUTPUT -o wlan0 " + C + " -j HAKA-OUT"} +
                 dropChains + QStringList{"COMMIT"});
    QTest::newRow("unmanaged") << makePlan(false, {"eth1"})
                               << lines({"*raw", "-F HAKA-PRE", "-F HAKA-OUT", "COMMIT"});
}

void TestChainScript::remove()
{
    QFETCH(ChainPlan, plan);
    QFETCH(QByteArray, script);
    QCOMPARE(ChainScript::remove(plan), script);
}

void TestChainScript::invalidPlan_data()
{
    QTest::addColumn<ChainPlan>("plan");
    QTest::addColumn<QString>("inError"); // a word the sentence must contain

    QTest::newRow("16 characters") << makePlan(true, {"abcdefghijklmnop"}) << "16 bytes";
    QTest::newRow("space") << makePlan(true, {"eth 0"}) << "space";
    QTest::newRow("newline") << makePlan(true, {"eth0\n-A INPUT -j ACCEPT"}) << "newline";
    QTest::newRow("newline, unmanaged")
        << makePlan(false, {"eth0\n-A INPUT -j ACCEPT"}) << "newline";
    QTest::newRow("option") << makePlan(true, {"-A INPUT -j ACCEPT"}) << "'-'";
    QTest::newRow("double quote") << makePlan(true, {"eth0\"x"}) << "eth0";
    QTest::newRow("single quotes") << makePlan(false, {"'eth0'"}) << "eth0";
    QTest::newRow("wildcard") << makePlan(true, {"eth+"}) << "wildcard";
    QTest::newRow("empty name") << makePlan(true, {""}) << "empty";
    QTest::newRow("second name bad") << makePlan(true, {"eth0", "eth1 eth2"}) << "space";
    QTest::newRow("twice") << makePlan(true, {"eth0", "eth0"}) << "twice";
    QTest::newRow("no queue") << makePlan(true, {}, 0, 0) << "queue";
    QTest::newRow("past 65535") << makePlan(true, {}, 65535, 2) << "65535";
    QTest::newRow("no owner") << makePlan(true, {}, 0, 1, 0) << "owner";
}

void TestChainScript::invalidPlan()
{
    QFETCH(ChainPlan, plan);
    QFETCH(QString, inError);
    QString error;
    QVERIFY(!ChainScript::validate(plan, &error));
    QVERIFY2(error.contains(inError), qPrintable(error));
    QVERIFY(ChainScript::install(plan).isEmpty());
    QVERIFY(ChainScript::remove(plan).isEmpty());
}

void TestChainScript::createCommands()
{
    const QStringList commands = ChainScript::createCommands().split(u'\n');
    for (const char *tool : {"iptables", "ip6tables"}) {
        const QString t = QLatin1String(tool);
        for (const QString &expected :
             {t + " -t raw -N HAKA-PRE", t + " -t raw -N HAKA-OUT",
              t + " -t raw -A PREROUTING -j HAKA-PRE", t + " -t raw -A OUTPUT -j HAKA-OUT",
              t + " -t raw -A PREROUTING -p udp -j HAKA-PRE",
              t + " -t raw -A OUTPUT -p udp -j HAKA-OUT"})
            QVERIFY2(commands.contains(expected), qPrintable(expected));
    }
    // Creating comes before jumping: a user pasting the lines in order must succeed.
    QVERIFY(commands.indexOf("ip6tables -t raw -N HAKA-OUT") <
            commands.indexOf("iptables -t raw -A PREROUTING -j HAKA-PRE"));
}

void TestChainScript::createCommandsOfOneFamily()
{
    // What the helper prints for the family it leaves out: that family's commands only.
    const QString v6 = ChainScript::createCommands(QStringLiteral("ip6tables"));
    for (const char *expected :
         {"ip6tables -t raw -N HAKA-PRE", "ip6tables -t raw -N HAKA-OUT",
          "ip6tables -t raw -A PREROUTING -j HAKA-PRE", "ip6tables -t raw -A OUTPUT -j HAKA-OUT"})
        QVERIFY2(v6.split(u'\n').contains(QLatin1String(expected)), qPrintable(v6));
    QVERIFY2(!v6.contains(QLatin1String("iptables ")), qPrintable(v6));
}

void TestChainScript::freeze()
{
    ChainPlan plan;
    plan.ownerPid = 4242;
    QCOMPARE(ChainScript::freeze(plan),
             QByteArray("*raw\n-I HAKA-PRE 1 " + C.toUtf8() + " -j RETURN\n-I HAKA-OUT 1 " +
                        C.toUtf8() + " -j RETURN\nCOMMIT\n"));
    plan.ownerPid = 0;
    QVERIFY(ChainScript::freeze(plan).isEmpty());
}

void TestChainScript::queueRuleCounters()
{
    // iptables-save -c: the queue rules' packet counters, which say how many packets reached
    // the queue; nfqmon's RETURN rules and the user's lines are not queue rules.
    const RawTableState state = RawTableState::parse(lines(
        {"*raw", ":PREROUTING ACCEPT [10:800]", ":HAKA-PRE - [0:0]", ":HAKA-OUT - [0:0]",
         "[7:560] -A PREROUTING -p udp -j HAKA-PRE",
         "[3:240] -A HAKA-PRE -i lo " + C + " -j RETURN",
         "[18446744073709551615:1] -A HAKA-PRE " + C + " -j NFQUEUE --queue-num 0 --queue-bypass",
         "[12:960] -A HAKA-OUT " + C + " -j NFQUEUE --queue-num 0 --queue-bypass", "COMMIT"}));
    QCOMPARE(state.owned.size(), 3);
    QCOMPARE(state.owned[0].queues, false);
    QCOMPARE(state.owned[0].packets, std::uint64_t(3));
    QCOMPARE(state.owned[1].queues, true);
    QCOMPARE(state.owned[1].packets, std::uint64_t(18446744073709551615ULL));
    QCOMPARE(state.owned[2].queues, true);
    QCOMPARE(state.owned[2].packets, std::uint64_t(12));
    QVERIFY(!state.owned[2].line.startsWith(u'['));
}

void TestChainScript::parse_data()
{
    QTest::addColumn<QByteArray>("save");
    QTest::addColumn<bool>("hasPre");
    QTest::addColumn<bool>("hasOut");
    QTest::addColumn<QStringList>("chainRules");
    QTest::addColumn<QStringList>("jumps");
    QTest::addColumn<QStringList>("userJumps");
    QTest::addColumn<QStringList>("ownedLines");
    QTest::addColumn<QList<qint64>>("ownedPids");

    QTest::newRow("empty table") << lines({"# Generated by iptables-save v1.8.9 (nf_tables)",
                                           "*raw", ":PREROUTING ACCEPT [0:0]",
                                           ":OUTPUT ACCEPT [0:0]", "COMMIT", "# Completed"})
                                 << false << false << QStringList() << QStringList()
                                 << QStringList() << QStringList() << QList<qint64>();
    QTest::newRow("no raw table at all")
        << lines({"*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -j HAKA-PRE", "COMMIT"}) << false
        << false << QStringList() << QStringList() << QStringList() << QStringList()
        << QList<qint64>();

    const QString jumpPre = "-A PREROUTING -i eth0 -m comment --comment \"nfqmon:pid=812\" -j "
                            "HAKA-PRE";
    const QString jumpOut = "-A OUTPUT -o eth0 -m comment --comment \"nfqmon:pid=812\" -j HAKA-OUT";
    const QString ret = "-A HAKA-PRE -i lo -m comment --comment \"nfqmon:pid=812\" -j RETURN";
    const QString queuePre = "-A HAKA-PRE -m comment --comment \"nfqmon:pid=812\" -j NFQUEUE "
                             "--queue-num 0 --queue-bypass";
    const QString queueOut = "-A HAKA-OUT -m comment --comment \"nfqmon:pid=812\" -j NFQUEUE "
                             "--queue-num 0 --queue-bypass";
    QTest::newRow("managed install, IPv4, among other tables")
        << lines({"*filter",
                  ":INPUT ACCEPT [0:0]",
                  "-A INPUT -p tcp --dport 22 -j ACCEPT",
                  "COMMIT",
                  "*raw",
                  ":PREROUTING ACCEPT [0:0]",
                  ":OUTPUT ACCEPT [0:0]",
                  ":HAKA-PRE - [0:0]",
                  ":HAKA-OUT - [0:0]",
                  jumpPre,
                  "-A PREROUTING -p tcp --dport 80 -j NOTRACK",
                  jumpOut,
                  ret,
                  queuePre,
                  queueOut,
                  "COMMIT",
                  "*mangle",
                  ":OUTPUT ACCEPT [0:0]",
                  "-A OUTPUT -m comment --comment \"nfqmon:pid=5\" -j ACCEPT",
                  "COMMIT"})
        << true << true << QStringList{ret, queuePre, queueOut} << QStringList{jumpPre, jumpOut}
        << QStringList() << QStringList{jumpPre, jumpOut, ret, queuePre, queueOut}
        << QList<qint64>{812, 812, 812, 812, 812};

    QTest::newRow("user chains and UDP jumps, IPv6, with counters")
        << lines({"# Generated by ip6tables-save v1.8.9 (nf_tables) on Sat", "*raw",
                  ":PREROUTING ACCEPT [10:800]", ":OUTPUT ACCEPT [3:240]", ":HAKA-PRE - [0:0]",
                  ":HAKA-OUT - [0:0]", "[5:400] -A PREROUTING -p udp -j HAKA-PRE",
                  "[0:0] -A OUTPUT -p udp -g HAKA-OUT", "[0:0] -A OUTPUT -p tcp -j HAKA-OUTPUT",
                  "[1:80] -A HAKA-PRE -m comment --comment \"nfqmon:pid=99\" -j NFQUEUE "
                  "--queue-balance 2:3 --queue-bypass",
                  "COMMIT"})
        << true << true
        << QStringList{"-A HAKA-PRE -m comment --comment \"nfqmon:pid=99\" -j NFQUEUE "
                       "--queue-balance 2:3 --queue-bypass"}
        << QStringList{"-A PREROUTING -p udp -j HAKA-PRE", "-A OUTPUT -p udp -g HAKA-OUT"}
        << QStringList{"-A PREROUTING -p udp -j HAKA-PRE", "-A OUTPUT -p udp -g HAKA-OUT"}
        << QStringList{"-A HAKA-PRE -m comment --comment \"nfqmon:pid=99\" -j NFQUEUE "
                       "--queue-balance 2:3 --queue-bypass"}
        << QList<qint64>{99};

    QTest::newRow("only one chain")
        << lines({"*raw", ":PREROUTING ACCEPT [0:0]", ":HAKA-OUT - [0:0]", "COMMIT"}) << false
        << true << QStringList() << QStringList() << QStringList() << QStringList()
        << QList<qint64>();

    // Comments that merely look like nfqmon's are the user's, and quoted text is not a target.
    const QString lookalike1 = "-A PREROUTING -m comment --comment \"nfqmon:pid=7 x\" -j ACCEPT";
    const QString lookalike2 = "-A PREROUTING -m comment --comment \"nfqmon:pid=007\" -j ACCEPT";
    const QString lookalike3 = "-A PREROUTING -m comment --comment \"x nfqmon:pid=7\" -j ACCEPT";
    const QString quotedTarget = "-A PREROUTING -m comment --comment \"-j HAKA-PRE\" -j ACCEPT";
    const QString escaped = "-A PREROUTING -m comment --comment \"a \\\"b\\\" -j HAKA-OUT\" -j "
                            "HAKA-PRE";
    const QString unquoted = "-A OUTPUT -m comment --comment nfqmon:pid=31 -j HAKA-OUT";
    QTest::newRow("look-alike comments and quoting")
        << lines({"*raw", ":HAKA-PRE - [0:0]", ":HAKA-OUT - [0:0]", lookalike1, lookalike2,
                  lookalike3, quotedTarget, escaped, unquoted, "COMMIT"})
        << true << true << QStringList() << QStringList{escaped, unquoted} << QStringList{escaped}
        << QStringList{unquoted} << QList<qint64>{31};
}

void TestChainScript::parse()
{
    QFETCH(QByteArray, save);
    QFETCH(bool, hasPre);
    QFETCH(bool, hasOut);
    QFETCH(QStringList, chainRules);
    QFETCH(QStringList, jumps);
    QFETCH(QStringList, userJumps);
    QFETCH(QStringList, ownedLines);
    QFETCH(QList<qint64>, ownedPids);

    const RawTableState state = RawTableState::parse(save);
    QCOMPARE(state.hasPreChain, hasPre);
    QCOMPARE(state.hasOutChain, hasOut);
    QCOMPARE(state.chainRules, chainRules);
    QCOMPARE(state.jumps, jumps);
    QCOMPARE(state.userJumps(), userJumps);
    QStringList lines;
    QList<qint64> pids;
    for (const RawTableState::Owned &owned : state.owned) {
        lines.append(owned.line);
        pids.append(owned.pid);
    }
    QCOMPARE(lines, ownedLines);
    QCOMPARE(pids, ownedPids);
}

void TestChainScript::removeOwned_data()
{
    QTest::addColumn<QByteArray>("save");
    QTest::addColumn<QList<qint64>>("pids");
    QTest::addColumn<bool>("ownChains");
    QTest::addColumn<QByteArray>("script");

    const QString c812 = "-m comment --comment \"nfqmon:pid=812\"";
    const QByteArray managed =
        lines({"*raw", ":PREROUTING ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":HAKA-PRE - [0:0]",
               ":HAKA-OUT - [0:0]", "-A PREROUTING -i eth0 " + c812 + " -j HAKA-PRE",
               "-A PREROUTING -p tcp -j NOTRACK", "-A OUTPUT -o eth0 " + c812 + " -j HAKA-OUT",
               "-A HAKA-PRE -i lo " + c812 + " -j RETURN",
               "-A HAKA-PRE " + c812 + " -j NFQUEUE --queue-num 0 --queue-bypass",
               "-A HAKA-OUT " + c812 + " -j NFQUEUE --queue-num 0 --queue-bypass", "COMMIT"});
    QTest::newRow("stale managed install: jumps and chains go")
        << managed << QList<qint64>{812} << false
        << lines({"*raw", "-D PREROUTING -i eth0 " + c812 + " -j HAKA-PRE",
                  "-D OUTPUT -o eth0 " + c812 + " -j HAKA-OUT", "-F HAKA-PRE", "-F HAKA-OUT",
                  "-X HAKA-PRE", "-X HAKA-OUT", "COMMIT"});
    QTest::newRow("other owner: nothing to do")
        << managed << QList<qint64>{813} << false << QByteArray();

    const QByteArray unmanaged =
        lines({"*raw", ":HAKA-PRE - [0:0]", ":HAKA-OUT - [0:0]", "-A PREROUTING -p udp -j HAKA-PRE",
               "-A OUTPUT -p udp -j HAKA-OUT", "-A HAKA-PRE -i lo " + c812 + " -j RETURN",
               "-A HAKA-PRE " + c812 + " -j NFQUEUE --queue-num 0 --queue-bypass", "COMMIT"});
    QTest::newRow("stale unmanaged install: the user's chain is only flushed")
        << unmanaged << QList<qint64>{812} << false << lines({"*raw", "-F HAKA-PRE", "COMMIT"});
    QTest::newRow("own managed chains, jumped to by a user rule since")
        << unmanaged << QList<qint64>{812} << true
        << lines({"*raw", "-F HAKA-PRE", "-F HAKA-OUT", "COMMIT"});
    QTest::newRow("own managed chains whose jumps someone deleted")
        << lines({"*raw", ":HAKA-PRE - [0:0]", ":HAKA-OUT - [0:0]",
                  "-A HAKA-OUT " + c812 + " -j NFQUEUE --queue-num 0 --queue-bypass", "COMMIT"})
        << QList<qint64>{812} << true
        << lines({"*raw", "-F HAKA-PRE", "-F HAKA-OUT", "-X HAKA-PRE", "-X HAKA-OUT", "COMMIT"});
}

void TestChainScript::removeOwned()
{
    QFETCH(QByteArray, save);
    QFETCH(QList<qint64>, pids);
    QFETCH(bool, ownChains);
    QFETCH(QByteArray, script);
    QCOMPARE(ChainScript::removeOwned(RawTableState::parse(save), pids, ownChains), script);
}

QTEST_APPLESS_MAIN(TestChainScript)
#include "tst_chainscript.moc"
