#include "tests/support/core/DesktopFileTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace nfqmon::test {

DesktopFileTree::DesktopFileTree()
{
    QDir(root()).mkpath(QStringLiteral("home/applications"));
    QDir(root()).mkpath(QStringLiteral("system/applications"));
    QDir(root()).mkpath(QStringLiteral("bin"));
}

DesktopFileTree::~DesktopFileTree()
{
    for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
        if (it->second)
            qputenv(it->first.constData(), *it->second);
        else
            qunsetenv(it->first.constData());
    }
}

QString DesktopFileTree::writeEntry(const QString &folder, const QString &id,
                                    const QByteArray &text)
{
    const QString file = QDir(folder).filePath(id);
    QDir().mkpath(QFileInfo(file).path());
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(file));
    QByteArray content = text;
    content.replace("{{root}}", QFile::encodeName(root()));
    out.write(content);
    return file;
}

QString DesktopFileTree::writeProgram(const QString &relative)
{
    const QString file = path(relative);
    QDir().mkpath(QFileInfo(file).path());
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(file));
    out.write("#!/bin/sh\nexit 0\n");
    out.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                       QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    return file;
}

QString DesktopFileTree::writeLink(const QString &relative, const QString &target)
{
    const QString file = path(relative);
    QDir().mkpath(QFileInfo(file).path());
    QFile::remove(file);
    if (!QFile::link(target, file))
        qFatal("cannot link %s", qPrintable(file));
    return file;
}

void DesktopFileTree::save(const char *variable)
{
    m_saved.append({QByteArray(variable), qEnvironmentVariableIsSet(variable)
                                              ? std::optional<QByteArray>(qgetenv(variable))
                                              : std::nullopt});
}

void DesktopFileTree::useAsSearchPath()
{
    save("XDG_DATA_HOME");
    save("XDG_DATA_DIRS");
    save("PATH");
    qputenv("XDG_DATA_HOME", QFile::encodeName(path(QStringLiteral("home"))));
    qputenv("XDG_DATA_DIRS", QFile::encodeName(path(QStringLiteral("system"))));
    qputenv("PATH", QFile::encodeName(path(QStringLiteral("bin"))) + ':' + qgetenv("PATH"));
}

} // namespace nfqmon::test
