// The helper works inside the confinement its systemd unit sets (packaging/systemd): the bus
// activates it through a wrapper that applies the unit's restrictions the way systemd would
// (there is no running systemd here to start the unit itself):
//   CapabilityBoundingSet=  read from the unit, applied with setpriv (so only these capabilities)
//   NoNewPrivileges=yes     setpriv --no-new-privs
//   ProtectSystem=strict, ProtectHome=yes
//                           every mount read-only, in a mount namespace of the helper's own
//   StateDirectory=         only the state directory writable
//   ProtectProc=invisible, ProcSubset=pid
//                           a /proc of its own with hidepid=invisible,subset=pid
// A capture with a drop rule, a dump and the stream then works as usual, and the running helper
// holds exactly the capabilities the unit names; so does a capture with an inspection depth,
// whose kernel programs are pinned under /sys/fs/bpf (the unit's ReadWritePaths). The system call
// filter and the address family restriction are systemd's own (seccomp, BPF): systemd-analyze
// checks their presence.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/network/HelperProcess.h"
#include "tests/support/network/TrafficReceiver.h"

#include <QFile>
#include <QtTest>

#include <linux/capability.h>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

const QString UnitTemplate =
    QStringLiteral(NFQMON_SOURCE_DIR "/packaging/systemd/nfqmon-helper.service.in");

QMap<QString, QString> unitSettings(QString *error)
{
    QFile file(UnitTemplate);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QMap<QString, QString> settings;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!line.startsWith(QLatin1Char('#')) && equals > 0)
            settings.insert(line.left(equals), line.mid(equals + 1));
    }
    return settings;
}

// "CAP_NET_ADMIN CAP_NET_RAW" -> "-all,+net_admin,+net_raw" for setpriv, and the CapEff mask.
QString boundingSet(const QString &capabilities, quint64 *mask)
{
    static const QMap<QString, int> numbers = {
        {QStringLiteral("CAP_NET_ADMIN"), CAP_NET_ADMIN},
        {QStringLiteral("CAP_NET_RAW"), CAP_NET_RAW},
        {QStringLiteral("CAP_BPF"), CAP_BPF},
        {QStringLiteral("CAP_PERFMON"), CAP_PERFMON},
        {QStringLiteral("CAP_DAC_OVERRIDE"), CAP_DAC_OVERRIDE}};
    QString set = QStringLiteral("-all");
    *mask = 0;
    for (const QString &name : capabilities.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!numbers.contains(name))
            return {};
        set += QStringLiteral(",+") + name.mid(4).toLower();
        *mask |= quint64(1) << numbers.value(name);
    }
    return set;
}

QString capabilityLine(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return QString::fromLatin1(line.mid(qsizetype(std::strlen(field)))).trimmed();
    return {};
}

} // namespace

class tst_ServiceConfined : public ServiceTest
{
    Q_OBJECT

private slots:
    void captureWorksWithTheUnitsConfinement();
    void inspectionDepthWorksWithTheUnitsConfinement();

private:
    // Makes the bus activate the helper through the confining wrapper; `mask` gets the
    // capabilities the unit allows. Undone by restoreHelper().
    void confineHelper(quint64 *mask);
    void restoreHelper();

    QTemporaryDir m_wrapperDirectory;
};

void tst_ServiceConfined::restoreHelper()
{
    m_bed.bus().stopHelper();
    m_bed.bus().setHelperProgram(HelperProcess::program());
    QString ignored;
    m_bed.bus().writeHelperService(&ignored);
}

void tst_ServiceConfined::confineHelper(quint64 *mask)
{
    QString error;
    const QMap<QString, QString> unit = unitSettings(&error);
    QVERIFY2(!unit.isEmpty(), qPrintable(error));
    QCOMPARE(unit.value(QStringLiteral("NoNewPrivileges")), QStringLiteral("yes"));
    QCOMPARE(unit.value(QStringLiteral("ProtectSystem")), QStringLiteral("strict"));
    QCOMPARE(unit.value(QStringLiteral("ProtectProc")), QStringLiteral("invisible"));
    QCOMPARE(unit.value(QStringLiteral("ProcSubset")), QStringLiteral("pid"));
    QCOMPARE(unit.value(QStringLiteral("AmbientCapabilities")), QString());
    const QString bounding = boundingSet(unit.value(QStringLiteral("CapabilityBoundingSet")), mask);
    QVERIFY2(!bounding.isEmpty(), qPrintable(unit.value(QStringLiteral("CapabilityBoundingSet"))));

    // The wrapper the bus activates: `wrapper --service --state-dir DIR ...`.
    QVERIFY(m_wrapperDirectory.isValid());
    const QString wrapper = m_wrapperDirectory.filePath(QStringLiteral("confined-helper"));
    QFile script(wrapper);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(QString::fromUtf8(R"SH(#!/bin/bash
set -euo pipefail
state=
previous=
for argument in "$@"; do
  [ "$previous" = --state-dir ] && state=$argument
  previous=$argument
done
[ -n "$state" ] || { echo "confined-helper: no --state-dir" >&2; exit 1; }
exec unshare --mount --propagation private bash -euo pipefail -c '
  state=$1; shift
  mount --bind "$state" "$state"
  for point in $(awk "{ print \$2 }" /proc/self/mounts | sort -u); do
    case $point in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|"$state") continue ;; esac
    # Per mount only (bind): the file systems themselves stay as the machine has them.
    mount -o remount,bind,ro "$point" 2>/dev/null || true
  done
  for probe in /tmp /var /etc /root /usr "$(dirname %1)"; do
    if (: >"$probe/.nfqmon-confined-probe") 2>/dev/null; then
      echo "confined-helper: $probe is still writable" >&2; exit 1
    fi
  done
  mount -t proc -o hidepid=invisible,subset=pid proc /proc
  exec setpriv --no-new-privs --inh-caps=-all --bounding-set=%2 %1 "$@"
' confined "$state" "$@"
)SH")
                     .arg(HelperProcess::program(), bounding)
                     .toUtf8());
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(m_bed.bus().stopHelper());
    m_bed.bus().setHelperProgram(wrapper);
    QVERIFY2(m_bed.bus().writeHelperService(&error), qPrintable(error));
}

void tst_ServiceConfined::captureWorksWithTheUnitsConfinement()
{
    quint64 mask = 0;
    confineHelper(&mask);
    const auto restore = qScopeGuard([&] { restoreHelper(); });
    if (QTest::currentTestFailed())
        return;

    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver kept(TrafficReceiver::Protocol::Udp, 4, 6000);
    TrafficReceiver dropped(TrafficReceiver::Protocol::Udp, 4, 6001);
    QVERIFY2(kept.open(&error) && dropped.open(&error), qPrintable(error));
    // A saved rule: the state directory is writable.
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("AddRule"),
                                     {BusClient::map({{Contract::RuleField::Expression,
                                                       BusClient::s("udp and dst port 6001")}})}));
    QVERIFY(QFile::exists(m_bed.bus().helperStateDirectory() + QStringLiteral("/rules.json")));
    const QString dump = m_bed.userDirectory() + QStringLiteral("/confined.pcap");
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn(
            {QStringLiteral("vethA")},
            {{Contract::Option::DumpInput, BusClient::fd(dump, QStringLiteral("w"))}})}));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("OpenStream")));

    // The unit's capabilities are enough to learn which program sent each packet.
    const QJsonObject status = client->call(QStringLiteral("GetStatus"));
    NFQMON_VERIFY_REPLY(status);
    QVERIFY2(!QJsonDocument(status).toJson().contains("not attributed"),
             QJsonDocument(status).toJson().constData());

    // Exactly the unit's capabilities, and no way to gain more.
    const qint64 pid = m_bed.bus().helperPid();
    QVERIFY(pid > 0);
    QCOMPARE(capabilityLine(pid, "CapEff:").toULongLong(nullptr, 16), mask);
    QCOMPARE(capabilityLine(pid, "CapBnd:").toULongLong(nullptr, 16), mask);
    QCOMPARE(capabilityLine(pid, "NoNewPrivs:"), QStringLiteral("1"));

    const QString local = m_bed.network().peer(0).ipv4;
    QVERIFY(m_bed.network().sendUdp(0, {local, 6000, 3, 100, 81}).succeeded());
    QVERIFY(m_bed.network().sendUdp(0, {local, 6001, 2, 100, 82}).succeeded());
    QCOMPARE(kept.receive(3, 2s).size(), 3);
    QCOMPARE(dropped.receive(1, 500ms).size(), 0);
    const QJsonObject read = client->read(5, 5000);
    NFQMON_VERIFY_REPLY(read);
    const QJsonArray records = read.value(QStringLiteral("records")).toArray();
    QVERIFY2(records.size() >= 5, QJsonDocument(read).toJson().constData());
    // The receiver's socket was opened before the capture: the confined helper's walk of the
    // existing sockets names it.
    for (const QJsonValue &record : records)
        if (record[u"destinationPort"].toInt() == 6000)
            QVERIFY2(record[u"hasProcess"].toBool(), QJsonDocument(read).toJson().constData());
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    QVERIFY(QFileInfo(dump).size() >= 24 + 5 * (16 + 128)); // file header, 5 records
}

// With an inspection depth the helper loads the bypass programs and pins them under
// /sys/fs/bpf, where systemd mounts the bpf file system at boot (mounted here as it would be):
// the unit's capabilities and its one writable path there are enough, and the kernel passes
// what follows a flow's first packets.
void tst_ServiceConfined::inspectionDepthWorksWithTheUnitsConfinement()
{
    QString error;
    const Command::Result mounted =
        Command::run({QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("[ \"$(stat -f -c %T /sys/fs/bpf)\" = bpf_fs ] || "
                                     "mount -t bpf -o mode=0700 bpf /sys/fs/bpf")});
    QVERIFY2(mounted.succeeded(), qPrintable(mounted.describe()));
    quint64 mask = 0;
    confineHelper(&mask);
    const auto restore = qScopeGuard([&] { restoreHelper(); });
    if (QTest::currentTestFailed())
        return;

    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    TrafficReceiver receiver(TrafficReceiver::Protocol::Udp, 4, 6002);
    QVERIFY2(receiver.open(&error), qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(
        QStringLiteral("StartCapture"),
        {BusClient::captureOn({QStringLiteral("vethA")},
                              {{Contract::Option::InspectPackets, BusClient::u(3)}})}));
    QCOMPARE(capabilityLine(m_bed.bus().helperPid(), "CapEff:").toULongLong(nullptr, 16), mask);

    // Ten datagrams of one flow, 20 ms apart: each is past the queue before the next is sent.
    const Command::Result sent = m_bed.network().run(
        0, {TestNetwork::toolPath(QStringLiteral("nfqmon-test-send")), QStringLiteral("udp"),
            m_bed.network().peer(0).ipv4, QStringLiteral("6002"), QStringLiteral("--count"),
            QStringLiteral("10"), QStringLiteral("--interval-ms"), QStringLiteral("20"),
            QStringLiteral("--source-port"), QStringLiteral("43001")});
    QVERIFY2(sent.succeeded(), qPrintable(sent.describe()));
    QCOMPARE(receiver.receive(10, 2s).size(), 10);
    const QJsonObject status = m_bed.status();
    const QByteArray text = QJsonDocument(status).toJson();
    QCOMPARE(status.value(Contract::Status::InspectPackets).toInt(), 3);
    // The first three were inspected; the kernel passed the other seven.
    QVERIFY2(status.value(Contract::Status::DecidedPassed).toInteger() == 7, text.constData());
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
}

QTEST_GUILESS_MAIN(tst_ServiceConfined)
#include "tst_service_confined.moc"
