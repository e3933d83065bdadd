// nfqmon-capture, the command-line capture, as users run it: the real program as the test users
// through setpriv, against the real helper and polkitd on the private bus, with real traffic over
// the test's veth pair. Its pcapng files and its standard output are read back with tshark; its
// relay's bytes with the project's StreamDecoder.
#include "helper/protocol/HelperContract.h"
#include "helper/protocol/StreamDecoder.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/bus/UserCommand.h"
#include "tests/support/core/Tshark.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/stat.h>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

const QString Program = QStringLiteral(NFQMON_CAPTURE_PROGRAM);
const QString Allowed = QLatin1String(PrivateSystemBus::AllowedUser);
const QString Refused = QLatin1String(PrivateSystemBus::RefusedUser);

// The summary line nfqmon-capture prints on standard error at the end.
QString summary(int packets, int accepted, int dropped, int lost)
{
    return QStringLiteral("%1 packets captured, %2 accepted, %3 dropped, %4 lost")
        .arg(packets)
        .arg(accepted)
        .arg(dropped)
        .arg(lost);
}

// For a failure's message. QVERIFY2 evaluates its message whether or not the check fails, so
// this only peeks at standard error: the checks after it still read all of it.
QString describe(QProcess &process)
{
    const QProcess::ProcessChannel channel = process.readChannel();
    process.setReadChannel(QProcess::StandardError);
    const QByteArray errors = process.peek(process.bytesAvailable());
    process.setReadChannel(channel);
    return QStringLiteral("exit %1 (%2)\nstderr: %3")
        .arg(process.exitCode())
        .arg(process.exitStatus() == QProcess::NormalExit ? QLatin1String("normal")
                                                          : QLatin1String("crashed"))
        .arg(QString::fromLocal8Bit(errors));
}

} // namespace

class tst_CaptureCli : public ServiceTest
{
    Q_OBJECT

private slots:
    void writesPcapngWithVerdicts();
    void writesToStandardOutput();
    void stopsOnSigterm();
    void stopsWhenTheReaderLeaves();
    void refusedUserGetsOneSentence();
    void unknownInterfaceIsOneSentence();
    void runningCaptureIsRefusedOrAttached();
    void relayCopiesTheStream();
    void relayEndsWhenItsReaderLeaves();
    void inspectWritesOnlyTheFirstPacketsOfEachConnection();

private:
    // nfqmon-capture as `user`, its output not yet read; stdout optionally into `reader`.
    std::unique_ptr<QProcess> start(const QString &user, const QStringList &arguments,
                                    QProcess *reader = nullptr);
    // Waits until the helper's status says `key` has `value` (a capture ran, a stream opened).
    bool waitForStatus(const QString &key, const QString &value);
    void addDropRule(int port, qint64 *id);
};

std::unique_ptr<QProcess> tst_CaptureCli::start(const QString &user, const QStringList &arguments,
                                                QProcess *reader)
{
    const QStringList argv =
        UserCommand::argv(user, m_bed.bus().address(), QStringList{Program} + arguments);
    auto process = std::make_unique<QProcess>();
    process->setProgram(argv.first());
    process->setArguments(argv.mid(1));
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    if (reader)
        process->setStandardOutputProcess(reader);
    process->start();
    if (!process->waitForStarted(5000))
        return nullptr;
    return process;
}

bool tst_CaptureCli::waitForStatus(const QString &key, const QString &value)
{
    const QDeadlineTimer deadline(15s);
    while (!deadline.hasExpired()) {
        if (m_bed.status().value(key).toVariant().toString() == value)
            return true;
        QTest::qWait(100);
    }
    return false;
}

void tst_CaptureCli::addDropRule(int port, qint64 *id)
{
    QString error;
    const auto client = m_bed.client(QStringLiteral("root"), &error);
    QVERIFY2(client, qPrintable(error));
    const QJsonObject added = client->call(
        QStringLiteral("AddRule"),
        {BusClient::map({{Contract::RuleField::Expression,
                          BusClient::s(QStringLiteral("udp and dst port %1").arg(port))}})});
    NFQMON_VERIFY_REPLY(added);
    *id = added.value(QStringLiteral("result")).toArray().first().toInteger();
}

void tst_CaptureCli::writesPcapngWithVerdicts()
{
    qint64 rule = -1;
    addDropRule(6001, &rule);
    QString error;
    TrafficReceiver kept(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 6001);
    QVERIFY2(kept.open(&error) && dropped.open(&error), qPrintable(error));

    const QString file = m_bed.userDirectory() + QStringLiteral("/capture.pcapng");
    const auto capture =
        start(Allowed, {QStringLiteral("-i"), QStringLiteral("vethA"), QStringLiteral("-c"),
                        QStringLiteral("5"), QStringLiteral("-w"), file});
    QVERIFY(capture);
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*capture)));

    const QString local = m_bed.network().peer(0).ipv4;
    const Flow droppedFlow{local, 6001, 2, 100, 61};
    const Flow keptFlow{local, 6000, 3, 100, 62};
    QVERIFY(m_bed.network().sendUdp(0, droppedFlow).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, keptFlow).succeeded());
    QCOMPARE(kept.receive(keptFlow.count, 2s).size(), keptFlow.count);
    QCOMPARE(dropped.receive(0, 200ms).size(), 0);

    QVERIFY2(capture->waitForFinished(15000), qPrintable(describe(*capture)));
    const QString errors = QString::fromLocal8Bit(capture->readAllStandardError());
    QVERIFY2(capture->exitStatus() == QProcess::NormalExit && capture->exitCode() == 0,
             qPrintable(errors));
    QVERIFY2(errors.contains(summary(5, 3, 2, 0)), qPrintable(errors));
    // It stopped the capture it started.
    QVERIFY(waitForStatus(Contract::Status::State, Contract::Status::Idle));

    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(uint(st.st_uid), PrivateSystemBus::AllowedUid); // the user's own file
    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(file,
                            {QStringLiteral("udp.dstport"), QStringLiteral("frame.comment"),
                             QStringLiteral("frame.packet_flags_direction"),
                             QStringLiteral("frame.interface_name"), QStringLiteral("frame.len")},
                            &rows, &error),
             qPrintable(error));
    // -c counts every packet the capture sees: a fresh link's own IPv6 traffic (neighbour
    // discovery, MLD reports, accepted) may take a place or two before the last datagrams.
    QCOMPARE(rows.size(), 5);
    int droppedRows = 0;
    int keptRows = 0;
    int others = 0;
    for (const QStringList &row : rows) {
        const QString text = row.join(QLatin1Char('|'));
        QCOMPARE(row.size(), 5);
        QVERIFY2(row[3] == QLatin1String("vethA"), qPrintable(text));
        if (row[0].isEmpty()) { // the link's own, either way
            QVERIFY2(row[1].startsWith(QLatin1String("accepted")), qPrintable(text));
            ++others;
            continue;
        }
        QVERIFY2(row[2] == QLatin1String("0x00000001"), qPrintable(text)); // inbound
        QVERIFY2(row[4] == QString::number(100 + 28), qPrintable(text));
        if (row[0] == QLatin1String("6001")) {
            ++droppedRows;
            QVERIFY2(row[1].startsWith(QStringLiteral("dropped by rule %1").arg(rule)),
                     qPrintable(text));
        } else {
            ++keptRows;
            QVERIFY2(row[0] == QLatin1String("6000"), qPrintable(text));
            QVERIFY2(row[1].startsWith(QLatin1String("accepted")), qPrintable(text));
            QVERIFY2(!row[1].startsWith(QLatin1String("accepted by rule")), qPrintable(text));
        }
    }
    QCOMPARE(droppedRows, 2); // sent first
    QCOMPARE(keptRows + others, 3);
    QVERIFY2(keptRows >= 1 && others <= 2, qPrintable(errors));
}

void tst_CaptureCli::writesToStandardOutput()
{
    QVERIFY2(!Tshark::program().isEmpty(), "tshark is missing: packaging/install-deps.sh --tests");
    QString error;
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 6, 6002);
    QVERIFY2(receiver.open(&error), qPrintable(error));

    // nfqmon-capture -w - | tshark -r -: a real pipe between the two.
    QProcess tshark;
    tshark.setProgram(Tshark::program());
    tshark.setArguments({QStringLiteral("-r"), QStringLiteral("-"), QStringLiteral("-n"),
                         QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-E"),
                         QStringLiteral("separator=|"), QStringLiteral("-e"),
                         QStringLiteral("udp.dstport"), QStringLiteral("-e"),
                         QStringLiteral("frame.comment"), QStringLiteral("-e"),
                         QStringLiteral("frame.packet_flags_direction")});
    const auto capture = start(Allowed,
                               {QStringLiteral("-i"), QStringLiteral("vethA"), QStringLiteral("-c"),
                                QStringLiteral("3"), QStringLiteral("-w"), QStringLiteral("-")},
                               &tshark);
    QVERIFY(capture);
    tshark.start();
    QVERIFY(tshark.waitForStarted(5000));
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*capture)));

    const Flow flow{m_bed.network().peer(0).ipv6, 6002, 3, 80, 63};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(receiver.receive(flow.count, 2s).size(), flow.count);

    QVERIFY2(capture->waitForFinished(15000), qPrintable(describe(*capture)));
    QCOMPARE(capture->exitCode(), 0);
    QVERIFY(tshark.waitForFinished(30000));
    QVERIFY2(tshark.exitCode() == 0, tshark.readAllStandardError().constData());
    const QString errors = QString::fromLocal8Bit(capture->readAllStandardError());
    QVERIFY2(errors.contains(summary(3, 3, 0, 0)), qPrintable(errors));
    const QStringList lines = QString::fromUtf8(tshark.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // As above, the link's own IPv6 traffic may take a place (accepted, no UDP port).
    QCOMPARE(lines.size(), 3);
    int datagrams = 0;
    for (const QString &line : lines) {
        const QStringList row = line.split(QLatin1Char('|'));
        QCOMPARE(row.size(), 3);
        QVERIFY2(row[1].startsWith(QLatin1String("accepted")), qPrintable(line));
        if (row[0].isEmpty())
            continue; // the link's own, either way
        QCOMPARE(row[2], QStringLiteral("0x00000001"));
        QCOMPARE(row[0], QStringLiteral("6002"));
        ++datagrams;
    }
    QVERIFY2(datagrams >= 1, qPrintable(lines.join(u'\n')));
}

void tst_CaptureCli::stopsOnSigterm()
{
    const QString file = m_bed.userDirectory() + QStringLiteral("/stopped.pcapng");
    const auto capture = start(Allowed, {QStringLiteral("-w"), file});
    QVERIFY(capture);
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*capture)));
    QCOMPARE(m_bed.network().ping(0, m_bed.network().peer(0).ipv4, 2), 2);
    QTest::qWait(200);    // the stream's batches leave the helper within 10 ms
    capture->terminate(); // SIGTERM, as a service manager stops it (Ctrl+C is SIGINT: the same)
    QVERIFY2(capture->waitForFinished(15000), qPrintable(describe(*capture)));
    const QString errors = QString::fromLocal8Bit(capture->readAllStandardError());
    QVERIFY2(capture->exitStatus() == QProcess::NormalExit && capture->exitCode() == 0,
             qPrintable(errors));
    QVERIFY(waitForStatus(Contract::Status::State, Contract::Status::Idle));
    // "any": the pings both ways (out on vethA, in from it), at least 2 requests and 2 replies.
    QList<QStringList> rows;
    QString error;
    QVERIFY2(Tshark::fields(file, {QStringLiteral("icmp.type"), QStringLiteral("frame.comment")},
                            &rows, &error),
             qPrintable(error));
    QVERIFY2(rows.size() >= 4, qPrintable(errors));
    QVERIFY2(
        errors.contains(
            QStringLiteral("%1 packets captured, %1 accepted, 0 dropped, 0 lost").arg(rows.size())),
        qPrintable(errors));
    for (const QStringList &row : rows) // several interfaces: each comment names its own
        QVERIFY2(row[1].contains(QLatin1String(", on ")), qPrintable(row.join(QLatin1Char('|'))));
}

void tst_CaptureCli::stopsWhenTheReaderLeaves()
{
    // nfqmon-capture -w - | head -c 1: the reader takes a byte of the header and leaves, as
    // Wireshark closed. No traffic is sent to fail a write: the closed pipe itself stops it.
    QProcess head;
    head.setProgram(QStringLiteral("head"));
    head.setArguments({QStringLiteral("-c"), QStringLiteral("1")});
    const auto capture = start(
        Allowed,
        {QStringLiteral("-i"), QStringLiteral("vethA"), QStringLiteral("-w"), QStringLiteral("-")},
        &head);
    QVERIFY(capture);
    head.start();
    QVERIFY(head.waitForStarted(5000));
    QVERIFY(head.waitForFinished(15000));
    QVERIFY2(capture->waitForFinished(15000), qPrintable(describe(*capture)));
    const QString errors = QString::fromLocal8Bit(capture->readAllStandardError());
    QVERIFY2(capture->exitStatus() == QProcess::NormalExit && capture->exitCode() == 0,
             qPrintable(errors));
    // The summary; the interface may have seen a packet of its own (IPv6 neighbour discovery).
    QVERIFY2(errors.contains(QLatin1String(" packets captured, ")), qPrintable(errors));
    QVERIFY(waitForStatus(Contract::Status::State, Contract::Status::Idle));

    // A reader that leaves at once, maybe before the header is written: the same.
    QProcess gone;
    gone.setProgram(QStringLiteral("true"));
    const auto early = start(Allowed, {QStringLiteral("-w"), QStringLiteral("-")}, &gone);
    QVERIFY(early);
    gone.start();
    QVERIFY(gone.waitForFinished(5000));
    QVERIFY2(early->waitForFinished(15000), qPrintable(describe(*early)));
    const QString earlyErrors = QString::fromLocal8Bit(early->readAllStandardError());
    QVERIFY2(early->exitStatus() == QProcess::NormalExit && early->exitCode() == 0,
             qPrintable(earlyErrors));
    QVERIFY2(earlyErrors.contains(QLatin1String(" packets captured, ")), qPrintable(earlyErrors));
    QVERIFY(waitForStatus(Contract::Status::State, Contract::Status::Idle));
}

void tst_CaptureCli::refusedUserGetsOneSentence()
{
    // A directory the refused user may write: the file it named must not be left behind.
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(QFile::setPermissions(directory.path(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                      QFileDevice::WriteOther | QFileDevice::ExeOther));
    const QString file = directory.filePath(QStringLiteral("refused.pcapng"));
    const Command::Result result = m_bed.bus().runAs(
        Refused, {Program, QStringLiteral("-i"), QStringLiteral("vethA"), QStringLiteral("-c"),
                  QStringLiteral("1"), QStringLiteral("-w"), file});
    QVERIFY2(result.finished && result.exitCode != 0, qPrintable(result.describe()));
    const QString errors = QString::fromLocal8Bit(result.errorOutput).trimmed();
    QVERIFY2(!errors.isEmpty() && !errors.contains(QLatin1Char('\n')), qPrintable(errors));
    QVERIFY2(!errors.contains(QLatin1String("packets captured")), qPrintable(errors));
    QVERIFY(result.output.isEmpty());
    QVERIFY2(!QFile::exists(file), "a refused start left its file behind");
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);
}

void tst_CaptureCli::unknownInterfaceIsOneSentence()
{
    const Command::Result result =
        m_bed.bus().runAs(Allowed, {Program, QStringLiteral("-i"), QStringLiteral("vethA,nosuch0"),
                                    QStringLiteral("-w"), QStringLiteral("-")});
    QVERIFY2(result.finished && result.exitCode != 0, qPrintable(result.describe()));
    const QString errors = QString::fromLocal8Bit(result.errorOutput).trimmed();
    QVERIFY2(errors.contains(QLatin1String("\"nosuch0\"")) && !errors.contains(QLatin1Char('\n')),
             qPrintable(errors));
    QVERIFY(result.output.isEmpty());
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Idle);

    // A mistake on the command line: the same, before anything starts.
    const Command::Result badCount =
        m_bed.bus().runAs(Allowed, {Program, QStringLiteral("-c"), QStringLiteral("many")});
    QVERIFY2(badCount.finished && badCount.exitCode != 0, qPrintable(badCount.describe()));
    QVERIFY2(QString::fromLocal8Bit(badCount.errorOutput).trimmed().count(QLatin1Char('\n')) == 0,
             qPrintable(badCount.describe()));
}

void tst_CaptureCli::runningCaptureIsRefusedOrAttached()
{
    QString error;
    const auto client = m_bed.client(Allowed, &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));

    // Without --attach: one sentence that says what to do, and the capture goes on.
    const Command::Result refused =
        m_bed.bus().runAs(Allowed, {Program, QStringLiteral("-c"), QStringLiteral("1"),
                                    QStringLiteral("-w"), QStringLiteral("-")});
    QVERIFY2(refused.finished && refused.exitCode != 0, qPrintable(refused.describe()));
    const QString sentence = QString::fromLocal8Bit(refused.errorOutput).trimmed();
    QVERIFY2(sentence.contains(QLatin1String("--attach")) && !sentence.contains(QLatin1Char('\n')),
             qPrintable(sentence));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);

    // With --attach: the running capture's packets, and it still runs afterwards.
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6003);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    const QString file = m_bed.userDirectory() + QStringLiteral("/attached.pcapng");
    const auto attached = start(Allowed, {QStringLiteral("--attach"), QStringLiteral("-c"),
                                          QStringLiteral("2"), QStringLiteral("-w"), file});
    QVERIFY(attached);
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*attached)));
    const Flow flow{m_bed.network().peer(0).ipv4, 6003, 2, 64, 64};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(receiver.receive(flow.count, 2s).size(), flow.count);
    QVERIFY2(attached->waitForFinished(15000), qPrintable(describe(*attached)));
    const QString errors = QString::fromLocal8Bit(attached->readAllStandardError());
    QVERIFY2(attached->exitCode() == 0 && errors.contains(summary(2, 2, 0, 0)), qPrintable(errors));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(file,
                            {QStringLiteral("udp.dstport"), QStringLiteral("frame.interface_name")},
                            &rows, &error),
             qPrintable(error));
    // The file's interface is the running capture's one (vethA), not this program's "any".
    const QStringList row{QStringLiteral("6003"), QStringLiteral("vethA")};
    QCOMPARE(rows, (QList<QStringList>{row, row}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
}

void tst_CaptureCli::relayCopiesTheStream()
{
    QString error;
    // Without a capture: nothing to relay, one sentence.
    const Command::Result idle = m_bed.bus().runAs(Allowed, {Program, QStringLiteral("--relay")});
    QVERIFY2(idle.finished && idle.exitCode != 0, qPrintable(idle.describe()));
    QVERIFY2(!QString::fromLocal8Bit(idle.errorOutput).trimmed().contains(QLatin1Char('\n')),
             qPrintable(idle.describe()));
    // As the refused user, while a capture runs: refused, one sentence.
    const auto client = m_bed.client(Allowed, &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    const Command::Result refused =
        m_bed.bus().runAs(Refused, {Program, QStringLiteral("--relay")});
    QVERIFY2(refused.finished && refused.exitCode != 0 && refused.output.isEmpty(),
             qPrintable(refused.describe()));
    QVERIFY2(!QString::fromLocal8Bit(refused.errorOutput).trimmed().contains(QLatin1Char('\n')),
             qPrintable(refused.describe()));

    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6004);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    const auto relay = start(Allowed, {QStringLiteral("--relay")});
    QVERIFY(relay);
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*relay)));
    const Flow flow{m_bed.network().peer(0).ipv4, 6004, 4, 150, 65};
    QVERIFY(m_bed.network().sendUdp(0, flow).succeeded());
    QCOMPARE(receiver.receive(flow.count, 2s).size(), flow.count);
    QTest::qWait(200); // the batch leaves the helper within 10 ms
    // The capture stops: the helper ends the stream, and the relay ends with it.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QVERIFY2(relay->waitForFinished(15000), qPrintable(describe(*relay)));
    QVERIFY2(relay->exitStatus() == QProcess::NormalExit && relay->exitCode() == 0,
             qPrintable(describe(*relay)));

    const QByteArray bytes = relay->readAllStandardOutput();
    nfqmon::StreamDecoder decoder;
    QVERIFY2(decoder.feed(bytes), qPrintable(decoder.errorString()));
    QVERIFY(decoder.atBoundary());
    int packets = 0;
    std::uint64_t sequence = 0;
    nfqmon::StreamBatch batch;
    while (decoder.next(&batch)) {
        QCOMPARE(batch.sequence, ++sequence); // every batch, in order
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const nfqmon::PacketRecord record = batch.record(i);
            if (record.summary.destinationPort == 6004 && record.verdict == nfqmon::Verdict::Accept)
                ++packets;
        }
    }
    QVERIFY(sequence >= 1);
    QCOMPARE(packets, flow.count);
}

void tst_CaptureCli::relayEndsWhenItsReaderLeaves()
{
    // ssh HOST nfqmon-capture --relay, and the window on the other end goes away while the
    // capture sees no packet: the relay must not wait for one to notice.
    QString error;
    const auto client = m_bed.client(Allowed, &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StartCapture"),
                                     {BusClient::captureOn({QStringLiteral("vethA")})}));
    QProcess reader; // reads nothing and leaves at once
    reader.setProgram(QStringLiteral("true"));
    const auto relay = start(Allowed, {QStringLiteral("--relay")}, &reader);
    QVERIFY(relay);
    reader.start();
    QVERIFY(reader.waitForFinished(5000));
    QVERIFY2(relay->waitForFinished(15000), qPrintable(describe(*relay)));
    QVERIFY2(relay->exitStatus() == QProcess::NormalExit && relay->exitCode() == 0,
             qPrintable(describe(*relay)));
    // Its stream closed with it; the capture goes on.
    QVERIFY(waitForStatus(Contract::Status::Streams, QStringLiteral("0")));
    QCOMPARE(m_bed.status().value(Contract::Status::State).toString(), Contract::Status::Running);
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
}

// --inspect 2: the file holds the first 2 datagrams of a flow of 10 (sent 20 ms apart from one
// port), and the summary says the kernel decided the other 8.
void tst_CaptureCli::inspectWritesOnlyTheFirstPacketsOfEachConnection()
{
    QString error;
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6002);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    const QString file = m_bed.userDirectory() + QStringLiteral("/inspected.pcapng");
    const auto capture =
        start(Allowed, {QStringLiteral("-i"), QStringLiteral("vethA"), QStringLiteral("--inspect"),
                        QStringLiteral("2"), QStringLiteral("-a"), QStringLiteral("4"),
                        QStringLiteral("-w"), file});
    QVERIFY(capture);
    QVERIFY2(waitForStatus(Contract::Status::Streams, QStringLiteral("1")),
             qPrintable(describe(*capture)));
    QCOMPARE(m_bed.status().value(Contract::Status::InspectPackets).toInt(), 2);
    const Command::Result sent = m_bed.network().run(
        0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("udp"),
            m_bed.network().peer(0).ipv4, QStringLiteral("6002"), QStringLiteral("--count"),
            QStringLiteral("10"), QStringLiteral("--interval-ms"), QStringLiteral("20"),
            QStringLiteral("--source-port"), QStringLiteral("43000")});
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QCOMPARE(receiver.receive(10, 2s).size(), 10);
    // While it runs, ListConnections has the flow with what the kernel decided of it.
    const auto root = m_bed.client(QStringLiteral("root"), &error);
    QVERIFY2(root, qPrintable(error));
    const QJsonObject listed = root->call(QStringLiteral("ListConnections"), {});
    NFQMON_VERIFY_REPLY(listed);
    const QJsonArray connections =
        listed.value(QStringLiteral("result")).toArray().first().toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject connection = connections.first().toObject();
    namespace Field = Contract::ConnectionField;
    QCOMPARE(connection.value(Field::Protocol).toInt(), 17);
    QCOMPARE(connection.value(Field::Verdict).toString(), QStringLiteral("accept"));
    QCOMPARE(connection.value(Field::Packets).toInteger(), 8);
    QCOMPARE(connection.value(Field::Bytes).toInteger(), 8 * (28 + 64));
    QVERIFY(connection.value(Field::Current).toBool());
    const QSet<int> ports{connection.value(Field::LowPort).toInt(),
                          connection.value(Field::HighPort).toInt()};
    QCOMPARE(ports, (QSet<int>{6002, 43000}));
    QVERIFY2(capture->waitForFinished(15000), qPrintable(describe(*capture)));
    const QString errors = QString::fromLocal8Bit(capture->readAllStandardError());
    QVERIFY2(capture->exitStatus() == QProcess::NormalExit && capture->exitCode() == 0,
             qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("8 packets decided in the kernel after the first 2 "
                                            "of their connection: 8 passed, 0 dropped.")),
             qPrintable(errors));
    QList<QStringList> rows;
    QVERIFY2(Tshark::fields(file, {QStringLiteral("udp.dstport")}, &rows, &error),
             qPrintable(error));
    int flowRows = 0;
    for (const QStringList &row : rows)
        flowRows += row.value(0) == QLatin1String("6002");
    QCOMPARE(flowRows, 2);
}

QTEST_GUILESS_MAIN(tst_CaptureCli)
#include "tst_capturecli.moc"
