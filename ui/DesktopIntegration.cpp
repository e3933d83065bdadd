#include "ui/DesktopIntegration.h"

#include "app/client/CaptureController.h"
#include "app/client/DropRuleWatcher.h"
#include "app/desktop/DesktopNotifier.h"
#include "app/desktop/DesktopSettings.h"
#include "app/session/DropNotification.h"
#include "app/session/Session.h"
#include "app/store/TrafficStatistics.h"
#include "ui/TrayIcon.h"

#include <QAction>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>

namespace nfqmon {

DesktopIntegration::DesktopIntegration(QMainWindow *window, Session *session, QAction *start,
                                       QAction *stop, QAction *quit)
    : QObject(window), m_window(window), m_session(session), m_controller(session->controller()),
      m_dropWatcher(new DropRuleWatcher(session->client(), this)),
      m_tray(new TrayIcon(start, stop, quit, window)), m_trayAction(new QAction(this)),
      m_notifyAction(new QAction(this))
{
    const DesktopSettings desktop = DesktopSettings::load();
    m_trayAction->setText(tr("Show an icon in the system &tray"));
    m_trayAction->setObjectName(QStringLiteral("trayAction"));
    m_trayAction->setCheckable(true);
    m_trayAction->setChecked(desktop.trayIcon);
    m_trayAction->setStatusTip(tr("The capture state beside the clock; closing the window while "
                                  "capturing keeps the capture running there"));
    m_notifyAction->setText(tr("&Notify when a new rule drops packets"));
    m_notifyAction->setObjectName(QStringLiteral("notifyAction"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(desktop.notifyNewDrops);
    m_notifyAction->setStatusTip(
        tr("A desktop notification when a rule that had not matched yet drops its first packets"));

    // One icon: this machine's window's. Another machine's window has none (nor the choice).
    const bool local = session->machine().isEmpty();
    m_trayAction->setVisible(local);
    m_tray->setWanted(local && desktop.trayIcon);
    connect(m_trayAction, &QAction::toggled, this, [this, local](bool on) {
        DesktopSettings settings = DesktopSettings::load();
        settings.trayIcon = on;
        settings.save();
        m_tray->setWanted(local && on);
    });
    connect(m_notifyAction, &QAction::toggled, this, [](bool on) {
        DesktopSettings settings = DesktopSettings::load();
        settings.notifyNewDrops = on;
        settings.save();
    });
    connect(m_controller, &CaptureController::healthChanged, m_tray, &TrayIcon::setHealth);
    // The statistics say so at most once a second: the tooltip changes as calmly.
    TrafficStatistics *statistics = session->statistics();
    connect(statistics, &TrafficStatistics::updated, m_tray, [this, statistics] {
        m_tray->setBusiestApplications(statistics->topApplications(TrayIcon::BusiestShown));
    });
    connect(m_dropWatcher, &DropRuleWatcher::ruleStartedDropping, this,
            &DesktopIntegration::onRuleStartedDropping);
}

void DesktopIntegration::addMenuActions(QMenu *menu)
{
    menu->addAction(m_trayAction);
    menu->addAction(m_notifyAction);
}

bool DesktopIntegration::closeHidesToTray() const
{
    // The capture goes on, as a firewall monitor's should; Quit (menu or tray) really ends.
    return m_tray->isShown() && m_controller->state() == CaptureState::Running;
}

void DesktopIntegration::hideToTray()
{
    m_window->hide();
    if (m_toldAboutTray)
        return;
    m_toldAboutTray = true;
    m_tray->showMessage(tr("NFQueue Monitor is still capturing"),
                        tr("Click the tray icon to bring the window back; Quit in its "
                           "menu ends the capture."));
}

DesktopNotifier *DesktopIntegration::notifier()
{
    if (!m_notifier) {
        m_notifier = new DesktopNotifier(this);
        m_notifier->setDesktopEntry(QGuiApplication::desktopFileName());
        connect(m_notifier, &DesktopNotifier::activated, this, &DesktopIntegration::bringBack);
        connect(m_notifier, &DesktopNotifier::failed, this, [](const QString &message) {
            qInfo("nfqmon: %s", qPrintable(message)); // a desktop without notifications
        });
    }
    return m_notifier;
}

void DesktopIntegration::onRuleStartedDropping(const RuleInfo &rule)
{
    if (!m_notifyAction->isChecked())
        return;
    const DropNotification notification =
        DropNotification::of(rule, m_session->programName(rule), m_session->addedFrom(rule));
    notifier()->notify(notification.summary, notification.body);
}

void DesktopIntegration::bringBack()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace nfqmon
