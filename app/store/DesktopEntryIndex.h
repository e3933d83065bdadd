// The desktop entries of this machine, indexed once, and which one describes a process: a
// Flatpak application by its id (`<id>.desktop`), a Snap by its snap's entries, any other
// program by the real path of the executable its TryExec or Exec names. Names and icons of the
// Application column come from here (ProcessTable). Read on a worker (loadInBackground()), a
// bounded number of files, and read-only after that, so any thread may look things up.
#pragma once

#include "app/store/DesktopEntry.h"
#include "helper/protocol/ProcessInfo.h"

#include <QFuture>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace nfqmon {

class DesktopEntryIndex
{
public:
    // A desktop has a few hundred; past this many files the rest are not read.
    static constexpr int MaximumFiles = 4000;

    // The `applications` folders of the freedesktop search path, the most important first:
    // $XDG_DATA_HOME's (~/.local/share), each of $XDG_DATA_DIRS (/usr/local/share:/usr/share),
    // then Flatpak's and Snap's exports where they are not among those already.
    static QStringList directories();
    // Reads every `.desktop` file below `folders` (an id found in an earlier folder hides the
    // later ones, as the spec says); languages: DesktopEntryReader::languageKeys().
    static DesktopEntryIndex load(const QStringList &folders, const QStringList &languages);
    // load(directories(), the default locale's keys) on a worker of the global thread pool.
    static QFuture<std::shared_ptr<const DesktopEntryIndex>> loadInBackground();

    // The entry that describes `process`; nullptr when none does (or it runs in a container,
    // whose paths are not this machine's).
    const DesktopEntry *match(const ProcessInfo &process) const;
    // The best entry that starts the program at this real path; nullptr when none.
    const DesktopEntry *forProgram(const QString &realPath) const;
    const DesktopEntry *byId(const QString &id) const;
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    // Whether a is a better entry for a program than b: shown before hidden, an earlier folder,
    // a plain Exec, an id named after the program, then by id so the choice is stable.
    static bool better(const DesktopEntry &a, const DesktopEntry &b, const QString &program);
    void add(DesktopEntry entry);

    std::vector<DesktopEntry> m_entries;
    QHash<QString, qsizetype> m_byId;
    QHash<QString, qsizetype> m_byProgram;
    QHash<QString, qsizetype> m_bySnap;
};

} // namespace nfqmon
