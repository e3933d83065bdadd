// The headless helper's metrics file (issue 15) on the real kernel: written at start, every 5 s
// and a last time at exit with capture_up 0; `promtool check metrics` passes it; a real
// prometheus-node-exporter's textfile collector, on loopback in the test's namespace, serves the
// same figures, which equal the helper's own totals; the helper listens on no port; a path that
// cannot be written fails the start with a sentence and installs nothing.
#include "tests/support/core/Command.h"
#include "tests/support/core/MetricsScrape.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QtTest>

#include <functional>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

constexpr int DroppedCount = 5;
constexpr int DroppedSize = 200; // UDP payload: 228 bytes a packet over IPv4
const QString ExporterAddress = QStringLiteral("127.0.0.1:19100");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString series(const char *name, const QString &labels = QString())
{
    return QLatin1String(name) + (labels.isEmpty() ? QString() : u'{' + labels + u'}');
}

// Waits until `condition` holds of the file's samples.
bool waitForFile(const QString &path,
                 const std::function<bool(const QHash<QString, double> &)> &condition,
                 std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    do {
        if (condition(MetricsScrape::samples(readFile(path), QStringLiteral("nfqmon_"))))
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return false;
}

} // namespace

class tst_Metrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fileAndExporterSayTheTotals();
    void anUnwritablePathFailsTheStart();

private:
    TestNetwork m_network;
};

void tst_Metrics::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 1);
    for (const char *tool : {"promtool", "prometheus-node-exporter", "curl", "ss"})
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty() ||
                     QFile::exists(QStringLiteral("/usr/sbin/") + QLatin1String(tool)) ||
                     QFile::exists(QStringLiteral("/sbin/") + QLatin1String(tool)),
                 qPrintable(QStringLiteral("%1 is missing (packaging/install-deps.sh --tests)")
                                .arg(QLatin1String(tool))));
}

void tst_Metrics::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_Metrics::fileAndExporterSayTheTotals()
{
    HelperProcess helper;
    const QString directory = helper.filePath(QStringLiteral("textfile"));
    QVERIFY(QDir().mkdir(directory));
    const QString metrics = directory + QStringLiteral("/nfqmon.prom");
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"vethA\"\n"
                                               "status_interval = 1\n"
                                               "metrics_file = \"%1\"\n"
                                               "rule = \"drop udp and dst port 5353\"\n")
                                    .arg(metrics),
                                &error),
             qPrintable(error));
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 5353);
    TrafficReceiver accepted(TrafficReceiver::Protocol::Udp, 4, 5354);
    QVERIFY2(dropped.open(&error) && accepted.open(&error), qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));

    // Written before the helper says it captures.
    const auto start = MetricsScrape::samples(readFile(metrics), QStringLiteral("nfqmon_"));
    NFQMON_VERIFY_HELPER(start.value(series("nfqmon_capture_up"), -1) == 1, helper);
    NFQMON_VERIFY_HELPER(start.value(series("nfqmon_capture_start_time_seconds")) >
                             QDateTime::currentSecsSinceEpoch() - 60,
                         helper);

    // No port: no TCP or UDP socket of the helper's listens (or waits) in its namespace.
    const Command::Result sockets = Command::run({QStringLiteral("ss"), QStringLiteral("-ltnup")});
    QVERIFY2(sockets.succeeded(), qPrintable(sockets.describe()));
    QVERIFY2(!sockets.output.contains(QStringLiteral("pid=%1,").arg(helper.pid()).toUtf8()),
             sockets.output.constData());

    const QString local = m_network.peer(0).address(4);
    QVERIFY(m_network.sendUdp(0, Flow{local, 5353, DroppedCount, DroppedSize, 1}).succeeded());
    QVERIFY(m_network.sendUdp(0, Flow{local, 5354, 7, 300, 2}).succeeded());
    NFQMON_VERIFY_HELPER(m_network.ping(0, local, 3) == 3, helper);
    QCOMPARE(accepted.receive(7, 2s).size(), 7);
    // Written again within 5 s while it captures.
    NFQMON_VERIFY_HELPER(waitForFile(
                             metrics,
                             [](const QHash<QString, double> &s) {
                                 return s.value(series("nfqmon_packets_total",
                                                       QStringLiteral("verdict=\"drop\""))) ==
                                        DroppedCount;
                             },
                             7s),
                         helper);

    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0 && report.totals, qPrintable(report.describe()));
    const HelperCounters &totals = *report.totals;
    QVERIFY2(report.acceptedBytes > 0 && report.rule(1), qPrintable(report.describe()));

    const QByteArray text = readFile(metrics);
    const auto file = MetricsScrape::samples(text, QStringLiteral("nfqmon_"));
    const QString sha256 = QString::fromLatin1(
        QCryptographicHash::hash(readFile(helper.configPath()), QCryptographicHash::Sha256)
            .toHex());
    // What the exporter must serve too: the helper's own totals.
    const QHash<QString, double> expected{
        {series("nfqmon_capture_up"), 0},
        {series("nfqmon_packets_total", QStringLiteral("verdict=\"accept\"")),
         double(totals.accepted)},
        {series("nfqmon_packets_total", QStringLiteral("verdict=\"drop\"")),
         double(totals.dropped)},
        {series("nfqmon_bytes_total", QStringLiteral("verdict=\"accept\"")),
         double(report.acceptedBytes)},
        {series("nfqmon_bytes_total", QStringLiteral("verdict=\"drop\"")),
         double(report.droppedBytes)},
        {series("nfqmon_rule_hits_total", QStringLiteral("action=\"drop\",rule=\"1\"")),
         double(report.rule(1)->hits)},
        {series("nfqmon_records_lost_total"), double(totals.lost)},
        {series("nfqmon_kernel_queue_dropped_total"), double(totals.kernelDropped)},
        {series("nfqmon_passed_unseen_total"), double(totals.passedUnseen)},
        {series("nfqmon_config_info",
                QStringLiteral("mode=\"headless\",sha256=\"%1\"").arg(sha256)),
         1},
    };
    // The file writes labels in its own order; the exporter sorts them by name.
    QCOMPARE(
        file.value(series("nfqmon_rule_hits_total", QStringLiteral("rule=\"1\",action=\"drop\"")),
                   -1),
        double(report.rule(1)->hits));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("nfqmon_rule_hits_total")))
            continue;
        QVERIFY2(file.contains(it.key()), qPrintable(it.key() + u'\n' + QString::fromUtf8(text)));
        QCOMPARE(file.value(it.key()), it.value());
    }
    // The traffic sent, counted exactly: UDP over IPv4 adds 28 bytes of headers.
    QCOMPARE(totals.dropped, qint64(DroppedCount));
    QCOMPARE(report.droppedBytes, qint64(DroppedCount * (DroppedSize + 28)));
    QCOMPARE(totals.passedUnseen, qint64(0));

    // Prometheus's own linter takes it.
    const Command::Result lint = Command::run(
        {QStringLiteral("promtool"), QStringLiteral("check"), QStringLiteral("metrics")}, 15s,
        text);
    QVERIFY2(lint.succeeded(), qPrintable(lint.describe() + u'\n' + QString::fromUtf8(text)));

    // A real node_exporter, textfile collector only, on loopback in this namespace.
    QProcess exporter;
    exporter.setProgram(QStringLiteral("prometheus-node-exporter"));
    exporter.setArguments({QStringLiteral("--collector.disable-defaults"),
                           QStringLiteral("--collector.textfile"),
                           QStringLiteral("--collector.textfile.directory=") + directory,
                           QStringLiteral("--web.listen-address=") + ExporterAddress});
    exporter.setProcessChannelMode(QProcess::MergedChannels);
    exporter.start();
    QVERIFY2(exporter.waitForStarted(5000), qPrintable(exporter.errorString()));
    Command::Result scrape;
    const QDeadlineTimer deadline(10s);
    do {
        scrape = Command::run({QStringLiteral("curl"), QStringLiteral("-sSf"),
                               QStringLiteral("http://%1/metrics").arg(ExporterAddress)},
                              5s);
        if (scrape.succeeded())
            break;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    exporter.terminate();
    exporter.waitForFinished(5000);
    QVERIFY2(scrape.succeeded(),
             qPrintable(scrape.describe() + QString::fromUtf8(exporter.readAll())));
    const auto served = MetricsScrape::samples(scrape.output);
    QCOMPARE(served.value(QStringLiteral("node_textfile_scrape_error"), -1), 0.0);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QVERIFY2(served.contains(it.key()),
                 qPrintable(it.key() + u'\n' + QString::fromUtf8(scrape.output)));
        QCOMPARE(served.value(it.key()), it.value());
    }
    QCOMPARE(served.value(series("nfqmon_capture_start_time_seconds")),
             file.value(series("nfqmon_capture_start_time_seconds")));
}

void tst_Metrics::anUnwritablePathFailsTheStart()
{
    HelperProcess helper;
    QString error;
    QVERIFY2(
        helper.writeConfig(QStringLiteral("interfaces = \"vethA\"\n"
                                          "metrics_file = \"/nonexistent-nfqmon/nfqmon.prom\"\n"),
                           &error),
        qPrintable(error));
    const HelperReport report = helper.runUntilExit();
    QVERIFY2(report.exited && report.exitCode == 1, qPrintable(report.describe()));
    QVERIFY2(report.errorMessage().contains(
                 QLatin1String("cannot write the metrics file /nonexistent-nfqmon/nfqmon.prom")),
             qPrintable(report.describe()));
    QVERIFY(IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
