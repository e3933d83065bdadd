// Desktop entries and the programs they name, written into a temporary folder for the tests of
// the Application column's names and icons: `home/applications` ($XDG_DATA_HOME's),
// `system/applications` ($XDG_DATA_DIRS's), `bin/` (put first on PATH by useAsSearchPath()) and
// whatever else a test needs. useAsSearchPath() points the environment at it until the tree is
// destroyed, so that DesktopEntryIndex::directories() finds these entries and no others of the
// machine's XDG folders.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace nfqmon::test {

class DesktopFileTree
{
public:
    DesktopFileTree();
    ~DesktopFileTree();
    DesktopFileTree(const DesktopFileTree &) = delete;
    DesktopFileTree &operator=(const DesktopFileTree &) = delete;

    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    QString homeApplications() const { return path(QStringLiteral("home/applications")); }
    QString systemApplications() const { return path(QStringLiteral("system/applications")); }

    // Writes `text` to folder/id (folder: homeApplications(), systemApplications() or any);
    // {{root}} in text is root(). Returns the file's path.
    QString writeEntry(const QString &folder, const QString &id, const QByteArray &text);
    // An executable file (a shell script that exits) at root()/relative; returns its path.
    QString writeProgram(const QString &relative);
    // A symbolic link at root()/relative to `target`; returns its path.
    QString writeLink(const QString &relative, const QString &target);

    // XDG_DATA_HOME=root()/home, XDG_DATA_DIRS=root()/system, root()/bin first on PATH; the
    // previous values come back with the destructor.
    void useAsSearchPath();

private:
    void save(const char *variable);

    QTemporaryDir m_dir;
    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

} // namespace nfqmon::test
