// MetricsText and MetricsFile: the Prometheus text a snapshot becomes (names, types, labels and
// their escaping, bounded series) and its atomic replacement (no temporary left, mode 0644, a
// link at the target replaced rather than followed, a directory that cannot be written told).
#include "helper/engine/MetricsFile.h"
#include "helper/engine/MetricsText.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon;

namespace {

MetricsSnapshot snapshot()
{
    MetricsSnapshot s;
    s.captureUp = true;
    s.captureStartMs = 1764950400123;
    s.mode = QStringLiteral("headless");
    s.configSha256 = QString(64, u'a');
    s.statistics.accepted = 100;
    s.statistics.dropped = 20;
    s.statistics.acceptedBytes = 12345;
    s.statistics.droppedBytes = 678;
    s.statistics.lost = 3;
    s.statistics.kernelQueueDropped = 4;
    s.statistics.kernelUserDropped = 5;
    s.statistics.passedUnseenKnown = true;
    s.statistics.passedUnseen = 6;
    Rule drop;
    drop.id = 1;
    drop.action = RuleAction::Drop;
    drop.expression = QStringLiteral("udp and dst port 53");
    Rule accept;
    accept.id = 7;
    accept.action = RuleAction::Accept;
    accept.expression = QStringLiteral("tcp \\ \"x\"\nport 1");
    s.statistics.rules = {{drop, 20}, {accept, 0}};
    return s;
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

} // namespace

class tst_MetricsFile : public QObject
{
    Q_OBJECT

private slots:
    void samples_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("up") << "nfqmon_capture_up 1";
        QTest::newRow("start") << "nfqmon_capture_start_time_seconds 1764950400.123";
        QTest::newRow("config") << QStringLiteral(
                                       "nfqmon_config_info{mode=\"headless\",sha256=\"%1\"} 1")
                                       .arg(QString(64, u'a'));
        QTest::newRow("accepted") << "nfqmon_packets_total{verdict=\"accept\"} 100";
        QTest::newRow("dropped") << "nfqmon_packets_total{verdict=\"drop\"} 20";
        QTest::newRow("accepted bytes") << "nfqmon_bytes_total{verdict=\"accept\"} 12345";
        QTest::newRow("dropped bytes") << "nfqmon_bytes_total{verdict=\"drop\"} 678";
        QTest::newRow("rule hits") << "nfqmon_rule_hits_total{rule=\"1\",action=\"drop\"} 20";
        QTest::newRow("rule without hits")
            << "nfqmon_rule_hits_total{rule=\"7\",action=\"accept\"} 0";
        QTest::newRow("rule text")
            << "nfqmon_rule_info{rule=\"1\",action=\"drop\",expression=\"udp and dst port 53\"} 1";
        QTest::newRow("escaped rule text") << "nfqmon_rule_info{rule=\"7\",action=\"accept\","
                                              "expression=\"tcp \\\\ \\\"x\\\"\\nport 1\"} 1";
        QTest::newRow("lost") << "nfqmon_records_lost_total 3";
        QTest::newRow("kernel") << "nfqmon_kernel_queue_dropped_total 9";
        QTest::newRow("unseen") << "nfqmon_passed_unseen_total 6";
        QTest::newRow("counter type") << "# TYPE nfqmon_packets_total counter";
        QTest::newRow("gauge type") << "# TYPE nfqmon_capture_up gauge";
    }

    void samples()
    {
        QFETCH(QString, line);
        const QStringList text = lines(MetricsText::format(snapshot()));
        QVERIFY2(text.contains(line), qPrintable(text.join(u'\n')));
    }

    void everyFamilyOnceWithHelpAndType()
    {
        const QStringList text = lines(MetricsText::format(snapshot()));
        QStringList families;
        for (const QString &line : text) {
            if (line.startsWith(QLatin1String("# TYPE ")))
                families.append(line.section(u' ', 2, 2));
            else if (!line.startsWith(u'#'))
                QVERIFY2(line.startsWith(QLatin1String("nfqmon_")), qPrintable(line));
        }
        QCOMPARE(families.size(), QSet<QString>(families.begin(), families.end()).size());
        for (const QString &family : families) {
            QVERIFY(text.contains(QStringLiteral("# HELP ") + family) ||
                    std::any_of(text.begin(), text.end(), [&](const QString &l) {
                        return l.startsWith(QStringLiteral("# HELP %1 ").arg(family));
                    }));
            if (text.contains(QStringLiteral("# TYPE %1 counter").arg(family)))
                QVERIFY2(family.endsWith(QLatin1String("_total")), qPrintable(family));
        }
    }

    void unknownFiguresAreLeftOut()
    {
        MetricsSnapshot s;
        s.mode = QStringLiteral("service");
        const QByteArray text = MetricsText::format(s);
        QVERIFY(lines(text).contains(QStringLiteral("nfqmon_capture_up 0")));
        QVERIFY(!text.contains("nfqmon_passed_unseen_total")); // not read yet: no false 0
        QVERIFY(!text.contains("nfqmon_capture_start_time_seconds"));
        QVERIFY(!text.contains("nfqmon_rule_hits_total"));
        QVERIFY(lines(text).contains(QStringLiteral("nfqmon_packets_total{verdict=\"drop\"} 0")));
    }

    void labelValuesAreEscaped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << "udp port 53"
                               << "udp port 53";
        QTest::newRow("backslash") << "a\\b"
                                   << "a\\\\b";
        QTest::newRow("quote") << "say \"hi\""
                               << "say \\\"hi\\\"";
        QTest::newRow("line feed") << "a\nb"
                                   << "a\\nb";
        QTest::newRow("UTF-8 kept") << "hôte.example"
                                    << "hôte.example";
    }

    void labelValuesAreEscaped()
    {
        QFETCH(QString, value);
        QFETCH(QString, escaped);
        QCOMPARE(MetricsText::escapeLabelValue(value), escaped);
    }

    void replacesAtomically_data()
    {
        QTest::addColumn<bool>("targetExists");
        QTest::addColumn<bool>("targetIsLink");
        QTest::addColumn<bool>("staleTemporary");
        QTest::newRow("new file") << false << false << false;
        QTest::newRow("replaces a file") << true << false << false;
        QTest::newRow("replaces a link, not its target") << true << true << false;
        QTest::newRow("a killed writer's temporary") << false << false << true;
    }

    void replacesAtomically()
    {
        QFETCH(bool, targetExists);
        QFETCH(bool, targetIsLink);
        QFETCH(bool, staleTemporary);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("nfqmon.prom"));
        const QString elsewhere = dir.filePath(QStringLiteral("elsewhere"));
        if (targetIsLink) {
            QFile other(elsewhere);
            QVERIFY(other.open(QIODevice::WriteOnly) && other.write("untouched") == 9);
            other.close();
            QVERIFY(QFile::link(elsewhere, target));
        } else if (targetExists) {
            QFile old(target);
            QVERIFY(old.open(QIODevice::WriteOnly) && old.write("old") == 3);
        }
        if (staleTemporary) {
            QFile stale(dir.filePath(QStringLiteral(".nfqmon.prom.%1.tmp").arg(::getpid())));
            QVERIFY(stale.open(QIODevice::WriteOnly) && stale.write("stale") == 5);
        }

        const mode_t oldMask = ::umask(077); // the file must be readable all the same
        const MetricsFile file(target, MetricsDirectory::Trust::Root);
        QString error;
        const bool written = file.write("nfqmon_capture_up 1\n", &error);
        ::umask(oldMask);
        QVERIFY2(written, qPrintable(error));

        QCOMPARE(readFile(target), QByteArray("nfqmon_capture_up 1\n"));
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(target).constData(), &st), 0);
        QVERIFY(S_ISREG(st.st_mode));
        QCOMPARE(st.st_mode & 0777, mode_t(0644));
        if (targetIsLink)
            QCOMPARE(readFile(elsewhere), QByteArray("untouched"));
        QStringList expected{QStringLiteral("nfqmon.prom")};
        if (targetIsLink)
            expected.prepend(QStringLiteral("elsewhere"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name),
                 expected); // no temporary left behind
    }

    void aSecondWriteReplacesTheFirst()
    {
        QTemporaryDir dir;
        const MetricsFile file(dir.filePath(QStringLiteral("a.prom")),
                               MetricsDirectory::Trust::Root);
        QString error;
        QVERIFY2(file.write(QByteArray(100000, 'x'), &error), qPrintable(error));
        QVERIFY2(file.write("short\n", &error), qPrintable(error));
        QCOMPARE(readFile(file.path()), QByteArray("short\n"));
        QVERIFY2(file.remove(&error), qPrintable(error));
        QVERIFY(!QFile::exists(file.path()));
        QVERIFY2(file.remove(&error), qPrintable(error)); // gone already: no failure
    }

    void aDirectoryThatCannotBeWrittenIsTold()
    {
        const MetricsFile file(QStringLiteral("/nonexistent-nfqmon/x/nfqmon.prom"),
                               MetricsDirectory::Trust::Root);
        QString error;
        QVERIFY(!file.write("x\n", &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent-nfqmon/x/nfqmon.prom")) &&
                     error.contains(QLatin1String("No such file or directory")),
                 qPrintable(error));
    }

    void strictRefusesWhatACallerCouldSwap_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("symbolic link") << "link"
                                       << "is a symbolic link";
        QTest::newRow("writable by others") << "0777"
                                            << "writable by root only";
        QTest::newRow("writable by the group") << "0775"
                                               << "writable by root only";
        QTest::newRow("root's own") << "0755"
                                    << "";
    }

    void strictRefusesWhatACallerCouldSwap()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        if (::geteuid() != 0)
            QSKIP("the strict check wants a directory owned by root: run as root");
        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real"));
        QVERIFY(QDir().mkdir(real));
        QString parent = real;
        if (kind == QLatin1String("link")) {
            parent = dir.filePath(QStringLiteral("link"));
            QVERIFY(QFile::link(real, parent));
        } else {
            QVERIFY(::chmod(QFile::encodeName(real).constData(), kind.toUInt(nullptr, 8)) == 0);
        }
        const MetricsFile file(parent + QStringLiteral("/nfqmon.prom"),
                               MetricsDirectory::Trust::Strict);
        QString error;
        const bool written = file.write("x\n", &error);
        if (message.isEmpty()) {
            QVERIFY2(written, qPrintable(error));
            return;
        }
        QVERIFY(!written);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!QFile::exists(real + QStringLiteral("/nfqmon.prom")));
    }
};

QTEST_GUILESS_MAIN(tst_MetricsFile)
#include "tst_metricsfile.moc"
