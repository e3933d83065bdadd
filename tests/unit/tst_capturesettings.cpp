// CaptureSettings: defaults, a round trip through QSettings, values from an edited file brought
// into the helper's ranges, and the StartCapture options they make.
#include "app/client/CaptureSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace nfqmon;

class tst_CaptureSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void roundTrip();
    void clampsEditedValues_data();
    void clampsEditedValues();
    void options();

private:
    QString file() const { return m_dir.filePath(QStringLiteral("nfqmon.conf")); }
    QTemporaryDir m_dir;
};

void tst_CaptureSettings::defaults()
{
    QSettings empty(file() + QStringLiteral(".empty"), QSettings::IniFormat);
    const CaptureSettings loaded = CaptureSettings::load(empty);
    QCOMPARE(loaded, CaptureSettings());
    QCOMPARE(loaded.interfaces, QStringList{QStringLiteral("any")});
    QVERIFY(loaded.automaticRules);
    QVERIFY(loaded.dumpAllPath.isEmpty() && loaded.dumpAcceptedPath.isEmpty());
    QCOMPARE(loaded.snapLength, 65535u);
    QCOMPARE(loaded.storeLimit, 1'000'000);
    QVERIFY(!loaded.reverseLookup); // the window's own lookups are off unless turned on
}

void tst_CaptureSettings::roundTrip()
{
    CaptureSettings chosen;
    chosen.interfaces = {QStringLiteral("eth0"), QStringLiteral("wlan0")};
    chosen.automaticRules = false;
    chosen.dumpAllPath = QStringLiteral("/home/me/all.pcap");
    chosen.dumpAcceptedPath = QStringLiteral("/home/me/accepted packets.pcap");
    chosen.snapLength = 128;
    chosen.queue = 7;
    chosen.storeLimit = 250'000;
    chosen.reverseLookup = true;
    chosen.inspectPackets = 8;
    {
        QSettings settings(file(), QSettings::IniFormat);
        chosen.save(settings);
    }
    QSettings settings(file(), QSettings::IniFormat);
    QCOMPARE(CaptureSettings::load(settings), chosen);
}

void tst_CaptureSettings::clampsEditedValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("loaded");
    QTest::newRow("snap length too small") << "snapLength" << QVariant(10) << QVariant(64u);
    QTest::newRow("snap length too big") << "snapLength" << QVariant(100000) << QVariant(65535u);
    QTest::newRow("queue too big") << "queue" << QVariant(70000) << QVariant(65535u);
    QTest::newRow("store limit too small") << "storeLimit" << QVariant(5) << QVariant(qint64(1000));
    QTest::newRow("inspection depth too big")
        << "inspectPackets" << QVariant(2'000'000) << QVariant(1'000'000u);
    QTest::newRow("no interfaces")
        << "interfaces" << QVariant(QStringList()) << QVariant(QStringList{QStringLiteral("any")});
}

void tst_CaptureSettings::clampsEditedValues()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QFETCH(QVariant, loaded);
    QSettings settings(file() + QLatin1Char('.') + key, QSettings::IniFormat);
    settings.setValue(QStringLiteral("capture/") + key, value);
    const CaptureSettings c = CaptureSettings::load(settings);
    const QVariant actual = key == QLatin1String("snapLength")       ? QVariant(c.snapLength)
                            : key == QLatin1String("queue")          ? QVariant(c.queue)
                            : key == QLatin1String("storeLimit")     ? QVariant(c.storeLimit)
                            : key == QLatin1String("inspectPackets") ? QVariant(c.inspectPackets)
                                                                     : QVariant(c.interfaces);
    QCOMPARE(actual, loaded);
}

void tst_CaptureSettings::options()
{
    CaptureSettings c;
    c.interfaces = {QStringLiteral("vethA")};
    c.automaticRules = false;
    c.snapLength = 200;
    c.queue = 3;
    c.dumpAllPath = QStringLiteral("/tmp/x.pcap"); // opened by CaptureController, not here
    c.reverseLookup = true;                        // the window's, not the helper's
    const QVariantMap options = c.toOptions();
    QCOMPARE(options.keys(), (QStringList{"automaticRules", "interfaces", "queue", "snapLength"}));
    QCOMPARE(options.value("interfaces").toStringList(), QStringList{QStringLiteral("vethA")});
    QCOMPARE(options.value("automaticRules").toBool(), false);
    QCOMPARE(options.value("snapLength").toUInt(), 200u);
    QCOMPARE(options.value("queue").toUInt(), 3u);
    // An inspection depth is asked for only when one is set: every packet otherwise.
    c.inspectPackets = 8;
    QCOMPARE(c.toOptions().value("inspectPackets").toUInt(), 8u);
    QCOMPARE(c.toOptions().value("inspectPackets").metaType(), QMetaType::fromType<uint>());
}

QTEST_GUILESS_MAIN(tst_CaptureSettings)
#include "tst_capturesettings.moc"
