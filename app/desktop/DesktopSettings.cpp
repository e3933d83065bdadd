#include "app/desktop/DesktopSettings.h"

#include <QSettings>

namespace nfqmon {

namespace {
const QString TrayIconKey = QStringLiteral("desktop/trayIcon");
const QString NotifyKey = QStringLiteral("desktop/notifyNewDrops");
} // namespace

DesktopSettings DesktopSettings::load()
{
    QSettings settings;
    return load(settings);
}

DesktopSettings DesktopSettings::load(QSettings &settings)
{
    DesktopSettings d;
    d.trayIcon = settings.value(TrayIconKey, d.trayIcon).toBool();
    d.notifyNewDrops = settings.value(NotifyKey, d.notifyNewDrops).toBool();
    return d;
}

void DesktopSettings::save() const
{
    QSettings settings;
    save(settings);
}

void DesktopSettings::save(QSettings &settings) const
{
    settings.setValue(TrayIconKey, trayIcon);
    settings.setValue(NotifyKey, notifyNewDrops);
}

} // namespace nfqmon
