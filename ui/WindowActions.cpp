#include "ui/WindowActions.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>

namespace nfqmon {

namespace {

QAction *newAction(const char *name, const char *icon, const QString &text, QObject *parent)
{
    auto *action =
        icon ? new QAction(QIcon(QLatin1String(icon)), text, parent) : new QAction(text, parent);
    action->setObjectName(QLatin1String(name));
    return action;
}

} // namespace

WindowActions::WindowActions(QObject *parent)
    : QObject(parent), m_start(newAction("startAction", ":/icons/start.svg", tr("&Start"), parent)),
      m_stop(newAction("stopAction", ":/icons/stop.svg", tr("S&top"), parent)),
      m_settings(
          newAction("settingsAction", ":/icons/settings.svg", tr("Capture &settings…"), parent)),
      m_open(newAction("openAction", ":/icons/open.svg", tr("&Open pcap file…"), parent)),
      m_connect(newAction("connectAction", nullptr, tr("&Connect to host…"), parent)),
      m_allMachines(newAction("allMachinesAction", nullptr, tr("&All machines"), parent)),
      m_export(
          newAction("exportAction", ":/icons/export.svg", tr("&Export packets to pcap…"), parent)),
      m_quit(newAction("quitAction", nullptr, tr("&Quit"), parent)),
      m_startAgain(newAction("startAgainAction", ":/icons/start.svg", tr("Start again"), parent))
{
    m_start->setToolTip(tr("Start capturing on the chosen interfaces (asks for "
                           "authorisation)"));
    m_start->setShortcut(Qt::CTRL | Qt::Key_E);
    m_stop->setToolTip(tr("Stop capturing; the packets stay in the table"));
    m_stop->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Browse the packets of a pcap file, without capturing"));
    m_connect->setToolTip(tr("Watch and steer another machine's nfqmon over SSH, in a window "
                             "of its own"));
    m_allMachines->setToolTip(tr("The packets of this machine and of every machine connected "
                                 "to, in one table with a Machine column"));
    m_allMachines->setEnabled(false);
    m_export->setShortcut(QKeySequence::Save);
    m_quit->setShortcut(QKeySequence::Quit);
}

void WindowActions::update(CaptureState state, bool busConnected)
{
    m_start->setEnabled(state == CaptureState::Idle && busConnected);
    m_stop->setEnabled(state == CaptureState::Starting || state == CaptureState::Running);
    m_settings->setEnabled(state == CaptureState::Idle);
    m_open->setEnabled(state == CaptureState::Idle);
}

} // namespace nfqmon
