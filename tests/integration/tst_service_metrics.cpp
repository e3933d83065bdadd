// SetMetricsFile over the bus: the root helper takes a metrics file path from a caller only in a
// directory nobody but root can change (refused with InvalidArgument and a sentence otherwise),
// only from a caller polkit allows org.nfqmon.configure; the file appears, follows a capture
// (capture_up 1, then 0 with its figures), outlives the helper with capture_up 0, is written
// again by the next helper (the setting was saved) and goes when metrics are turned off.
#include "helper/protocol/HelperContract.h"
#include "tests/support/bus/ServiceTest.h"
#include "tests/support/core/MetricsScrape.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <functional>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon::test;
namespace Contract = nfqmon::Contract;
using namespace std::chrono_literals;

namespace {

QHash<QString, double> metricsOf(const QString &path)
{
    QFile file(path);
    return MetricsScrape::samples(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray(),
                                  QStringLiteral("nfqmon_"));
}

bool waitFor(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    do {
        if (condition())
            return true;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    return false;
}

} // namespace

class tst_ServiceMetrics : public ServiceTest
{
    Q_OBJECT

private slots:
    void prepareDirectories();
    void refusedPaths_data();
    void refusedPaths();
    void refusedCaller();
    void fileFollowsTheCaptureAndOutlivesTheHelper();

private:
    QString m_root; // root-owned, 0755, for the directories of the cases
};

void tst_ServiceMetrics::prepareDirectories()
{
    static QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(::chmod(QFile::encodeName(directory.path()).constData(), 0755) == 0);
    m_root = directory.path();
    for (const char *name : {"good", "open", "group", "users"})
        QVERIFY(QDir().mkdir(m_root + u'/' + QLatin1String(name)));
    QVERIFY(::chmod(QFile::encodeName(m_root + QStringLiteral("/open")).constData(), 01777) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_root + QStringLiteral("/group")).constData(), 0775) == 0);
    const passwd *user = ::getpwnam(PrivateSystemBus::AllowedUser);
    QVERIFY(user);
    QVERIFY(::chown(QFile::encodeName(m_root + QStringLiteral("/users")).constData(), user->pw_uid,
                    user->pw_gid) == 0);
    QVERIFY(QFile::link(m_root + QStringLiteral("/good"), m_root + QStringLiteral("/link")));
}

void tst_ServiceMetrics::refusedPaths_data()
{
    QTest::addColumn<QString>("path"); // %R: the cases' root-owned directory
    QTest::addColumn<QString>("message");
    QTest::newRow("relative") << "good/nfqmon.prom"
                              << "must be an absolute path";
    QTest::newRow("not a .prom name") << "%R/good/nfqmon.conf"
                                      << "ending in .prom";
    QTest::newRow("a path in the name") << "%R/good/../../etc/cron.d/x.prom"
                                        << "not in its plain form";
    QTest::newRow("symbolic link to a good directory") << "%R/link/nfqmon.prom"
                                                       << "is a symbolic link";
    QTest::newRow("world-writable directory (sticky, as /tmp)")
        << "%R/open/nfqmon.prom"
        << "must be owned by root and writable by root only";
    QTest::newRow("group-writable directory") << "%R/group/nfqmon.prom"
                                              << "writable by root only";
    QTest::newRow("the caller's own directory") << "%R/users/nfqmon.prom"
                                                << "must be owned by root";
    QTest::newRow("missing directory") << "%R/missing/nfqmon.prom"
                                       << "cannot open the directory";
}

void tst_ServiceMetrics::refusedPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    path.replace(QStringLiteral("%R"), m_root);
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    const QJsonObject reply = client->call(QStringLiteral("SetMetricsFile"), {BusClient::s(path)});
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), Contract::Error::InvalidArgument);
    QVERIFY2(reply.value(QStringLiteral("message")).toString().contains(message),
             QJsonDocument(reply).toJson().constData());
    QCOMPARE(m_bed.status().value(Contract::Status::MetricsFile).toString(), QString());
    for (const char *dir : {"good", "open", "group", "users"})
        QCOMPARE(QDir(m_root + u'/' + QLatin1String(dir)).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
}

void tst_ServiceMetrics::refusedCaller()
{
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::RefusedUser), &error);
    QVERIFY2(client, qPrintable(error));
    const QJsonObject reply = client->call(QStringLiteral("SetMetricsFile"),
                                           {BusClient::s(m_root + QStringLiteral("/good/x.prom"))});
    QCOMPARE(reply.value(QStringLiteral("error")).toString(), Contract::Error::NotAuthorized);
    QVERIFY(!QFile::exists(m_root + QStringLiteral("/good/x.prom")));
}

void tst_ServiceMetrics::fileFollowsTheCaptureAndOutlivesTheHelper()
{
    const QString path = m_root + QStringLiteral("/good/nfqmon.prom");
    QString error;
    const auto client = m_bed.client(QLatin1String(PrivateSystemBus::AllowedUser), &error);
    QVERIFY2(client, qPrintable(error));
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("SetMetricsFile"), {BusClient::s(path)}));

    // There at once, idle, readable by node_exporter's user.
    QCOMPARE(metricsOf(path).value(QStringLiteral("nfqmon_capture_up"), -1), 0.0);
    const QStringList series = metricsOf(path).keys();
    QVERIFY2(std::any_of(series.begin(), series.end(),
                         [](const QString &k) {
                             return k.startsWith(
                                 QLatin1String("nfqmon_config_info{mode=\"service\",sha256=\""));
                         }),
             qPrintable(series.join(u'\n')));
    struct stat st {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0644));
    QCOMPARE(m_bed.status().value(Contract::Status::MetricsFile).toString(), path);

    NFQMON_VERIFY_REPLY(
        client->call(QStringLiteral("StartCapture"), {BusClient::captureOn({"vethA"})}));
    QCOMPARE(metricsOf(path).value(QStringLiteral("nfqmon_capture_up"), -1), 1.0);
    const QString peer = m_bed.network().peer(0).address(4);
    QCOMPARE(m_bed.network().ping(0, peer, 4), 4);
    QVERIFY2(waitFor(
                 [&] {
                     return metricsOf(path).value(
                                QStringLiteral("nfqmon_packets_total{verdict=\"accept\"}")) >= 8;
                 },
                 7s),
             "the file was not written again within 7 s");
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("StopCapture")));
    auto stopped = metricsOf(path);
    QCOMPARE(stopped.value(QStringLiteral("nfqmon_capture_up"), -1), 0.0);
    QVERIFY(stopped.value(QStringLiteral("nfqmon_packets_total{verdict=\"accept\"}")) >= 8);
    QVERIFY(stopped.value(QStringLiteral("nfqmon_bytes_total{verdict=\"accept\"}")) >= 8 * 84);

    // The helper goes (as after its idle timeout); the file stays, saying it does not capture.
    QVERIFY(m_bed.bus().stopHelper());
    QCOMPARE(metricsOf(path).value(QStringLiteral("nfqmon_capture_up"), -1), 0.0);
    QVERIFY(QFile::remove(path));
    // The next helper, activated by any call, writes it again: the setting was saved.
    QCOMPARE(m_bed.status().value(Contract::Status::MetricsFile).toString(), path);
    QVERIFY(QFile::exists(path));

    // Off: the file goes (node_exporter would serve stale figures for ever).
    NFQMON_VERIFY_REPLY(client->call(QStringLiteral("SetMetricsFile"), {BusClient::s(QString())}));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(m_bed.status().value(Contract::Status::MetricsFile).toString(), QString());
}

QTEST_GUILESS_MAIN(tst_ServiceMetrics)
#include "tst_service_metrics.moc"
