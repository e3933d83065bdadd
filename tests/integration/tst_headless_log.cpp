// The headless packet log (`log = FILE`, `-` for standard output), on the real kernel in the
// test's network namespace: a JSON line per packet, written out while the capture runs, naming
// the program that sent it; the kernel's own replies say so; standard output carries nothing
// else with `log = -`; a log that cannot be opened stops the start with the reason.
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

#include <unistd.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

// Every line of `text` as a JSON object; a line that is not one fails through `problem`.
QList<QJsonObject> jsonLines(const QByteArray &text, QString *problem)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            *problem = QStringLiteral("not a JSON object: ") + QString::fromUtf8(line);
            return {};
        }
        lines.append(document.object());
    }
    return lines;
}

QList<QJsonObject> linesTo(const QList<QJsonObject> &lines, const QString &destination, int port)
{
    QList<QJsonObject> found;
    for (const QJsonObject &line : lines)
        if (line[u"dst"].toString() == destination && line[u"dport"].toInt() == port)
            found.append(line);
    return found;
}

} // namespace

class tst_HeadlessLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void namesTheProgramOfEveryPacket();
    void standardOutputCarriesOnlyTheLog();
    void aLogThatCannotBeOpenedStopsTheStart();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessLog::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 1);
}

void tst_HeadlessLog::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessLog::namesTheProgramOfEveryPacket()
{
    HelperProcess helper;
    const QString logPath = helper.filePath(QStringLiteral("packets.jsonl"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = vethA\nlog = \"%1\"\n"
                                               "rule = \"drop udp and dst port 5353\"\n")
                                    .arg(logPath),
                                &error) &&
                 helper.start(&error),
             qPrintable(error));

    const Peer &peer = m_network.peer(0);
    const Flow dropped{peer.peerIpv4, 5353, 3, 100, 51};
    const Flow accepted{peer.peerIpv4, 5354, 2, 100, 52};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, dropped).succeeded());
    QVERIFY(m_network.sendUdp(TestNetwork::Local, accepted).succeeded());
    QCOMPARE(m_network.ping(0, peer.ipv4, 1), 1);

    // Written out while the capture runs, within a second or so, not only at the end.
    QList<QJsonObject> lines;
    QTRY_VERIFY2_WITH_TIMEOUT(
        [&] {
            QFile file(logPath);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            lines = jsonLines(file.readAll(), &error);
            return linesTo(lines, peer.peerIpv4, 5353).size() == dropped.count &&
                   linesTo(lines, peer.peerIpv4, 5354).size() == accepted.count;
        }(),
        qPrintable(error + helper.outputSoFar()), 3000);
    QVERIFY(helper.isRunning());
    QCOMPARE(QFileInfo(logPath).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());

    const QString tool =
        QFileInfo(TestNetwork::toolPath(QStringLiteral("nfqmon-test-send"))).canonicalFilePath();
    for (const int port : {5353, 5354}) {
        const QList<QJsonObject> sent = linesTo(lines, peer.peerIpv4, port);
        for (const QJsonObject &line : sent) {
            const QString text = QString::fromUtf8(QJsonDocument(line).toJson());
            QVERIFY2(line[u"direction"].toString() == u"out" &&
                         line[u"out"].toString() == peer.interface && line[u"in"].isNull(),
                     qPrintable(text));
            QVERIFY2(line[u"family"].toString() == u"ipv4" &&
                         line[u"src"].toString() == peer.ipv4 &&
                         line[u"protocol"].toString() == u"UDP" && line[u"sport"].toInt() > 0 &&
                         line[u"length"].toInt() == 20 + 8 + 100,
                     qPrintable(text));
            QVERIFY2(port == 5353
                         ? line[u"verdict"].toString() == u"drop" && line[u"rule"].toInt() == 1
                         : line[u"verdict"].toString() == u"accept" && line[u"rule"].isNull(),
                     qPrintable(text));
            // The sender, which has exited by now.
            QVERIFY2(line[u"origin"].toString() == u"process" &&
                         line[u"uid"].toInt() == int(getuid()) && line[u"pid"].toInt() > 0 &&
                         line[u"exe"].toString() == tool &&
                         line[u"cmdline"].toString().contains(
                             QStringLiteral(" udp %1 %2 ").arg(peer.peerIpv4).arg(port)) &&
                         line[u"cgroup"].toString().startsWith(u'/'),
                     qPrintable(text + QStringLiteral("\nexpected exe ") + tool));
        }
        QCOMPARE(sent.first()[u"pid"], sent.last()[u"pid"]);
    }
    QVERIFY(linesTo(lines, peer.peerIpv4, 5353).first()[u"pid"] !=
            linesTo(lines, peer.peerIpv4, 5354).first()[u"pid"]);

    // The peer's ping (84 bytes): in, from ping in the peer's network namespace on this machine
    // (another namespace's socket); and the kernel's own reply, without ports or program. (The
    // peer's port unreachables for 5354 come in too, to no socket.)
    int echoes = 0;
    for (const QJsonObject &line : lines) {
        if (line[u"protocol"].toString() != u"ICMP" || line[u"length"].toInt() != 84)
            continue;
        const bool in = line[u"direction"].toString() == u"in";
        const QString text = QString::fromUtf8(QJsonDocument(line).toJson());
        QVERIFY2(line[u"sport"].isNull() && line[u"dport"].isNull() &&
                     line[in ? u"in" : u"out"].toString() == peer.interface,
                 qPrintable(text));
        if (in)
            QVERIFY2(line[u"origin"].toString() == u"process" &&
                         line[u"exe"].toString() == u"/usr/bin/ping" &&
                         line[u"other_netns"].toBool(),
                     qPrintable(text));
        else
            QVERIFY2(line[u"origin"].toString() == u"kernel" && line[u"pid"].isNull() &&
                         line[u"exe"].isNull() && !line[u"other_netns"].toBool(),
                     qPrintable(text));
        ++echoes;
    }
    QCOMPARE(echoes, 2);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    QFile file(logPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QJsonObject> all = jsonLines(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(
        report.standardOutput.contains(
            QStringLiteral("log: lines=%1 lost=0 file=%2").arg(all.size()).arg(logPath).toUtf8()),
        qPrintable(report.describe()));
    QCOMPARE(report.totals->received, qint64(all.size()));
}

void tst_HeadlessLog::standardOutputCarriesOnlyTheLog()
{
    HelperProcess helper;
    QString error;
    QVERIFY2(helper.writeConfig(
                 QStringLiteral("interfaces = vethA\nlog = -\nstatus_interval = 1\n"), &error) &&
                 helper.start(&error),
             qPrintable(error));
    const Flow flow{m_network.peer(0).peerIpv4, 5355, 4, 64, 53};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, flow).succeeded());
    QVERIFY(helper.waitForLines(QStringLiteral("status:"), 1, 5s)); // on standard error
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    const QList<QJsonObject> lines = jsonLines(report.standardOutput, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(linesTo(lines, flow.address, flow.port).size(), flow.count);
    const HelperReport printed = HelperReport::parse(report.standardError);
    QVERIFY2(printed.totals && printed.totals->received == lines.size(),
             qPrintable(report.describe()));
    QVERIFY2(report.standardError.contains("nfqmon-helper: capturing on vethA") &&
                 report.standardError.contains("log: lines="),
             qPrintable(report.describe()));
}

void tst_HeadlessLog::aLogThatCannotBeOpenedStopsTheStart()
{
    HelperProcess helper;
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = vethA\n"
                                               "log = /nonexistent-nfqmon/packets.jsonl\n"),
                                &error),
             qPrintable(error));
    const HelperReport report = helper.runUntilExit();
    QVERIFY2(report.exited && report.exitCode == 1, qPrintable(report.describe()));
    QCOMPARE(report.errorMessage(), QStringLiteral("nfqmon-helper: error: cannot open the packet "
                                                   "log /nonexistent-nfqmon/packets.jsonl: No "
                                                   "such file or directory"));
}

void tst_HeadlessLog::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessLog)
#include "tst_headless_log.moc"
