// Session without a window and without a helper (a bus that is not connected): a pcap file opens
// into the table and names itself, frames without IP are left out and counted, a file that
// cannot be shown is refused with a sentence, the display filter shows what matches and keeps
// the previous one on a bad expression, exports write the chosen packets and only one at a
// time, a drop rule's preview highlights what it would catch, and "Drop packets like this"
// offers what holds for every chosen packet and names their application as the column does.
#include "app/client/CaptureController.h"
#include "app/client/RuleInfo.h"
#include "app/session/PacketExport.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"
#include "helper/protocol/PcapReader.h"
#include "tests/support/app/StoreTestData.h"
#include "tests/support/core/DesktopFileTree.h"
#include "tests/support/core/PacketBuilder.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace nfqmon;
using namespace nfqmon::test;

namespace {

constexpr qint64 T0 = 1'700'000'000'000'000'000;
constexpr quint32 LinkRaw = 101;
constexpr quint32 LinkEthernet = 1;

// A classic pcap file, little endian, nanosecond timestamps, one frame a millisecond.
QByteArray pcapFile(quint32 linkType, const QList<QByteArray> &frames)
{
    QByteArray file;
    const auto put32 = [&file](quint32 v) {
        v = qToLittleEndian(v);
        file.append(reinterpret_cast<const char *>(&v), 4);
    };
    const auto put16 = [&file](quint16 v) {
        v = qToLittleEndian(v);
        file.append(reinterpret_cast<const char *>(&v), 2);
    };
    put32(0xa1b23c4d);
    put16(2);
    put16(4);
    put32(0);
    put32(0);
    put32(262144);
    put32(linkType);
    qint64 time = T0;
    for (const QByteArray &frame : frames) {
        put32(quint32(time / 1'000'000'000));
        put32(quint32(time % 1'000'000'000));
        put32(quint32(frame.size()));
        put32(quint32(frame.size()));
        file.append(frame);
        time += 1'000'000;
    }
    return file;
}

QByteArray udp(const char *source, const char *destination, int sourcePort, int destinationPort)
{
    return PacketBuilder::ipv4(
        source, destination, PacketBuilder::Udp,
        PacketBuilder::udp(std::uint16_t(sourcePort), std::uint16_t(destinationPort), "payload"));
}

QByteArray ethernet(quint16 type, const QByteArray &payload)
{
    QByteArray frame(12, '\x02'); // destination and source
    frame.append(char(type >> 8));
    frame.append(char(type & 0xff));
    return frame + payload;
}

// Nine packets: a query from .1 to .2 port 53 (three), its answers (two), and a time client
// .3 to .2 port 123 (four), in this order.
QList<QByteArray> conversations()
{
    QList<QByteArray> packets;
    for (int i = 0; i < 3; ++i)
        packets.append(udp("192.0.2.1", "192.0.2.2", 40000 + i, 53));
    for (int i = 0; i < 2; ++i)
        packets.append(udp("192.0.2.2", "192.0.2.1", 53, 40000 + i));
    for (int i = 0; i < 4; ++i)
        packets.append(udp("192.0.2.3", "192.0.2.2", 123, 123));
    return packets;
}

} // namespace

class tst_Session : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pcapFileOpensOfflineAndNamesItself();
    void framesWithoutIpAreLeftOutAndCounted();
    void unreadableFileIsASentence_data();
    void unreadableFileIsASentence();
    void displayFilterShowsWhatMatches_data();
    void displayFilterShowsWhatMatches();
    void exportWritesTheChosenPackets_data();
    void exportWritesTheChosenPackets();
    void secondExportWaitsForTheFirst();
    void dropRulePreviewHighlightsWhatItWouldCatch();
    void dropSuggestionsHoldForEveryChosenPacket();
    void startWithoutABusEndsIdleWithASentence();
    void reverseLookupNamesUnnamedAddressesOnlyWhenTurnedOn();
    void chosenRowsNameTheirApplicationAsTheColumnDoes_data();
    void chosenRowsNameTheirApplicationAsTheColumnDoes();

private:
    // A file of `packets` in the test's directory, opened into m_session.
    QString open(const QList<QByteArray> &packets, quint32 linkType = LinkRaw);
    QString write(const QString &name, const QByteArray &contents);

    QTemporaryDir m_files;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_Session::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("nfqmon-session-test"));
    QStandardPaths::setTestModeEnabled(true); // settings under ~/.qttest, not the user's
    QVERIFY(m_files.isValid());
}

void tst_Session::init()
{
    QSettings().clear();
    m_session = std::make_unique<Session>(QDBusConnection(QStringLiteral("no bus")));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_session->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(m_session->open(&error), qPrintable(error));
}

void tst_Session::cleanup()
{
    m_tester.reset();
    m_session.reset();
    QSettings().clear();
}

QString tst_Session::write(const QString &name, const QByteArray &contents)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString tst_Session::open(const QList<QByteArray> &packets, quint32 linkType)
{
    const QString path = write(QStringLiteral("packets.pcap"), pcapFile(linkType, packets));
    QString error;
    if (!m_session->openFile(path, &error))
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(error));
    return path;
}

void tst_Session::pcapFileOpensOfflineAndNamesItself()
{
    QSignalSpy named(m_session.get(), &Session::offlineFileChanged);
    const QList<QByteArray> packets = conversations();
    const QString path = write(QStringLiteral("offline.pcap"), pcapFile(LinkRaw, packets));
    QString error;
    qint64 skipped = -1;
    QVERIFY2(m_session->openFile(path, &error, &skipped), qPrintable(error));
    QCOMPARE(skipped, 0);
    QCOMPARE(named.size(), 1);
    QCOMPARE(named.constFirst().at(0).toString(), path);
    QCOMPARE(m_session->offlineFile(), path);
    QCOMPARE(m_session->exportPathSuggestion(),
             QDir(m_files.path()).filePath(QStringLiteral("offline-export.pcap")));

    const PacketTableModel &model = *m_session->model();
    QTRY_COMPARE(model.rowCount(), int(packets.size()));
    QCOMPARE(model.index(0, PacketTableModel::Source).data().toString(),
             QStringLiteral("192.0.2.1"));
    QCOMPARE(model.index(0, PacketTableModel::Protocol).data().toString(), QStringLiteral("UDP"));
    for (int row = 0; row < packets.size(); ++row)
        QCOMPARE(m_session->store()->bytes(model.storeRow(row)), packets[row]);

    // A capture replaces the file: the store empties and the session names no file.
    QVERIFY(m_session->startCapture());
    QCOMPARE(m_session->store()->size(), 0);
    QCOMPARE(m_session->offlineFile(), QString());
    QCOMPARE(named.constLast().at(0).toString(), QString());
}

void tst_Session::framesWithoutIpAreLeftOutAndCounted()
{
    const QByteArray arp = ethernet(0x0806, QByteArray(28, '\x01'));
    const QList<QByteArray> frames = {ethernet(0x0800, udp("192.0.2.1", "192.0.2.2", 1, 53)), arp,
                                      ethernet(0x0800, udp("192.0.2.2", "192.0.2.1", 53, 1)), arp};
    const QString path = write(QStringLiteral("ethernet.pcap"), pcapFile(LinkEthernet, frames));
    QString error;
    qint64 skipped = 0;
    QVERIFY2(m_session->openFile(path, &error, &skipped), qPrintable(error));
    QCOMPARE(skipped, 2);
    QTRY_COMPARE(m_session->model()->rowCount(), 2);
}

void tst_Session::unreadableFileIsASentence_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("exists");

    QTest::newRow("missing") << QStringLiteral("missing.pcap") << QByteArray() << false;
    QTest::newRow("not pcap") << QStringLiteral("notes.pcap")
                              << QByteArrayLiteral("these are notes, not packets\n") << true;
    QTest::newRow("unknown link type")
        << QStringLiteral("bluetooth.pcap") << pcapFile(201, {QByteArray(16, '\x00')}) << true;
}

void tst_Session::unreadableFileIsASentence()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(bool, exists);
    const QString path = exists ? write(name, contents) : m_files.filePath(name);
    QString error;
    QVERIFY(!m_session->openFile(path, &error));
    QVERIFY2(error.contains(name), qPrintable(error));
    QCOMPARE(m_session->model()->rowCount(), 0);
}

void tst_Session::displayFilterShowsWhatMatches_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("shown");

    QTest::newRow("everything") << QString() << true << 9;
    QTest::newRow("port 123") << QStringLiteral("udp dst port 123") << true << 4;
    QTest::newRow("one host") << QStringLiteral("host 192.0.2.1") << true << 5;
    QTest::newRow("nothing") << QStringLiteral("tcp") << true << 0;
    // libpcap does not compile it: the previous filter (port 53) stays.
    QTest::newRow("incomplete") << QStringLiteral("udp and dst port") << false << 3;
}

void tst_Session::displayFilterShowsWhatMatches()
{
    QFETCH(QString, expression);
    QFETCH(bool, valid);
    QFETCH(int, shown);
    open(conversations());
    QString error;
    QVERIFY2(m_session->setDisplayFilter(QStringLiteral("udp dst port 53"), &error),
             qPrintable(error));
    QTRY_COMPARE(m_session->model()->rowCount(), 3);
    QCOMPARE(m_session->setDisplayFilter(expression, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    QTRY_COMPARE(m_session->model()->rowCount(), shown);
}

void tst_Session::exportWritesTheChosenPackets_data()
{
    QTest::addColumn<ExportScope>("scope");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<qint64>>("selected");
    QTest::addColumn<QList<int>>("written"); // indexes into conversations()

    QTest::newRow("all") << ExportScope::All << QString() << QList<qint64>()
                         << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8};
    QTest::newRow("displayed") << ExportScope::Displayed << QStringLiteral("udp dst port 123")
                               << QList<qint64>() << QList<int>{5, 6, 7, 8};
    QTest::newRow("selected") << ExportScope::Selected << QString() << QList<qint64>{1, 6}
                              << QList<int>{1, 6};
    // Both ways between the two addresses of packet 0, not .3's packets to .2.
    QTest::newRow("conversation") << ExportScope::Conversation << QString() << QList<qint64>{0}
                                  << QList<int>{0, 1, 2, 3, 4};
}

void tst_Session::exportWritesTheChosenPackets()
{
    QFETCH(ExportScope, scope);
    QFETCH(QString, filter);
    QFETCH(QList<qint64>, selected);
    QFETCH(QList<int>, written);
    const QList<QByteArray> packets = conversations();
    open(packets);
    QString error;
    QVERIFY2(m_session->setDisplayFilter(filter, &error), qPrintable(error));
    QTRY_VERIFY(!m_session->model()->isFiltering());

    const QString path = m_files.filePath(QStringLiteral("export.pcap"));
    QSignalSpy finished(m_session->packetExport(), &PacketExport::finished);
    QVERIFY2(m_session->exportPackets(scope, path, selected, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    const QString message = finished.constFirst().at(1).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Exported %1 packet").arg(written.size())) &&
                 message.endsWith(QStringLiteral(" to %1.").arg(path)),
             qPrintable(message));

    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    for (int index : written) {
        PcapPacket packet;
        QVERIFY2(reader.next(&packet), qPrintable(reader.errorString()));
        QCOMPARE(packet.data, packets[index]);
        QCOMPARE(packet.timestampNs, T0 + index * 1'000'000);
    }
    PcapPacket extra;
    QVERIFY(!reader.next(&extra));
}

void tst_Session::secondExportWaitsForTheFirst()
{
    open(conversations());
    QSignalSpy finished(m_session->packetExport(), &PacketExport::finished);
    QString error;
    QVERIFY2(m_session->exportPackets(ExportScope::All, m_files.filePath(QStringLiteral("a.pcap")),
                                      {}, &error),
             qPrintable(error));
    const QString second = m_files.filePath(QStringLiteral("b.pcap"));
    QVERIFY(!m_session->exportPackets(ExportScope::All, second, {}, &error));
    QCOMPARE(error, QStringLiteral("An export is still running."));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(finished.constFirst().at(0).toBool());
    QVERIFY(!QFile::exists(second));
}

void tst_Session::dropRulePreviewHighlightsWhatItWouldCatch()
{
    open(conversations());
    const PacketTableModel &model = *m_session->model();
    QTRY_COMPARE(model.rowCount(), 9);
    const RuleInfo rule = Session::dropRule(QStringLiteral("udp dst port 123"));
    QCOMPARE(rule.action, RuleAction::Drop);
    QVERIFY(rule.interface.isEmpty());
    m_session->previewRule(rule);
    QVERIFY(model.hasPreview());
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool toTimeServer =
            model.index(row, PacketTableModel::Destination).data() == QStringLiteral("192.0.2.2") &&
            model.index(row, PacketTableModel::Source).data() == QStringLiteral("192.0.2.3");
        QCOMPARE(model.index(row, 0).data(PacketTableModel::HighlightRole).toBool(), toTimeServer);
    }
    m_session->previewRule(RuleInfo()); // a dialog closed
    QVERIFY(!model.hasPreview());
    m_session->previewRule(Session::dropRule(QStringLiteral("udp and dst port")));
    QVERIFY(!model.hasPreview()); // the helper would refuse it
}

void tst_Session::dropSuggestionsHoldForEveryChosenPacket()
{
    open(conversations());
    QTRY_COMPARE(m_session->store()->size(), 9);
    const auto labels = [this](const QList<qint64> &rows) {
        QStringList list;
        for (const RuleSuggestion::Item &item : m_session->dropSuggestions(rows))
            list.append(item.label);
        return list;
    };
    const QStringList one = labels({0});
    QVERIFY2(one.contains(QStringLiteral("To port 53/udp")), qPrintable(one.join(u'|')));
    QVERIFY2(one.contains(QStringLiteral("From 192.0.2.1")), qPrintable(one.join(u'|')));
    // A query and a time packet share their destination, not their port or source.
    const QStringList two = labels({0, 5});
    QVERIFY2(!two.contains(QStringLiteral("To port 53/udp")), qPrintable(two.join(u'|')));
    QVERIFY2(!two.contains(QStringLiteral("From 192.0.2.1")), qPrintable(two.join(u'|')));
    QVERIFY2(two.contains(QStringLiteral("To 192.0.2.2")), qPrintable(two.join(u'|')));
}

void tst_Session::startWithoutABusEndsIdleWithASentence()
{
    QSignalSpy failed(m_session->controller(), &CaptureController::errorOccurred);
    QVERIFY(m_session->startCapture());
    QVERIFY(!m_session->startCapture()); // one at a time
    QTRY_COMPARE(m_session->controller()->state(), CaptureState::Idle);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(!failed.constFirst().at(0).toString().isEmpty());
    QVERIFY(!m_session->isCapturing());
}

// The window's own reverse lookups are off by default: a packet the helper named nothing has an
// empty Host cell. Turned on, the name the resolver gives for its remote end (127.0.0.1:
// "localhost", from /etc/hosts, so nothing leaves the machine) comes in the background and shows
// in the column and the details, said to be a reverse lookup, and the display filter does not
// use it. Turned off again, it is gone.
void tst_Session::reverseLookupNamesUnnamedAddressesOnlyWhenTurnedOn()
{
    open({udp("127.0.0.1", "127.0.0.1", 5000, 6000), udp("127.0.0.1", "127.0.0.1", 5001, 6000)});
    PacketTableModel &model = *m_session->model();
    QTRY_COMPARE(model.rowCount(), 2);
    const QModelIndex host = model.index(0, PacketTableModel::Host);
    QVERIFY(!m_session->reverseLookup()->isEnabled());
    QCOMPARE(host.data().toString(), QString());
    QCOMPARE(m_session->reverseLookup()->runningCount(), 0);
    QCOMPARE(m_session->reverseLookup()->cachedCount(), 0);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_session->setReverseLookup(true);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(host.data().toString(), QString()); // asked, not waited for
    QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(host.data().toString(), QStringLiteral("localhost"), 10000);
    QVERIFY(!changed.isEmpty()); // the views were told
    QCOMPARE(model.index(1, PacketTableModel::Host).data().toString(), QStringLiteral("localhost"));
    QCOMPARE(m_session->reverseLookup()->cachedCount(), 1); // one address, asked once
    const QString tip = host.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("localhost\n")) &&
                 tip.contains(QStringLiteral("reverse DNS lookup")),
             qPrintable(tip));
    QCOMPARE(m_session->hostDetails(m_session->store()->at(0)),
             QStringLiteral("localhost (reverse lookup)"));
    // Not a learned name: the filter by name does not see it.
    QString error;
    QVERIFY2(m_session->setDisplayFilter(QStringLiteral("hostname localhost"), &error),
             qPrintable(error));
    QTRY_COMPARE(model.rowCount(), 0);
    QVERIFY(m_session->setDisplayFilter(QString(), &error));
    QTRY_COMPARE(model.rowCount(), 2);

    m_session->setReverseLookup(false);
    QCOMPARE(model.index(0, PacketTableModel::Host).data().toString(), QString());
    QCOMPARE(m_session->hostDetails(m_session->store()->at(0)), QString());
}

void tst_Session::chosenRowsNameTheirApplicationAsTheColumnDoes_data()
{
    QTest::addColumn<QList<qint64>>("rows");
    QTest::addColumn<QString>("application"); // rowsApplication(); empty: none shared
    QTest::addColumn<QString>("ownerLabel");  // the "everything from this application" offer

    const QString browser = QStringLiteral("Everything from this application (Web Browser)");
    QTest::newRow("one process of the browser") << QList<qint64>{0, 1} << "Web Browser" << browser;
    QTest::newRow("two processes of the browser")
        << QList<qint64>{0, 1, 2} << "Web Browser" << browser;
    QTest::newRow("curl, without an entry") << QList<qint64>{3} << "curl"
                                            << "Everything from this application (curl)";
    QTest::newRow("the browser and curl") << QList<qint64>{0, 3} << ""
                                          << "";
    QTest::newRow("the kernel") << QList<qint64>{4} << "(kernel)"
                                << "";
    QTest::newRow("no program") << QList<qint64>{5} << ""
                                << "";
    QTest::newRow("the browser and no program") << QList<qint64>{0, 5} << ""
                                                << "";
}

// What "Drop packets like this" remembers for the notification, and what it offers, name the
// chosen rows' program as the Application column does: by its desktop entry where it has one.
void tst_Session::chosenRowsNameTheirApplicationAsTheColumnDoes()
{
    QFETCH(QList<qint64>, rows);
    QFETCH(QString, application);
    QFETCH(QString, ownerLabel);
    DesktopFileTree desktop;
    QVERIFY(desktop.isValid());
    desktop.useAsSearchPath();
    const QString browser =
        QFileInfo(desktop.writeProgram(QStringLiteral("bin/browser"))).canonicalFilePath();
    desktop.writeEntry(desktop.systemApplications(), QStringLiteral("browser.desktop"),
                       "[Desktop Entry]\nType=Application\nName=Web Browser\nExec=browser %u\n");
    Session session(QDBusConnection(QStringLiteral("no bus"))); // reads the entries above

    using namespace PacketBuilder;
    QList<TestPacket> packets;
    const auto add = [&](Origin origin, quint32 id, const QString &executable) {
        TestPacket p = testPacket(ipv4("10.0.0.1", "10.0.0.9", Udp, udp(5000, 53, "q")),
                                  1'700'000'000'000'000'000 + packets.size());
        p.record.origin = origin;
        p.record.processId = id;
        if (origin == Origin::Process) {
            p.process = ProcessInfo{};
            p.process->id = id;
            p.process->pid = 100 + id;
            p.process->uid = 1000;
            p.process->executable = executable.toStdString();
        }
        packets.append(p);
    };
    add(Origin::Process, 1, browser);
    add(Origin::Process, 1, browser);
    add(Origin::Process, 2, browser); // another process of the same program
    add(Origin::Process, 3, QStringLiteral("/usr/bin/curl"));
    add(Origin::Kernel, 0, {});
    add(Origin::NoSocket, 0, {});
    appendInBatches(*session.store(), packets);

    QCOMPARE(session.rowsApplication(rows), application);
    QString offered;
    for (const OwnerDrop &drop : session.ownerDrops(rows))
        if (!drop.rule.program.isEmpty())
            offered = drop.label;
    QCOMPARE(offered, ownerLabel);

    RuleInfo rule;
    QCOMPARE(session.programName(rule), QString());
    rule.program = browser;
    QCOMPARE(session.programName(rule), QStringLiteral("Web Browser"));
    rule.program = QStringLiteral("/usr/bin/curl");
    QCOMPARE(session.programName(rule), QStringLiteral("curl"));
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
