// The system tray icon (optional, View menu): the capture state at a glance (grey when idle,
// with a green dot while capturing), a tooltip with the interfaces, the packet rate and what the
// rules dropped, a click that shows or hides the window, and a menu with Start, Stop and Quit.
// Where the desktop has no system tray the icon stays hidden and isShown() says so.
#pragma once

#include "app/client/CaptureHealth.h"

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace nfqmon {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // start, stop, quit: the window's actions; window: what a click shows or hides.
    TrayIcon(QAction *start, QAction *stop, QAction *quit, QWidget *window);
    ~TrayIcon() override;

    void setHealth(const CaptureHealth &health);
    // Wanted by the user (the setting); shown only where a system tray exists.
    void setWanted(bool wanted);
    bool isWanted() const { return m_wanted; }
    bool isShown() const;
    // A balloon or notification from the icon (where the tray shows them).
    void showMessage(const QString &title, const QString &message);

    QString toolTip() const;
    QString iconName() const { return m_iconName; } // ":/icons/tray-….svg"
    QMenu *menu() const { return m_menu; }
    QAction *showWindowAction() const { return m_showWindow; }

    static bool isSystemTrayAvailable();

private:
    void refresh();
    void toggleWindow();

    QWidget *m_window;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QAction *m_showWindow;
    CaptureHealth m_health;
    QString m_iconName;
    bool m_wanted = false;
};

} // namespace nfqmon
