// How nfqmon fits into the desktop (the View menu's choices), remembered in QSettings under
// "desktop/": a system tray icon with the capture state, and a desktop notification when a new
// drop rule starts dropping packets. Both are on unless the user turns them off.
#pragma once

class QSettings;

namespace nfqmon {

struct DesktopSettings {
    bool trayIcon = true;
    bool notifyNewDrops = true;

    static DesktopSettings load(); // the application's QSettings
    static DesktopSettings load(QSettings &settings);
    void save() const;
    void save(QSettings &settings) const;

    bool operator==(const DesktopSettings &) const = default;
};

} // namespace nfqmon
