// Reads one desktop entry file (the freedesktop.org Desktop Entry Specification) into a
// DesktopEntry: its [Desktop Entry] group only, and only what naming a program needs. A file
// that breaks the format (a line that is no comment, group or key, a first group that is not
// [Desktop Entry]), is too big, or describes no application is skipped as a whole. Safe on any
// thread: DesktopEntryIndex reads on a worker.
#pragma once

#include "app/store/DesktopEntry.h"

#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace nfqmon {

class DesktopEntryReader
{
public:
    // Entries are small; a bigger file is not one.
    static constexpr qint64 MaximumFileBytes = 64 * 1024;

    // id: the desktop file id; languages: the Name[…] keys to prefer, in order (languageKeys()).
    static std::optional<DesktopEntry> read(const QString &path, const QString &id,
                                            const QStringList &languages);
    static std::optional<DesktopEntry> parse(const QByteArray &text, const QString &id,
                                             const QStringList &languages);

    // The program an Exec value starts, as written ("firefox", "/usr/bin/gimp"), past an `env`
    // and its VAR=value settings; empty when there is none. plain: whether the other arguments
    // are only field codes (%U, %f…).
    static QString programOf(const QString &exec, bool *plain = nullptr);
    // Exec's arguments after the spec's quoting rules ("a b" is one, \" in quotes is ").
    static QStringList arguments(const QString &exec);
    // The real path of the program a desktop file names: an absolute path with its links
    // resolved, a bare name looked up on PATH; empty when no such file exists.
    static QString realProgram(const QString &program);
    // The localized keys of `locale` in the spec's order of preference: "de_DE", "de".
    static QStringList languageKeys(const QLocale &locale);
};

} // namespace nfqmon
