// Host names learned from the traffic itself, on the real kernel in the test's network namespace:
// a DNS server of the test's own in a peer answers for a.test and (through a CNAME)
// www.b.example.test over UDP and TCP; openssl's s_client asks a TLS server in a peer for
// tls.example.test; curl sends an HTTP request with a Host header; the test sends a QUIC
// Initial of its own. The headless log must name each packet's remote end, and say how the
// name was learned; a packet before its name was learned has none.
#include "tests/support/core/QuicInitialBuilder.h"
#include "tests/support/core/Tshark.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TestNetwork.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace nfqmon::test;
using namespace std::chrono_literals;

namespace {

QList<QJsonObject> logLines(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

// The lines of packets between this machine and address:port, either way.
QList<QJsonObject> linesOf(const QList<QJsonObject> &lines, const QString &address, int port)
{
    QList<QJsonObject> found;
    for (const QJsonObject &line : lines)
        if ((line[u"dst"].toString() == address && line[u"dport"].toInt() == port) ||
            (line[u"src"].toString() == address && line[u"sport"].toInt() == port))
            found.append(line);
    return found;
}

bool sendDatagram(const QString &address, std::uint16_t port,
                  const std::vector<std::uint8_t> &bytes)
{
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    if (inet_pton(AF_INET, address.toLatin1().constData(), &to.sin_addr) != 1)
        return false;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    const bool sent =
        ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr *>(&to),
                 sizeof to) == ssize_t(bytes.size());
    ::close(fd);
    return sent;
}

QString text(const QJsonObject &line)
{
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

// A program that runs in the background (a server in a peer) until the test ends.
class Background
{
public:
    bool start(const QStringList &argv, const QByteArray &readyLine, QString *error)
    {
        m_process.setProgram(argv.first());
        m_process.setArguments(argv.mid(1));
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAll();
            if (m_output.contains(readyLine))
                return true;
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        *error = QStringLiteral("%1 did not start: %2")
                     .arg(argv.join(u' '), QString::fromLocal8Bit(m_output));
        return false;
    }
    ~Background()
    {
        m_process.kill();
        m_process.waitForFinished(3000);
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

} // namespace

class tst_HostNames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void namesFromDnsAnswers_data();
    void namesFromDnsAnswers();
    void namesFromTlsHttpAndQuic();
    void rulesByName();
    void namesInPcapngDumps();
    void cleanupTestCase();

private:
    bool startDns(QString *error);
    // The helper headless on both links, its packet log at logPath(), `extra` config lines.
    bool startHelper(HelperProcess &helper, const QString &extra, QString *error) const
    {
        return helper.writeConfig(QStringLiteral("interfaces = \"vethA, vethB\"\nlog = \"%1\"\n%2")
                                      .arg(logPath(), extra),
                                  error) &&
               helper.start(error);
    }
    QString logPath() const { return m_files.filePath(QStringLiteral("packets.jsonl")); }

    TestNetwork m_network;
    QTemporaryDir m_files;
    std::unique_ptr<Background> m_dns;
};

void tst_HostNames::initTestCase()
{
    NFQMON_ENTER_TEST_NETWORK(m_network, 2);
    QVERIFY(m_files.isValid());
    QString error;
    QVERIFY2(startDns(&error), qPrintable(error));
}

void tst_HostNames::init()
{
    QString error;
    QVERIFY2(TestNetwork::resetFirewall(&error), qPrintable(error));
    QFile::remove(logPath());
}

bool tst_HostNames::startDns(QString *error)
{
    const Peer &a = m_network.peer(0);
    const Peer &b = m_network.peer(1);
    m_dns = std::make_unique<Background>();
    return m_dns->start(
        m_network.commandIn(0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")),
                                QStringLiteral("serve"), QStringLiteral("53"),
                                QStringLiteral("a.test=") + a.peerIpv4,
                                QStringLiteral("a.test=") + a.peerIpv6,
                                QStringLiteral("www.b.example.test>b.example.test"),
                                QStringLiteral("b.example.test=") + b.peerIpv4}),
        "ready", error);
}

void tst_HostNames::namesFromDnsAnswers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("overTcp");
    QTest::addColumn<int>("peer");
    QTest::addColumn<int>("family");
    QTest::newRow("A over UDP") << "a.test"
                                << "A" << false << 0 << 4;
    QTest::newRow("AAAA over UDP") << "a.test"
                                   << "AAAA" << false << 0 << 6;
    QTest::newRow("A through a CNAME over TCP") << "www.b.example.test"
                                                << "A" << true << 1 << 4;
}

void tst_HostNames::namesFromDnsAnswers()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(bool, overTcp);
    QFETCH(int, peer);
    QFETCH(int, family);
    QString error;
    HelperProcess helper;
    QVERIFY2(startHelper(helper, {}, &error), qPrintable(error));
    const QString address = m_network.peer(peer).peerAddress(family);

    // Before the name was asked for: the packet has no name.
    const Flow before{address, 5000, 1, 32, 61};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, before).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(linesOf(logLines(logPath()), address, 5000).size(), 1, 3000);

    QStringList query = {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")),
                         QStringLiteral("query"),
                         m_network.peer(0).peerIpv4,
                         QStringLiteral("53"),
                         name,
                         type};
    if (overTcp)
        query << QStringLiteral("tcp");
    const Command::Result answer = m_network.run(TestNetwork::Local, query);
    QVERIFY2(answer.succeeded() && answer.output.trimmed() == address.toUtf8(),
             qPrintable(answer.describe()));

    const Flow after{address, 5001, 2, 32, 62};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, after).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(linesOf(logLines(logPath()), address, 5001).size(), 2, 3000);
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    const QList<QJsonObject> lines = logLines(logPath());
    const QJsonObject first = linesOf(lines, address, 5000).first();
    QVERIFY2(first[u"host"].isNull() && first[u"host_source"].isNull(), qPrintable(text(first)));
    for (const QJsonObject &line : linesOf(lines, address, 5001))
        QVERIFY2(line[u"host"].toString() == name && line[u"host_source"].toString() == u"dns",
                 qPrintable(text(line)));
    // The query went out before any answer: to an address without a name yet. (The answer's
    // source is a.test's own address for a.test's IPv4 address: it is named by itself.)
    const QList<QJsonObject> dns = linesOf(lines, m_network.peer(0).peerIpv4, 53);
    QVERIFY2(dns.size() >= 2, qPrintable(QString::number(dns.size())));
    QVERIFY2(dns.first()[u"direction"].toString() == u"out" && dns.first()[u"host"].isNull(),
             qPrintable(text(dns.first())));
}

void tst_HostNames::namesFromTlsHttpAndQuic()
{
    const Peer &b = m_network.peer(1);
    QString error;
    // A TLS server with a certificate made for the test, and a plain HTTP server, in peer 1.
    const QString key = m_files.filePath(QStringLiteral("key.pem"));
    const QString certificate = m_files.filePath(QStringLiteral("cert.pem"));
    const Command::Result made =
        Command::run({QStringLiteral("openssl"), QStringLiteral("req"), QStringLiteral("-x509"),
                      QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate,
                      QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=tls.example.test")});
    QVERIFY2(made.succeeded(), qPrintable(made.describe()));
    Background tls;
    QVERIFY2(tls.start(m_network.commandIn(
                           1, {QStringLiteral("openssl"), QStringLiteral("s_server"),
                               QStringLiteral("-accept"), QStringLiteral("4433"),
                               QStringLiteral("-key"), key, QStringLiteral("-cert"), certificate,
                               QStringLiteral("-naccept"), QStringLiteral("1")}),
                       "ACCEPT", &error),
             qPrintable(error));
    Background web;
    QVERIFY2(web.start(m_network.commandIn(1, {QStringLiteral("python3"), QStringLiteral("-u"),
                                               QStringLiteral("-m"), QStringLiteral("http.server"),
                                               QStringLiteral("--bind"), b.peerIpv4,
                                               QStringLiteral("8080")}),
                       "Serving HTTP", &error),
             qPrintable(error));

    HelperProcess helper;
    QVERIFY2(startHelper(helper, {}, &error), qPrintable(error));

    const Command::Result client = m_network.run(
        TestNetwork::Local,
        {QStringLiteral("sh"), QStringLiteral("-c"),
         QStringLiteral("echo | openssl s_client -connect %1:4433 -servername tls.example.test")
             .arg(b.peerIpv4)});
    QVERIFY2(client.output.contains("CONNECTED"), qPrintable(client.describe()));
    const Command::Result request = m_network.run(
        TestNetwork::Local, {QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-o"),
                             QStringLiteral("/dev/null"), QStringLiteral("-H"),
                             QStringLiteral("Host: web.example.test"),
                             QStringLiteral("http://%1:8080/").arg(b.peerIpv4)});
    QVERIFY2(request.succeeded(), qPrintable(request.describe()));
    // A QUIC v1 client's first Initial, its ClientHello in two CRYPTO frames out of order (as
    // Chrome sends them); nobody listens on port 443.
    QVERIFY(sendDatagram(b.peerIpv4, 443,
                         QuicInitialBuilder::clientInitial(QuicInitialBuilder::Version::V1,
                                                           "quic.example.test", true)));

    QTRY_VERIFY_WITH_TIMEOUT(linesOf(logLines(logPath()), b.peerIpv4, 443).size() == 1, 3000);
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));
    const QList<QJsonObject> lines = logLines(logPath());

    const struct {
        int port;
        const char *name;
        const char *source;
    } expected[] = {{4433, "tls.example.test", "tls"},
                    {8080, "web.example.test", "http"},
                    {443, "quic.example.test", "quic"}};
    for (const auto &e : expected) {
        const QList<QJsonObject> flow = linesOf(lines, b.peerIpv4, e.port);
        QVERIFY2(!flow.isEmpty(), e.name);
        // From the packet that carried the name on, both ways. (Those before it may have
        // another name: the address's, from an earlier flow.)
        bool named = false;
        int namedPackets = 0;
        for (const QJsonObject &line : flow) {
            named = named || line[u"host"].toString() == QLatin1String(e.name);
            if (!named)
                continue;
            QVERIFY2(line[u"host"].toString() == QLatin1String(e.name) &&
                         line[u"host_source"].toString() == QLatin1String(e.source),
                     qPrintable(text(line)));
            ++namedPackets;
        }
        QVERIFY2(namedPackets >= (e.port == 443 ? 1 : 4),
                 qPrintable(QStringLiteral("%1: %2 named of %3")
                                .arg(QLatin1String(e.name))
                                .arg(namedPackets)
                                .arg(flow.size())));
    }
}

// A rule for *.example.test: before the name is resolved, b.example.test's address is reached;
// once a DNS answer named it, that address is dropped from the next packet on, while a.test's
// (named too, by another answer) is not.
void tst_HostNames::rulesByName()
{
    const QString a = m_network.peer(0).peerIpv4;
    const QString b = m_network.peer(1).peerIpv4;
    QString error;
    HelperProcess helper;
    QVERIFY2(startHelper(helper, QStringLiteral("rule = \"drop out hostname *.example.test ip\"\n"),
                         &error),
             qPrintable(error));
    QCOMPARE(m_network.ping(TestNetwork::Local, b, 2), 2);

    for (const QString &name : {QStringLiteral("a.test"), QStringLiteral("b.example.test")}) {
        const Command::Result answer = m_network.run(
            TestNetwork::Local,
            {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")), QStringLiteral("query"), a,
             QStringLiteral("53"), name, QStringLiteral("A")});
        QVERIFY2(answer.succeeded(), qPrintable(answer.describe()));
    }
    QCOMPARE(m_network.ping(TestNetwork::Local, b, 2), 0);
    QCOMPARE(m_network.ping(TestNetwork::Local, a, 2), 2);
    const Flow toB{b, 5002, 1, 32, 63};
    QVERIFY(m_network.sendUdp(TestNetwork::Local, toB).succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(linesOf(logLines(logPath()), b, 5002).size(), 1, 3000);
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    const QJsonObject dropped = linesOf(logLines(logPath()), b, 5002).first();
    QVERIFY2(dropped[u"verdict"].toString() == u"drop" && dropped[u"rule"].toInt() == 1 &&
                 dropped[u"host"].toString() == u"b.example.test",
             qPrintable(text(dropped)));
    // The answers themselves, from a.test's address, pass.
    for (const QJsonObject &line : linesOf(logLines(logPath()), a, 53))
        QVERIFY2(line[u"verdict"].toString() == u"accept", qPrintable(text(line)));
}

// A pcapng dump of accepted packets keeps the names the helper learned, in Name Resolution
// Blocks before the first packet that uses them: tshark lists them (`-z hosts`) and shows them
// for the packets after, not before.
void tst_HostNames::namesInPcapngDumps()
{
    const Peer &a = m_network.peer(0);
    const Peer &b = m_network.peer(1);
    QString error;
    Background web;
    QVERIFY2(web.start(m_network.commandIn(1, {QStringLiteral("python3"), QStringLiteral("-u"),
                                               QStringLiteral("-m"), QStringLiteral("http.server"),
                                               QStringLiteral("--bind"), b.peerIpv4,
                                               QStringLiteral("8081")}),
                       "Serving HTTP", &error),
             qPrintable(error));
    const QString dump = m_files.filePath(QStringLiteral("out.pcapng"));
    HelperProcess helper;
    QVERIFY2(helper.writeConfig(QStringLiteral("interfaces = \"vethA, vethB\"\ndump = true\n"
                                               "dump_output = \"%1\"\n")
                                    .arg(dump),
                                &error) &&
                 helper.start(&error),
             qPrintable(error));

    // To a.test's address before and after its name was asked for.
    QVERIFY(m_network.sendUdp(TestNetwork::Local, {a.peerIpv4, 5000, 1, 32, 71}).succeeded());
    for (const char *type : {"A", "AAAA"}) {
        const Command::Result answer = m_network.run(
            TestNetwork::Local, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-dns")),
                                 QStringLiteral("query"), a.peerIpv4, QStringLiteral("53"),
                                 QStringLiteral("a.test"), QString::fromLatin1(type)});
        QVERIFY2(answer.succeeded(), qPrintable(answer.describe()));
    }
    QVERIFY(m_network.sendUdp(TestNetwork::Local, {a.peerIpv4, 5001, 2, 32, 72}).succeeded());
    QVERIFY(m_network.sendUdp(TestNetwork::Local, {a.peerIpv6, 5001, 1, 32, 73}).succeeded());
    // An HTTP Host header and a QUIC server name for peer b.
    const Command::Result request = m_network.run(
        TestNetwork::Local, {QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-o"),
                             QStringLiteral("/dev/null"), QStringLiteral("-H"),
                             QStringLiteral("Host: web.example.test"),
                             QStringLiteral("http://%1:8081/").arg(b.peerIpv4)});
    QVERIFY2(request.succeeded(), qPrintable(request.describe()));
    QVERIFY(sendDatagram(b.peerIpv4, 443,
                         QuicInitialBuilder::clientInitial(QuicInitialBuilder::Version::V1,
                                                           "quic.example.test", true)));
    const HelperReport report = helper.stop();
    QVERIFY2(report.exited && report.exitCode == 0, qPrintable(report.describe()));

    QStringList hosts;
    QVERIFY2(Tshark::hosts(dump, &hosts, &error), qPrintable(error));
    for (const QString &address : {a.peerIpv4, a.peerIpv6})
        QVERIFY2(hosts.contains(address + QStringLiteral(" a.test")),
                 qPrintable(hosts.join(u'\n')));
    // Peer b's address had two names (one per flow): both are in the file; Wireshark keeps one
    // name per address, and lists that.
    QVERIFY2(hosts.contains(b.peerIpv4 + QStringLiteral(" web.example.test")) ||
                 hosts.contains(b.peerIpv4 + QStringLiteral(" quic.example.test")),
             qPrintable(hosts.join(u'\n')));
    QFile file(dump);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const char *name : {"web.example.test", "quic.example.test"})
        QVERIFY2(bytes.contains(QByteArray(name) + '\0'), name);

    // With names resolved (-N n), tshark names a packet's destination by what the file said
    // before it: nothing for port 5000, a.test for 5001. (Only the datagrams themselves: the
    // ICMP errors that quote them have two headers.)
    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(dump,
                            {QStringLiteral("udp.dstport"), QStringLiteral("ip.dst_host"),
                             QStringLiteral("ipv6.dst_host"), QStringLiteral("ip.proto"),
                             QStringLiteral("ipv6.nxt")},
                            &rows, &error, true),
             qPrintable(error));
    int before = 0;
    int after = 0;
    for (const QStringList &row : rows) {
        if (row.value(3) + row.value(4) != QLatin1String("17"))
            continue;
        const QString shown = row.value(1) + row.value(2);
        if (row.value(0) == QLatin1String("5000")) {
            QCOMPARE(shown, a.peerIpv4);
            ++before;
        } else if (row.value(0) == QLatin1String("5001")) {
            QCOMPARE(shown, QStringLiteral("a.test"));
            ++after;
        }
    }
    QCOMPARE(before, 1);
    QCOMPARE(after, 3);
}

void tst_HostNames::cleanupTestCase()
{
    m_dns.reset();
    m_network.removeAll();
}

QTEST_GUILESS_MAIN(tst_HostNames)
#include "tst_hostnames.moc"
