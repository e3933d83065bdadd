// DesktopSettings: both on by default, each choice remembered on its own, and a round trip
// through QSettings.
#include "app/desktop/DesktopSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace nfqmon;

class tst_DesktopSettings : public QObject
{
    Q_OBJECT

private slots:
    void onByDefault();
    void roundTrip_data();
    void roundTrip();

private:
    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QTemporaryDir m_dir;
};

void tst_DesktopSettings::onByDefault()
{
    QSettings empty(file("empty.conf"), QSettings::IniFormat);
    const DesktopSettings loaded = DesktopSettings::load(empty);
    QVERIFY(loaded.trayIcon);
    QVERIFY(loaded.notifyNewDrops);
}

void tst_DesktopSettings::roundTrip_data()
{
    QTest::addColumn<bool>("trayIcon");
    QTest::addColumn<bool>("notify");
    QTest::newRow("both off") << false << false;
    QTest::newRow("tray only") << true << false;
    QTest::newRow("notifications only") << false << true;
    QTest::newRow("both on") << true << true;
}

void tst_DesktopSettings::roundTrip()
{
    QFETCH(bool, trayIcon);
    QFETCH(bool, notify);
    const QString path = file(QTest::currentDataTag());
    DesktopSettings chosen;
    chosen.trayIcon = trayIcon;
    chosen.notifyNewDrops = notify;
    {
        QSettings settings(path, QSettings::IniFormat);
        chosen.save(settings);
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(DesktopSettings::load(settings), chosen);
    QCOMPARE(settings.value(QStringLiteral("desktop/trayIcon")).toBool(), trayIcon);
}

QTEST_GUILESS_MAIN(tst_DesktopSettings)
#include "tst_desktopsettings.moc"
