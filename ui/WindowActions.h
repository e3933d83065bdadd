// The main window's actions, shared by its toolbar, its menus, the tray's menu and the message
// bar: start and stop, the capture settings, open and export, connect to another host, the table of
// every machine, quit, and "Start again" after a capture ended by itself. Each has an objectName
// (tests and the tray find them by it); which are enabled follows the capture's state.
#pragma once

#include "app/client/CaptureState.h"

#include <QObject>

class QAction;

namespace nfqmon {

class WindowActions : public QObject
{
    Q_OBJECT
public:
    explicit WindowActions(QObject *parent);

    // Idle: start (with a bus to reach the helper by), settings, open; starting or running:
    // stop.
    void update(CaptureState state, bool busConnected);

    QAction *start() const { return m_start; }
    QAction *stop() const { return m_stop; }
    QAction *settings() const { return m_settings; }
    QAction *open() const { return m_open; }
    QAction *connectToHost() const { return m_connect; }
    // The table of every machine; enabled once another machine is connected to.
    QAction *allMachines() const { return m_allMachines; }
    QAction *exportPackets() const { return m_export; }
    QAction *quit() const { return m_quit; }
    QAction *startAgain() const { return m_startAgain; }

private:
    QAction *m_start;
    QAction *m_stop;
    QAction *m_settings;
    QAction *m_open;
    QAction *m_connect;
    QAction *m_allMachines;
    QAction *m_export;
    QAction *m_quit;
    QAction *m_startAgain;
};

} // namespace nfqmon
