// nfqmon-capture's command line (CaptureCommandLine): what each option sets, the defaults (as the
// window's capture settings), and one sentence for each mistake, before anything starts.
#include "app/capture/CaptureCommandLine.h"
#include "helper/protocol/CaptureLimits.h"

#include <QtTest>

using nfqmon::CaptureCliOptions;
using nfqmon::CaptureCommandLine;
using Mode = CaptureCliOptions::Mode;

Q_DECLARE_METATYPE(CaptureCliOptions)

namespace {

QStringList command(const QStringList &arguments)
{
    return QStringList{QStringLiteral("nfqmon-capture")} + arguments;
}

CaptureCliOptions with(const std::function<void(CaptureCliOptions &)> &change)
{
    CaptureCliOptions options;
    change(options);
    return options;
}

} // namespace

class tst_CaptureCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void helpAndVersion();
    void interfacesMustExist_data();
    void interfacesMustExist();
};

void tst_CaptureCommandLine::defaults()
{
    const auto result = CaptureCommandLine::parse(command({}));
    QCOMPARE(result.outcome, CaptureCommandLine::Outcome::Run);
    const CaptureCliOptions &o = result.options;
    QCOMPARE(o.mode, Mode::Capture);
    QCOMPARE(o.interfaces, QStringList{QStringLiteral("any")});
    QVERIFY(o.automaticRules);
    QCOMPARE(o.count, std::uint64_t(0));
    QCOMPARE(o.durationMs, std::uint64_t(0));
    QVERIFY(o.writesToStandardOutput());
    QVERIFY(!o.quiet);
    QCOMPARE(o.queue, std::uint32_t(0));
    QVERIFY(!o.queues);
    QCOMPARE(o.snapLength, nfqmon::Limits::DefaultSnapLength);
}

void tst_CaptureCommandLine::accepted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CaptureCliOptions>("expected");

    QTest::newRow("one interface") << QStringList{QStringLiteral("-i"), QStringLiteral("eth0")}
                                   << with([](auto &o) { o.interfaces = {"eth0"}; });
    QTest::newRow("repeated -i, long form, no repeats")
        << QStringList{"-i", "eth0", "--interface", "eth1", "-i", "eth0"} << with([](auto &o) {
               o.interfaces = {"eth0", "eth1"};
           });
    QTest::newRow("comma-separated, spaces trimmed")
        << QStringList{"-i", "eth1, eth2"} << with([](auto &o) {
               o.interfaces = {"eth1", "eth2"};
           });
    QTest::newRow("any") << QStringList{"-i", "any"} << CaptureCliOptions();
    QTest::newRow("--no-rules") << QStringList{"--no-rules"}
                                << with([](auto &o) { o.automaticRules = false; });
    QTest::newRow("--rules") << QStringList{"--rules"} << CaptureCliOptions();
    QTest::newRow("-c") << QStringList{"-c", "25"} << with([](auto &o) { o.count = 25; });
    QTest::newRow("--count=") << QStringList{"--count=1"} << with([](auto &o) { o.count = 1; });
    QTest::newRow("-a seconds") << QStringList{"-a", "10"}
                                << with([](auto &o) { o.durationMs = 10000; });
    QTest::newRow("-a fraction") << QStringList{"--duration", "0.25"}
                                 << with([](auto &o) { o.durationMs = 250; });
    QTest::newRow("-a duration: (dumpcap)")
        << QStringList{"-a", "duration:3"} << with([](auto &o) { o.durationMs = 3000; });
    QTest::newRow("-w file") << QStringList{"-w", "/tmp/x.pcapng"}
                             << with([](auto &o) { o.output = "/tmp/x.pcapng"; });
    QTest::newRow("-w -") << QStringList{"-w", "-"} << CaptureCliOptions();
    QTest::newRow("-q") << QStringList{"-q"} << with([](auto &o) { o.quiet = true; });
    QTest::newRow("compacted -qc") << QStringList{"-qc", "5"} << with([](auto &o) {
        o.quiet = true;
        o.count = 5;
    });
    QTest::newRow("--queue") << QStringList{"--queue", "7"} << with([](auto &o) { o.queue = 7; });
    QTest::newRow("--queues") << QStringList{"--queues", "4"}
                              << with([](auto &o) { o.queues = 4; });
    QTest::newRow("-s") << QStringList{"-s", "128"} << with([](auto &o) { o.snapLength = 128; });
    QTest::newRow("--inspect") << QStringList{"--inspect", "8"}
                               << with([](auto &o) { o.inspectPackets = 8; });
    QTest::newRow("--attach with limits")
        << QStringList{"--attach", "-c", "3", "-w", "f.pcapng"} << with([](auto &o) {
               o.mode = Mode::Attach;
               o.count = 3;
               o.output = "f.pcapng";
           });
    QTest::newRow("--relay") << QStringList{"--relay"}
                             << with([](auto &o) { o.mode = Mode::Relay; });
    QTest::newRow("--relay -q") << QStringList{"--relay", "-q"} << with([](auto &o) {
        o.mode = Mode::Relay;
        o.quiet = true;
    });
}

void tst_CaptureCommandLine::accepted()
{
    QFETCH(QStringList, arguments);
    QFETCH(CaptureCliOptions, expected);
    const auto result = CaptureCommandLine::parse(command(arguments));
    QVERIFY2(result.outcome == CaptureCommandLine::Outcome::Run, qPrintable(result.text));
    QVERIFY(result.text.isEmpty());
    const CaptureCliOptions &o = result.options;
    QCOMPARE(int(o.mode), int(expected.mode));
    QCOMPARE(o.interfaces, expected.interfaces);
    QCOMPARE(o.automaticRules, expected.automaticRules);
    QCOMPARE(o.count, expected.count);
    QCOMPARE(o.durationMs, expected.durationMs);
    QCOMPARE(o.output, expected.output);
    QCOMPARE(o.quiet, expected.quiet);
    QCOMPARE(o.queue, expected.queue);
    QCOMPARE(o.queues.has_value(), expected.queues.has_value());
    QCOMPARE(o.queues.value_or(0), expected.queues.value_or(0));
    QCOMPARE(o.snapLength, expected.snapLength);
    QCOMPARE(o.inspectPackets, expected.inspectPackets);
    QVERIFY(o == expected);
}

void tst_CaptureCommandLine::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions"); // a part of the sentence

    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("-i without value") << QStringList{"-i"} << "-i";
    QTest::newRow("empty interface") << QStringList{"-i", "eth0,"} << "empty";
    QTest::newRow("slash in name") << QStringList{"-i", "eth/0"} << "eth/0";
    QTest::newRow("name too long") << QStringList{"-i", "abcdefghijklmnop"} << "abcdefghijklmnop";
    QTest::newRow("any with others") << QStringList{"-i", "any", "-i", "eth0"} << "any";
    QTest::newRow("--rules and --no-rules") << QStringList{"--rules", "--no-rules"} << "--no-rules";
    QTest::newRow("-c 0") << QStringList{"-c", "0"} << "\"0\"";
    QTest::newRow("-c negative") << QStringList{"-c", "-3"} << "\"-3\"";
    QTest::newRow("-c words") << QStringList{"-c", "ten"} << "\"ten\"";
    QTest::newRow("-c huge") << QStringList{"-c", "99999999999999999999999"}
                             << "99999999999999999999999";
    QTest::newRow("-a 0") << QStringList{"-a", "0"} << "\"0\"";
    QTest::newRow("-a negative") << QStringList{"-a", "-1"} << "\"-1\"";
    QTest::newRow("-a words") << QStringList{"-a", "soon"} << "\"soon\"";
    QTest::newRow("-a nan") << QStringList{"-a", "nan"} << "\"nan\"";
    QTest::newRow("-a other condition") << QStringList{"-a", "filesize:10"} << "filesize:10";
    QTest::newRow("-w empty") << QStringList{"-w", ""} << "-w";
    QTest::newRow("--queue too large") << QStringList{"--queue", "65536"} << "65536";
    QTest::newRow("--queues 0") << QStringList{"--queues", "0"} << "\"0\"";
    QTest::newRow("--queues 17") << QStringList{"--queues", "17"} << "\"17\"";
    QTest::newRow("--queues past the last queue")
        << QStringList{"--queue", "65535", "--queues", "2"} << "--queue";
    QTest::newRow("-s too small") << QStringList{"-s", "10"} << "\"10\"";
    QTest::newRow("-s too large") << QStringList{"-s", "65536"} << "\"65536\"";
    QTest::newRow("--inspect 0") << QStringList{"--inspect", "0"} << "\"0\"";
    QTest::newRow("--inspect all") << QStringList{"--inspect", "all"} << "\"all\"";
    QTest::newRow("--attach with --inspect")
        << QStringList{"--attach", "--inspect", "8"} << "--inspect";
    QTest::newRow("a filter expression") << QStringList{"udp", "port", "53"} << "\"udp\"";
    QTest::newRow("--relay with -i") << QStringList{"--relay", "-i", "eth0"} << "--interface";
    QTest::newRow("--relay with -w") << QStringList{"--relay", "-w", "x"} << "--write";
    QTest::newRow("--relay with -c") << QStringList{"--relay", "-c", "3"} << "--count";
    QTest::newRow("--relay and --attach") << QStringList{"--relay", "--attach"} << "--attach";
    QTest::newRow("--attach with --no-rules")
        << QStringList{"--attach", "--no-rules"} << "--no-rules";
    QTest::newRow("--attach with -i") << QStringList{"--attach", "-i", "eth0"} << "--interface";
}

void tst_CaptureCommandLine::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const auto result = CaptureCommandLine::parse(command(arguments));
    QCOMPARE(result.outcome, CaptureCommandLine::Outcome::Error);
    // One sentence: one line, ending with a full stop.
    QVERIFY2(result.text.contains(mentions), qPrintable(result.text));
    QVERIFY2(!result.text.contains(QLatin1Char('\n')), qPrintable(result.text));
    QVERIFY2(result.text.endsWith(QLatin1Char('.')), qPrintable(result.text));
}

void tst_CaptureCommandLine::helpAndVersion()
{
    const auto help = CaptureCommandLine::parse(command({QStringLiteral("--help")}));
    QCOMPARE(help.outcome, CaptureCommandLine::Outcome::Help);
    for (const char *option :
         {"--interface", "--rules", "--no-rules", "--count", "--duration", "--write", "--quiet",
          "--queue", "--queues", "--snaplen", "--inspect", "--attach", "--relay"})
        QVERIFY2(help.text.contains(QLatin1String(option)), option);
    QCOMPARE(CaptureCommandLine::parse(command({QStringLiteral("--version")})).outcome,
             CaptureCommandLine::Outcome::Version);
}

void tst_CaptureCommandLine::interfacesMustExist_data()
{
    QTest::addColumn<QStringList>("interfaces");
    QTest::addColumn<QString>("unknown"); // empty: all exist

    QTest::newRow("any") << QStringList{"any"} << QString();
    QTest::newRow("lo") << QStringList{"lo"} << QString();
    QTest::newRow("missing") << QStringList{"nfqmon-none0"} << "nfqmon-none0";
    QTest::newRow("lo and missing") << QStringList{"lo", "nfqmon-none1"} << "nfqmon-none1";
}

void tst_CaptureCommandLine::interfacesMustExist()
{
    QFETCH(QStringList, interfaces);
    QFETCH(QString, unknown);
    const QString sentence = CaptureCommandLine::checkInterfacesExist(interfaces);
    if (unknown.isEmpty()) {
        QVERIFY2(sentence.isEmpty(), qPrintable(sentence));
    } else {
        QVERIFY2(sentence.contains(QLatin1Char('"') + unknown + QLatin1Char('"')),
                 qPrintable(sentence));
        QVERIFY(sentence.endsWith(QLatin1Char('.')));
    }
}

QTEST_GUILESS_MAIN(tst_CaptureCommandLine)
#include "tst_capturecommandline.moc"
