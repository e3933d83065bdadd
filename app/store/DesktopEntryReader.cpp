#include "app/store/DesktopEntryReader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

#include <algorithm>

namespace nfqmon {

namespace {

// The escapes of the spec's string values: \s, \n, \t, \r and \\.
QString unescape(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c != u'\\' || i + 1 == value.size()) {
            out += c;
            continue;
        }
        switch (value[++i].unicode()) {
        case u's':
            out += u' ';
            break;
        case u'n':
            out += u'\n';
            break;
        case u't':
            out += u'\t';
            break;
        case u'r':
            out += u'\r';
            break;
        case u'\\':
            out += u'\\';
            break;
        default: // not an escape of this level: Exec's quoting reads it later
            out += u'\\';
            out += value[i];
        }
    }
    return out;
}

bool isKeyCharacter(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
           c == u'-';
}

// "Name", "Name[de_DE]": a key as the spec allows it (locale characters are checked loosely).
bool isKey(QStringView key)
{
    const qsizetype open = key.indexOf(u'[');
    const QStringView base = open < 0 ? key : key.left(open);
    if (base.isEmpty() || !std::all_of(base.begin(), base.end(), isKeyCharacter))
        return false;
    return open < 0 || (key.endsWith(u']') && key.size() > open + 2);
}

bool isFieldCode(const QString &argument)
{
    return argument.size() == 2 && argument[0] == u'%' &&
           QStringLiteral("fFuUdDnNickvm").contains(argument[1]);
}

bool isTrue(const QString &value)
{
    return value == QLatin1String("true");
}

} // namespace

std::optional<DesktopEntry> DesktopEntryReader::read(const QString &path, const QString &id,
                                                     const QStringList &languages)
{
    QFile file(path);
    if (file.size() > MaximumFileBytes || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<DesktopEntry> entry = parse(file.read(MaximumFileBytes + 1), id, languages);
    if (entry)
        entry->path = path;
    return entry;
}

std::optional<DesktopEntry> DesktopEntryReader::parse(const QByteArray &text, const QString &id,
                                                      const QStringList &languages)
{
    if (text.size() > MaximumFileBytes)
        return std::nullopt;
    QHash<QString, QString> keys;
    bool inEntry = false;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return std::nullopt;
            if (inEntry)
                break; // the entry's group is done; other groups (actions) do not name it
            if (line != QLatin1String("[Desktop Entry]"))
                return std::nullopt; // the spec puts it first
            inEntry = true;
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (!inEntry || equals <= 0)
            return std::nullopt;
        const QString key = line.left(equals).trimmed();
        if (!isKey(key))
            return std::nullopt;
        if (!keys.contains(key)) // the first of a repeated key counts
            keys.insert(key, unescape(QStringView(line).mid(equals + 1).trimmed()));
    }
    if (!inEntry || keys.value(QStringLiteral("Type")) != QLatin1String("Application"))
        return std::nullopt;

    DesktopEntry entry;
    entry.id = id;
    entry.name = keys.value(QStringLiteral("Name"));
    for (const QString &language : languages) {
        const QString localized = keys.value(QStringLiteral("Name[%1]").arg(language));
        if (!localized.isEmpty()) {
            entry.name = localized;
            break;
        }
    }
    if (entry.name.isEmpty())
        return std::nullopt;
    entry.icon = keys.value(QStringLiteral("Icon"));
    entry.snap = keys.value(QStringLiteral("X-SnapInstanceName"));
    entry.flatpak = keys.contains(QStringLiteral("X-Flatpak"));
    entry.hidden = isTrue(keys.value(QStringLiteral("Hidden"))) ||
                   isTrue(keys.value(QStringLiteral("NoDisplay")));
    // TryExec often names the real binary where Exec starts a wrapper: both are the program.
    const QString tryExec = realProgram(keys.value(QStringLiteral("TryExec")));
    if (!tryExec.isEmpty())
        entry.programs.append(tryExec);
    const QString exec = realProgram(programOf(keys.value(QStringLiteral("Exec")), &entry.plain));
    if (!exec.isEmpty() && exec != tryExec)
        entry.programs.append(exec);
    return entry;
}

QStringList DesktopEntryReader::arguments(const QString &exec)
{
    QStringList arguments;
    QString current;
    bool quoted = false;
    bool inArgument = false;
    for (qsizetype i = 0; i < exec.size(); ++i) {
        const QChar c = exec[i];
        if (quoted) {
            if (c == u'\\' && i + 1 < exec.size()) {
                current += exec[++i];
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
            inArgument = true;
        } else if (c == u' ' || c == u'\t') {
            if (inArgument)
                arguments.append(current);
            current.clear();
            inArgument = false;
        } else {
            current += c;
            inArgument = true;
        }
    }
    if (inArgument)
        arguments.append(current);
    return arguments;
}

QString DesktopEntryReader::programOf(const QString &exec, bool *plain)
{
    const QStringList words = arguments(exec);
    qsizetype i = 0;
    if (!words.isEmpty() && QFileInfo(words.constFirst()).fileName() == QLatin1String("env")) {
        // `env [-u NAME] [VAR=value]… program`: the program is what runs.
        for (++i; i < words.size(); ++i) {
            const QString &word = words[i];
            if (word == QLatin1String("-u") || word == QLatin1String("-C"))
                ++i; // an option with a value
            else if (!word.startsWith(u'-') && !word.contains(u'='))
                break;
        }
    }
    if (i >= words.size())
        return {};
    if (plain) {
        *plain = std::all_of(words.begin() + i + 1, words.end(),
                             [](const QString &word) { return isFieldCode(word); });
    }
    return words[i];
}

QString DesktopEntryReader::realProgram(const QString &program)
{
    if (program.isEmpty())
        return {};
    if (program.contains(u'/'))
        return program.startsWith(u'/') ? QFileInfo(program).canonicalFilePath() : QString();
    const QString found = QStandardPaths::findExecutable(program);
    return found.isEmpty() ? QString() : QFileInfo(found).canonicalFilePath();
}

QStringList DesktopEntryReader::languageKeys(const QLocale &locale)
{
    QStringList keys;
    const auto add = [&keys](const QString &key) {
        if (!key.isEmpty() && key != QLatin1String("C") && !keys.contains(key))
            keys.append(key);
    };
    QStringList names = locale.uiLanguages();
    names.prepend(locale.name());
    for (QString name : names) {
        name.replace(u'-', u'_');
        add(name);
        add(name.left(name.indexOf(u'_'))); // the language alone
    }
    return keys;
}

} // namespace nfqmon
