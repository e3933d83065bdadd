// One application as a freedesktop.org desktop entry describes it (a `.desktop` file of an
// `applications` folder): what the Application column calls a program and the icon it shows.
// Read by DesktopEntryReader, matched to processes by DesktopEntryIndex.
#pragma once

#include <QString>
#include <QStringList>

namespace nfqmon {

struct DesktopEntry {
    QString id;   // the desktop file id: "org.mozilla.firefox.desktop", "kde-konsole.desktop"
    QString path; // the file it was read from
    QString name; // Name, in the window's language where the entry has it
    QString icon; // Icon: a theme icon's name, or an absolute file path; empty: none
    // The real paths of the programs TryExec and Exec start (links resolved, a bare name found
    // on PATH); empty where neither names an existing file.
    QStringList programs;
    QString snap;         // X-SnapInstanceName: the snap it belongs to; empty: none
    bool flatpak = false; // X-Flatpak: started by `flatpak run`, found by its id only
    bool hidden = false;  // Hidden=true or NoDisplay=true: used only where no other entry fits
    bool plain = false;   // Exec starts the program with no arguments besides field codes
    int directory = 0;    // the folder's rank: 0 is the first of the search path
};

} // namespace nfqmon
