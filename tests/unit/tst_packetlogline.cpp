// The headless packet log's lines: valid JSON whatever the names hold, every documented key,
// null where a value is unknown, and the protocol, addresses and command line written as the
// packet table writes them.
#include "app/display/SummaryText.h"
#include "helper/engine/PacketLogLine.h"
#include "helper/protocol/PacketDecoder.h"
#include "tests/support/core/PacketBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cstring>

using namespace nfqmon;
namespace Build = nfqmon::test::PacketBuilder;

namespace {

const QStringList Keys = {
    QStringLiteral("time"),        QStringLiteral("seq"),         QStringLiteral("in"),
    QStringLiteral("out"),         QStringLiteral("direction"),   QStringLiteral("family"),
    QStringLiteral("src"),         QStringLiteral("dst"),         QStringLiteral("protocol"),
    QStringLiteral("sport"),       QStringLiteral("dport"),       QStringLiteral("length"),
    QStringLiteral("verdict"),     QStringLiteral("rule"),        QStringLiteral("origin"),
    QStringLiteral("uid"),         QStringLiteral("pid"),         QStringLiteral("comm"),
    QStringLiteral("exe"),         QStringLiteral("cmdline"),     QStringLiteral("unit"),
    QStringLiteral("cgroup"),      QStringLiteral("other_netns"), QStringLiteral("host"),
    QStringLiteral("host_source"),
};

PacketRecord recordOf(const QByteArray &packet)
{
    PacketRecord record;
    record.summary = PacketDecoder::summarize(Build::bytes(packet));
    record.packetLength = std::uint32_t(packet.size());
    return record;
}

QJsonObject lineOf(const PacketRecord &record, const ProcessInfo *process, QString *raw,
                   std::string_view host = {})
{
    std::string out;
    PacketLogLine::append(out, record, process, host);
    *raw = QString::fromStdString(out);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(out), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), out.c_str());
    return document.object();
}

} // namespace

class tst_PacketLogLine : public QObject
{
    Q_OBJECT

private slots:
    void aProcessPacket();
    void unknownValuesAreNull_data();
    void unknownValuesAreNull();
    void protocolAsTheTableNamesIt_data();
    void protocolAsTheTableNamesIt();
    void stringsStayValidJson_data();
    void stringsStayValidJson();
};

void tst_PacketLogLine::aProcessPacket()
{
    PacketRecord record = recordOf(Build::ipv6("2001:db8::1", "2001:db8::2", Build::Udp,
                                               Build::udp(40000, 53, QByteArray(12, 'x'))));
    record.timestampNs = 1764950400123456789;
    record.sequence = 42;
    record.hook = Hook::Output;
    record.verdict = Verdict::Drop;
    record.ruleId = 3;
    record.origin = Origin::Process;
    record.processId = 7;
    std::strcpy(record.outInterface, "wlan0");
    ProcessInfo process;
    process.pid = 4242;
    process.uid = 1000;
    process.command = "curl";
    process.executable = "/usr/bin/curl";
    process.arguments = std::string("curl\0-s\0https://example.org/\0", 30);
    process.cgroup = "/user.slice/user-1000.slice/user@1000.service/app.slice/"
                     "app-org.gnome.Terminal.slice/vte-spawn-1.scope";

    QString raw;
    const QJsonObject line = lineOf(record, &process, &raw);
    QVERIFY2(raw.endsWith(u'\n') && raw.count(u'\n') == 1, qPrintable(raw));
    QCOMPARE(line.keys().size(), Keys.size());
    for (const QString &key : Keys)
        QVERIFY2(line.contains(key), qPrintable(key + QStringLiteral(" missing: ") + raw));
    // JSON numbers are doubles: the time is compared as the text written.
    QVERIFY2(raw.startsWith(QStringLiteral("{\"time\":1764950400123456789,")), qPrintable(raw));
    QCOMPARE(line[u"seq"].toInteger(), 42);
    QVERIFY(line[u"in"].isNull());
    QCOMPARE(line[u"out"].toString(), QStringLiteral("wlan0"));
    QCOMPARE(line[u"direction"].toString(), QStringLiteral("out"));
    QCOMPARE(line[u"family"].toString(), QStringLiteral("ipv6"));
    QCOMPARE(line[u"src"].toString(), QStringLiteral("2001:db8::1"));
    QCOMPARE(line[u"dst"].toString(), QStringLiteral("2001:db8::2"));
    QCOMPARE(line[u"protocol"].toString(), QStringLiteral("UDP"));
    QCOMPARE(line[u"sport"].toInt(), 40000);
    QCOMPARE(line[u"dport"].toInt(), 53);
    QCOMPARE(line[u"length"].toInt(), 40 + 8 + 12);
    QCOMPARE(line[u"verdict"].toString(), QStringLiteral("drop"));
    QCOMPARE(line[u"rule"].toInt(), 3);
    QCOMPARE(line[u"origin"].toString(), QStringLiteral("process"));
    QCOMPARE(line[u"uid"].toInt(), 1000);
    QCOMPARE(line[u"pid"].toInt(), 4242);
    QCOMPARE(line[u"comm"].toString(), QStringLiteral("curl"));
    QCOMPARE(line[u"exe"].toString(), QStringLiteral("/usr/bin/curl"));
    QCOMPARE(line[u"cmdline"].toString(), QStringLiteral("curl -s https://example.org/"));
    QCOMPARE(line[u"unit"].toString(), QStringLiteral("vte-spawn-1.scope"));
    QCOMPARE(line[u"cgroup"].toString(), QString::fromStdString(process.cgroup));
    QCOMPARE(line[u"other_netns"].toBool(), false);

    // The same packet from a container's socket, forwarded to the watched namespace.
    record.flags |= RecordFlag::OtherNamespace;
    QCOMPARE(lineOf(record, &process, &raw)[u"other_netns"].toBool(), true);

    // Its host's name, and where it was learned.
    QVERIFY(line[u"host"].isNull() && line[u"host_source"].isNull());
    record.hostId = 99;
    record.hostSource = HostSource::Tls;
    const QJsonObject named = lineOf(record, &process, &raw, "telemetry.example.org");
    QCOMPARE(named[u"host"].toString(), QStringLiteral("telemetry.example.org"));
    QCOMPARE(named[u"host_source"].toString(), QStringLiteral("tls"));
    // A name the helper let go before the line was written: null, not a guess.
    const QJsonObject forgotten = lineOf(record, &process, &raw);
    QVERIFY(forgotten[u"host"].isNull() && forgotten[u"host_source"].isNull());
}

void tst_PacketLogLine::unknownValuesAreNull_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<int>("origin");
    QTest::addColumn<QStringList>("nullKeys");
    const QStringList noProcess = {
        QStringLiteral("pid"),     QStringLiteral("comm"),       QStringLiteral("exe"),
        QStringLiteral("cmdline"), QStringLiteral("unit"),       QStringLiteral("cgroup"),
        QStringLiteral("uid"),     QStringLiteral("rule"),       QStringLiteral("out"),
        QStringLiteral("host"),    QStringLiteral("host_source")};
    QTest::newRow("ping that came in, no socket")
        << Build::ipv4("10.0.0.2", "10.0.0.1", Build::Icmp, Build::icmpEcho(false, 1, 1))
        << int(Origin::NoSocket)
        << noProcess + QStringList{QStringLiteral("sport"), QStringLiteral("dport")};
    QTest::newRow("attribution off, TCP")
        << Build::ipv4("10.0.0.2", "10.0.0.1", Build::Tcp, Build::tcp(5000, 80, 0x02))
        << int(Origin::Unknown) << noProcess;
    QTest::newRow("not IP at all")
        << QByteArray(30, '\0') << int(Origin::Unknown)
        << noProcess + QStringList{QStringLiteral("family"), QStringLiteral("src"),
                                   QStringLiteral("dst"), QStringLiteral("sport"),
                                   QStringLiteral("dport")};
}

void tst_PacketLogLine::unknownValuesAreNull()
{
    QFETCH(QByteArray, packet);
    QFETCH(int, origin);
    QFETCH(QStringList, nullKeys);
    PacketRecord record = recordOf(packet);
    record.origin = Origin(origin);
    std::strcpy(record.inInterface, "eth0");
    QString raw;
    const QJsonObject line = lineOf(record, nullptr, &raw);
    QCOMPARE(line.keys().size(), Keys.size());
    for (const QString &key : Keys)
        QVERIFY2(line[key].isNull() == nullKeys.contains(key),
                 qPrintable(key + QStringLiteral(" in ") + raw));
    QCOMPARE(line[u"direction"].toString(), QStringLiteral("in"));
    QCOMPARE(line[u"verdict"].toString(), QStringLiteral("accept"));
}

void tst_PacketLogLine::protocolAsTheTableNamesIt_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::newRow("TCP") << Build::ipv4("10.0.0.1", "10.0.0.2", Build::Tcp, Build::tcp(1, 2, 0x10));
    QTest::newRow("ICMPv6") << Build::ipv6("::1", "::2", Build::Icmpv6, Build::icmpv6Echo(0, 1, 1));
    QTest::newRow("SCTP") << Build::ipv4("10.0.0.1", "10.0.0.2", Build::Sctp, Build::sctp(1, 2, 3));
    QTest::newRow("ESP") << Build::ipv4("10.0.0.1", "10.0.0.2", Build::Esp, Build::esp(1, 1));
    QTest::newRow("unnamed number") << Build::ipv4("10.0.0.1", "10.0.0.2", 253, QByteArray(8, 0));
    QTest::newRow("not IP") << QByteArray(3, '\x45');
}

void tst_PacketLogLine::protocolAsTheTableNamesIt()
{
    QFETCH(QByteArray, packet);
    const PacketRecord record = recordOf(packet);
    QString raw;
    const QJsonObject line = lineOf(record, nullptr, &raw);
    QCOMPARE(line[u"protocol"].toString(), SummaryText::protocolName(record.summary));
    if (record.summary.network != NetworkProtocol::Unknown) {
        QCOMPARE(line[u"src"].toString(), SummaryText::source(record.summary));
        QCOMPARE(line[u"dst"].toString(), SummaryText::destination(record.summary));
    }
}

void tst_PacketLogLine::stringsStayValidJson_data()
{
    QTest::addColumn<QByteArray>("executable");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("/usr/bin/ssh") << QStringLiteral("/usr/bin/ssh");
    QTest::newRow("quote and backslash")
        << QByteArray("/tmp/a\"b\\c") << QStringLiteral("/tmp/a\"b\\c");
    QTest::newRow("newline and tab")
        << QByteArray("/tmp/a\nb\tc") << QStringLiteral("/tmp/a\nb\tc");
    QTest::newRow("control byte and DEL")
        << QByteArray("/tmp/\x01\x7f") << QStringLiteral("/tmp/\u0001\u007f");
    QTest::newRow("UTF-8 kept") << QByteArray("/opt/caf\xc3\xa9/\xf0\x9f\x90\xa7")
                                << QStringLiteral("/opt/café/🐧");
    QTest::newRow("Latin-1 byte replaced")
        << QByteArray("/opt/caf\xe9") << QStringLiteral("/opt/caf\ufffd");
    QTest::newRow("cut sequence replaced")
        << QByteArray("/x\xe2\x82") << QStringLiteral("/x\ufffd\ufffd");
    QTest::newRow("surrogate replaced")
        << QByteArray("/x\xed\xa0\x80") << QStringLiteral("/x\ufffd\ufffd\ufffd");
    QTest::newRow("overlong replaced")
        << QByteArray("/x\xc0\xaf") << QStringLiteral("/x\ufffd\ufffd");
}

void tst_PacketLogLine::stringsStayValidJson()
{
    QFETCH(QByteArray, executable);
    QFETCH(QString, expected);
    PacketRecord record =
        recordOf(Build::ipv4("10.0.0.1", "10.0.0.2", Build::Udp, Build::udp(1, 2)));
    record.origin = Origin::Process;
    ProcessInfo process;
    process.executable = executable.toStdString();
    QString raw;
    const QJsonObject line = lineOf(record, &process, &raw);
    QVERIFY2(!line.isEmpty(), qPrintable(raw));
    QCOMPARE(line[u"exe"].toString(), expected);
    QVERIFY2(raw.count(u'\n') == 1, "one line per packet, whatever the name holds");
}

QTEST_GUILESS_MAIN(tst_PacketLogLine)
#include "tst_packetlogline.moc"
