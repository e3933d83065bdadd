#include "ui/TrayIcon.h"

#include "app/client/CaptureStateText.h"

#include <QAction>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace nfqmon {

TrayIcon::TrayIcon(QAction *start, QAction *stop, QAction *quit, QWidget *window)
    : QObject(window), m_window(window), m_icon(new QSystemTrayIcon(this)),
      m_menu(new QMenu(window)), m_showWindow(new QAction(this))
{
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_showWindow->setObjectName(QStringLiteral("trayShowWindowAction"));
    m_menu->addAction(m_showWindow);
    m_menu->addSeparator();
    m_menu->addAction(start);
    m_menu->addAction(stop);
    m_menu->addSeparator();
    m_menu->addAction(quit);
    m_icon->setContextMenu(m_menu);
    connect(m_showWindow, &QAction::triggered, this, &TrayIcon::toggleWindow);
    // The label says what a click will do, so it is set just before the menu opens.
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::refresh);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why != QSystemTrayIcon::Trigger)
                    return;
                if (m_window->isVisible() && !m_window->isActiveWindow()) {
                    m_window->raise(); // behind other windows: a click brings it forward first
                    m_window->activateWindow();
                    return;
                }
                toggleWindow();
            });
    refresh();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isSystemTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setHealth(const CaptureHealth &health)
{
    if (health == m_health)
        return;
    m_health = health;
    refresh();
}

void TrayIcon::setBusiestApplications(const QList<TrafficStatistics::Count> &applications)
{
    const QLocale locale;
    QStringList names;
    for (const TrafficStatistics::Count &application : applications.mid(0, BusiestShown)) {
        QString name = application.name;
        if (name.size() > LabelLength)
            name = name.left(LabelLength - 1) + QChar(u'…');
        names.append(tr("%1 (%2)").arg(name, locale.toString(application.packets)));
    }
    const QString busiest =
        names.isEmpty() ? QString() : tr("Busiest: %1").arg(names.join(QStringLiteral(", ")));
    if (busiest == m_busiest)
        return;
    m_busiest = busiest;
    refresh();
}

void TrayIcon::setWanted(bool wanted)
{
    m_wanted = wanted;
    m_icon->setVisible(wanted && isSystemTrayAvailable());
}

bool TrayIcon::isShown() const
{
    return m_icon->isVisible();
}

void TrayIcon::showMessage(const QString &title, const QString &message)
{
    if (isShown())
        m_icon->showMessage(title, message, m_icon->icon());
}

QString TrayIcon::toolTip() const
{
    const QLocale locale;
    const CaptureHealth &h = m_health;
    QString tip = tr("NFQueue Monitor") + QLatin1Char('\n') + captureStateText(h);
    if (h.state == CaptureState::Running) {
        tip += QLatin1Char('\n') + tr("%1 pkt/s · dropped by rules %2")
                                       .arg(locale.toString(qRound64(h.packetsPerSecond)),
                                            locale.toString(h.droppedByRules));
        if (h.lostToDisplay > 0 || h.kernelDropped > 0)
            tip += QLatin1Char('\n') +
                   tr("lost to display %1 · kernel %2")
                       .arg(locale.toString(h.lostToDisplay), locale.toString(h.kernelDropped));
    }
    if (!m_busiest.isEmpty())
        tip += QLatin1Char('\n') + m_busiest;
    return tip;
}

void TrayIcon::refresh()
{
    const bool live = m_health.state == CaptureState::Running;
    const QString name = live ? QStringLiteral(":/icons/tray-capturing.svg")
                              : QStringLiteral(":/icons/tray-idle.svg");
    if (name != m_iconName) {
        m_iconName = name;
        m_icon->setIcon(QIcon(name));
    }
    m_icon->setToolTip(toolTip());
    m_showWindow->setText(m_window->isVisible() && !m_window->isMinimized() ? tr("&Hide window")
                                                                            : tr("&Show window"));
}

void TrayIcon::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    refresh();
}

} // namespace nfqmon
