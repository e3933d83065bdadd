// Passed unseen (issue 11, item 7): with fail-open, a full queue lets packets through without a
// verdict and the kernel's queue counters count none of them. The helper counts them from its
// NFQUEUE rules' own counters: a flood that overruns a small queue must show a figure > 0 that
// equals the datagrams the sink got minus the packets the helper received, in the headless
// totals and in GetStatus; a flood the queue holds must show 0.
//
// The network is the benchmark's (FloodNetwork): client -> this router -> sink, which counts
// the flood. What the sink got and the helper did not see passed unseen, so
//   passed unseen - (sink - received) = packets other than the flood that reached the rules
// (the links' own IPv6 chatter: a few), and 0 exactly when only the flood is sent to the
// chains (enable_iptables = no with a jump for the flood alone).
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/FloodNetwork.h"
#include "tests/support/network/HelperProcess.h"

#include <QJsonArray>
#include <QtTest>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

// The most packets other than the flood that reach automatic rules on the client's link during
// one case (router solicitations, MLD reports, neighbour discovery of both ends).
constexpr qint64 ChatterTolerance = 20;

} // namespace

class tst_PassedUnseen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void headlessTotals_data();
    void headlessTotals();
    void serviceStatus();
    void cleanupTestCase();

private:
    quint64 sink();

    ServiceTestBed m_bed;
    FloodNetwork m_flood{m_bed.network()};
};

void tst_PassedUnseen::initTestCase()
{
    NFQMON_START_SERVICE_TEST_BED(m_bed, 2);
    QString error;
    QVERIFY2(m_flood.setUp(&error), qPrintable(error));
}

void tst_PassedUnseen::init()
{
    QString error;
    QVERIFY2(m_bed.reset(&error), qPrintable(error));
}

quint64 tst_PassedUnseen::sink()
{
    QString error;
    const auto received = m_flood.sinkReceived(&error);
    if (!received)
        qFatal("%s", qPrintable(error));
    return *received;
}

void tst_PassedUnseen::headlessTotals_data()
{
    QTest::addColumn<bool>("automaticRules");
    QTest::addColumn<int>("queueLength");
    QTest::addColumn<int>("rate"); // datagrams a second, for 2 s
    QTest::addColumn<bool>("overrun");

    // A queue of 4 packets cannot hold a flood of 100,000 a second while the helper batches.
    QTest::newRow("small queue, automatic rules") << true << 4 << 100000 << true;
    QTest::newRow("small queue, only the flood sent to the chains") << false << 4 << 100000 << true;
    QTest::newRow("default queue, slow flood") << true << 4096 << 2000 << false;
}

void tst_PassedUnseen::headlessTotals()
{
    QFETCH(bool, automaticRules);
    QFETCH(int, queueLength);
    QFETCH(int, rate);
    QFETCH(bool, overrun);
    const QString link = m_bed.network().peer(0).interface;
    if (!automaticRules) {
        // The Haka documentation's way, IPv4 only, with a jump for the flood alone.
        const QByteArray chains = "*raw\n:HAKA-PRE - [0:0]\n:HAKA-OUT - [0:0]\n"
                                  "-A PREROUTING -i " +
                                  link.toUtf8() + " -p udp -d " + FloodNetwork::Target +
                                  " --dport " + QByteArray::number(FloodNetwork::Port) +
                                  " -j HAKA-PRE\nCOMMIT\n";
        const Command::Result made = TestNetwork::iptablesRestore(4, chains);
        QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    }

    HelperProcess helper;
    QString error;
    QVERIFY2(helper.writeConfig(
                 QStringLiteral("interfaces = \"%1\"\n"
                                "enable_iptables = %2\n"
                                "queue_maxlen = %3\n"
                                "status_interval = 0\n")
                     .arg(link, automaticRules ? QStringLiteral("yes") : QStringLiteral("no"))
                     .arg(queueLength),
                 &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));
    const quint64 sinkBefore = sink();
    const auto sent = m_flood.flood(2, rate, -1, &error);
    NFQMON_VERIFY_HELPER(sent.has_value(), helper);
    QThread::msleep(300);
    const HelperReport report = helper.stop();
    const qint64 reached = qint64(sink() - sinkBefore);
    QVERIFY2(report.exited && report.exitCode == 0 && report.totals, qPrintable(report.describe()));

    const qint64 received = report.totals->received;
    const qint64 unseen = report.totals->passedUnseen;
    const QString figures = QStringLiteral("sent %1, sink %2, helper received %3, passed unseen "
                                           "%4, kernel_dropped %5\n")
                                .arg(*sent)
                                .arg(reached)
                                .arg(received)
                                .arg(unseen)
                                .arg(report.totals->kernelDropped) +
                            report.describe();
    qInfo("%s", qPrintable(figures.section(u'\n', 0, 0)));
    QVERIFY2(unseen >= 0, qPrintable(figures));
    // The flood reached the sink: fail-open delays and drops nothing.
    QVERIFY2(qint64(*sent) == reached, qPrintable(figures));
    if (!overrun) {
        QVERIFY2(unseen == 0, qPrintable(figures));
        return;
    }
    QVERIFY2(unseen > 0, qPrintable(figures));
    // The kernel's queue counters did not see them: that is why this figure exists.
    QVERIFY2(report.totals->kernelDropped == 0, qPrintable(figures));
    QVERIFY2(report.standardOutput.contains("unseen: passed_unseen="), qPrintable(figures));
    const qint64 difference = unseen - (reached - received);
    QVERIFY2(difference >= 0 && difference <= (automaticRules ? ChatterTolerance : 0),
             qPrintable(figures));
}

void tst_PassedUnseen::serviceStatus()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    const QString link = m_bed.network().peer(0).interface;
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn({link}, {{QStringLiteral("queueMaxLength"), BusClient::u(4)}})}));
    // Asked for once a second: the first status asks for the first reading of the counters.
    QJsonObject status = m_bed.status();
    QTRY_VERIFY_WITH_TIMEOUT((status = m_bed.status()).contains(QStringLiteral("passedUnseen")),
                             5000);
    QCOMPARE(status.value(QStringLiteral("passedUnseen")).toDouble(), 0.0);

    const quint64 sinkBefore = sink();
    const double receivedBefore = status.value(QStringLiteral("received")).toDouble();
    const auto sent = m_flood.flood(2, 100000, -1, &error);
    QVERIFY2(sent, qPrintable(error));
    QThread::msleep(300);
    const qint64 reached = qint64(sink() - sinkBefore);
    // Wait for a reading made after the flood: the figure stops moving.
    double unseen = -1;
    double previous = -2;
    for (int i = 0; i < 10 && unseen != previous; ++i) {
        QThread::msleep(1100);
        previous = unseen;
        status = m_bed.status();
        unseen = status.value(QStringLiteral("passedUnseen")).toDouble(-1);
    }
    const qint64 received =
        qint64(status.value(QStringLiteral("received")).toDouble() - receivedBefore);
    const QString figures = QStringLiteral("sent %1, sink %2, helper received %3, passed unseen "
                                           "%4; status: %5")
                                .arg(*sent)
                                .arg(reached)
                                .arg(received)
                                .arg(unseen)
                                .arg(QString::fromUtf8(QJsonDocument(status).toJson()));
    qInfo("%s", qPrintable(figures.section(QStringLiteral("; status"), 0, 0)));
    QVERIFY2(unseen > 0, qPrintable(figures));
    QCOMPARE(status.value(QStringLiteral("kernelDropped")).toDouble(), 0.0);
    const double difference = unseen - double(reached - received);
    QVERIFY2(difference >= 0 && difference <= ChatterTolerance, qPrintable(figures));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
}

void tst_PassedUnseen::cleanupTestCase()
{
    m_bed.stop();
}

QTEST_GUILESS_MAIN(tst_PassedUnseen)
#include "tst_passedunseen.moc"
