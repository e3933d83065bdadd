// MetricsPath: which metrics file paths the root helper takes from a D-Bus caller.
#include "helper/service/MetricsPath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace nfqmon;

class tst_MetricsPath : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkdir(m_dir.filePath(QStringLiteral("good"))));
        QVERIFY(QDir().mkdir(m_dir.filePath(QStringLiteral("open"))));
        QVERIFY(::chmod(QFile::encodeName(m_dir.filePath(QStringLiteral("open"))).constData(),
                        0777) == 0);
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("good")),
                            m_dir.filePath(QStringLiteral("link"))));
    }

    void check_data()
    {
        QTest::addColumn<QString>("path");    // %D: the test's directory
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("good") << "%D/good/nfqmon.prom"
                              << "";
        QTest::newRow("relative") << "good/nfqmon.prom"
                                  << "must be an absolute path";
        QTest::newRow("dot-dot") << "%D/good/../good/nfqmon.prom"
                                 << "not in its plain form";
        QTest::newRow("not .prom") << "%D/good/nfqmon.txt"
                                   << "ending in .prom";
        QTest::newRow("space in the name") << "%D/good/nfq mon.prom"
                                           << "ending in .prom";
        QTest::newRow("only the suffix") << "%D/good/.prom"
                                         << "ending in .prom";
        QTest::newRow("control character") << "%D/good/a\nb.prom"
                                           << "control characters";
        QTest::newRow("too long") << "/" + QString(2000, u'a') + ".prom"
                                  << "longer than 1024";
        QTest::newRow("missing directory") << "%D/missing/nfqmon.prom"
                                           << "cannot open the directory";
        QTest::newRow("symbolic link") << "%D/link/nfqmon.prom"
                                       << "is a symbolic link";
        QTest::newRow("world-writable") << "%D/open/nfqmon.prom"
                                        << "writable by root only";
    }

    void check()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        if (::geteuid() != 0 && message.isEmpty())
            QSKIP("a directory owned by root is wanted: run as root");
        path.replace(QStringLiteral("%D"), m_dir.path());
        QString error;
        const bool accepted = MetricsPath::check(path, &error);
        if (message.isEmpty()) {
            QVERIFY2(accepted, qPrintable(error));
        } else {
            QVERIFY(!accepted);
            QVERIFY2(error.contains(message), qPrintable(error));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_MetricsPath)
#include "tst_metricspath.moc"
