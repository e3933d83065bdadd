// Callers flooding the helper cannot make it do more than constant work per call, nor slow down
// an allowed client or the packet path. Six programs call the helper as fast as it answers, each
// with 16 calls under way: two of a user polkit refuses (GetChains, StopCapture), two of "nobody"
// (no rule, no agent: the policy's auth_admin_keep, refused without a prompt; GetChains,
// OpenStream), two of a user polkit allows to read the firewall (GetChains). Meanwhile another
// client measures GetStatus and a capture counts a burst of datagrams. The bounds are the README's
// (Security):
//   - the helper runs iptables-save/ip6tables-save at most once a second whatever the callers
//     do: its children's CPU (the tools it ran) stays under MaxChildCpuShare of the flood's time;
//   - GetStatus's median latency stays within MaxExtraMedianMs of the unloaded figure, and no
//     call waits longer than MaxLatencyMs;
//   - every datagram of the burst reaches the capture and its stream; the kernel drops none;
//   - one caller gets at most MaxPendingChecks polkit checks under way (LimitExceeded past that),
//     and at most MaxStreams open streams.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/ProcessCpu.h"

#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <utility>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;

namespace {

constexpr int FloodSeconds = 6;
constexpr int InFlight = 16;
constexpr double MaxChildCpuShare = 0.05;
constexpr double MaxExtraMedianMs = 10.0;
constexpr double MaxLatencyMs = 250.0;
// Built with AddressSanitizer (the suite's second run), the helper is several times slower:
// its latencies say nothing then, and only the other bounds are checked.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool TimingMeansSomething = false;
#else
constexpr bool TimingMeansSomething = true;
#endif
constexpr int Burst = 400;
constexpr std::uint16_t BurstPort = 7400;

} // namespace

class tst_ServiceFlood : public ServiceTest
{
    Q_OBJECT

private slots:
    void floodLeavesOthersAlone();
    void streamsPerCallerAreBounded();

private:
    // GetStatus `count` times from this process (root: no polkit check), milliseconds each.
    QList<double> statusLatencies(int count, int pauseMs);
};

QList<double> tst_ServiceFlood::statusLatencies(int count, int pauseMs)
{
    const QDBusMessage call = QDBusMessage::createMethodCall(
        nfqmon::Contract::ServiceName, nfqmon::Contract::ObjectPath,
        nfqmon::Contract::InterfaceName, QStringLiteral("GetStatus"));
    QList<double> latencies;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer clock;
        clock.start();
        const QDBusMessage reply = m_bed.bus().connection().call(call, QDBus::Block, 10000);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (reply.type() == QDBusMessage::ReplyMessage)
            latencies.append(ms);
        QThread::msleep(pauseMs);
    }
    return latencies;
}

static double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// "calls N ok N NotAuthorized N ..." -> {"calls": N, "ok": N, ...}
static QHash<QString, qint64> floodResult(const QByteArray &output)
{
    QHash<QString, qint64> result;
    const QList<QByteArray> lines = output.trimmed().split('\n');
    const QList<QByteArray> words = lines.last().split(' ');
    for (qsizetype i = 0; i + 1 < words.size(); i += 2)
        result.insert(QString::fromLatin1(words[i]), words[i + 1].toLongLong());
    return result;
}

void tst_ServiceFlood::floodLeavesOthersAlone()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    const qint64 helper = m_bed.bus().helperPid();
    QVERIFY(helper > 0);

    const QList<double> unloaded = statusLatencies(100, 5);
    QCOMPARE(unloaded.size(), 100);

    struct Flooder {
        QString user;
        std::unique_ptr<QProcess> process;
    };
    std::vector<Flooder> flooders;
    const QString refused = QString::fromLatin1(PrivateSystemBus::RefusedUser);
    const QString allowed = QString::fromLatin1(PrivateSystemBus::AllowedUser);
    const QString nobody = QStringLiteral("nobody");
    const std::pair<QString, QString> floods[] = {
        {refused, QStringLiteral("GetChains")}, {refused, QStringLiteral("StopCapture")},
        {nobody, QStringLiteral("GetChains")},  {nobody, QStringLiteral("OpenStream")},
        {allowed, QStringLiteral("GetChains")}, {allowed, QStringLiteral("GetChains")}};
    for (const auto &[user, method] : floods) {
        auto process = m_bed.bus().startAs(
            user, TestNetwork::toolPath(QStringLiteral("nfqmon-test-flood")),
            {method, QString::number(FloodSeconds), QString::number(InFlight)}, &error);
        QVERIFY2(process, qPrintable(error));
        flooders.push_back({user, std::move(process)});
    }
    const double childCpuBefore = processChildrenCpuSeconds(helper);
    const double helperCpuBefore = processCpuSeconds(helper);
    QElapsedTimer flood;
    flood.start();
    for (Flooder &flooder : flooders)
        QVERIFY2(flooder.process->waitForReadyRead(5000),
                 flooder.process->readAllStandardError().constData());
    QThread::msleep(500);

    QList<double> loaded = statusLatencies(100, 10);
    const QJsonObject before = m_bed.status();
    const Flow burst{m_bed.network().peer(0).ipv4, BurstPort, Burst, 64, 74};
    const Command::Result sent = m_bed.network().sendUdp(0, burst);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    loaded += statusLatencies(100, 10);

    QHash<QString, QHash<QString, qint64>> results; // by user, added up
    for (Flooder &flooder : flooders) {
        QVERIFY(flooder.process->waitForFinished((FloodSeconds + 15) * 1000));
        const QByteArray output = flooder.process->readAllStandardOutput();
        const QHash<QString, qint64> result = floodResult(output);
        QVERIFY2(result.value(QStringLiteral("calls")) > 0, output.constData());
        for (auto it = result.cbegin(); it != result.cend(); ++it)
            results[flooder.user][it.key()] += it.value();
    }
    const double seconds = double(flood.elapsed()) / 1000.0;
    const double childCpu = processChildrenCpuSeconds(helper) - childCpuBefore;
    const double helperCpu = processCpuSeconds(helper) - helperCpuBefore;

    const QString figures =
        QStringLiteral("GetStatus median %1 ms unloaded, %2 ms during the flood (max %3 ms); "
                       "helper CPU %4 s, its children's %5 s in %6 s; calls: refused %7, "
                       "nobody %8, allowed %9")
            .arg(median(unloaded), 0, 'f', 2)
            .arg(median(loaded), 0, 'f', 2)
            .arg(*std::max_element(loaded.cbegin(), loaded.cend()), 0, 'f', 2)
            .arg(helperCpu, 0, 'f', 2)
            .arg(childCpu, 0, 'f', 2)
            .arg(seconds, 0, 'f', 1)
            .arg(results.value(refused).value(QStringLiteral("calls")))
            .arg(results.value(nobody).value(QStringLiteral("calls")))
            .arg(results.value(allowed).value(QStringLiteral("calls")));
    qInfo("%s", qPrintable(figures));

    // Who got what: refusals for the refused and for nobody, answers for the allowed, and
    // LimitExceeded for the calls past the per-caller bound on polkit checks under way.
    for (const QString &user : {refused, nobody}) {
        // Every answer by name, for a failure to say which others came (once under the
        // sanitizers, 16 of 25,047 calls).
        QStringList answers;
        for (auto it = results[user].cbegin(); it != results[user].cend(); ++it)
            answers.append(it.key() + u' ' + QString::number(it.value()));
        QVERIFY2(results[user].value(QStringLiteral("NotAuthorized")) > 0, qPrintable(user));
        QVERIFY2(results[user].value(QStringLiteral("NotAuthorized")) +
                         results[user].value(QStringLiteral("LimitExceeded")) ==
                     results[user].value(QStringLiteral("calls")),
                 qPrintable(user + QStringLiteral(": ") + answers.join(QStringLiteral(", "))));
        QCOMPARE(results[user].value(QStringLiteral("ok")), 0);
        QVERIFY2(results[user].value(QStringLiteral("LimitExceeded")) > 0, qPrintable(user));
    }
    QVERIFY(results[allowed].value(QStringLiteral("ok")) > 0);
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);

    QVERIFY2(childCpu <= MaxChildCpuShare * seconds, qPrintable(figures));
    QCOMPARE(loaded.size(), 200);
    if (TimingMeansSomething) {
        QVERIFY2(median(loaded) <= median(unloaded) + MaxExtraMedianMs, qPrintable(figures));
        QVERIFY2(*std::max_element(loaded.cbegin(), loaded.cend()) <= MaxLatencyMs,
                 qPrintable(figures));
    }

    // The packet path: every datagram captured, streamed, none dropped by the kernel.
    const QJsonObject read = client->read(Burst, 10000);
    NFQMON_VERIFY_REPLY(read);
    int streamed = 0;
    for (const QJsonValue &record : read.value(QStringLiteral("records")).toArray())
        streamed += record.toObject().value(QStringLiteral("destinationPort")).toInt() == BurstPort;
    QCOMPARE(streamed, Burst);
    QCOMPARE(read.value(QStringLiteral("lost")).toInteger(), 0);
    const QJsonObject after = m_bed.status();
    QVERIFY(after.value(Contract::Status::Received).toInteger() -
                before.value(Contract::Status::Received).toInteger() >=
            Burst);
    QCOMPARE(after.value(Contract::Status::KernelDropped).toInteger(), 0);
}

void tst_ServiceFlood::streamsPerCallerAreBounded()
{
    QString error;
    const auto starter = m_bed.client(QStringLiteral("root"), &error);
    QVERIFY2(starter, qPrintable(error));
    NFQMON_VERIFY_REPLY(starter->call(QStringLiteral("StartCapture"),
                                      {BusClient::captureOn({QStringLiteral("vethA")})}));
    // This process (root: polkit says yes) opens streams and keeps them.
    const QDBusMessage call = QDBusMessage::createMethodCall(
        nfqmon::Contract::ServiceName, nfqmon::Contract::ObjectPath,
        nfqmon::Contract::InterfaceName, QStringLiteral("OpenStream"));
    QList<QDBusMessage> streams;
    for (int i = 0; i < 4; ++i) {
        streams.append(m_bed.bus().connection().call(call, QDBus::Block, 10000));
        QVERIFY2(streams.last().type() == QDBusMessage::ReplyMessage,
                 qPrintable(streams.last().errorMessage()));
    }
    const QDBusMessage fifth = m_bed.bus().connection().call(call, QDBus::Block, 10000);
    QCOMPARE(fifth.errorName(), nfqmon::Contract::Error::LimitExceeded);
    QVERIFY2(fifth.errorMessage().contains(QStringLiteral("4 streams")),
             qPrintable(fifth.errorMessage()));
    QCOMPARE(m_bed.status().value(Contract::Status::Streams).toInt(), 4);
    // Another program still gets its own.
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
}

QTEST_GUILESS_MAIN(tst_ServiceFlood)
#include "tst_service_flood.moc"
