#include "app/store/DesktopEntryIndex.h"

#include "app/store/DesktopEntryReader.h"
#include "helper/protocol/CgroupPlace.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace nfqmon {

namespace {

QStringList pathList(const char *variable, const QString &fallback)
{
    QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        value = fallback;
    return value.split(u':', Qt::SkipEmptyParts);
}

} // namespace

QStringList DesktopEntryIndex::directories()
{
    const QString home = QDir::homePath();
    QStringList data = pathList("XDG_DATA_HOME", home + QStringLiteral("/.local/share"));
    data += pathList("XDG_DATA_DIRS", QStringLiteral("/usr/local/share:/usr/share"));
    QStringList folders;
    for (const QString &folder : data)
        folders.append(QDir::cleanPath(folder + QStringLiteral("/applications")));
    folders += {home + QStringLiteral("/.local/share/flatpak/exports/share/applications"),
                QStringLiteral("/var/lib/flatpak/exports/share/applications"),
                QStringLiteral("/var/lib/snapd/desktop/applications")};
    folders.removeDuplicates();
    return folders;
}

DesktopEntryIndex DesktopEntryIndex::load(const QStringList &folders, const QStringList &languages)
{
    DesktopEntryIndex index;
    int files = 0;
    for (int rank = 0; rank < folders.size(); ++rank) {
        const QDir folder(folders[rank]);
        QDirIterator it(folder.path(), {QStringLiteral("*.desktop")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext() && files < MaximumFiles) {
            const QString path = it.next();
            ++files;
            // The file id: the path below `applications`, '/' written '-'.
            const QString id = folder.relativeFilePath(path).replace(u'/', u'-');
            if (index.m_byId.contains(id))
                continue;
            std::optional<DesktopEntry> entry = DesktopEntryReader::read(path, id, languages);
            if (!entry)
                continue;
            entry->directory = rank;
            index.add(std::move(*entry));
        }
    }
    return index;
}

QFuture<std::shared_ptr<const DesktopEntryIndex>> DesktopEntryIndex::loadInBackground()
{
    // Read here, in the caller's thread: the environment and locale of the window.
    const QStringList folders = directories();
    const QStringList languages = DesktopEntryReader::languageKeys(QLocale());
    return QtConcurrent::run([folders, languages] {
        return std::make_shared<const DesktopEntryIndex>(load(folders, languages));
    });
}

void DesktopEntryIndex::add(DesktopEntry entry)
{
    const qsizetype at = qsizetype(m_entries.size());
    m_byId.insert(entry.id, at);
    if (!entry.snap.isEmpty()) {
        // A snap's own program is /usr/bin/snap for all of them: found by the snap's name only.
        const auto it = m_bySnap.constFind(entry.snap);
        if (it == m_bySnap.constEnd() || better(entry, m_entries[*it], entry.snap))
            m_bySnap.insert(entry.snap, at);
    } else if (!entry.flatpak) {
        // A Flatpak's Exec is /usr/bin/flatpak for all of them: found by its id only.
        for (const QString &program : entry.programs) {
            const auto it = m_byProgram.constFind(program);
            if (it == m_byProgram.constEnd() || better(entry, m_entries[*it], program))
                m_byProgram.insert(program, at);
        }
    }
    m_entries.push_back(std::move(entry));
}

bool DesktopEntryIndex::better(const DesktopEntry &a, const DesktopEntry &b, const QString &program)
{
    if (a.hidden != b.hidden)
        return !a.hidden;
    if (a.directory != b.directory)
        return a.directory < b.directory;
    if (a.plain != b.plain)
        return a.plain;
    const QString own = QFileInfo(program).fileName() + QStringLiteral(".desktop");
    const bool aOwn = a.id.endsWith(own);
    const bool bOwn = b.id.endsWith(own);
    if (aOwn != bOwn)
        return aOwn;
    return a.id < b.id;
}

const DesktopEntry *DesktopEntryIndex::byId(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_entries[std::size_t(*it)];
}

const DesktopEntry *DesktopEntryIndex::forProgram(const QString &realPath) const
{
    const auto it = m_byProgram.constFind(realPath);
    return it == m_byProgram.constEnd() ? nullptr : &m_entries[std::size_t(*it)];
}

const DesktopEntry *DesktopEntryIndex::match(const ProcessInfo &process) const
{
    const CgroupPlace place = CgroupPlace::of(process.cgroup);
    if (!place.flatpak.empty())
        return byId(QString::fromStdString(place.flatpak) + QStringLiteral(".desktop"));
    if (!place.snap.empty()) {
        const auto it = m_bySnap.constFind(QString::fromStdString(place.snap));
        if (it != m_bySnap.constEnd())
            return &m_entries[std::size_t(*it)];
    }
    if (!place.container.empty() || process.executable.empty())
        return nullptr;
    // The kernel names the executable by its real path already.
    return forProgram(QString::fromStdString(process.executable));
}

} // namespace nfqmon
