// The main window's files: an export of the displayed packets and of the selected conversation
// reads back the same, and a pcap file opens offline without any helper (WindowTest.h describes
// the test bed).
#include "app/session/PacketExport.h"
#include "app/store/PacketStore.h"
#include "helper/protocol/PcapReader.h"
#include "helper/protocol/PcapWriter.h"
#include "tests/gui/WindowTest.h"
#include "tests/support/core/PacketBuilder.h"
#include "ui/FilterBar.h"
#include "ui/HealthWidget.h"
#include "ui/HexView.h"

#include <QSignalSpy>

using namespace nfqmon;
using namespace nfqmon::test;

class tst_WindowFiles : public WindowTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { resetBed(); }
    void cleanupTestCase() { stopBed(); }

    void exportOfDisplayedPacketsReadsBackTheSame();
    void pcapFileOpensOfflineWithoutTheHelper();
};

void tst_WindowFiles::initTestCase()
{
    useTestSettings();
    NFQMON_START_SERVICE_TEST_BED(m_bed, 1);
}

// File → Export, "displayed": the file holds exactly the packets the filter shows, byte for byte.
void tst_WindowFiles::exportOfDisplayedPacketsReadsBackTheSame()
{
    QVERIFY(m_files.isValid());
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    start(session, window);
    const Peer &peer = m_bed.network().peer(0);
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6005, 6, 300, 5}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {peer.ipv4, 6006, 3, 300, 6}).succeeded());
    PacketTableModel &model = *session.model();
    QTRY_COMPARE_WITH_TIMEOUT(udpRowsTo(model, peer.ipv4, 6006).size(), 3, 5000);
    stop(session, window);
    window.findChild<FilterBar *>()->setExpression(QStringLiteral("udp dst port 6005"));
    QTRY_COMPARE(model.rowCount(), 6);

    const QString path = m_files.filePath(QStringLiteral("displayed.pcap"));
    QSignalSpy finished(session.packetExport(), &PacketExport::finished);
    QString error;
    QVERIFY2(session.exportPackets(ExportScope::Displayed, path, selectedStoreRows(window, model),
                                   &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    QCOMPARE(messageBar(window)->text(), QStringLiteral("Exported 6 packets to %1.").arg(path));

    PcapReader reader;
    QVERIFY2(reader.open(path, &error), qPrintable(error));
    QCOMPARE(reader.linkType(), 101);
    for (int row = 0; row < model.rowCount(); ++row) {
        PcapPacket packet;
        QVERIFY2(reader.next(&packet), qPrintable(reader.errorString()));
        const qint64 storeRow = model.storeRow(row);
        QCOMPARE(packet.data, session.store()->bytes(storeRow));
        QCOMPARE(packet.timestampNs, session.store()->at(storeRow).timestampNs);
    }
    PcapPacket extra;
    QVERIFY(!reader.next(&extra));

    // The selected conversation: every packet between the two addresses, both ways.
    window.findChild<FilterBar *>()->setExpression(QString());
    QTRY_VERIFY(model.rowCount() >= 9);
    tableView(window)->selectRow(udpRowsTo(model, peer.ipv4, 6006).constFirst());
    const QString conversation = m_files.filePath(QStringLiteral("conversation.pcap"));
    QVERIFY2(session.exportPackets(ExportScope::Conversation, conversation,
                                   selectedStoreRows(window, model), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QVERIFY2(finished.constLast().at(0).toBool(),
             qPrintable(finished.constLast().at(1).toString()));
    qint64 between = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString source = text(model, row, PacketTableModel::Source);
        const QString destination = text(model, row, PacketTableModel::Destination);
        if ((source == peer.peerIpv4 && destination == peer.ipv4) ||
            (source == peer.ipv4 && destination == peer.peerIpv4))
            ++between;
    }
    PcapReader conversationReader;
    QVERIFY2(conversationReader.open(conversation, &error), qPrintable(error));
    qint64 read = 0;
    PcapPacket packet;
    while (conversationReader.next(&packet))
        ++read;
    QVERIFY(read >= 9);
    QCOMPARE(read, between);
}

// File → Open: a pcap file is browsed without any helper.
void tst_WindowFiles::pcapFileOpensOfflineWithoutTheHelper()
{
    QVERIFY(m_files.isValid());
    const QString path = m_files.filePath(QStringLiteral("offline.pcap"));
    QList<QByteArray> packets;
    {
        PcapWriter writer;
        QString error;
        QVERIFY2(writer.open(path, 65535, &error), qPrintable(error));
        for (int i = 0; i < 5; ++i) {
            packets.append(PacketBuilder::ipv4("192.0.2.1", "192.0.2.2", PacketBuilder::Udp,
                                               PacketBuilder::udp(1000 + i, 53, "query")));
            const QByteArray &p = packets.constLast();
            QVERIFY(writer.write(1'700'000'000'000'000'000LL + i * 1'000'000LL,
                                 reinterpret_cast<const std::uint8_t *>(p.constData()),
                                 std::uint32_t(p.size()), std::uint32_t(p.size())));
        }
        QVERIFY(writer.close());
    }
    QVERIFY(m_bed.bus().stopHelper());
    Session session(m_bed.bus().connection());
    MainWindow window(&session);
    window.show();
    QVERIFY(window.openFile(path));
    PacketTableModel &model = *session.model();
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(text(model, 0, PacketTableModel::Source), QStringLiteral("192.0.2.1"));
    QCOMPARE(text(model, 0, PacketTableModel::Protocol), QStringLiteral("UDP"));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("offline.pcap")));
    QVERIFY(window.findChild<HealthWidget *>()->text().contains(
        QStringLiteral("Browsing offline.pcap (offline)")));
    tableView(window)->selectRow(2);
    QCOMPARE(window.findChild<HexView *>()->bytes(), packets[2]);
    QVERIFY(!window.openFile(m_files.filePath(QStringLiteral("missing.pcap"))));
    QVERIFY(!messageBar(window)->text().isEmpty());
}

QTEST_MAIN(tst_WindowFiles)
#include "tst_window_files.moc"
