// The system tray icon (optional, View menu): the capture state at a glance (grey when idle,
// with a green dot while capturing), a tooltip with the interfaces, the packet rate, what the
// rules dropped and the busiest applications of the capture so far, a click that shows or hides
// the window, and a menu with Start, Stop and Quit.
// Where the desktop has no system tray the icon stays hidden and isShown() says so.
#pragma once

#include "app/client/CaptureHealth.h"
#include "app/store/TrafficStatistics.h"

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
    // A tooltip line names at most this many applications, each at most LabelLength characters.
    static constexpr int BusiestShown = 3;
    static constexpr int LabelLength = 24;

    TrayIcon(QAction *start, QAction *stop, QAction *quit, QWidget *window);
    ~TrayIcon() override;

    void setHealth(const CaptureHealth &health);
    // TrafficStatistics::topApplications() of the packets shown, most packets first.
    void setBusiestApplications(const QList<TrafficStatistics::Count> &applications);
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
    QString m_busiest; // the tooltip's line of applications; empty: none yet
    QString m_iconName;
    bool m_wanted = false;
};

} // namespace nfqmon
