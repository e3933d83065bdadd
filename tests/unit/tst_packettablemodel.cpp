// PacketTableModel under QAbstractItemModelTester: new packets are announced once per event-loop
// turn with exactly the rows added; the columns say what the packet is; the display filter, the
// time range, sorting and the preview pick and order the rows as the same libpcap filter and
// the columns' values do, also for packets arriving later and packets rolling off; and on a big
// store filtering and sorting run in a worker while the event loop goes on.
#include "app/display/SummaryText.h"
#include "app/store/DesktopEntryIndex.h"
#include "app/store/DesktopEntryReader.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "helper/protocol/CompiledFilter.h"
#include "helper/protocol/RuleSet.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/DesktopFileTree.h"
#include "tests/support/core/PacketBuilder.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace nfqmon;
using namespace nfqmon::test;

Q_DECLARE_METATYPE(nfqmon::RuleDirection)

namespace {

using Model = PacketTableModel;

// Lets the queued take-over of new packets run.
void turn()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

QList<qint64> shownNumbers(const Model &model, const PacketStore &store)
{
    QList<qint64> numbers;
    for (int row = 0; row < model.rowCount(); ++row)
        numbers.append(store.at(model.storeRow(row)).number);
    return numbers;
}

QList<qint64> matchingNumbers(const QList<TestPacket> &packets, const QString &expression,
                              qint64 fromNs = std::numeric_limits<qint64>::min(),
                              qint64 toNs = std::numeric_limits<qint64>::max())
{
    const auto filter = CompiledFilter::compile(expression, nullptr);
    Q_ASSERT(filter);
    QList<qint64> numbers;
    for (qsizetype i = 0; i < packets.size(); ++i) {
        const TestPacket &p = packets[i];
        if (p.record.timestampNs < fromNs || p.record.timestampNs >= toNs)
            continue;
        if (filter->matches(PacketBuilder::bytes(p.bytes).data(), p.record.capturedLength,
                            p.record.packetLength))
            numbers.append(i + 1);
    }
    return numbers;
}

// Both directions on two interfaces: packet i of the mix, in (PREROUTING) when i is even, on eth0
// or eth1 by turns of two; the names where the helper's records have them (the input interface
// of an incoming packet, the output interface of an outgoing one).
QList<TestPacket> packetsBothWaysOnTwoInterfaces(qint64 count)
{
    QList<TestPacket> packets;
    for (const TestPacket &p : mixedPackets(count)) {
        const qint64 i = packets.size();
        packets.append(testPacket(p.bytes, p.record.timestampNs, p.record.verdict, p.record.ruleId,
                                  i % 2 ? Hook::Output : Hook::PreRouting,
                                  i / 2 % 2 ? "eth1" : "eth0"));
    }
    return packets;
}

// The packets the helper's matcher, given `rule` alone, catches: asked exactly as the helper's
// queue threads ask it for a packet record (QueueWorker).
QList<qint64> caughtByTheHelper(const QList<TestPacket> &packets, const Rule &rule)
{
    QString error;
    const auto set = RuleSet::compile({rule}, &error);
    Q_ASSERT(set);
    QList<qint64> numbers;
    for (qsizetype i = 0; i < packets.size(); ++i) {
        const PacketRecord &r = packets[i].record;
        const PacketContext context{r.hook, r.inInterface, r.outInterface, &r.summary};
        if (set->match(PacketBuilder::bytes(packets[i].bytes).data(), r.capturedLength,
                       r.packetLength, context) >= 0)
            numbers.append(i + 1);
    }
    return numbers;
}

QList<qint64> highlightedNumbers(const Model &model, const PacketStore &store)
{
    QList<qint64> numbers;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(Model::HighlightRole).toBool())
            numbers.append(store.at(model.storeRow(row)).number);
    }
    return numbers;
}

// The host names namedPackets() gives packet i (by i % 5); "" for none.
const QStringList TestHostNames = {"a.example.org", "b.example.org", "badexample.org", "",
                                   "www.a.example.org"};

// mixedPackets() with the names of TestHostNames, learned from DNS answers (the helper's ids:
// 1 to 5).
QList<TestPacket> namedPackets(qint64 count, qint64 first = 0)
{
    QList<TestPacket> packets = mixedPackets(count, first);
    for (qsizetype i = 0; i < packets.size(); ++i) {
        const qsizetype k = (first + i) % TestHostNames.size();
        if (!TestHostNames[k].isEmpty())
            packets[i] = withHost(packets[i], std::uint64_t(k + 1), TestHostNames[k]);
    }
    return packets;
}

// The test's own idea of each column's order: the value behind the text.
QVariantList sortKey(const StoredPacket &p, int column, const PacketStore &store)
{
    const auto address = [](const PacketSummary &s, bool source) {
        const auto &a = source ? s.source : s.destination;
        return QByteArray(1, char(s.network)) +
               QByteArray(reinterpret_cast<const char *>(a.data()), 16);
    };
    switch (column) {
    case Model::Time:
        return {p.timestampNs};
    case Model::Interface:
        return {store.interfaceName(Model::interfaceIdOf(p))};
    case Model::Direction:
        return {int(p.hook)};
    case Model::Source:
        return {address(p.summary, true), p.summary.sourcePort};
    case Model::Destination:
        return {address(p.summary, false), p.summary.destinationPort};
    case Model::Protocol:
        return {SummaryText::protocolName(p.summary).toLower()};
    case Model::Length:
        return {p.packetLength};
    case Model::Info:
        return {SummaryText::protocolName(p.summary).toLower()};
    case Model::Verdict:
        return {p.verdict == Verdict::Accept ? 0 : 1, p.ruleId};
    case Model::User:
        return {(p.flags & RecordFlag::HasUid) ? qint64(p.uid) : qint64(1) << 32};
    case Model::Host:
        return {store.hostName(p.host)};
    default:
        return {p.number};
    }
}

bool keyLess(const QVariantList &a, const QVariantList &b)
{
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto c = QVariant::compare(a[i], b[i]);
        if (c != QPartialOrdering::Equivalent)
            return c == QPartialOrdering::Less;
    }
    return false;
}

// Every row is in its place for the column (ties by number), and every packet is there once.
void verifySorted(const Model &model, const PacketStore &store, int column, Qt::SortOrder order,
                  qint64 expectedRows)
{
    QCOMPARE(model.rowCount(), expectedRows);
    QSet<qint64> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        const StoredPacket &p = store.at(model.storeRow(row));
        QVERIFY(!seen.contains(p.number));
        seen.insert(p.number);
        if (row == 0)
            continue;
        const StoredPacket &q = store.at(model.storeRow(row - 1));
        QVariantList a = sortKey(q, column, store);
        QVariantList b = sortKey(p, column, store);
        if (column != Model::Info) { // the test knows only the first part of Info's order
            a << q.number;
            b << p.number;
        }
        if (order == Qt::DescendingOrder)
            std::swap(a, b);
        if (column == Model::Info ? keyLess(b, a) : !keyLess(a, b))
            QFAIL(qPrintable(QStringLiteral("rows %1 and %2 out of order").arg(row - 1).arg(row)));
    }
}

// The program of owned packets' process `id` (1, 2, ...): curl, "Web Content" (a process whose
// executable the kernel could not name) and wget by turns; uid 1000 or 0; pid 5000 + id.
ProcessInfo ownerProcess(quint32 id)
{
    ProcessInfo p;
    p.id = id;
    p.pid = 5000 + id;
    p.uid = id % 2 ? 1000 : 0;
    p.command = id % 3 == 1 ? "Web Content" : id % 3 == 2 ? "wget" : "curl";
    p.executable = id % 3 == 1 ? "" : id % 3 == 2 ? "/usr/bin/wget" : "/usr/bin/curl";
    return p;
}

// Packet `index` of the mix with an owner: the kernel's own, one nobody listens for, one of a
// process never described, or (two in five) one of process 1 + index / 20, described just before
// its first packet as the helper does: so packets arriving later bring processes of their own.
TestPacket ownedPacket(qint64 index)
{
    TestPacket p = mixedPacket(index);
    switch (index % 5) {
    case 0:
        p.record.origin = Origin::Kernel;
        break;
    case 1:
        p.record.origin = Origin::NoSocket;
        p.record.uid = quint32(index % 3 * 500);
        p.record.flags |= RecordFlag::HasUid;
        break;
    case 2:
        p.record.origin = Origin::Process;
        p.record.processId = quint32(900'000 + index);
        break;
    default:
        p.record.origin = Origin::Process;
        p.record.processId = quint32(1 + index / 20);
        if (index % 20 == 3)
            p.process = ownerProcess(p.record.processId);
        break;
    }
    return p;
}

QList<TestPacket> ownedPackets(qint64 count, qint64 first = 0)
{
    QList<TestPacket> packets;
    packets.reserve(count);
    for (qint64 i = first; i < first + count; ++i)
        packets.append(ownedPacket(i));
    return packets;
}

// The numbers of the packets `owner` accepts (given the packet and its described process, or
// nullptr) among those `expression` matches within [fromNs, toNs).
QList<qint64>
matchingOwners(const QList<TestPacket> &packets, const QString &expression,
               const std::function<bool(const PacketRecord &, const ProcessInfo *)> &owner,
               qint64 fromNs = std::numeric_limits<qint64>::min(),
               qint64 toNs = std::numeric_limits<qint64>::max())
{
    QList<qint64> numbers;
    for (const qint64 number : matchingNumbers(packets, expression, fromNs, toNs)) {
        const PacketRecord &r = packets[number - 1].record;
        const bool described = r.origin == Origin::Process && r.processId < 900'000;
        const ProcessInfo process = ownerProcess(r.processId);
        if (owner(r, described ? &process : nullptr))
            numbers.append(number);
    }
    return numbers;
}

using OwnerCheck = std::function<bool(const PacketRecord &, const ProcessInfo *)>;

} // namespace

Q_DECLARE_METATYPE(OwnerCheck)

class tst_PacketTableModel : public QObject
{
    Q_OBJECT

private slots:
    void newRowsAnnouncedOncePerTurn_data();
    void newRowsAnnouncedOncePerTurn();
    void columnsSayWhatThePacketIs_data();
    void columnsSayWhatThePacketIs();
    void applicationColumnNamesProgramsByTheirDesktopEntry();
    void displayFilter_data();
    void displayFilter();
    void badFilterChangesNothing();
    void hostTermsSelectByTheLearnedName_data();
    void hostTermsSelectByTheLearnedName();
    void timeRange();
    void ownerTermsSelectProcessesDescribedLater_data();
    void ownerTermsSelectProcessesDescribedLater();
    void sortByEveryColumn_data();
    void sortByEveryColumn();
    void selectionFollowsSort();
    void preview();
    void previewCatchesWhatTheHelperWould_data();
    void previewCatchesWhatTheHelperWould();
    void previewOfFilePacketsNeedsNoDirection();
    void rollOffRemovesTheOldestRows_data();
    void rollOffRemovesTheOldestRows();
    void clearResets();
    void bigStoreFiltersInTheBackground();
    void bigStoreSortsInTheBackground();
    void bigStoreFiltersByOwnerInTheBackground();
    void bigStoreSortsByHostInTheBackground();
};

void tst_PacketTableModel::newRowsAnnouncedOncePerTurn_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("filter");
    QTest::newRow("arrival") << -1 << Qt::AscendingOrder << QString();
    QTest::newRow("newest first") << int(Model::Number) << Qt::DescendingOrder << QString();
    QTest::newRow("filtered") << -1 << Qt::AscendingOrder << QStringLiteral("udp");
    QTest::newRow("sorted") << int(Model::Length) << Qt::AscendingOrder << QString();
    QTest::newRow("sorted and filtered")
        << int(Model::Source) << Qt::DescendingOrder << QStringLiteral("ip6 or icmp");
}

void tst_PacketTableModel::newRowsAnnouncedOncePerTurn()
{
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, filter);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(sortColumn, order);
    QVERIFY(model.setDisplayFilter(filter, nullptr));
    const QList<TestPacket> packets = mixedPackets(600);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&model, &Model::countsChanged);

    qint64 shown = 0;
    for (int round = 0; round < 3; ++round) {
        // Several batches within one turn: one announcement of exactly the rows they add.
        appendInBatches(store, packets.mid(round * 200, 200), 30);
        QCOMPARE(model.rowCount(), shown);
        turn();
        const qint64 expected = matchingNumbers(packets.first((round + 1) * 200), filter).size();
        QCOMPARE(inserted.size(), 1);
        const int first = inserted.at(0).at(1).toInt();
        const int last = inserted.at(0).at(2).toInt();
        QCOMPARE(last - first + 1, expected - shown);
        if (order == Qt::DescendingOrder && sortColumn == Model::Number)
            QCOMPARE(first, 0);
        else
            QCOMPARE(first, shown);
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(counts.last().at(0).toLongLong(), expected);
        QCOMPARE(counts.last().at(1).toLongLong(), (round + 1) * 200);
        inserted.clear();
        shown = expected;
    }
    verifySorted(model, store, sortColumn, order, shown);
    turn();
    QCOMPARE(inserted.size(), 0); // nothing new, nothing announced
}

void tst_PacketTableModel::columnsSayWhatThePacketIs_data()
{
    using namespace PacketBuilder;
    QTest::addColumn<TestPacket>("packet");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<bool>("dropped");

    TestPacket syn = testPacket(ipv4("10.1.2.3", "192.0.2.9", Tcp, tcp(40000, 443, TcpFlag::Syn)),
                                1'700'000'000'123'456'789, Verdict::Drop, 3, Hook::Output, "wlan0");
    syn.record.uid = 1000;
    syn.record.gid = 100;
    syn.record.flags = RecordFlag::HasUid | RecordFlag::HasGid;
    QTest::newRow("dropped TCP SYN")
        << syn << QStringList{"1",         "",    "wlan0", "out", "10.1.2.3",
                              "192.0.2.9", "TCP", "40",    "",    "dropped by rule 3",
                              "1000",      "",    ""}
        << true;
    TestPacket curl = syn;
    curl.record.origin = Origin::Process;
    curl.record.processId = 7;
    curl.process = ProcessInfo{};
    curl.process->id = 7;
    curl.process->pid = 4242;
    curl.process->uid = 1001; // the process's, not the socket's uid the record carries
    curl.process->command = "curl";
    curl.process->executable = "/usr/bin/curl";
    QTest::newRow("TCP SYN of curl")
        << curl << QStringList{"1",         "",     "wlan0", "out", "10.1.2.3",
                               "192.0.2.9", "TCP",  "40",    "",    "dropped by rule 3",
                               "1001",      "curl", ""}
        << true;
    TestPacket reset = syn;
    reset.record.origin = Origin::Kernel;
    QTest::newRow("the kernel's reset")
        << reset << QStringList{"1",         "",         "wlan0", "out", "10.1.2.3",
                                "192.0.2.9", "TCP",      "40",    "",    "dropped by rule 3",
                                "1000",      "(kernel)", ""}
        << true;
    const TestPacket dns = testPacket(ipv6("2001:db8::1", "2001:db8::53", Udp, udp(5353, 53, "q")),
                                      1'700'000'000'000'000'000);
    QTest::newRow("accepted DNS over IPv6")
        << dns
        << QStringList{"1",        "", "eth0", "in", "2001:db8::1", "2001:db8::53", "UDP", "49", "",
                       "accepted", "", "",     ""}
        << false;
    const TestPacket ping = testPacket(ipv4("10.0.0.1", "10.0.0.2", Icmp, icmpEcho(false, 1, 1)),
                                       1'700'000'000'000'000'000, Verdict::Accept, 5);
    QTest::newRow("ping accepted by a rule")
        << ping << QStringList{"1",        "",     "eth0", "in", "10.0.0.1",
                               "10.0.0.2", "ICMP", "28",   "",   "accepted by rule 5",
                               "",         "",     ""}
        << false;
    // The remote end's learned name: the destination's going out, the source's coming in.
    QTest::newRow("TCP SYN to a named host")
        << withHost(syn, 5, QStringLiteral("a.example.test"), HostSource::Tls)
        << QStringList{"1",
                       "",
                       "wlan0",
                       "out",
                       "10.1.2.3",
                       "192.0.2.9",
                       "TCP",
                       "40",
                       "",
                       "dropped by rule 3",
                       "1000",
                       "",
                       "a.example.test"}
        << true;
    QTest::newRow("DNS answer from a named host")
        << withHost(testPacket(ipv4("192.0.2.53", "10.1.2.3", Udp, udp(53, 40000, "a")),
                               1'700'000'000'000'000'000),
                    9, QStringLiteral("ns.example.test"))
        << QStringList{"1",  "", "eth0",     "in", "192.0.2.53", "10.1.2.3",       "UDP",
                       "29", "", "accepted", "",   "",           "ns.example.test"}
        << false;
}

void tst_PacketTableModel::columnsSayWhatThePacketIs()
{
    QFETCH(TestPacket, packet);
    QFETCH(QStringList, texts);
    QFETCH(bool, dropped);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    appendInBatches(store, {packet});
    turn();
    QCOMPARE(model.rowCount(), 1);
    texts[Model::Time] = model.index(0, Model::Time).data().toString();
    QVERIFY(
        QRegularExpression("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6}$").match(texts[Model::Time]).hasMatch());
    QCOMPARE(
        texts[Model::Time].right(6),
        QString::number(packet.record.timestampNs % 1'000'000'000 / 1000).rightJustified(6, '0'));
    texts[Model::Info] = SummaryText::info(packet.record.summary);
    QCOMPARE(texts.size(), int(Model::Machine));
    texts.append(QString()); // a store of one machine that was given no name (tst_allmachines)
    for (int column = 0; column < Model::ColumnCount; ++column)
        QCOMPARE(model.index(0, column).data().toString(), texts[column]);
    QCOMPARE(model.headerData(Model::Verdict, Qt::Horizontal).toString(),
             QStringLiteral("Verdict"));
    // The row says what the packet is; the view colours it (tst_widgets).
    QCOMPARE(model.index(0, Model::Info).data(Model::DroppedRole).toBool(), dropped);
    QCOMPARE(model.index(0, 0).data(Model::StoreRowRole).toLongLong(), 0);
    QCOMPARE(model.index(0, 0).data(Model::HighlightRole).toBool(), false);
    QVERIFY(!model.index(0, Model::Length).data(Qt::ToolTipRole).toString().isEmpty());
    // The Host column's tooltip says where the name came from.
    const QString hostTip = model.index(0, Model::Host).data(Qt::ToolTipRole).toString();
    if (!packet.host)
        QCOMPARE(hostTip,
                 QStringLiteral("The helper learned no name for this packet's remote end."));
    else if (packet.host->source == HostSource::Tls)
        QCOMPARE(hostTip, QStringLiteral("a.example.test\nfrom the TLS server name"));
    else
        QCOMPARE(hostTip, QStringLiteral("ns.example.test\nfrom a DNS answer"));
    QCOMPARE(model.headerData(Model::Host, Qt::Horizontal).toString(), QStringLiteral("Host"));
}

// A program with a desktop entry shows the entry's Name and Icon (DecorationRole, through the
// window's icon maker), its tooltip the executable and the entry; one without keeps its file
// name and shows no icon.
void tst_PacketTableModel::applicationColumnNamesProgramsByTheirDesktopEntry()
{
    DesktopFileTree tree;
    QVERIFY(tree.isValid());
    const QString browser = tree.writeProgram(QStringLiteral("lib/browser/browser-bin"));
    tree.writeLink(QStringLiteral("bin/browser"), browser);
    const QString entryFile =
        tree.writeEntry(tree.systemApplications(), QStringLiteral("browser.desktop"),
                        "[Desktop Entry]\nType=Application\nName=Web Browser\nIcon=web-browser\n"
                        "Exec={{root}}/bin/browser %u\n");
    const QString plain = tree.writeProgram(QStringLiteral("bin/plain-tool"));

    PacketStore store;
    store.setDesktopEntries(QtFuture::makeReadyFuture(std::make_shared<const DesktopEntryIndex>(
        DesktopEntryIndex::load({tree.systemApplications()}, {}))));
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &Model::dataChanged);
    model.setIconMaker(
        [](const QString &icon) { return QVariant(QStringLiteral("icon:") + icon); });

    using namespace PacketBuilder;
    QList<TestPacket> packets;
    for (const auto &[id, executable] : {std::pair{7u, QFileInfo(browser).canonicalFilePath()},
                                         std::pair{8u, QFileInfo(plain).canonicalFilePath()}}) {
        TestPacket p = testPacket(ipv4("10.1.2.3", "192.0.2.9", Udp, udp(40000, 53, "q")),
                                  1'700'000'000'000'000'000, Verdict::Accept, -1, Hook::Output);
        p.record.origin = Origin::Process;
        p.record.processId = id;
        p.process = ProcessInfo{};
        p.process->id = id;
        p.process->pid = 4000 + id;
        p.process->executable = executable.toStdString();
        p.process->arguments = executable.toStdString() + std::string("\0--x", 4);
        packets.append(p);
    }
    appendInBatches(store, packets);
    turn();
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex named = model.index(0, Model::Application);
    QCOMPARE(named.data(Qt::DisplayRole).toString(), QStringLiteral("Web Browser"));
    QCOMPARE(named.data(Qt::DecorationRole).toString(), QStringLiteral("icon:web-browser"));
    const QString tip = named.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QFileInfo(browser).canonicalFilePath() + u'\n'), qPrintable(tip));
    QVERIFY2(tip.contains(entryFile), qPrintable(tip));
    QCOMPARE(store.desktopEntry(7)->id, QStringLiteral("browser.desktop"));
    QCOMPARE(store.programName(QFileInfo(browser).canonicalFilePath()),
             QStringLiteral("Web Browser"));

    const QModelIndex unnamed = model.index(1, Model::Application);
    QCOMPARE(unnamed.data(Qt::DisplayRole).toString(), QStringLiteral("plain-tool"));
    QVERIFY(!unnamed.data(Qt::DecorationRole).isValid());
    QVERIFY(!store.desktopEntry(8));
    QCOMPARE(store.programName(QFileInfo(plain).canonicalFilePath()), QStringLiteral("plain-tool"));
    // Only the Application column has icons.
    QVERIFY(!model.index(0, Model::Source).data(Qt::DecorationRole).isValid());
}

void tst_PacketTableModel::displayFilter_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("everything") << QString();
    QTest::newRow("blank") << QStringLiteral("  ");
    QTest::newRow("udp") << QStringLiteral("udp");
    QTest::newRow("tcp syn") << QStringLiteral("tcp[tcpflags] & tcp-syn != 0");
    QTest::newRow("ipv6 host") << QStringLiteral("host 2001:db8::3");
    QTest::newRow("port range") << QStringLiteral("dst portrange 1003-1005");
    QTest::newRow("payload byte") << QStringLiteral("udp and udp[8] = 0x61");
    QTest::newRow("nothing") << QStringLiteral("host 192.0.2.99");
}

void tst_PacketTableModel::displayFilter()
{
    QFETCH(QString, expression);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TestPacket> packets = mixedPackets(1000);
    appendInBatches(store, packets.first(700));
    turn();
    QString error;
    QVERIFY2(model.setDisplayFilter(expression, &error), qPrintable(error));
    QCOMPARE(model.displayFilter().trimmed(), expression.trimmed());
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets.first(700), expression));
    // Packets arriving later are matched too.
    appendInBatches(store, packets.mid(700));
    turn();
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets, expression));
    QCOMPARE(model.shownCount(), model.rowCount());
    for (int row = 0; row < model.rowCount(); row += 37)
        QCOMPARE(model.rowOfStoreRow(model.storeRow(row)), row);
    // Back to everything.
    QVERIFY(model.setDisplayFilter(QString(), &error));
    QCOMPARE(model.rowCount(), 1000);
}

void tst_PacketTableModel::hostTermsSelectByTheLearnedName_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QStringList>("names"); // the names TestHostNames shown; "" for none
    QTest::addColumn<QString>("pcap");      // the rest of the expression; "" for none
    for (const qint64 count : {qint64(1000), qint64(30'000)}) { // the latter in a worker
        const QByteArray size = QByteArray::number(count);
        QTest::addRow("%s: name", size.constData())
            << count << "hostname a.example.org" << QStringList{"a.example.org"} << "";
        QTest::addRow("%s: name in upper case", size.constData())
            << count << "hostname A.Example.ORG." << QStringList{"a.example.org"} << "";
        QTest::addRow("%s: domain", size.constData())
            << count << "hostname *.example.org"
            << QStringList{"a.example.org", "b.example.org", "www.a.example.org"} << "";
        QTest::addRow("%s: a domain under it", size.constData())
            << count << "hostname *.a.example.org"
            << QStringList{"a.example.org", "www.a.example.org"} << "";
        QTest::addRow("%s: not", size.constData())
            << count << "not hostname *.example.org" << QStringList{"badexample.org", ""} << "";
        QTest::addRow("%s: with pcap", size.constData())
            << count << "udp and hostname *.example.org"
            << QStringList{"a.example.org", "b.example.org", "www.a.example.org"} << "udp";
        QTest::addRow("%s: nothing", size.constData())
            << count << "hostname c.example.org" << QStringList{} << "";
    }
}

// The display filter's host terms pick the packets by the name the store keeps for their remote
// end, also for packets arriving later, and in a worker for a big store.
void tst_PacketTableModel::hostTermsSelectByTheLearnedName()
{
    QFETCH(qint64, count);
    QFETCH(QString, expression);
    QFETCH(QStringList, names);
    QFETCH(QString, pcap);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TestPacket> packets = namedPackets(count + 100);
    appendInBatches(store, packets.first(count), 1000);
    turn();
    const auto expected = [&](qint64 n) {
        QSet<qint64> matching;
        if (!pcap.isEmpty()) {
            for (const qint64 number : matchingNumbers(packets.first(n), pcap))
                matching.insert(number);
        }
        QList<qint64> numbers;
        for (qint64 i = 0; i < n; ++i) {
            if (names.contains(TestHostNames[i % TestHostNames.size()]) &&
                (pcap.isEmpty() || matching.contains(i + 1)))
                numbers.append(i + 1);
        }
        return numbers;
    };
    QString error;
    QVERIFY2(model.setDisplayFilter(expression, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    QCOMPARE(shownNumbers(model, store), expected(count));
    for (int row = 0; row < model.rowCount(); ++row) {
        if (row % 97 == 0)
            QVERIFY(names.contains(model.index(row, Model::Host).data().toString()));
    }
    // Packets arriving later are matched too.
    appendInBatches(store, packets.mid(count), 50);
    turn();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), expected(count + 100).size(), 60'000);
    QCOMPARE(shownNumbers(model, store), expected(count + 100));
}

void tst_PacketTableModel::badFilterChangesNothing()
{
    PacketStore store;
    Model model(&store);
    appendInBatches(store, mixedPackets(50));
    turn();
    QVERIFY(model.setDisplayFilter("udp", nullptr));
    const qint64 shown = model.rowCount();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QString error;
    QVERIFY(!model.setDisplayFilter("udp and port", &error));
    QVERIFY2(error.contains("syntax error"), qPrintable(error));
    QVERIFY(!model.setPreview("tcp and", &error));
    QCOMPARE(model.displayFilter(), QStringLiteral("udp"));
    QCOMPARE(model.rowCount(), shown);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowOfStoreRow(0), -1); // packet 1 is TCP: hidden
    QCOMPARE(model.rowOfStoreRow(1), 0);
}

void tst_PacketTableModel::timeRange()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TestPacket> packets = mixedPackets(500);
    appendInBatches(store, packets);
    turn();
    const qint64 from = packets[100].record.timestampNs;
    const qint64 to = packets[250].record.timestampNs;
    model.setTimeRange(to, from); // either way round
    QVERIFY(model.hasTimeRange());
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets, {}, from, to));
    QCOMPARE(model.rowCount(), 150);
    QVERIFY(model.setDisplayFilter("icmp", nullptr));
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets, "icmp", from, to));
    // Packets later than the range stay hidden as they arrive.
    appendInBatches(store, mixedPackets(10, 500));
    turn();
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets, "icmp", from, to));
    model.clearTimeRange();
    QVERIFY(!model.hasTimeRange());
    QCOMPARE(model.rowCount(), matchingNumbers(mixedPackets(510), "icmp").size());
}

void tst_PacketTableModel::ownerTermsSelectProcessesDescribedLater_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("pcap");     // the test's own pcap part
    QTest::addColumn<OwnerCheck>("owner"); // the test's own judgement of the owner
    const auto name = [](const ProcessInfo *p) {
        return p ? QString::fromStdString(p->executable.empty() ? p->command
                                                                : p->executable.substr(9))
                 : QString();
    };
    QTest::newRow("app") << "app curl"
                         << "" << OwnerCheck([=](const PacketRecord &, const ProcessInfo *p) {
                                return name(p) == "curl";
                            });
    QTest::newRow("app quoted") << "app \"Web Content\""
                                << ""
                                << OwnerCheck([=](const PacketRecord &, const ProcessInfo *p) {
                                       return name(p) == "Web Content";
                                   });
    QTest::newRow("not app: also no owner")
        << "not app curl"
        << "" << OwnerCheck([=](const PacketRecord &, const ProcessInfo *p) {
               return name(p) != "curl";
           });
    QTest::newRow("the kernel's") << "app \"(kernel)\""
                                  << ""
                                  << OwnerCheck([](const PacketRecord &r, const ProcessInfo *) {
                                         return r.origin == Origin::Kernel;
                                     });
    QTest::newRow("exe") << "exe /usr/bin/wget"
                         << "" << OwnerCheck([](const PacketRecord &, const ProcessInfo *p) {
                                return p && p->executable == "/usr/bin/wget";
                            });
    QTest::newRow("pid") << "pid 5030"
                         << "" << OwnerCheck([](const PacketRecord &, const ProcessInfo *p) {
                                return p && p->pid == 5030;
                            });
    // The process's user where it is described, else the uid of the record (as the column).
    const auto uid = [](const PacketRecord &r, const ProcessInfo *p) {
        return p ? qint64(p->uid) : (r.flags & RecordFlag::HasUid) ? qint64(r.uid) : qint64(-1);
    };
    QTest::newRow("user") << "user 1000"
                          << "" << OwnerCheck([=](const PacketRecord &r, const ProcessInfo *p) {
                                 return uid(r, p) == 1000;
                             });
    QTest::newRow("not user by name")
        << "not user root"
        << ""
        << OwnerCheck([=](const PacketRecord &r, const ProcessInfo *p) { return uid(r, p) != 0; });
    QTest::newRow("app and pcap") << "app curl and udp"
                                  << "udp"
                                  << OwnerCheck([=](const PacketRecord &, const ProcessInfo *p) {
                                         return name(p) == "curl";
                                     });
    QTest::newRow("pcap and two terms")
        << "ip6 and not app wget and user 1000"
        << "ip6" << OwnerCheck([=](const PacketRecord &r, const ProcessInfo *p) {
               return name(p) != "wget" && uid(r, p) == 1000;
           });
}

void tst_PacketTableModel::ownerTermsSelectProcessesDescribedLater()
{
    QFETCH(QString, filter);
    QFETCH(QString, pcap);
    QFETCH(OwnerCheck, owner);
    const QList<TestPacket> packets = ownedPackets(1000);
    const qint64 from = packets[150].record.timestampNs;
    const qint64 to = packets[850].record.timestampNs;
    enum View { Arrival, Sorted, TimeRange };
    for (const View view : {Arrival, Sorted, TimeRange}) {
        PacketStore store;
        Model model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (view == Sorted)
            model.sort(Model::Length, Qt::DescendingOrder);
        if (view == TimeRange)
            model.setTimeRange(from, to);
        const qint64 fromNs = view == TimeRange ? from : std::numeric_limits<qint64>::min();
        const qint64 toNs = view == TimeRange ? to : std::numeric_limits<qint64>::max();
        appendInBatches(store, packets.first(400), 50);
        turn();
        QString error;
        QVERIFY2(model.setDisplayFilter(filter, &error), qPrintable(error));
        QCOMPARE(model.displayFilter(), filter);
        QList<qint64> expected = matchingOwners(packets.first(400), pcap, owner, fromNs, toNs);
        QList<qint64> shown = shownNumbers(model, store);
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
        // Processes described after the filter was set: their packets are matched as they come.
        appendInBatches(store, packets.mid(400), 50);
        turn();
        expected = matchingOwners(packets, pcap, owner, fromNs, toNs);
        QVERIFY(expected.last() > 400);
        shown = shownNumbers(model, store);
        if (view == Sorted)
            verifySorted(model, store, Model::Length, Qt::DescendingOrder, expected.size());
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
    }
}

void tst_PacketTableModel::sortByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    const QMetaEnum columns = QMetaEnum::fromType<Model::Column>();
    for (int c = 0; c < Model::ColumnCount; ++c) {
        QTest::addRow("%s ascending", columns.valueToKey(c)) << c << Qt::AscendingOrder;
        QTest::addRow("%s descending", columns.valueToKey(c)) << c << Qt::DescendingOrder;
    }
}

void tst_PacketTableModel::sortByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    appendInBatches(store, namedPackets(400));
    turn();
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.sort(column, order);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(layout.size(), 1); // a new order of the same rows, not a reset
    verifySorted(model, store, column, order, 400);
    // New packets go to their places.
    appendInBatches(store, namedPackets(300, 400), 50);
    turn();
    verifySorted(model, store, column, order, 700);
    for (int row = 0; row < model.rowCount(); row += 41)
        QCOMPARE(model.rowOfStoreRow(model.storeRow(row)), row);
    // Back to arrival order.
    model.sort(-1, Qt::AscendingOrder);
    verifySorted(model, store, Model::Number, Qt::AscendingOrder, 700);
}

void tst_PacketTableModel::selectionFollowsSort()
{
    PacketStore store;
    Model model(&store);
    appendInBatches(store, mixedPackets(300));
    turn();
    const QPersistentModelIndex selected = model.index(123, Model::Info);
    const qint64 storeRow = model.storeRow(123);
    model.sort(Model::Destination, Qt::DescendingOrder);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.column(), int(Model::Info));
    QCOMPARE(model.storeRow(selected.row()), storeRow);
    appendInBatches(store, mixedPackets(100, 300)); // merged in: the selection moves along
    turn();
    QCOMPARE(model.storeRow(selected.row()), storeRow);
}

void tst_PacketTableModel::preview()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TestPacket> packets = mixedPackets(200);
    appendInBatches(store, packets);
    turn();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QString error;
    QVERIFY2(model.setPreview("udp dst port 1003", &error), qPrintable(error));
    QVERIFY(model.hasPreview());
    QCOMPARE(changed.size(), 1);
    const QList<qint64> expected = matchingNumbers(packets, "udp dst port 1003");
    QVERIFY(!expected.isEmpty());
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool match = expected.contains(row + 1);
        QCOMPARE(model.index(row, 0).data(Model::HighlightRole).toBool(), match);
        QCOMPARE(model.index(row, 3).data(Model::HighlightRole).toBool(), match); // the whole row
    }
    model.clearPreview();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.index(int(expected[0] - 1), 0).data(Model::HighlightRole).toBool(), false);
}

// The preview answers the helper's question: a rule's direction and interface count, not only
// its expression ("incoming on eth0" must not highlight what leaves, or what comes in on eth1).
void tst_PacketTableModel::previewCatchesWhatTheHelperWould_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("interface");
    QTest::addColumn<RuleDirection>("direction");
    QTest::newRow("any") << QStringLiteral("udp") << QString() << RuleDirection::Any;
    QTest::newRow("incoming") << QStringLiteral("udp") << QString() << RuleDirection::In;
    QTest::newRow("outgoing") << QStringLiteral("udp") << QString() << RuleDirection::Out;
    QTest::newRow("incoming on eth0")
        << QStringLiteral("ip or ip6") << QStringLiteral("eth0") << RuleDirection::In;
    QTest::newRow("outgoing on eth0")
        << QStringLiteral("tcp") << QStringLiteral("eth0") << RuleDirection::Out;
    QTest::newRow("both ways on eth1")
        << QStringLiteral("icmp or udp") << QStringLiteral("eth1") << RuleDirection::Any;
    // Anchored to a host: the helper tries it through its index (RuleIndex).
    QTest::newRow("host, incoming on eth1")
        << QStringLiteral("host 2001:db8::4") << QStringLiteral("eth1") << RuleDirection::In;
    QTest::newRow("port, outgoing")
        << QStringLiteral("udp dst port 1003") << QString() << RuleDirection::Out;
    QTest::newRow("an interface no packet crossed")
        << QStringLiteral("udp") << QStringLiteral("wlan9") << RuleDirection::Any;
}

void tst_PacketTableModel::previewCatchesWhatTheHelperWould()
{
    QFETCH(QString, expression);
    QFETCH(QString, interface);
    QFETCH(RuleDirection, direction);
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<TestPacket> packets = packetsBothWaysOnTwoInterfaces(400);
    appendInBatches(store, packets);
    turn();
    Rule rule;
    rule.id = 4;
    rule.expression = expression;
    rule.interface = interface;
    rule.direction = direction;
    const QList<qint64> expected = caughtByTheHelper(packets, rule);
    // The rows have teeth: a rule with a direction or an interface catches fewer packets than
    // its expression alone, and some (unless no packet crossed its interface).
    const QList<qint64> byExpression = matchingNumbers(packets, expression);
    QVERIFY(!byExpression.isEmpty());
    if (direction != RuleDirection::Any || !interface.isEmpty())
        QVERIFY(expected.size() < byExpression.size());
    QCOMPARE(expected.isEmpty(), interface == QLatin1String("wlan9"));

    QString error;
    QVERIFY2(model.setPreview(rule, &error), qPrintable(error));
    QCOMPARE(highlightedNumbers(model, store), expected);
    // Also sorted and filtered: the packet decides, not its row.
    model.sort(Model::Interface, Qt::DescendingOrder);
    QVERIFY(model.setDisplayFilter(QStringLiteral("ip6 or udp"), nullptr));
    QList<qint64> highlighted = highlightedNumbers(model, store);
    std::sort(highlighted.begin(), highlighted.end());
    QList<qint64> expectedShown;
    const QList<qint64> shown = matchingNumbers(packets, QStringLiteral("ip6 or udp"));
    for (qint64 number : expected)
        if (shown.contains(number))
            expectedShown.append(number);
    QCOMPARE(highlighted, expectedShown);
    // A disabled rule is previewed for what it catches once enabled.
    rule.enabled = false;
    QVERIFY(model.setPreview(rule, &error));
    highlighted = highlightedNumbers(model, store);
    std::sort(highlighted.begin(), highlighted.end());
    QCOMPARE(highlighted, expectedShown);
}

// A pcap file says nothing of direction or interface: a rule that needs them catches none of its
// packets, one that does not catches by its expression.
void tst_PacketTableModel::previewOfFilePacketsNeedsNoDirection()
{
    PacketStore store;
    Model model(&store);
    const QList<TestPacket> packets = mixedPackets(60);
    for (const TestPacket &p : packets) {
        PacketRecord record = p.record;
        record.flags = StoredFlag::NoVerdict;
        record.hook = Hook::PreRouting;
        std::fill(std::begin(record.inInterface), std::end(record.inInterface), '\0');
        std::fill(std::begin(record.outInterface), std::end(record.outInterface), '\0');
        store.appendPacket(record, p.bytes);
    }
    turn();
    QCOMPARE(model.rowCount(), 60);
    Rule rule;
    rule.expression = QStringLiteral("udp");
    QVERIFY(model.setPreview(rule, nullptr));
    QCOMPARE(highlightedNumbers(model, store), matchingNumbers(packets, rule.expression));
    rule.direction = RuleDirection::In;
    QVERIFY(model.setPreview(rule, nullptr));
    QCOMPARE(highlightedNumbers(model, store), QList<qint64>());
    rule.direction = RuleDirection::Any;
    rule.interface = QStringLiteral("eth0");
    QVERIFY(model.setPreview(rule, nullptr));
    QCOMPARE(highlightedNumbers(model, store), QList<qint64>());
}

void tst_PacketTableModel::rollOffRemovesTheOldestRows_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("filter");
    QTest::newRow("arrival") << -1 << Qt::AscendingOrder << QString();
    QTest::newRow("newest first") << int(Model::Number) << Qt::DescendingOrder << QString();
    QTest::newRow("filtered") << -1 << Qt::AscendingOrder << QStringLiteral("tcp");
    QTest::newRow("sorted") << int(Model::Protocol) << Qt::AscendingOrder << QString();
    QTest::newRow("sorted and filtered")
        << int(Model::Length) << Qt::DescendingOrder << QStringLiteral("not icmp");
}

void tst_PacketTableModel::rollOffRemovesTheOldestRows()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, filter);
    PacketStore store;
    store.setLimit(1000); // chunks of 32
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(column, order);
    QVERIFY(model.setDisplayFilter(filter, nullptr));
    const QList<TestPacket> packets = mixedPackets(3000);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QPersistentModelIndex newestKept;
    for (int i = 0; i < 3000; i += 250) {
        appendInBatches(store, packets.mid(i, 250), 50);
        turn();
        // What is shown is exactly what the store holds and the filter matches.
        QList<qint64> expected;
        for (qint64 n : matchingNumbers(packets.first(i + 250), filter)) {
            if (n >= store.firstNumber())
                expected.append(n);
        }
        QList<qint64> shown = shownNumbers(model, store);
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
    }
    QVERIFY(store.rolledOff() > 0);
    QVERIFY(!removed.isEmpty());
    verifySorted(model, store, column < 0 ? int(Model::Number) : column, order, model.rowCount());
}

void tst_PacketTableModel::clearResets()
{
    PacketStore store;
    Model model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setDisplayFilter("udp", nullptr));
    appendInBatches(store, mixedPackets(100));
    turn();
    QVERIFY(model.rowCount() > 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    store.clear();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    appendInBatches(store, mixedPackets(100));
    turn();
    QCOMPARE(model.rowCount(), matchingNumbers(mixedPackets(100), "udp").size());
    QCOMPARE(model.storeRow(0), 1);
}

void tst_PacketTableModel::bigStoreFiltersInTheBackground()
{
    // 200,000 packets: the filter runs in a worker while the event loop goes on; packets
    // arriving meanwhile are matched afterwards.
    PacketStore store;
    Model model(&store);
    const QList<TestPacket> packets = mixedPackets(200'000);
    appendInBatches(store, packets.first(190'000), 1000);
    turn();
    QCOMPARE(model.rowCount(), 190'000);

    QSignalSpy busy(&model, &Model::filteringChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(1);
    const QString expression = "udp and udp[8] = 0x61 or tcp[tcpflags] & tcp-syn != 0";
    QElapsedTimer clock;
    clock.start();
    QVERIFY(model.setDisplayFilter(expression, nullptr));
    const qint64 callMs = clock.elapsed();
    QVERIFY(model.isFiltering());
    QCOMPARE(busy.size(), 1);
    QCOMPARE(model.rowCount(), 190'000);                // the old rows until the new ones are ready
    appendInBatches(store, packets.mid(190'000), 1000); // arrive while filtering
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    turn();
    const qint64 totalMs = clock.elapsed();
    qInfo(
        "setDisplayFilter returned after %lld ms; filtering took %lld ms; %d timer ticks meanwhile",
        callMs, totalMs, ticks);
    QVERIFY2(callMs < 100, "setDisplayFilter must not filter in the calling thread");
    QVERIFY(ticks > 0);
    QCOMPARE(busy.size(), 2);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(shownNumbers(model, store), matchingNumbers(packets, expression));
}

void tst_PacketTableModel::bigStoreSortsInTheBackground()
{
    PacketStore store;
    Model model(&store);
    appendInBatches(store, mixedPackets(200'000), 1000);
    turn();
    const QPersistentModelIndex selected = model.index(150'000, 0);
    QElapsedTimer clock;
    clock.start();
    model.sort(Model::Source, Qt::AscendingOrder);
    const qint64 callMs = clock.elapsed();
    QVERIFY(model.isFiltering());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    qInfo("sort() returned after %lld ms; sorting took %lld ms", callMs, clock.elapsed());
    QVERIFY(callMs < 100);
    QCOMPARE(model.storeRow(selected.row()), 150'000);
    verifySorted(model, store, Model::Source, Qt::AscendingOrder, 200'000);
    // Packets arriving in a big sorted view are merged in a worker too.
    appendInBatches(store, mixedPackets(5000, 200'000), 500);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 205'000, 60'000);
    verifySorted(model, store, Model::Source, Qt::AscendingOrder, 205'000);
    QCOMPARE(model.storeRow(selected.row()), 150'000);
}

void tst_PacketTableModel::bigStoreFiltersByOwnerInTheBackground()
{
    // The filter by owner runs in a worker; processes described while it runs have their
    // packets matched afterwards, in the GUI thread's quick path for record-only filters.
    PacketStore store;
    Model model(&store);
    const QList<TestPacket> packets = ownedPackets(200'000);
    appendInBatches(store, packets.first(190'000), 1000);
    turn();
    QVERIFY(model.setDisplayFilter("app curl", nullptr));
    QVERIFY(model.isFiltering());
    appendInBatches(store, packets.mid(190'000), 1000); // new processes, while filtering
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    turn();
    const auto curl = [](const PacketRecord &, const ProcessInfo *p) {
        return p && p->command == "curl";
    };
    const QList<qint64> expected = matchingOwners(packets, {}, curl);
    QVERIFY(expected.last() > 190'000);
    QCOMPARE(shownNumbers(model, store), expected);
}

// Sorting by the Host column compares the names the snapshot's table keeps, in a worker for a big
// store, and merges later packets into their places there too.
void tst_PacketTableModel::bigStoreSortsByHostInTheBackground()
{
    PacketStore store;
    Model model(&store);
    appendInBatches(store, namedPackets(30'000), 1000);
    turn();
    model.sort(Model::Host, Qt::DescendingOrder);
    QVERIFY(model.isFiltering());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    verifySorted(model, store, Model::Host, Qt::DescendingOrder, 30'000);
    QCOMPARE(model.index(0, Model::Host).data().toString(), QStringLiteral("www.a.example.org"));
    appendInBatches(store, namedPackets(500, 30'000), 100);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 30'500, 60'000);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFiltering(), 60'000);
    verifySorted(model, store, Model::Host, Qt::DescendingOrder, 30'500);
}

QTEST_GUILESS_MAIN(tst_PacketTableModel)
#include "tst_packettablemodel.moc"
