// Rules and chains through the application's HelperClient, against the real nfqmon-helper on
// the private system bus with the real polkitd, in the test's network namespace, as root in
// this process (polkit allows root; the refusal is in tst_capturecontroller). A rule added
// through the client appears in RuleListModel (under QAbstractItemModelTester), drops the
// traffic it matches in the kernel, and its hits go up live while a capture runs; changes,
// moves (a move, not a reset), the Enabled box and removal all reach the model; a bad rule is
// refused with libpcap's message; ChainStatus reads GetChains as D-Bus delivers it; with the
// IPv4 chains only, the dialog's text and the capture's notice say the same about IPv6.
#include "app/client/ChainStatus.h"
#include "app/client/HelperClient.h"
#include "app/client/RuleListModel.h"
#include "helper/protocol/HelperContract.h"
#include "tests/support/app/CaptureRecorder.h"
#include "tests/support/bus/ServiceTestBed.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace nfqmon;
using namespace nfqmon::test;
using namespace std::chrono_literals;

class tst_HelperClientRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { NFQMON_START_SERVICE_TEST_BED(m_bed, 1); }
    void init()
    {
        QString error;
        QVERIFY2(m_bed.reset(&error), qPrintable(error));
        m_client = std::make_unique<HelperClient>(m_bed.bus().connection());
    }
    void cleanup() { m_client.reset(); }
    void cleanupTestCase() { m_bed.stop(); }

    void rulesAreFollowedWithLiveHits();
    void chainStatusReadsTheHelper();
    void oneFamilyOfChainsIsCapturedAndSaidSo();

private:
    ChainStatus fetchChains();
    ServiceTestBed m_bed;
    std::unique_ptr<HelperClient> m_client;
};

void tst_HelperClientRules::rulesAreFollowedWithLiveHits()
{
    RuleListModel model(m_client.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy modelErrors(&model, &RuleListModel::errorOccurred);
    CaptureController controller(m_client.get());
    CaptureRecorder received(controller);
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 6001);
    QString error;
    QVERIFY2(dropped.open(&error), qPrintable(error));

    uint dropId = 0;
    HelperError result{QStringLiteral("pending"), {}};
    m_client->addRule({{Contract::RuleField::Expression, QStringLiteral("udp and dst port 6001")}},
                      [&](uint id, const HelperError &e) {
                          dropId = id;
                          result = e;
                      });
    QTRY_VERIFY(result.name != QLatin1String("pending"));
    QVERIFY2(!result.isError(), qPrintable(result.sentence()));
    QTRY_COMPARE(model.rowCount(), 1); // RulesChanged -> ListRules -> the model
    QCOMPARE(model.ruleId(0), dropId);
    QCOMPARE(model.data(model.index(0, RuleListModel::Expression)).toString(),
             QStringLiteral("udp and dst port 6001"));

    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    const QString startError = CaptureRecorder::start(controller, settings);
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const Flow flow{m_bed.network().peer(0).ipv4, 6001, 3, 100, 62};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(dropped.receive(0, 300ms).size(), 0); // dropped by the kernel
    QTRY_COMPARE_WITH_TIMEOUT(received.udpTo(6001).size(), flow.count, 5000);
    for (const PacketRecord &r : received.udpTo(6001)) {
        QCOMPARE(r.verdict, Verdict::Drop);
        QCOMPARE(r.ruleId, int(dropId));
    }
    // No rule change, no signal: the hits arrive through the poll while the capture runs.
    QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(0, RuleListModel::Hits)).toULongLong(),
                              quint64(flow.count), 5000);

    // Change, second rule, move, disable through the check box, remove: each seen in the model.
    const auto wait = [](const std::function<void(std::function<void(HelperError)>)> &call) {
        HelperError answer{QStringLiteral("pending"), {}};
        call([&answer](const HelperError &e) { answer = e; });
        (void)QTest::qWaitFor([&answer] { return answer.name != QLatin1String("pending"); }, 10000);
        return answer;
    };
    QVERIFY(!wait([&](auto done) {
                 m_client->changeRule(
                     dropId,
                     {{Contract::RuleField::Expression, QStringLiteral("udp and dst port 6002")}},
                     done);
             }).isError());
    QTRY_COMPARE(model.data(model.index(0, RuleListModel::Expression)).toString(),
                 QStringLiteral("udp and dst port 6002"));
    uint secondId = 0;
    m_client->addRule({{Contract::RuleField::Expression, QStringLiteral("icmp")},
                       {Contract::RuleField::Action, QStringLiteral("accept")},
                       {Contract::RuleField::Interface, QStringLiteral("vethA")}},
                      [&](uint id, const HelperError &) { secondId = id; });
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.ruleId(1), secondId);
    QCOMPARE(model.data(model.index(1, RuleListModel::Action)).toString(),
             QStringLiteral("accept"));
    const QPersistentModelIndex second = model.index(1, RuleListModel::Expression);
    QVERIFY(!wait([&](auto done) { m_client->moveRule(secondId, 0, done); }).isError());
    QTRY_COMPARE(model.ruleId(0), secondId);
    QCOMPARE(second.row(), 0); // a move, not a reset

    QVERIFY(
        model.setData(model.index(1, RuleListModel::Enabled), Qt::Unchecked, Qt::CheckStateRole));
    QTRY_VERIFY(!m_client->rules().value(1).enabled);
    QCOMPARE(model.data(model.index(1, RuleListModel::Enabled), Qt::CheckStateRole)
                 .value<Qt::CheckState>(),
             Qt::Unchecked);
    QCOMPARE(modelErrors.size(), 0);

    // A bad rule is refused with libpcap's message.
    HelperError bad;
    bool answered = false;
    m_client->addRule({{Contract::RuleField::Expression, QStringLiteral("udp and port nonsense")}},
                      [&](uint, const HelperError &e) {
                          bad = e;
                          answered = true;
                      });
    QTRY_VERIFY(answered);
    QCOMPARE(bad.name, QStringLiteral("org.nfqmon.Error.BadRule"));
    QVERIFY2(bad.sentence().startsWith(QStringLiteral("The rule is not valid")),
             qPrintable(bad.sentence()));

    QVERIFY(!wait([&](auto done) { m_client->removeRule(dropId, done); }).isError());
    QVERIFY(!wait([&](auto done) { m_client->removeRule(secondId, done); }).isError());
    QTRY_COMPARE(model.rowCount(), 0);
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CaptureState::Idle, 10000);
}

ChainStatus tst_HelperClientRules::fetchChains()
{
    QVariantMap reply;
    HelperError error{QStringLiteral("pending"), {}};
    m_client->fetchChains([&](const QVariantMap &chains, const HelperError &e) {
        reply = chains;
        error = e;
    });
    (void)QTest::qWaitFor([&error] { return error.name != QLatin1String("pending"); }, 10000);
    if (error.isError())
        qWarning("GetChains: %s", qPrintable(error.sentence()));
    return ChainStatus::fromReply(reply);
}

void tst_HelperClientRules::chainStatusReadsTheHelper()
{
    const auto fetch = [this] { return fetchChains(); };
    const ChainStatus none = fetch();
    QVERIFY(!none.chainsExist());
    QVERIFY2(none.error.isEmpty(), qPrintable(none.error));
    QVERIFY(none.text().contains(ChainStatus::createCommands()));

    for (int family : {4, 6}) {
        QVERIFY(TestNetwork::iptables(family, {"-t", "raw", "-N", "HAKA-PRE"}).succeeded());
        QVERIFY(TestNetwork::iptables(family, {"-t", "raw", "-N", "HAKA-OUT"}).succeeded());
    }
    QVERIFY(
        TestNetwork::iptables(4, {"-t", "raw", "-A", "PREROUTING", "-p", "udp", "-j", "HAKA-PRE"})
            .succeeded());
    // The helper reuses a report for up to ChainReporter::CacheMs: the change shows within that.
    ChainStatus ready;
    QTRY_VERIFY_WITH_TIMEOUT((ready = fetch()).chainsExist(), 3000);
    QCOMPARE(ready.ipv4.jumps, QStringList{QStringLiteral("-A PREROUTING -p udp -j HAKA-PRE")});
    QVERIFY(ready.ipv6.jumps.isEmpty());
    QVERIFY2(!ready.text().contains(ChainStatus::createCommands()), qPrintable(ready.text()));
}

void tst_HelperClientRules::oneFamilyOfChainsIsCapturedAndSaidSo()
{
    // The Haka documentation's commands: IPv4 chains and jumps, nothing for IPv6.
    for (const QStringList &arguments :
         {QStringList{"-t", "raw", "-N", "HAKA-PRE"}, QStringList{"-t", "raw", "-N", "HAKA-OUT"},
          QStringList{"-t", "raw", "-A", "PREROUTING", "-j", "HAKA-PRE"},
          QStringList{"-t", "raw", "-A", "OUTPUT", "-j", "HAKA-OUT"}})
        QVERIFY(TestNetwork::iptables(4, arguments).succeeded());
    const QString v6Commands = ChainStatus::createCommands(QStringLiteral("ip6tables"));

    // Before the start, the capture settings dialog's text (the helper reuses a report for up
    // to ChainReporter::CacheMs: the change shows within that)...
    ChainStatus chains;
    QTRY_VERIFY_WITH_TIMEOUT((chains = fetchChains()).canCapture() && !chains.chainsExist(), 3000);
    QVERIFY2(chains.text().contains(QStringLiteral("IPv6 will not be captured: table raw (IPv6) "
                                                   "has no chain HAKA-PRE or HAKA-OUT")),
             qPrintable(chains.text()));
    QVERIFY2(chains.text().contains(v6Commands), qPrintable(chains.text()));

    // ...and once started, the helper's notice (the window's message bar) say the same.
    CaptureController controller(m_client.get());
    QSignalSpy notices(&controller, &CaptureController::noticeReceived);
    CaptureRecorder received(controller);
    CaptureSettings settings;
    settings.interfaces = {QStringLiteral("vethA")};
    settings.automaticRules = false;
    const QString startError = CaptureRecorder::start(controller, settings);
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 5000);
    const QString notice = notices.first().first().toString();
    QVERIFY2(notice.startsWith(QStringLiteral("IPv6 is not captured: table raw (IPv6) has no "
                                              "chain HAKA-PRE or HAKA-OUT")),
             qPrintable(notice));
    QVERIFY2(notice.contains(v6Commands), qPrintable(notice));

    // IPv4 is captured, IPv6 is not.
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6002, 3, 100, 63}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv6, 6003, 3, 100, 64}).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(received.udpTo(6002).size(), 3, 5000);
    QTest::qWait(300);
    QCOMPARE(received.udpTo(6003).size(), 0);
    QCOMPARE(notices.size(), 1); // once a capture, not at every status
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CaptureState::Idle, 10000);
}

QTEST_GUILESS_MAIN(tst_HelperClientRules)
#include "tst_helperclient_rules.moc"
