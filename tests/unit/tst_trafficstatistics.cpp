// TrafficStatistics counts what reaches the store: accepted and dropped packets and bytes per
// second over a ten-minute window of packet time, the protocol mix, the top talkers, the top
// destination ports, the top applications (named as the Application column names them) and the
// top hosts (named as the Host column names them); it
// follows the store (appends, clear) and says updated() at most once a second. The top lists live
// in fixed memory (Space-Saving): however many sources, ports or programs come, every one with
// more than N / TopCounters packets is listed, and a listed count is never too low and at most
// the stated error too high.
#include "app/display/SummaryText.h"
#include "app/store/DesktopEntryIndex.h"
#include "app/store/PacketCellText.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "app/store/TrafficStatistics.h"
#include "helper/protocol/IpProtocol.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/DesktopFileTree.h"
#include "tests/support/core/PacketBuilder.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

constexpr qint64 Second = 1'000'000'000;
constexpr qint64 T0 = 1'700'000'000 * Second;

StoredPacket packet(qint64 ns, quint32 length, bool dropped)
{
    StoredPacket p;
    p.timestampNs = ns;
    p.packetLength = length;
    p.verdict = dropped ? Verdict::Drop : Verdict::Accept;
    return p;
}

StoredPacket stored(const TestPacket &t)
{
    StoredPacket p;
    p.timestampNs = t.record.timestampNs;
    p.packetLength = t.record.packetLength;
    p.verdict = t.record.verdict;
    p.summary = t.record.summary;
    return p;
}

enum class TopList { Talkers, Ports, Applications, Hosts };

// Key `n` of a stream as a packet: from source 2001:db8::n (talkers), to port n / 2 over UDP or
// TCP (ports; keys wrap at 131,072), of process n (applications: the program named by
// programOf(n)), or to the host hostOf(n).
StoredPacket keyed(TopList list, quint32 n)
{
    const bool ports = list == TopList::Ports;
    StoredPacket p = packet(T0, 100, false);
    PacketSummary &s = p.summary;
    s.network = NetworkProtocol::IPv6;
    s.source[0] = 0x20;
    s.source[1] = 0x01;
    s.source[2] = 0x0d;
    s.source[3] = 0xb8;
    if (ports) {
        s.transport = n % 2 ? IpProtocol::Tcp : IpProtocol::Udp;
        s.flags = SummaryFlag::HasPorts;
        s.destinationPort = quint16(n / 2);
    } else {
        s.transport = IpProtocol::Udp;
        s.source[12] = std::uint8_t(n >> 24);
        s.source[13] = std::uint8_t(n >> 16);
        s.source[14] = std::uint8_t(n >> 8);
        s.source[15] = std::uint8_t(n);
    }
    if (list == TopList::Applications) {
        p.origin = Origin::Process;
        p.processId = n;
    }
    return p;
}

ApplicationName programOf(quint32 n)
{
    return ApplicationName(QStringLiteral("program-%1").arg(n));
}

QString hostOf(quint32 n)
{
    return QStringLiteral("h%1.example.org").arg(n);
}

QString nameOf(TopList list, const StoredPacket &p, quint32 n)
{
    if (list == TopList::Hosts)
        return hostOf(n);
    if (list == TopList::Applications)
        return programOf(p.processId).text;
    if (list == TopList::Talkers)
        return SummaryText::source(p.summary);
    return QStringLiteral("%1/%2")
        .arg(p.summary.destinationPort)
        .arg(p.summary.transport == IpProtocol::Tcp ? "tcp" : "udp");
}

// "seconds after T0: accepted packets/bytes, dropped packets/bytes"
using Buckets = QMap<qint64, QList<quint64>>;
using Counts = QList<QPair<QString, quint64>>;

// A UDP packet of `origin`; with Origin::Process, of process `id` (executable `executable`, the
// kernel's short name `command`), described in the stream before it when `describe`.
TestPacket ofOrigin(Origin origin, quint32 id = 0, const char *executable = "",
                    const char *command = "", bool describe = true)
{
    using namespace PacketBuilder;
    TestPacket t = testPacket(ipv4("10.0.0.1", "10.0.0.9", Udp, udp(5000, 53, "q")), T0);
    t.record.origin = origin;
    if (origin == Origin::Process) {
        t.record.processId = id;
        if (describe) {
            t.process = ProcessInfo{};
            t.process->id = id;
            t.process->pid = 1000 + id;
            t.process->command = command;
            t.process->executable = executable;
        }
    }
    return t;
}

QList<TestPacket> times(int n, const TestPacket &packet)
{
    QList<TestPacket> list(n, packet);
    for (int i = 1; i < n; ++i)
        list[i].process.reset(); // described once, as the helper does
    return list;
}

// `n` UDP packets to or from (incoming) a host the helper named `name`, learned from `source`
// as its name number `id`.
QList<TestPacket> toHost(int n, quint64 id, const char *name, HostSource source = HostSource::Dns,
                         bool incoming = false)
{
    using namespace PacketBuilder;
    TestPacket t = incoming ? testPacket(ipv4("192.0.2.7", "10.0.0.1", Udp, udp(53, 5000, "a")), T0)
                            : testPacket(ipv4("10.0.0.1", "192.0.2.7", Udp, udp(5000, 53, "q")), T0,
                                         Verdict::Accept, -1, Hook::Output);
    QList<TestPacket> list(n, withHost(t, id, QString::fromLatin1(name), source));
    for (int i = 1; i < n; ++i)
        list[i].host.reset(); // described once, as the helper does
    return list;
}

Counts countsOf(const QList<TrafficStatistics::Count> &list)
{
    Counts counts;
    for (const auto &c : list)
        counts.append({c.name, c.packets});
    return counts;
}

QMap<QString, quint64> asMap(const Counts &counts)
{
    QMap<QString, quint64> map;
    for (const auto &[name, count] : counts)
        map.insert(name, count);
    return map;
}

// How many rows show each text in the table's `column` (rows with an empty cell not counted).
QMap<QString, quint64> columnCounts(const PacketStore &store, int column)
{
    const PacketCellText cells(&store);
    QMap<QString, quint64> counts;
    for (qint64 row = 0; row < store.size(); ++row) {
        const QString text = cells.display(store.at(row), column);
        if (!text.isEmpty())
            ++counts[text];
    }
    return counts;
}

} // namespace

class tst_TrafficStatistics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ratesPerSecond_data();
    void ratesPerSecond();
    void windowEndsAtTheLaterOfNowAndTheNewestPacket();
    void mixTalkersAndPorts();
    void countsPacketsPerApplicationAsTheColumnNamesThem_data();
    void countsPacketsPerApplicationAsTheColumnNamesThem();
    void countsPacketsPerHostAsTheColumnNamesThem_data();
    void countsPacketsPerHostAsTheColumnNamesThem();
    void topListsKeepTheirGuarantee_data();
    void topListsKeepTheirGuarantee();
    void followsTheStore();

private:
    // Desktop entries for the rows of programs named by them.
    DesktopFileTree m_tree;
    std::shared_ptr<const DesktopEntryIndex> m_entries;
    std::string m_browser;      // real path of the "Web Browser" entry's program
    std::string m_otherBrowser; // another program whose entry is named "Web Browser" too
};

void tst_TrafficStatistics::initTestCase()
{
    QVERIFY(m_tree.isValid());
    m_browser = QFileInfo(m_tree.writeProgram(QStringLiteral("bin/browser")))
                    .canonicalFilePath()
                    .toStdString();
    m_otherBrowser = QFileInfo(m_tree.writeProgram(QStringLiteral("opt/browser-nightly")))
                         .canonicalFilePath()
                         .toStdString();
    m_tree.writeEntry(m_tree.systemApplications(), QStringLiteral("browser.desktop"),
                      "[Desktop Entry]\nType=Application\nName=Web Browser\n"
                      "Exec={{root}}/bin/browser %u\n");
    m_tree.writeEntry(m_tree.systemApplications(), QStringLiteral("nightly.desktop"),
                      "[Desktop Entry]\nType=Application\nName=Web Browser\n"
                      "Exec={{root}}/opt/browser-nightly\n");
    m_entries = std::make_shared<const DesktopEntryIndex>(
        DesktopEntryIndex::load({m_tree.systemApplications()}, {}));
}

void tst_TrafficStatistics::ratesPerSecond_data()
{
    QTest::addColumn<QList<StoredPacket>>("packets");
    QTest::addColumn<Buckets>("expected");

    QTest::newRow("one second") << QList<StoredPacket>{packet(T0, 100, false),
                                                       packet(T0 + Second / 2, 60, true),
                                                       packet(T0 + Second - 1, 40, false)}
                                << Buckets{{599, {2, 140, 1, 60}}};
    QTest::newRow("gaps stay empty")
        << QList<StoredPacket>{packet(T0, 100, false), packet(T0 + 3 * Second, 50, true)}
        << Buckets{{596, {1, 100, 0, 0}}, {597, {0, 0, 0, 0}}, {599, {0, 0, 1, 50}}};
    QTest::newRow("late packet in its second")
        << QList<StoredPacket>{packet(T0 + 5 * Second, 10, false), packet(T0 + Second, 20, false)}
        << Buckets{{595, {1, 20, 0, 0}}, {599, {1, 10, 0, 0}}};
    QTest::newRow("older than the window")
        << QList<StoredPacket>{packet(T0 + 700 * Second, 10, false), packet(T0, 20, true)}
        << Buckets{{0, {0, 0, 0, 0}}, {599, {1, 10, 0, 0}}};
    QTest::newRow("window moves on")
        << QList<StoredPacket>{packet(T0, 1, false), packet(T0 + 599 * Second, 2, false),
                               packet(T0 + 600 * Second, 4, true)}
        << Buckets{{0, {0, 0, 0, 0}}, {598, {1, 2, 0, 0}}, {599, {0, 0, 1, 4}}};
}

void tst_TrafficStatistics::ratesPerSecond()
{
    QFETCH(QList<StoredPacket>, packets);
    QFETCH(Buckets, expected);
    TrafficStatistics statistics;
    quint64 accepted = 0;
    quint64 droppedBytes = 0;
    for (const StoredPacket &p : packets) {
        statistics.add(p);
        accepted += p.verdict == Verdict::Accept;
        droppedBytes += p.verdict == Verdict::Drop ? p.packetLength : 0;
    }
    const QList<TrafficStatistics::Second> seconds = statistics.seconds();
    QCOMPARE(seconds.size(), TrafficStatistics::WindowSeconds);
    for (int i = 1; i < seconds.size(); ++i)
        QCOMPARE(seconds[i].startNs - seconds[i - 1].startNs, Second);
    const qint64 newest = std::max_element(packets.begin(), packets.end(), [](auto &a, auto &b) {
                              return a.timestampNs < b.timestampNs;
                          })->timestampNs;
    QCOMPARE(seconds.last().startNs, newest / Second * Second);
    for (auto i = expected.cbegin(); i != expected.cend(); ++i) {
        const TrafficStatistics::Second &s = seconds[i.key()];
        const QList<quint64> actual{s.acceptedPackets, s.acceptedBytes, s.droppedPackets,
                                    s.droppedBytes};
        QCOMPARE(actual, i.value());
    }
    // The totals count every packet, in the window or not.
    QCOMPARE(statistics.acceptedPackets(), accepted);
    QCOMPARE(statistics.droppedBytes(), droppedBytes);
}

void tst_TrafficStatistics::windowEndsAtTheLaterOfNowAndTheNewestPacket()
{
    TrafficStatistics statistics;
    QVERIFY(statistics.seconds().isEmpty());
    QCOMPARE(statistics.seconds(T0).size(), TrafficStatistics::WindowSeconds);
    statistics.add(packet(T0, 100, false));
    QList<TrafficStatistics::Second> seconds = statistics.seconds(T0 + 10 * Second);
    QCOMPARE(seconds.last().startNs, T0 + 10 * Second);
    QCOMPARE(seconds[589].acceptedPackets, 1u);
    QCOMPARE(seconds.last().acceptedPackets, 0u);
    seconds = statistics.seconds(T0 - 100 * Second); // a clock behind the packets
    QCOMPARE(seconds.last().startNs, T0);
    QCOMPARE(statistics.seconds(T0 + 1000 * Second).last().acceptedPackets, 0u);
    QCOMPARE(statistics.newestNs(), T0);
}

void tst_TrafficStatistics::mixTalkersAndPorts()
{
    using namespace PacketBuilder;
    TrafficStatistics statistics;
    const auto add = [&](const QByteArray &bytes, int times) {
        for (int i = 0; i < times; ++i)
            statistics.add(stored(testPacket(bytes, T0)));
    };
    add(ipv4("10.0.0.1", "10.0.0.9", Udp, udp(5000, 53, "q")), 5);
    add(ipv6("2001:db8::1", "2001:db8::9", Udp, udp(5000, 53, "q")), 2);
    add(ipv4("10.0.0.2", "10.0.0.9", Tcp, tcp(4000, 443, TcpFlag::Syn)), 3);
    add(ipv4("10.0.0.2", "10.0.0.9", Icmp, icmpEcho(false, 1, 1)), 1);
    add(ipv6("2001:db8::1", "2001:db8::9", Icmpv6, icmpv6Echo(false, 1, 1)), 1);
    add(QByteArray("\x00\x01\x02", 3), 1); // not IP

    QList<QPair<QString, quint64>> protocols;
    for (const auto &c : statistics.protocols())
        protocols.append({c.name, c.packets});
    QCOMPARE(protocols, (QList<QPair<QString, quint64>>{
                            {"UDP", 7}, {"TCP", 3}, {"?", 1}, {"ICMP", 1}, {"ICMPv6", 1}}));

    const QList<TrafficStatistics::Count> talkers = statistics.topTalkers(2);
    QCOMPARE(talkers.size(), 2);
    QCOMPARE(talkers[0].name, QStringLiteral("10.0.0.1"));
    QCOMPARE(talkers[0].packets, 5u);
    QCOMPARE(talkers[0].bytes, 5u * 29);
    QCOMPARE(talkers[1].name, QStringLiteral("10.0.0.2"));
    QCOMPARE(talkers[1].packets, 4u);
    QCOMPARE(statistics.topTalkers().size(), 3);

    QList<QPair<QString, quint64>> ports;
    for (const auto &c : statistics.topPorts())
        ports.append({c.name, c.packets});
    QCOMPARE(ports, (QList<QPair<QString, quint64>>{{"53/udp", 7}, {"443/tcp", 3}}));
    QCOMPARE(statistics.topPorts(1).size(), 1);
}

void tst_TrafficStatistics::countsPacketsPerApplicationAsTheColumnNamesThem_data()
{
    QTest::addColumn<QList<TestPacket>>("packets");
    QTest::addColumn<Counts>("expected");

    QTest::newRow("one program") << times(3, ofOrigin(Origin::Process, 1, "/usr/bin/curl", "curl"))
                                 << Counts{{"curl", 3}};
    QTest::newRow("processes of one program count together")
        << times(2, ofOrigin(Origin::Process, 1, "/usr/bin/curl", "curl")) +
               times(1, ofOrigin(Origin::Process, 3, "/usr/bin/wget", "wget")) +
               times(3, ofOrigin(Origin::Process, 2, "/usr/local/bin/curl", "curl"))
        << Counts{{"curl", 5}, {"wget", 1}};
    QTest::newRow("the executable's name, else the kernel's short name")
        << times(2, ofOrigin(Origin::Process, 1, "/opt/sync/bin/sync-agent", "sync-agen")) +
               times(1, ofOrigin(Origin::Process, 2, "", "python3"))
        << Counts{{"sync-agent", 2}, {"python3", 1}};
    QTest::newRow("the kernel and processes the helper did not describe")
        << times(2, ofOrigin(Origin::Kernel)) +
               times(3, ofOrigin(Origin::Process, 9, "", "", false)) +
               times(1, ofOrigin(Origin::Process, 1, "/usr/bin/curl", "curl"))
        << Counts{{"(unknown program)", 3}, {"(kernel)", 2}, {"curl", 1}};
    QTest::newRow("forwarded and unattributed packets are left out")
        << times(4, ofOrigin(Origin::NoSocket)) + times(5, ofOrigin(Origin::Unknown)) +
               times(1, ofOrigin(Origin::Process, 1, "/usr/bin/curl", "curl"))
        << Counts{{"curl", 1}};
    QTest::newRow("nothing but a file's packets")
        << times(4, ofOrigin(Origin::Unknown)) << Counts{};
    QTest::newRow("by the desktop entry's name, programs of one name together")
        << times(2, ofOrigin(Origin::Process, 1, m_browser.c_str(), "browser")) +
               times(1, ofOrigin(Origin::Process, 2, "/usr/bin/curl", "curl")) +
               times(2, ofOrigin(Origin::Process, 3, m_otherBrowser.c_str(), "browser-nightl"))
        << Counts{{"Web Browser", 4}, {"curl", 1}};
}

void tst_TrafficStatistics::countsPacketsPerApplicationAsTheColumnNamesThem()
{
    QFETCH(QList<TestPacket>, packets);
    QFETCH(Counts, expected);
    PacketStore store;
    store.setDesktopEntries(QtFuture::makeReadyFuture(m_entries));
    TrafficStatistics statistics(&store);
    appendInBatches(store, packets, 4);
    QCOMPARE(countsOf(statistics.topApplications()), expected);
    QCOMPARE(statistics.topApplicationsError(), 0u);
    QCOMPARE(countsOf(statistics.topApplications(1)), expected.mid(0, 1));

    // The chart and the table's column agree: each counted name is the column's text, counted
    // once per row that shows it, and rows with an empty column are not counted.
    QCOMPARE(asMap(expected), columnCounts(store, PacketTableModel::Application));
}

void tst_TrafficStatistics::countsPacketsPerHostAsTheColumnNamesThem_data()
{
    QTest::addColumn<QList<TestPacket>>("packets");
    QTest::addColumn<Counts>("expected");
    QTest::newRow("one host") << toHost(3, 1, "a.test") << Counts{{"a.test", 3}};
    QTest::newRow("most packets first")
        << toHost(1, 2, "b.test") + toHost(4, 1, "a.test") + toHost(2, 3, "c.test")
        << Counts{{"a.test", 4}, {"c.test", 2}, {"b.test", 1}};
    QTest::newRow("one name learned two ways counts once")
        << toHost(2, 1, "a.test") + toHost(1, 2, "a.test", HostSource::Tls) +
               toHost(1, 3, "a.test", HostSource::Quic)
        << Counts{{"a.test", 4}};
    QTest::newRow("sent and received")
        << toHost(2, 1, "a.test") + toHost(3, 1, "a.test", HostSource::Dns, true)
        << Counts{{"a.test", 5}};
    QTest::newRow("packets without a name are left out")
        << times(3, ofOrigin(Origin::Unknown)) + toHost(1, 1, "c.test") << Counts{{"c.test", 1}};
    QTest::newRow("nothing named") << times(3, ofOrigin(Origin::Unknown)) << Counts{};
}

void tst_TrafficStatistics::countsPacketsPerHostAsTheColumnNamesThem()
{
    QFETCH(QList<TestPacket>, packets);
    QFETCH(Counts, expected);
    PacketStore store;
    TrafficStatistics statistics(&store);
    appendInBatches(store, packets, 3);
    QCOMPARE(countsOf(statistics.topHosts()), expected);
    QCOMPARE(statistics.topHostsError(), 0u);
    QCOMPARE(countsOf(statistics.topHosts(1)), expected.mid(0, 1));
    // The chart and the table's Host column agree, row by row.
    QCOMPARE(asMap(expected), columnCounts(store, PacketTableModel::Host));
    // And a clear forgets them.
    store.clear();
    QVERIFY(statistics.topHosts().isEmpty());
}

void tst_TrafficStatistics::topListsKeepTheirGuarantee_data()
{
    QTest::addColumn<TopList>("list");
    QTest::addColumn<QString>("stream");
    for (const TopList list :
         {TopList::Talkers, TopList::Ports, TopList::Applications, TopList::Hosts}) {
        const char *what = list == TopList::Talkers        ? "talkers"
                           : list == TopList::Ports        ? "ports"
                           : list == TopList::Applications ? "applications"
                                                           : "hosts";
        for (const char *stream : {"few", "flood and heavy hitters", "zipf", "uniform"}) {
            QTest::addRow("%s, %s", what, stream) << list << QString::fromLatin1(stream);
        }
    }
}

void tst_TrafficStatistics::topListsKeepTheirGuarantee()
{
    QFETCH(TopList, list);
    QFETCH(QString, stream);
    constexpr int N = 300'000;
    constexpr int K = TrafficStatistics::TopCounters;
    std::mt19937 random(11);
    std::vector<double> zipf; // cumulative weights of 100,000 keys, s = 1.1
    if (stream == "zipf") {
        double sum = 0;
        for (int i = 1; i <= 100'000; ++i)
            zipf.push_back(sum += std::pow(double(i), -1.1));
    }
    quint32 fresh = 1'000;
    const auto next = [&]() -> quint32 {
        if (stream == "few")
            return random() % 1'000;
        if (stream == "uniform")
            return random() % 50'000;
        if (stream == "zipf") {
            const double x = std::uniform_real_distribution<double>(0, zipf.back())(random);
            return quint32(std::lower_bound(zipf.begin(), zipf.end(), x) - zipf.begin());
        }
        // A spoofed flood, every packet from a new source (a new port, a new program), and 20
        // real talkers sending a fifth of the packets, the first the most.
        if (random() % 5 == 0)
            return quint32(std::min(random() % 20, random() % 20));
        return fresh++;
    };
    TrafficStatistics statistics;
    QHash<QString, quint64> truth;
    QHash<quint32, QString> names;
    for (int i = 0; i < N; ++i) {
        const quint32 n = next();
        const StoredPacket p = keyed(list, n);
        if (list == TopList::Applications) {
            const ApplicationName program = programOf(n);
            statistics.add(p, &program);
        } else if (list == TopList::Hosts) {
            statistics.add(p, nullptr, hostOf(n));
        } else {
            statistics.add(p);
        }
        auto name = names.find(n);
        if (name == names.end())
            name = names.insert(n, nameOf(list, p, n));
        ++truth[*name];
    }
    names.clear();

    const quint64 error = list == TopList::Ports          ? statistics.topPortsError()
                          : list == TopList::Applications ? statistics.topApplicationsError()
                          : list == TopList::Hosts        ? statistics.topHostsError()
                                                          : statistics.topTalkersError();
    const QList<TrafficStatistics::Count> listed =
        list == TopList::Ports          ? statistics.topPorts(1'000'000)
        : list == TopList::Applications ? statistics.topApplications(1'000'000)
        : list == TopList::Hosts        ? statistics.topHosts(1'000'000)
                                        : statistics.topTalkers(1'000'000);
    // Fixed memory: no more counters than TopCounters, whatever came.
    QVERIFY2(listed.size() <= K, qPrintable(QString::number(listed.size())));
    QVERIFY2(error <= quint64(N / K), qPrintable(QString::number(error)));
    if (truth.size() <= K)
        QCOMPARE(error, 0u); // exact while every key has a counter
    QHash<QString, TrafficStatistics::Count> byName;
    for (const auto &c : listed) {
        QVERIFY(truth.contains(c.name));
        const quint64 real = truth.value(c.name);
        // Never too low, too high by at most the entry's error, which is at most the bound.
        QVERIFY2(c.packets >= real && c.packets - real <= c.error && c.error <= error,
                 qPrintable(QStringLiteral("%1: %2 counted, %3 sent, error %4 (bound %5)")
                                .arg(c.name)
                                .arg(c.packets)
                                .arg(real)
                                .arg(c.error)
                                .arg(error)));
        byName.insert(c.name, c);
    }
    // Every key with more than the bound (hence every one with more than N / K) is listed.
    int heavy = 0;
    for (auto i = truth.cbegin(); i != truth.cend(); ++i) {
        if (i.value() > error) {
            ++heavy;
            QVERIFY2(byName.contains(i.key()),
                     qPrintable(QStringLiteral("%1 sent %2 (bound %3) and is not listed")
                                    .arg(i.key())
                                    .arg(i.value())
                                    .arg(error)));
        }
    }
    if (stream != "uniform")
        QVERIFY(heavy >= 20);
    // A talker that stands apart is on top.
    if (stream == "zipf" || stream == "flood and heavy hitters") {
        const auto biggest = std::max_element(truth.cbegin(), truth.cend());
        QCOMPARE(listed.constFirst().name, biggest.key());
    }
}

void tst_TrafficStatistics::followsTheStore()
{
    PacketStore store;
    const QList<TestPacket> packets = mixedPackets(300);
    appendInBatches(store, packets.first(100));
    TrafficStatistics statistics(&store); // takes what the store holds already
    QSignalSpy updated(&statistics, &TrafficStatistics::updated);
    appendInBatches(store, packets.mid(100), 10);
    quint64 total = 0;
    for (const auto &c : statistics.protocols())
        total += c.packets;
    QCOMPARE(total, 300u);
    quint64 dropped = 0;
    for (const TestPacket &p : packets)
        dropped += p.record.verdict == Verdict::Drop;
    QCOMPARE(statistics.droppedPackets(), dropped);

    // At most once a second, however often packets come.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2500) {
        appendInBatches(store, packets.first(5));
        QTest::qWait(20);
    }
    QVERIFY2(updated.size() >= 2 && updated.size() <= 3,
             qPrintable(QString::number(updated.size())));

    store.clear();
    QCOMPARE(statistics.acceptedPackets(), 0u);
    QVERIFY(statistics.protocols().isEmpty());
    appendInBatches(store, packets.first(3));
    QCOMPARE(statistics.acceptedPackets() + statistics.droppedPackets(), 3u);

    // A new capture starts the applications afresh, like the other lists; a new helper may
    // number another program as an earlier one was.
    appendInBatches(store, times(2, ofOrigin(Origin::Process, 1, "/usr/bin/curl", "curl")));
    QCOMPARE(countsOf(statistics.topApplications()), (Counts{{"curl", 2}}));
    store.clear();
    QVERIFY(statistics.topApplications().isEmpty());
    appendInBatches(store, times(1, ofOrigin(Origin::Process, 1, "/usr/bin/ssh", "ssh")));
    QCOMPARE(countsOf(statistics.topApplications()), (Counts{{"ssh", 1}}));
}

QTEST_GUILESS_MAIN(tst_TrafficStatistics)
#include "tst_trafficstatistics.moc"
