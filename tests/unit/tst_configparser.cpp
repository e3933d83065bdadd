// The headless config file: Haka's documented examples must give the options they describe, and
// every mistake must come back as "FILE:LINE: problem" pointing at the line to fix.
#include "helper/config/ConfigParser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pcap/pcap.h>

using namespace nfqmon;

namespace {

const QString fileName = QStringLiteral("nfqmon.conf");

const QString knownKeys = QStringLiteral(
    "interfaces, dump, dump_input, dump_output, enable_iptables, attribution, "
    "queue, queues, snaplen, queue_maxlen, status_interval, rule, module, log, host_names, "
    "metrics_file, inspect_packets");

// libpcap's own message for an expression it refuses on link type RAW; empty when it compiles.
QString pcapMessage(const QString &expression)
{
    pcap_t *handle = pcap_open_dead(DLT_RAW, 65535);
    bpf_program program{};
    QString message;
    if (pcap_compile(handle, &program, expression.toUtf8().constData(), 1, PCAP_NETMASK_UNKNOWN) !=
        0)
        message = QString::fromLocal8Bit(pcap_geterr(handle));
    else
        pcap_freecode(&program);
    pcap_close(handle);
    return message;
}

// One rule as a line a person can read in a failure message.
QString describe(const Rule &rule)
{
    const QString action =
        rule.action == RuleAction::Drop ? QStringLiteral("drop") : QStringLiteral("accept");
    const QString direction = rule.direction == RuleDirection::In    ? QStringLiteral("in")
                              : rule.direction == RuleDirection::Out ? QStringLiteral("out")
                                                                     : QStringLiteral("both");
    QString owner;
    if (!rule.program.isEmpty())
        owner += QStringLiteral(" program=") + rule.program;
    if (rule.user)
        owner += QStringLiteral(" user=%1").arg(*rule.user);
    if (!rule.unit.isEmpty())
        owner += QStringLiteral(" unit=") + rule.unit;
    if (!rule.host.isEmpty())
        owner += QStringLiteral(" hostname=") + rule.host;
    return QStringLiteral("%1 %2 %3 on=%4%5 [%6]%7")
        .arg(rule.id)
        .arg(action, direction, rule.interface.isEmpty() ? QStringLiteral("*") : rule.interface,
             owner, rule.expression, rule.enabled ? QString() : QStringLiteral(" disabled"));
}

QStringList describe(const std::vector<Rule> &rules)
{
    QStringList lines;
    for (const Rule &rule : rules)
        lines.append(describe(rule));
    return lines;
}

} // namespace

class TestConfigParser : public QObject
{
    Q_OBJECT

private slots:
    void documentedExamples_data();
    void documentedExamples();
    void defaults();
    void log_data();
    void log();
    void booleans_data();
    void booleans();
    void numbers_data();
    void numbers();
    void rules_data();
    void rules();
    void errors_data();
    void errors();
    void severalErrorsAtOnce();
    void ruleThatDoesNotCompile_data();
    void ruleThatDoesNotCompile();
    void parseRuleAlone_data();
    void parseRuleAlone();
    void parseFile();
    void parseFileRefuses_data();
    void parseFileRefuses();
    void parseFileSizeLimit_data();
    void parseFileSizeLimit();
};

void TestConfigParser::documentedExamples_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("any");
    QTest::addColumn<QStringList>("interfaces");
    QTest::addColumn<bool>("dump");
    QTest::addColumn<QString>("dumpInput");
    QTest::addColumn<QString>("dumpOutput");
    QTest::addColumn<bool>("enableIptables");

    const QStringList lo{QStringLiteral("lo")};
    QTest::newRow("loopback") << QStringLiteral("# Capture loopback traffic\ninterfaces = \"lo\"\n")
                              << false << lo << false << QString() << QString() << true;
    QTest::newRow("eth1, eth2 (space trimmed)")
        << QStringLiteral("# Capture on interface eth1 and eth2\ninterfaces = \"eth1, eth2\"\n")
        << false << QStringList{QStringLiteral("eth1"), QStringLiteral("eth2")} << false
        << QString() << QString() << true;
    QTest::newRow("any") << QStringLiteral("# Capture on all interfaces\ninterfaces = \"any\"\n")
                         << true << QStringList{} << false << QString() << QString() << true;
    QTest::newRow("dump input")
        << QStringLiteral("interfaces = \"lo\"\ndump = true\ndump_input = \"/tmp/input.pcap\"\n")
        << false << lo << true << QStringLiteral("/tmp/input.pcap") << QString() << true;
    QTest::newRow("dump both") << QStringLiteral("interfaces = \"lo\"\ndump = true\n"
                                                 "dump_input = \"/tmp/input.pcap\"\n"
                                                 "dump_output = \"/tmp/output.pcap\"\n")
                               << false << lo << true << QStringLiteral("/tmp/input.pcap")
                               << QStringLiteral("/tmp/output.pcap") << true;
    QTest::newRow("enable_iptables = no")
        << QStringLiteral("interfaces = \"lo\"\nenable_iptables = no\n") << false << lo << false
        << QString() << QString() << false;
    QTest::newRow("enable_iptables = yes")
        << QStringLiteral("interfaces = \"lo\"\nenable_iptables = yes\n") << false << lo << false
        << QString() << QString() << true;
    QTest::newRow("Haka file with sections")
        << QStringLiteral("[general]\n; Haka's own comment style\n\n[packet]\n"
                          "module = \"packet/nfqueue\"\ninterfaces = \"lo\"\n"
                          "dump = yes\ndump_output = \"/var/tmp/accepted.pcap\"\n"
                          "[log]  # trailing comment\n")
        << false << lo << true << QString() << QStringLiteral("/var/tmp/accepted.pcap") << true;
    QTest::newRow("bare values, inline comments, odd spacing")
        << QStringLiteral("   interfaces=eth0 , wlan0   # two cards\n"
                          "dump\t=\tON ; yes, on\n"
                          "dump_input = /srv/dumps/in.pcap\n")
        << false << QStringList{QStringLiteral("eth0"), QStringLiteral("wlan0")} << true
        << QStringLiteral("/srv/dumps/in.pcap") << QString() << true;
    QTest::newRow("CRLF line ends and a byte-order mark")
        << QStringLiteral("\ufeffinterfaces = \"lo\"\r\nenable_iptables = off\r\n") << false << lo
        << false << QString() << QString() << false;
    QTest::newRow("escapes in a quoted path")
        << QStringLiteral("interfaces = lo\ndump = 1\n"
                          "dump_input = \"/tmp/say \\\"hi\\\" \\\\ #1.pcap\"  # comment\n")
        << false << lo << true << QStringLiteral("/tmp/say \"hi\" \\ #1.pcap") << QString() << true;
    QTest::newRow("';' inside a bare value is not a comment")
        << QStringLiteral("interfaces = lo\ndump = true\ndump_input = /tmp/a;b.pcap\n") << false
        << lo << true << QStringLiteral("/tmp/a;b.pcap") << QString() << true;
}

void TestConfigParser::documentedExamples()
{
    QFETCH(QString, text);
    QFETCH(bool, any);
    QFETCH(QStringList, interfaces);
    QFETCH(bool, dump);
    QFETCH(QString, dumpInput);
    QFETCH(QString, dumpOutput);
    QFETCH(bool, enableIptables);

    QString error;
    const std::optional<CaptureOptions> options = ConfigParser::parse(text, fileName, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->anyInterface, any);
    QCOMPARE(options->interfaces, interfaces);
    QCOMPARE(options->dump, dump);
    QCOMPARE(options->dumpInput, dumpInput);
    QCOMPARE(options->dumpOutput, dumpOutput);
    QCOMPARE(options->enableIptables, enableIptables);
}

void TestConfigParser::defaults()
{
    QString error;
    const auto options = ConfigParser::parse(QStringLiteral("interfaces = lo"), fileName, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->interfaces, QStringList{QStringLiteral("lo")});
    QCOMPARE(options->dump, false);
    QCOMPARE(options->enableIptables, true);
    QCOMPARE(options->queueNumber, 0);
    QCOMPARE(options->queueCount, 1);
    QCOMPARE(options->snapLength, 65535u);
    QCOMPARE(options->queueMaxLength, 4096u);
    QCOMPARE(options->statusIntervalSeconds, 5);
    QVERIFY(options->rules.empty());
}

void TestConfigParser::log_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("log");
    QTest::newRow("a file") << QStringLiteral("log = \"/var/log/nfqmon.jsonl\"")
                            << QStringLiteral("/var/log/nfqmon.jsonl");
    QTest::newRow("standard output") << QStringLiteral("log = -") << QStringLiteral("-");
    QTest::newRow("quoted standard output") << QStringLiteral("log = \"-\"") << QStringLiteral("-");
    QTest::newRow("none") << QString() << QString();
}

void TestConfigParser::log()
{
    QFETCH(QString, line);
    QFETCH(QString, log);
    QString error;
    const auto options =
        ConfigParser::parse(QStringLiteral("interfaces = lo\n") + line, fileName, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->log, log);
}

void TestConfigParser::booleans_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");
    for (const char *yes : {"true", "TRUE", "yes", "Yes", "on", "ON", "1", "\"yes\""})
        QTest::newRow(yes) << QString::fromLatin1(yes) << true;
    for (const char *no : {"false", "False", "no", "NO", "off", "Off", "0", "\"off\""})
        QTest::newRow(no) << QString::fromLatin1(no) << false;
}

void TestConfigParser::booleans()
{
    QFETCH(QString, value);
    QFETCH(bool, expected);
    QString error;
    const auto options = ConfigParser::parse(
        QStringLiteral("interfaces = lo\nenable_iptables = %1\n").arg(value), fileName, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->enableIptables, expected);

    const auto attributed = ConfigParser::parse(
        QStringLiteral("interfaces = lo\nattribution = %1\n").arg(value), fileName, &error);
    QVERIFY2(attributed, qPrintable(error));
    QCOMPARE(attributed->attribution, expected);
    QVERIFY(
        ConfigParser::parse(QStringLiteral("interfaces = lo\n"), fileName, &error)->attribution);

    const auto named = ConfigParser::parse(
        QStringLiteral("interfaces = lo\nhost_names = %1\n").arg(value), fileName, &error);
    QVERIFY2(named, qPrintable(error));
    QCOMPARE(named->hostNames, expected);
    QVERIFY(ConfigParser::parse(QStringLiteral("interfaces = lo\n"), fileName, &error)->hostNames);
}

void TestConfigParser::numbers_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected");

    const auto row = [](const char *key, const char *value, qint64 expected) {
        QTest::addRow("%s = %s", key, value)
            << QString::fromLatin1(key) << QString::fromLatin1(value) << expected;
    };
    row("queue", "0", 0);
    row("queue", "65535", 65535);
    row("queue", "\"42\"", 42);
    row("queues", "1", 1);
    row("queues", "64", 64);
    row("snaplen", "64", 64);
    row("snaplen", "262144", 262144);
    row("queue_maxlen", "1", 1);
    row("queue_maxlen", "1048576", 1048576);
    row("status_interval", "0", 0);
    row("status_interval", "3600", 3600);
    row("inspect_packets", "1", 1);
    row("inspect_packets", "1000000", 1000000);
    row("inspect_packets", "all", 0);
    row("inspect_packets", "\"8\"", 8);
    row("queue", "007", 7);
}

void TestConfigParser::numbers()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    QString error;
    const auto options = ConfigParser::parse(
        QStringLiteral("interfaces = lo\n%1 = %2\n").arg(key, value), fileName, &error);
    QVERIFY2(options, qPrintable(error));
    qint64 actual = -1;
    if (key == QLatin1String("queue"))
        actual = options->queueNumber;
    else if (key == QLatin1String("queues"))
        actual = options->queueCount;
    else if (key == QLatin1String("snaplen"))
        actual = options->snapLength;
    else if (key == QLatin1String("queue_maxlen"))
        actual = options->queueMaxLength;
    else if (key == QLatin1String("status_interval"))
        actual = options->statusIntervalSeconds;
    else if (key == QLatin1String("inspect_packets"))
        actual = options->inspectPackets;
    QCOMPARE(actual, expected);
}

void TestConfigParser::rules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("rules");

    const QString header = QStringLiteral("interfaces = \"lo, eth1\"\n");
    QTest::newRow("quoted, action only")
        << header + QStringLiteral("rule = \"drop udp and dst port 53\"\n")
        << QStringList{QStringLiteral("1 drop both on=* [udp and dst port 53]")};
    QTest::newRow("bare") << header + QStringLiteral("rule = drop udp and dst port 53\n")
                          << QStringList{QStringLiteral("1 drop both on=* [udp and dst port 53]")};
    QTest::newRow("accept in") << header + QStringLiteral("rule = accept in host 10.0.0.5\n")
                               << QStringList{QStringLiteral("1 accept in on=* [host 10.0.0.5]")};
    QTest::newRow("drop out") << header + QStringLiteral("rule = drop out tcp port 22\n")
                              << QStringList{QStringLiteral("1 drop out on=* [tcp port 22]")};
    QTest::newRow("on interface") << header +
                                         QStringLiteral("rule = \"drop on eth1 host 10.0.0.5\"\n")
                                  << QStringList{
                                         QStringLiteral("1 drop both on=eth1 [host 10.0.0.5]")};
    QTest::newRow("documented full form")
        << header + QStringLiteral("rule = \"drop in on eth1 host 10.0.0.5\"\n")
        << QStringList{QStringLiteral("1 drop in on=eth1 [host 10.0.0.5]")};
    QTest::newRow("on before direction") << header + QStringLiteral("rule = drop on lo out icmp\n")
                                         << QStringList{QStringLiteral("1 drop out on=lo [icmp]")};
    QTest::newRow("on any") << header + QStringLiteral("rule = accept on any ip6\n")
                            << QStringList{QStringLiteral("1 accept both on=* [ip6]")};
    QTest::newRow("host name") << header + QStringLiteral("rule = \"drop out hostname "
                                                          "*.ads.example ip or ip6\"\n")
                               << QStringList{QStringLiteral(
                                      "1 drop out on=* hostname=*.ads.example [ip or ip6]")};
    QTest::newRow("upper-case action") << header + QStringLiteral("rule = DROP udp\n")
                                       << QStringList{QStringLiteral("1 drop both on=* [udp]")};
    QTest::newRow("expression kept as written")
        << header +
               QStringLiteral("rule = \"  drop   tcp[tcpflags] & tcp-syn != 0  and  port 80 \"\n")
        << QStringList{QStringLiteral("1 drop both on=* [tcp[tcpflags] & tcp-syn != 0  and  port "
                                      "80]")};
    QTest::newRow("ids in file order, other keys between")
        << QStringLiteral("rule = drop udp port 53\n"
                          "# comment\n"
                          "interfaces = any\n"
                          "rule = accept in on eth7 tcp\n"
                          "dump = no\n"
                          "rule = \"drop out ip6 and icmp6\"\n")
        << QStringList{QStringLiteral("1 drop both on=* [udp port 53]"),
                       QStringLiteral("2 accept in on=eth7 [tcp]"),
                       QStringLiteral("3 drop out on=* [ip6 and icmp6]")};
}

void TestConfigParser::rules()
{
    QFETCH(QString, text);
    QFETCH(QStringList, rules);
    QString error;
    const auto options = ConfigParser::parse(text, fileName, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(describe(options->rules), rules);
}

void TestConfigParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const auto row = [](const char *name, const QString &text, const QString &error) {
        QTest::newRow(name) << text << fileName + u':' + error;
    };
    const QString lo = QStringLiteral("interfaces = lo\n");

    // Lines with problems
    row("unknown key", lo + QStringLiteral("\n# comment\ndump_inputs = \"/tmp/a.pcap\"\n"),
        QStringLiteral("4: unknown key \"dump_inputs\"; known keys are ") + knownKeys);
    row("key in capitals", QStringLiteral("INTERFACES = lo\n"),
        QStringLiteral("1: unknown key \"INTERFACES\"; known keys are ") + knownKeys);
    row("repeated key", lo + QStringLiteral("dump = no\ninterfaces = eth0\n"),
        QStringLiteral("3: interfaces is already set on line 1"));
    row("repeated key, same value", lo + QStringLiteral("queue = 1\n\nqueue = 1\n"),
        QStringLiteral("4: queue is already set on line 2"));
    row("missing '='", lo + QStringLiteral("dump true\n"),
        QStringLiteral("2: expected key = value, but there is no '=' in \"dump true\""));
    row("missing key", lo + QStringLiteral("[packet]\n = lo\n"),
        QStringLiteral("3: there is no key before '='"));
    row("missing value", lo + QStringLiteral("dump =   # nothing\n"),
        QStringLiteral("2: dump has no value"));
    row("unterminated quote", lo + QStringLiteral("dump = true\ndump_input = \"/tmp/in.pcap\n"),
        QStringLiteral("3: the quoted value is not closed: a '\"' is missing at the end of the "
                       "line"));
    row("escaped closing quote", QStringLiteral("interfaces = \"lo\\\"\n"),
        QStringLiteral("1: the quoted value is not closed: a '\"' is missing at the end of the "
                       "line"));
    row("text after the quote", QStringLiteral("interfaces = \"eth1\", \"eth2\"\n"),
        QStringLiteral("1: unexpected text \", \\\"eth2\\\"\" after the closing quote"));
    row("unknown escape", lo + QStringLiteral("dump = on\ndump_input = \"/tmp/a\\tb\"\n"),
        QStringLiteral("3: unknown escape \\t in a quoted value; only \\\" and \\\\ are "
                       "recognised"));
    row("unclosed section", QStringLiteral("[packet\n") + lo,
        QStringLiteral("1: a section header must look like [name]"));
    row("unsupported module", lo + QStringLiteral("module = \"packet/pcap\"\n"),
        QStringLiteral("2: module \"packet/pcap\" is not supported; nfqmon implements only "
                       "\"packet/nfqueue\""));

    // Values out of range or of the wrong kind
    const auto number = [&](const char *name, const char *line, const char *key, const char *range,
                            const char *value) {
        row(name, lo + QString::fromLatin1(line) + u'\n',
            QStringLiteral("2: %1 must be a whole number from %2, not \"%3\"")
                .arg(QLatin1String(key), QLatin1String(range), QLatin1String(value)));
    };
    number("queue too big", "queue = 65536", "queue", "0 to 65535", "65536");
    number("queue negative", "queue = -1", "queue", "0 to 65535", "-1");
    number("queue in hex", "queue = 0x10", "queue", "0 to 65535", "0x10");
    number("queue with a plus", "queue = +1", "queue", "0 to 65535", "+1");
    number("queue fraction", "queue = 1.5", "queue", "0 to 65535", "1.5");
    number("queue word", "queue = first", "queue", "0 to 65535", "first");
    number("queue huge", "queue = 99999999999999999999999", "queue", "0 to 65535",
           "99999999999999999999999");
    number("queues zero", "queues = 0", "queues", "1 to 64", "0");
    number("queues too many", "queues = 65", "queues", "1 to 64", "65");
    number("snaplen too small", "snaplen = 63", "snaplen", "64 to 262144", "63");
    number("snaplen too big", "snaplen = 262145", "snaplen", "64 to 262144", "262145");
    number("queue_maxlen zero", "queue_maxlen = 0", "queue_maxlen", "1 to 1048576", "0");
    number("queue_maxlen too big", "queue_maxlen = 1048577", "queue_maxlen", "1 to 1048576",
           "1048577");
    number("status_interval too big", "status_interval = 3601", "status_interval", "0 to 3600",
           "3601");
    for (const char *value : {"0", "1000001", "some"})
        row(qPrintable(QStringLiteral("inspect_packets = %1").arg(QLatin1String(value))),
            lo + QStringLiteral("inspect_packets = %1\n").arg(QLatin1String(value)),
            QStringLiteral(
                "2: inspect_packets must be \"all\" or a whole number from 1 to 1000000, "
                "not \"%1\"")
                .arg(QLatin1String(value)));
    number("quoted empty number", "status_interval = \"\"", "status_interval", "0 to 3600", "");
    row("queue range past 65535", lo + QStringLiteral("queue = 65500\nqueues = 64\n"),
        QStringLiteral("3: queues 65500 to 65563 go past the last queue number, 65535"));
    row("queue range past 65535, queue last", lo + QStringLiteral("queues = 2\nqueue = 65535\n"),
        QStringLiteral("3: queues 65535 to 65536 go past the last queue number, 65535"));
    row("bad boolean", lo + QStringLiteral("enable_iptables = maybe\n"),
        QStringLiteral("2: enable_iptables must be true or false (or yes/no, on/off, 1/0), not "
                       "\"maybe\""));
    row("bad boolean for dump", lo + QStringLiteral("dump = \"\"\n"),
        QStringLiteral("2: dump must be true or false (or yes/no, on/off, 1/0), not \"\""));

    // Interfaces
    row("no interfaces", QStringLiteral("dump = false\n"),
        QStringLiteral(" interfaces is required, for example interfaces = \"eth0\" or interfaces "
                       "= \"any\""));
    row("empty file", QString(),
        QStringLiteral(" interfaces is required, for example interfaces = \"eth0\" or interfaces "
                       "= \"any\""));
    row("only comments", QStringLiteral("# interfaces = \"lo\"\n; dump = true\n"),
        QStringLiteral(" interfaces is required, for example interfaces = \"eth0\" or interfaces "
                       "= \"any\""));
    row("empty interface item", QStringLiteral("\n\ninterfaces = \"eth1,,eth2\"\n"),
        QStringLiteral("3: interface list \"eth1,,eth2\" has an empty item (item 2 of 3)"));
    row("trailing comma", QStringLiteral("interfaces = eth1,\n"),
        QStringLiteral("1: interface list \"eth1,\" has an empty item (item 2 of 2)"));
    row("any with others", QStringLiteral("interfaces = \"any, eth0\"\n"),
        QStringLiteral("1: interface list \"any, eth0\": \"any\" already means every interface "
                       "and cannot be combined with other names"));
    row("duplicate interface", QStringLiteral("interfaces = \"eth0, eth0\"\n"),
        QStringLiteral("1: interface list \"eth0, eth0\" names \"eth0\" twice"));
    row("injection through a bare value", QStringLiteral("interfaces = eth0;reboot\n"),
        QStringLiteral("1: interface name \"eth0;reboot\" contains ';'; only letters A-Z and a-z, "
                       "digits, '.', '_', '@' and '-' are allowed"));
    row("iptables options in a name", QStringLiteral("interfaces = \"eth0 -j ACCEPT\"\n"),
        QStringLiteral("1: interface name \"eth0 -j ACCEPT\" contains a space"));
    row("empty interfaces", QStringLiteral("interfaces = \"\"\n"),
        QStringLiteral("1: no interface given; name one or more interfaces separated by commas, "
                       "or \"any\""));

    // Dumps
    row("dump without files", lo + QStringLiteral("dump = true\n"),
        QStringLiteral("2: dump is on but neither dump_input nor dump_output is set, so nothing "
                       "would be saved"));
    row("dump_input while dump = false",
        lo + QStringLiteral("dump = false\ndump_input = \"/tmp/input.pcap\"\n"),
        QStringLiteral("3: dump_input is set but dump is off on line 2, so it would not be "
                       "written; set dump = true or remove dump_input"));
    row("dump_output without dump", lo + QStringLiteral("dump_output = /tmp/out.pcap\n"),
        QStringLiteral("2: dump_output is set but dump is not set, so it would not be written; "
                       "set dump = true or remove dump_output"));
    row("relative dump_input", lo + QStringLiteral("dump = true\ndump_input = \"input.pcap\"\n"),
        QStringLiteral("3: dump_input must be an absolute path (starting with '/'), not "
                       "\"input.pcap\""));
    row("home-relative dump_output", lo + QStringLiteral("dump = true\ndump_output = ~/out.pcap\n"),
        QStringLiteral("3: dump_output must be an absolute path (starting with '/'), not "
                       "\"~/out.pcap\""));
    row("both dumps to one file",
        lo + QStringLiteral("dump = true\ndump_input = /tmp/x.pcap\n"
                            "dump_output = \"/tmp//./x.pcap\"\n"),
        QStringLiteral("4: dump_output names the same file as dump_input (line 3)"));
    row("relative log", lo + QStringLiteral("log = packets.jsonl\n"),
        QStringLiteral("2: log must be an absolute path (starting with '/'), not "
                       "\"packets.jsonl\""));
    row("log into a dump",
        lo + QStringLiteral("dump = true\ndump_input = /tmp/x.pcap\n"
                            "log = /tmp/x.pcap\n"),
        QStringLiteral("4: log names the same file as dump_input (line 3)"));

    // Rules
    row("rule with an unknown action", lo + QStringLiteral("rule = \"reject udp\"\n"),
        QStringLiteral("2: rule \"reject udp\": it must start with drop or accept, not "
                       "\"reject\""));
    row("rule without expression", lo + QStringLiteral("rule = drop in on lo\n"),
        QStringLiteral("2: rule \"drop in on lo\": a filter expression must follow; to match "
                       "every packet write \"ip or ip6\""));
    row("rule 'on' without interface", lo + QStringLiteral("rule = drop on\n"),
        QStringLiteral("2: rule \"drop on\": \"on\" must be followed by an interface name"));
    row("rule on a bad interface", lo + QStringLiteral("rule = \"drop on eth0;id udp\"\n"),
        QStringLiteral("2: rule \"drop on eth0;id udp\": interface name \"eth0;id\" contains ';'; "
                       "only letters A-Z and a-z, digits, '.', '_', '@' and '-' are allowed"));
    row("empty rule", lo + QStringLiteral("rule = \"\"\n"),
        QStringLiteral("2: rule is empty; write for example rule = \"drop udp and dst port "
                       "53\""));
    row("rule on an interface not captured",
        QStringLiteral("interfaces = \"eth1, eth2\"\nrule = drop udp\nrule = drop on eth3 udp\n"),
        QStringLiteral("3: rule is on interface \"eth3\", which is not captured (interfaces = "
                       "\"eth1, eth2\"), so it would never match"));
}

void TestConfigParser::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ConfigParser::parse(text, fileName, &actual));
    QCOMPARE(actual, error);
}

void TestConfigParser::severalErrorsAtOnce()
{
    // One run names every broken line, so a user fixes the file in one go.
    const QString text = QStringLiteral("interfaces = lo\r\nqueue = 70000\r\n\r\nsnaplen = 1\r\n"
                                        "colour = blue\r\n");
    QString error;
    QVERIFY(!ConfigParser::parse(text, QStringLiteral("/etc/nfqmon/nfqmon.conf"), &error));
    QCOMPARE(error.split(u'\n'),
             (QStringList{
                 QStringLiteral("/etc/nfqmon/nfqmon.conf:2: queue must be a whole number from 0 "
                                "to 65535, not \"70000\""),
                 QStringLiteral("/etc/nfqmon/nfqmon.conf:4: snaplen must be a whole number from "
                                "64 to 262144, not \"1\""),
                 QStringLiteral("/etc/nfqmon/nfqmon.conf:5: unknown key \"colour\"; known keys "
                                "are ") +
                     knownKeys,
             }));
}

void TestConfigParser::ruleThatDoesNotCompile_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("port out of range") << QStringLiteral("udp and port 99999");
    QTest::newRow("dangling and") << QStringLiteral("tcp and");
    QTest::newRow("unknown word") << QStringLiteral("frobnicate");
    QTest::newRow("link-layer test on RAW") << QStringLiteral("ether host 00:11:22:33:44:55");
}

void TestConfigParser::ruleThatDoesNotCompile()
{
    QFETCH(QString, expression);
    const QString message = pcapMessage(expression);
    QVERIFY2(!message.isEmpty(), "libpcap compiles this expression; the test needs one it refuses");
    const QString text = QStringLiteral("interfaces = any\nrule = accept tcp port 22\n"
                                        "rule = \"drop in %1\"\n")
                             .arg(expression);
    QString error;
    QVERIFY(!ConfigParser::parse(text, fileName, &error));
    QCOMPARE(error, QStringLiteral("nfqmon.conf:3: rule filter \"%1\" does not compile: %2")
                        .arg(expression, message));
}

void TestConfigParser::parseRuleAlone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rule");  // empty when refused
    QTest::addColumn<QString>("error"); // empty when accepted

    QTest::newRow("full") << QStringLiteral("drop in on eth1 host 10.0.0.5")
                          << QStringLiteral("0 drop in on=eth1 [host 10.0.0.5]") << QString();
    QTest::newRow("not compiled here")
        << QStringLiteral("accept out frobnicate")
        << QStringLiteral("0 accept out on=* [frobnicate]") << QString();
    QTest::newRow("direction twice") << QStringLiteral("drop in out udp")
                                     << QStringLiteral("0 drop in on=* [out udp]") << QString();
    QTest::newRow("program and user")
        << QStringLiteral("drop out program /usr/bin/curl user root tcp port 443")
        << QStringLiteral("0 drop out on=* program=/usr/bin/curl user=0 [tcp port 443]")
        << QString();
    QTest::newRow("user by id, program that is not installed yet")
        << QStringLiteral("accept user 65534 program /opt/later/app udp")
        << QStringLiteral("0 accept both on=* program=/opt/later/app user=65534 [udp]")
        << QString();
    QTest::newRow("program not a path")
        << QStringLiteral("drop program curl tcp") << QString()
        << QStringLiteral("rule \"drop program curl tcp\": \"program\" must be followed by a "
                          "program's path: a program is named by its full path (starting with "
                          "'/')");
    QTest::newRow("unit glob") << QStringLiteral("drop out unit app-flatpak-*.scope user 1000 udp")
                               << QStringLiteral(
                                      "0 drop out on=* user=1000 unit=app-flatpak-*.scope [udp]")
                               << QString();
    QTest::newRow("unit that cannot match: a slice")
        << QStringLiteral("drop unit user.slice udp") << QString()
        << QStringLiteral("rule \"drop unit user.slice udp\": \"unit\" must be followed by a "
                          "systemd unit's name or a glob (firefox*.scope): user.slice can match "
                          "no unit that runs programs: only a .service or a .scope does "
                          "(user.slice.service?)");
    QTest::newRow("unit as a cgroup path")
        << QStringLiteral("drop unit /system.slice/cron.service udp") << QString()
        << QStringLiteral("rule \"drop unit /system.slice/cron.service udp\": \"unit\" must be "
                          "followed by a systemd unit's name or a glob (firefox*.scope): name the "
                          "unit (cron.service), not its cgroup's path");
    QTest::newRow("host name") << QStringLiteral("drop out hostname Tracker.Example.ORG. ip or ip6")
                               << QStringLiteral(
                                      "0 drop out on=* hostname=tracker.example.org [ip or ip6]")
                               << QString();
    QTest::newRow("domain, with a program")
        << QStringLiteral("accept hostname *.example.org program /usr/bin/curl tcp port 443")
        << QStringLiteral(
               "0 accept both on=* program=/usr/bin/curl hostname=*.example.org [tcp port 443]")
        << QString();
    QTest::newRow("pcap's own host is the expression")
        << QStringLiteral("drop host example.org")
        << QStringLiteral("0 drop both on=* [host example.org]") << QString();
    QTest::newRow("host name twice: the second is the expression's")
        << QStringLiteral("drop hostname a.example.org hostname b.example.org")
        << QStringLiteral("0 drop both on=* hostname=a.example.org [hostname b.example.org]")
        << QString();
    QTest::newRow("host name with an empty label")
        << QStringLiteral("drop hostname a..example.org udp") << QString()
        << QStringLiteral("rule \"drop hostname a..example.org udp\": \"hostname\" must be "
                          "followed by a host name (a.example.org) or a domain (*.example.org): "
                          "host name \"a..example.org\" has an empty label");
    QTest::newRow("host name that is an address")
        << QStringLiteral("drop hostname 10.0.0.5 udp") << QString()
        << QStringLiteral("rule \"drop hostname 10.0.0.5 udp\": \"hostname\" must be followed by "
                          "a host name (a.example.org) or a domain (*.example.org): 10.0.0.5 is an "
                          "address, not a host name: write it in the expression (host 10.0.0.5)");
    QTest::newRow("host name missing")
        << QStringLiteral("drop hostname") << QString()
        << QStringLiteral("rule \"drop hostname\": \"hostname\" must be followed by a host name "
                          "(a.example.org) or a domain (*.example.org)");
    QTest::newRow("unknown user")
        << QStringLiteral("drop user nfqmon-nobody-such udp") << QString()
        << QStringLiteral("rule \"drop user nfqmon-nobody-such udp\": \"user\" must be followed "
                          "by a user name or id; \"nfqmon-nobody-such\" is neither");
    QTest::newRow("blank") << QStringLiteral("   ") << QString()
                           << QStringLiteral("rule is empty; write for example rule = \"drop udp "
                                             "and dst port 53\"");
    QTest::newRow("interface too long")
        << QStringLiteral("drop on abcdefghijklmnop udp") << QString()
        << QStringLiteral("rule \"drop on abcdefghijklmnop udp\": interface name "
                          "\"abcdefghijklmnop\" is 16 bytes long; the kernel allows at most 15");
}

void TestConfigParser::parseRuleAlone()
{
    QFETCH(QString, text);
    QFETCH(QString, rule);
    QFETCH(QString, error);
    QString actualError;
    const std::optional<Rule> parsed = ConfigParser::parseRule(text, &actualError);
    QCOMPARE(parsed ? describe(*parsed) : QString(), rule);
    QCOMPARE(actualError, error);
}

void TestConfigParser::parseFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nfqmon.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[packet]\nmodule = \"packet/nfqueue\"\ninterfaces = \"lo\"\n"
               "rule = drop in udp port 5353\n");
    file.close();

    QString error;
    const auto options = ConfigParser::parseFile(path, &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->interfaces, QStringList{QStringLiteral("lo")});
    QCOMPARE(describe(options->rules),
             QStringList{QStringLiteral("1 drop in on=* [udp port 5353]")});

    // Errors inside the file name the path the user gave.
    QVERIFY(file.open(QIODevice::Append));
    file.write("queues = 100\n");
    file.close();
    QVERIFY(!ConfigParser::parseFile(path, &error));
    QCOMPARE(error, path + QStringLiteral(":5: queues must be a whole number from 1 to 64, not "
                                          "\"100\""));
}

void TestConfigParser::parseFileRefuses_data()
{
    QTest::addColumn<QString>("name");     // created inside a temporary directory
    QTest::addColumn<QByteArray>("bytes"); // contents; a directory when "dir"
    QTest::addColumn<QString>("problem");

    QTest::newRow("missing") << QStringLiteral("absent.conf") << QByteArray()
                             << QStringLiteral("cannot be read: No such file or directory");
    QTest::newRow("directory") << QStringLiteral("conf.d") << QByteArray("dir")
                               << QStringLiteral("is not a regular file");
    QTest::newRow("not UTF-8") << QStringLiteral("latin1.conf")
                               << QByteArray("interfaces = \"caf\xe9\"\n")
                               << QStringLiteral("is not valid UTF-8");
}

void TestConfigParser::parseFileRefuses()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    if (bytes == "dir") {
        QVERIFY(QDir(dir.path()).mkdir(name));
    } else if (!bytes.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QString error;
    QVERIFY(!ConfigParser::parseFile(path, &error));
    QCOMPARE(error, QStringLiteral("config file \"%1\" %2").arg(path, problem));
}

void TestConfigParser::parseFileSizeLimit_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exactly 1 MiB") << qint64(1024 * 1024) << true;
    QTest::newRow("1 MiB and a byte") << qint64(1024 * 1024 + 1) << false;
    QTest::newRow("10 MiB") << qint64(10 * 1024 * 1024) << false;
}

void TestConfigParser::parseFileSizeLimit()
{
    QFETCH(qint64, size);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.conf"));
    // A valid file padded with a comment line to the exact size.
    QByteArray bytes("interfaces = lo\n#");
    bytes.append(QByteArray(size - bytes.size() - 1, 'x'));
    bytes.append('\n');
    QCOMPARE(qint64(bytes.size()), size);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), size);
    file.close();

    QString error;
    const auto options = ConfigParser::parseFile(path, &error);
    QCOMPARE(bool(options), accepted);
    if (!accepted)
        QCOMPARE(error, QStringLiteral("config file \"%1\" is larger than 1 MiB").arg(path));
}

QTEST_GUILESS_MAIN(TestConfigParser)
#include "tst_configparser.moc"
