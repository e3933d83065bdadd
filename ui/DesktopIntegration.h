// The window's place on the desktop: the system tray icon (TrayIcon) with the capture state and
// the busiest applications, and a desktop notification when a new rule starts dropping packets
// (DropRuleWatcher, DropNotification, DesktopNotifier), each with its choice in the View menu
// (DesktopSettings). With the icon shown, closing the window during a capture hides it there
// instead (closeHidesToTray()).
#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace nfqmon {

class CaptureController;
class DesktopNotifier;
class DropRuleWatcher;
class Session;
class TrayIcon;
struct RuleInfo;

class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    // start, stop, quit: the window's actions, for the tray's menu.
    DesktopIntegration(QMainWindow *window, Session *session, QAction *start, QAction *stop,
                       QAction *quit);

    // The two choices ("trayAction", "notifyAction"), at the end of `menu`.
    void addMenuActions(QMenu *menu);
    // Whether closing the window now should hide it to the tray: the icon is shown and a
    // capture runs. hideToTray() does it (and says so the first time).
    bool closeHidesToTray() const;
    void hideToTray();

    TrayIcon *trayIcon() const { return m_tray; }
    DropRuleWatcher *dropRuleWatcher() const { return m_dropWatcher; }
    // Made at the first notification (it connects to the session bus).
    DesktopNotifier *notifier();

private:
    void onRuleStartedDropping(const RuleInfo &rule);
    void bringBack();

    QMainWindow *m_window;
    Session *m_session;
    CaptureController *m_controller;
    DropRuleWatcher *m_dropWatcher;
    TrayIcon *m_tray;
    DesktopNotifier *m_notifier = nullptr;
    QAction *m_trayAction;
    QAction *m_notifyAction;
    bool m_toldAboutTray = false; // the first close to the tray explains itself
};

} // namespace nfqmon
