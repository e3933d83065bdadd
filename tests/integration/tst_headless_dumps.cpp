// Headless capture, issue 2 integration item 2: dump_input holds every packet received and
// dump_output exactly the accepted ones, byte for byte, as nanosecond pcap files of link type
// RAW that libpcap and `tcpdump -r` read; or, for names ending in .pcapng, as pcapng files that
// also tell each packet's interface, direction and verdict, as tshark reads them.
#include "tests/support/bus/PrivateSystemBus.h"
#include "tests/support/core/Command.h"
#include "tests/support/core/DumpFile.h"
#include "tests/support/core/TestEnvironment.h"
#include "tests/support/core/TestPayload.h"
#include "tests/support/core/Tshark.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/IptablesSnapshot.h"
#include "tests/support/network/TestNetwork.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QDateTime>
#include <QtTest>

#include <sys/mount.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

// One batch of test datagrams, and where it must end up.
struct SentFlow {
    int from = TestNetwork::Local; // peer index, or Local for the test's namespace
    QString source;
    Flow flow;
    bool dropped = false;
};

QByteArray payloadOf(const Flow &flow, int index)
{
    return QByteArray::fromStdString(
        TestPayload::make(std::uint16_t(flow.seed), std::uint32_t(index), std::size_t(flow.size)));
}

// Packets of `dump` that carry datagram `index` of `sent`, compared field by field.
int copiesOf(const DumpFile &dump, const SentFlow &sent, int index)
{
    const QByteArray payload = payloadOf(sent.flow, index);
    return dump.count([&](const DumpedPacket &packet) {
        return packet.isUdp() && packet.headerValid && packet.source == sent.source &&
               packet.destination == sent.flow.address &&
               packet.destinationPort == sent.flow.port && packet.payload == payload;
    });
}

int tcpdumpLines(const QString &file, const QString &filter, QString *problem)
{
    QStringList argv{QStringLiteral("tcpdump"), QStringLiteral("-n"), QStringLiteral("-r"), file};
    if (!filter.isEmpty())
        argv.append(filter);
    const Command::Result result = Command::run(argv);
    if (!result.succeeded() || !result.errorOutput.contains("RAW")) {
        *problem = result.describe();
        return -1;
    }
    return int(result.output.count('\n'));
}

// A pcapng dump as tshark reads it: every packet on `a`'s interface, going out when it comes
// from this namespace and in otherwise, dropped by rule 1 when it is for port 5353.
void checkPcapngAnnotations(const QString &file, const Peer &a, int packets, int dropped)
{
    QList<QStringList> rows;
    QString error;
    QVERIFY2(Tshark::fields(file,
                            {QStringLiteral("frame.interface_name"),
                             QStringLiteral("frame.packet_flags_direction"),
                             QStringLiteral("frame.comment"), QStringLiteral("ip.src"),
                             QStringLiteral("ipv6.src"), QStringLiteral("udp.dstport")},
                            &rows, &error),
             qPrintable(error));
    QCOMPARE(rows.size(), packets);
    int droppedSeen = 0;
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), 6);
        const QString source = row[3] + row[4];
        const bool out = source == a.ipv4 || source == a.ipv6;
        const bool drop = row[5] == QLatin1String("5353");
        const QString what = row.join(u' ');
        QVERIFY2(row[0] == a.interface, qPrintable(what));
        QVERIFY2(row[1] == QLatin1String(out ? "0x00000002" : "0x00000001"), qPrintable(what));
        QVERIFY2(row[2] == QLatin1String(drop ? "dropped by rule 1" : "accepted"),
                 qPrintable(what));
        droppedSeen += drop;
    }
    QCOMPARE(droppedSeen, dropped);
}

} // namespace

class tst_HeadlessDumps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dumpsHoldExactlyWhatPassed_data();
    void dumpsHoldExactlyWhatPassed();
    void snapLengthLimitsTheBytesKept();
    void unopenableDumpIsAnError();
    void fullDiskEndsTheDumpNotTheCapture();
    void cleanupTestCase();

private:
    TestNetwork m_network;
};

void tst_HeadlessDumps::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 1);
}

void tst_HeadlessDumps::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
}

void tst_HeadlessDumps::dumpsHoldExactlyWhatPassed_data()
{
    QTest::addColumn<QString>("extension"); // the format, chosen by the name
    QTest::addColumn<quint32>("magic");

    QTest::newRow("pcap") << QStringLiteral("pcap") << quint32(DumpFile::NanosecondMagic);
    QTest::newRow("pcapng") << QStringLiteral("pcapng") << quint32(0x0a0d0d0a); // the SHB
}

void tst_HeadlessDumps::dumpsHoldExactlyWhatPassed()
{
    QFETCH(QString, extension);
    QFETCH(quint32, magic);
    const Peer &a = m_network.peer(0);
    // Into this namespace (PREROUTING) and out of it (OUTPUT), IPv4 and IPv6, several sizes;
    // port 5353 is dropped by the rule in both directions.
    const QList<SentFlow> flows = {
        {0, a.peerIpv4, {a.ipv4, 6000, 5, 200, 1}, false},
        {0, a.peerIpv6, {a.ipv6, 6000, 4, 1400, 2}, false},
        {0, a.peerIpv4, {a.ipv4, 6000, 2, 8, 3}, false},
        {0, a.peerIpv4, {a.ipv4, 5353, 3, 100, 4}, true},
        {0, a.peerIpv6, {a.ipv6, 5353, 3, 100, 5}, true},
        {TestNetwork::Local, a.ipv4, {a.peerIpv4, 6001, 4, 300, 6}, false},
        {TestNetwork::Local, a.ipv6, {a.peerIpv6, 6001, 3, 500, 7}, false},
        {TestNetwork::Local, a.ipv6, {a.peerIpv6, 5353, 2, 64, 8}, true},
    };
    // Receivers, so that no "port unreachable" errors add to the traffic here.
    TrafficReceiver v4(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver v6(TrafficReceiver::Protocol::Udp, 6, 6000);
    QString error;
    QVERIFY2(v4.open(&error) && v6.open(&error), qPrintable(error));

    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("input.") + extension);
    const QString output = helper.filePath(QStringLiteral("output.") + extension);
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n"
                                               "dump_output = \"%3\"\n"
                                               "status_interval = 1\n"
                                               "rule = \"drop udp and dst port 5353\"\n")
                                    .arg(a.interface, input, output),
                                &error),
             qPrintable(error));
    const qint64 startNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    QVERIFY2(helper.start(&error), qPrintable(error));
    for (const SentFlow &sent : flows) {
        const Command::Result result = m_network.sendUdp(sent.from, sent.flow);
        QVERIFY2(result.succeeded(), qPrintable(result.describe()));
    }
    NFQMON_VERIFY_HELPER(m_network.ping(0, a.ipv4, 2) == 2, helper);
    NFQMON_VERIFY_HELPER(v4.receive(5 + 2, 2s).size() == 5 + 2, helper);
    NFQMON_VERIFY_HELPER(v6.receive(4, 2s).size() == 4, helper);
    const HelperReport report = helper.stop();
    const qint64 stopNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    DumpFile in;
    DumpFile out;
    QVERIFY2(in.load(input, &error), qPrintable(error));
    QVERIFY2(out.load(output, &error), qPrintable(error));
    for (const DumpFile *dump : {&in, &out}) {
        QCOMPARE(dump->magic(), magic);
        QCOMPARE(dump->linkType(), DumpFile::LinkTypeRaw);
    }

    // Every datagram once in the input; in the output only when accepted.
    int dropped = 0;
    for (const SentFlow &sent : flows) {
        for (int i = 0; i < sent.flow.count; ++i) {
            const QString what = QStringLiteral("datagram %1 of %2 -> %3:%4\ninput %5output %6")
                                     .arg(i)
                                     .arg(sent.source, sent.flow.address)
                                     .arg(sent.flow.port)
                                     .arg(in.describe(), out.describe());
            QVERIFY2(copiesOf(in, sent, i) == 1, qPrintable(what));
            QVERIFY2(copiesOf(out, sent, i) == (sent.dropped ? 0 : 1), qPrintable(what));
        }
        dropped += sent.dropped ? sent.flow.count : 0;
    }
    const auto echoes = [](const DumpedPacket &packet) {
        return packet.isIcmpEcho(false) || packet.isIcmpEcho(true);
    };
    QCOMPARE(in.count(echoes), 4);
    QCOMPARE(out.count(echoes), 4);

    // The output is the input minus the dropped packets: same bytes, same order.
    QCOMPARE(out.size(), in.size() - dropped);
    for (int i = 0, j = 0; i < out.size(); ++i, ++j) {
        while (j < in.size() && in.packets().at(j).bytes != out.packets().at(i).bytes)
            ++j;
        QVERIFY2(j < in.size(),
                 qPrintable(QStringLiteral("output packet %1 (%2) is not in the input")
                                .arg(i)
                                .arg(out.packets().at(i).describe())));
    }

    // Real nanosecond timestamps of this run, not microseconds scaled up.
    for (const DumpedPacket &packet : in.packets())
        QVERIFY(packet.timestampNs >= startNs - 1000000000 &&
                packet.timestampNs <= stopNs + 1000000000);
    QVERIFY(in.count([](const DumpedPacket &packet) { return packet.timestampNs % 1000 != 0; }) >
            0);

    QVERIFY2(report.totals && report.dumpInput && report.dumpOutput, qPrintable(report.describe()));
    QCOMPARE(report.totals->received, qint64(in.size()));
    QCOMPARE(report.totals->accepted, qint64(out.size()));
    QCOMPARE(report.totals->dropped, qint64(dropped));
    QCOMPARE(report.dumpInput->packets, qint64(in.size()));
    QCOMPARE(report.dumpInput->file, input);
    QCOMPARE(report.dumpOutput->packets, qint64(out.size()));
    QCOMPARE(report.dumpOutput->file, output);

    // tcpdump reads both files, one line per packet, and filters them as RAW IP.
    QString problem;
    QCOMPARE(tcpdumpLines(input, {}, &problem), in.size());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(tcpdumpLines(output, {}, &problem), out.size());
    QCOMPARE(tcpdumpLines(input, QStringLiteral("udp and dst port 5353"), &problem), dropped);
    QCOMPARE(tcpdumpLines(output, QStringLiteral("udp and dst port 5353"), &problem), 0);
    QCOMPARE(tcpdumpLines(input, QStringLiteral("ip6 and udp"), &problem), 4 + 3 + 3 + 2);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    if (extension == QLatin1String("pcapng")) {
        checkPcapngAnnotations(input, a, in.size(), dropped);
        if (QTest::currentTestFailed())
            return;
        checkPcapngAnnotations(output, a, out.size(), 0);
    }
}

void tst_HeadlessDumps::snapLengthLimitsTheBytesKept()
{
    const Peer &a = m_network.peer(0);
    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("input.pcap"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n"
                                               "snaplen = 96\n")
                                    .arg(a.interface, input),
                                &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));
    const Flow flow{a.peerIpv4, 6002, 3, 1000, 9};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, flow).succeeded());
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    DumpFile dump;
    QVERIFY2(dump.load(input, &error), qPrintable(error));
    // 96 bytes kept: IPv4 header, UDP header and the first 68 bytes of each payload.
    QList<QByteArray> heads;
    for (int i = 0; i < flow.count; ++i)
        heads.append(payloadOf(flow, i).left(96 - 28));
    for (const DumpedPacket &packet : dump.packets()) {
        if (packet.isUdp() && packet.destinationPort == 6002) {
            QCOMPARE(packet.bytes.size(), 96);
            QCOMPARE(packet.wireLength, 20u + 8u + 1000u); // the packet's real length
            QVERIFY(heads.removeOne(packet.payload));
        }
    }
    QVERIFY2(heads.isEmpty(), qPrintable(dump.describe()));
}

void tst_HeadlessDumps::unopenableDumpIsAnError()
{
    const IptablesSnapshot before = IptablesSnapshot::take();
    HelperProcess helper;
    const QString input = helper.filePath(QStringLiteral("no-such-directory/input.pcap"));
    QString error;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"vethA\"\n"
                                               "dump = true\n"
                                               "dump_input = \"%1\"\n")
                                    .arg(input),
                                &error),
             qPrintable(error));
    const HelperReport report = helper.runUntilExit();
    QVERIFY2(report.exited && report.exitCode == 1, qPrintable(report.describe()));
    QVERIFY2(report.errorMessage().contains(input), qPrintable(report.describe()));
    const IptablesSnapshot after = IptablesSnapshot::take();
    QVERIFY2(after == before, qPrintable(after.differenceFrom(before)));
}

// The dump goes to a 32 KiB tmpfs (mounted in a mount namespace of this test only) and ~64 KiB
// pass: the dump stops with a message naming the file and the reason, every packet still passes
// and is counted, and the file is a complete capture of the first packets (cut after the last
// whole one) that libpcap and tcpdump read without complaint.
void tst_HeadlessDumps::fullDiskEndsTheDumpNotTheCapture()
{
    QString error;
    QVERIFY2(PrivateSystemBus::enterPrivateMountNamespace(&error), qPrintable(error));
    QTemporaryDir disk;
    QVERIFY(disk.isValid());
    QVERIFY2(::mount("nfqmon-test-full", qPrintable(disk.path()), "tmpfs", MS_NOSUID | MS_NODEV,
                     "size=32k,mode=0700") == 0,
             qPrintable(qt_error_string(errno)));
    const auto unmount = qScopeGuard([&] { ::umount2(qPrintable(disk.path()), MNT_DETACH); });

    const Peer &a = m_network.peer(0);
    const Flow flow{a.ipv4, 6003, 100, 600, 12};
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, flow.port);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    HelperProcess helper;
    const QString input = disk.filePath(QStringLiteral("input.pcap"));
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"%1\"\n"
                                               "dump = true\n"
                                               "dump_input = \"%2\"\n")
                                    .arg(a.interface, input),
                                &error),
             qPrintable(error));
    QVERIFY2(helper.start(&error), qPrintable(error));
    const Command::Result sent = m_network.sendUdp(0, flow);
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    NFQMON_VERIFY_HELPER(receiver.receive(flow.count, 5s).size() == flow.count, helper);
    NFQMON_VERIFY_HELPER(m_network.ping(0, a.ipv4, 2) == 2, helper); // still capturing
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited, qPrintable(report.describe()));
    QVERIFY2(report.errorMessage().contains(input) &&
                 report.errorMessage().contains(QStringLiteral("No space left on device")),
             qPrintable(report.describe()));
    QVERIFY2(report.totals && report.totals->received >= flow.count + 2,
             qPrintable(report.describe()));

    DumpFile dump;
    QVERIFY2(dump.load(input, &error), qPrintable(error));
    QVERIFY2(dump.size() > 10 && dump.size() < flow.count, qPrintable(dump.describe()));
    int index = 0;
    for (const DumpedPacket &packet : dump.packets()) {
        if (packet.isUdp() && packet.destinationPort == flow.port) {
            QVERIFY2(packet.payload == payloadOf(flow, index), qPrintable(packet.describe()));
            ++index;
        }
    }
    // The link's own packets (IPv6 neighbour discovery, MLD) may be among them, never many.
    QVERIFY2(index > 10 && dump.size() - index <= 4, qPrintable(dump.describe()));
    const Command::Result read = Command::run(
        {QStringLiteral("tcpdump"), QStringLiteral("-n"), QStringLiteral("-r"), input});
    QVERIFY2(read.succeeded() && !read.errorOutput.contains("truncated"),
             qPrintable(read.describe()));
    QCOMPARE(int(read.output.count('\n')), dump.size());
}

void tst_HeadlessDumps::cleanupTestCase()
{
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HeadlessDumps)
#include "tst_headless_dumps.moc"
