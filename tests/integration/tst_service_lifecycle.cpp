// The helper's life on the bus: a capture ends, and its chains go, within a second of the program
// that started it leaving (unless it asked to keep running); SIGTERM stops cleanly; a stream the
// client closes is released; an idle helper exits and D-Bus activation brings it back; the bus
// dying stops the capture and the helper, and a new bus activates a new one; an interface that
// disappears during a capture leaves the capture of the others running.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/IptablesSnapshot.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>

#include <cerrno>
#include <csignal>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

bool chainsInstalled()
{
    return !IptablesSnapshot::take().linesContaining(QStringLiteral("HAKA-")).isEmpty();
}

// Milliseconds until the chains are gone, or -1 after `limitMs`.
qint64 millisecondsUntilChainsGone(int limitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < limitMs) {
        if (!chainsInstalled())
            return clock.elapsed();
        QThread::msleep(20);
    }
    return -1;
}

} // namespace

class tst_ServiceLifecycle : public ServiceTest
{
    Q_OBJECT

private slots:
    void leavingStopsTheCapture_data();
    void leavingStopsTheCapture();
    void keepRunningOutlivesTheClient();
    void sigtermStopsCleanly();
    void closedStreamIsReleased();
    void idleHelperExitsAndComesBack();
    void busGoneStopsTheCaptureAndTheHelper();
    void interfaceRemovedDuringCapture();
};

void tst_ServiceLifecycle::leavingStopsTheCapture_data()
{
    QTest::addColumn<bool>("crash");
    QTest::newRow("client killed") << true;
    QTest::newRow("client exits") << false;
}

void tst_ServiceLifecycle::leavingStopsTheCapture()
{
    QFETCH(bool, crash);
    QString error;
    auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    QVERIFY(chainsInstalled());

    if (crash)
        client->kill();
    else
        client.reset();
    const qint64 elapsed = millisecondsUntilChainsGone(3000);
    QVERIFY2(elapsed >= 0 && elapsed < 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    const QJsonObject status = m_bed.status();
    QCOMPARE(status.value(Contract::Status::State).toString(), Contract::Status::Idle);
    QCOMPARE(status.value(Contract::Status::Streams).toInt(), 0);
    QVERIFY2(status.value(Contract::Status::Message).toString().contains(QStringLiteral("left")),
             QJsonDocument(status).toJson().constData());
}

void tst_ServiceLifecycle::keepRunningOutlivesTheClient()
{
    QString error;
    auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn({QStringLiteral("vethA")},
                              {{Contract::Option::KeepRunning, BusClient::b(true)}})}));
    client->kill();
    QThread::msleep(1500);
    QVERIFY(chainsInstalled());
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);

    // Another allowed program stops it.
    auto other = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(other, qPrintable(error));
    NFQMON_VERIFY_REPLY(other->call(QStringLiteral("StopCapture")));
    QVERIFY(!chainsInstalled());
}

void tst_ServiceLifecycle::sigtermStopsCleanly()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    const QString dump = m_bed.userDirectory() + QStringLiteral("/sigterm.pcap");
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn(
            {QStringLiteral("vethA")},
            {{Contract::Option::DumpInput, BusClient::fd(dump, QStringLiteral("w"))}})}));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 3), 3);

    QVERIFY(m_bed.bus().stopHelper());
    QVERIFY(!chainsInstalled());
    DumpFile file;
    QVERIFY2(file.load(dump, &error), qPrintable(error));
    // Every echo request and reply, flushed before the helper exited.
    QCOMPARE(file.count([](const DumpedPacket &p) { return p.isIcmpEcho(false); }), 3);
    QCOMPARE(file.count([](const DumpedPacket &p) { return p.isIcmpEcho(true); }), 3);
}

void tst_ServiceLifecycle::closedStreamIsReleased()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    QCOMPARE(m_bed.status().value(Contract::Status::Streams).toInt(), 1);
    // A second client watches the same capture.
    const auto watcher = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(watcher, qPrintable(error));
    NFQMON_VERIFY_REPLY(watcher->call(QStringLiteral("OpenStream")));
    QCOMPARE(m_bed.status().value(Contract::Status::Streams).toInt(), 2);

    NFQMON_VERIFY_REPLY(client->request({{QStringLiteral("cmd"), QStringLiteral("closeStream")}}));
    QTRY_COMPARE_WITH_TIMEOUT(m_bed.status().value(Contract::Status::Streams).toInt(), 1, 3000);
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
}

void tst_ServiceLifecycle::idleHelperExitsAndComesBack()
{
    m_bed.bus().setHelperIdleTimeout(1);
    QString error;
    QVERIFY2(m_bed.bus().writeHelperService(&error), qPrintable(error));
    QVERIFY(m_bed.bus().stopHelper());

    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
    QVERIFY(m_bed.bus().helperPid() > 0);
    QVERIFY(m_bed.bus().waitForNameGone(QLatin1String(PrivateSystemBus::HelperService), 5s));
    // Activated again by the next call.
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);

    m_bed.bus().setHelperIdleTimeout(PrivateSystemBus::DefaultIdleTimeout);
    QVERIFY2(m_bed.bus().writeHelperService(&error), qPrintable(error));
    QVERIFY(m_bed.bus().stopHelper());
}

void tst_ServiceLifecycle::busGoneStopsTheCaptureAndTheHelper()
{
    QString error;
    auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    const qint64 helper = m_bed.bus().helperPid();
    QVERIFY(helper > 0 && chainsInstalled());

    // The bus dies (a crash, or a restart of dbus.service): nobody could stop the capture any
    // more, so the helper removes its chains and exits; the traffic goes on.
    QCOMPARE(::kill(pid_t(m_bed.bus().daemonPid()), SIGKILL), 0);
    const qint64 elapsed = millisecondsUntilChainsGone(5000);
    QVERIFY2(elapsed >= 0 && elapsed < 3000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(helper), 0) != 0 && errno == ESRCH, 5000);
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);

    // A new bus: the next call activates a new helper, which captures as before.
    client.reset();
    m_bed.bus().stop();
    QVERIFY2(m_bed.bus().start(&error), qPrintable(error));
    client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    QVERIFY(m_bed.bus().helperPid() > 0 && m_bed.bus().helperPid() != helper);
    QVERIFY(chainsInstalled());
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QVERIFY(!chainsInstalled());
}

void tst_ServiceLifecycle::interfaceRemovedDuringCapture()
{
    // A second interface of this namespace that goes away (a USB adapter unplugged, a VPN down).
    const QString gone = QStringLiteral("nfqgone0");
    QVERIFY(Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("add"), gone,
                          QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                          QStringLiteral("name"), QStringLiteral("nfqgone1")})
                .succeeded());
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA"), gone})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));
    QVERIFY(
        Command::run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("del"), gone})
            .succeeded());

    // The capture goes on for the interface that is left, and still stops cleanly.
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 3), 3);
    const QJsonObject read = client->read(6, 5000);
    NFQMON_VERIFY_REPLY(read);
    QVERIFY2(read.value(QStringLiteral("records")).toArray().size() >= 6,
             QJsonDocument(read).toJson().constData());
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QVERIFY(!chainsInstalled());
    // Starting on it now is refused with its name.
    const QJsonObject refused =
        client->call(QStringLiteral("StartCapture"), {BusClient::captureOn({gone})});
    QVERIFY2(!refused.value(QStringLiteral("ok")).toBool() &&
                 refused.value(QStringLiteral("message")).toString().contains(gone),
             QJsonDocument(refused).toJson().constData());
}

QTEST_GUILESS_MAIN(tst_ServiceLifecycle)
#include "tst_service_lifecycle.moc"
