#include "tests/support/bus/PrivateBusDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace nfqmon::test {

namespace {

const QString DirectoryPrefix = QStringLiteral("/tmp/nfqmon-bus-");
constexpr QFile::Permissions WorldReadableDirectory =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
    QFile::ReadOther | QFile::ExeOther;
constexpr QFile::Permissions WorldReadableFile =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;

void removeStaleDirectories()
{
    static const QRegularExpression pattern(QStringLiteral("^nfqmon-bus-(\\d+)-"));
    const QStringList names = QDir(QStringLiteral("/tmp")).entryList(QDir::Dirs);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (match.hasMatch() && ::kill(pid_t(match.captured(1).toLongLong()), 0) != 0 &&
            errno == ESRCH)
            QDir(QStringLiteral("/tmp/") + name).removeRecursively();
    }
}

} // namespace

bool PrivateBusDirectory::create(QString *error)
{
    removeStaleDirectories();
    m_directory = std::make_unique<QTemporaryDir>(DirectoryPrefix + QString::number(::getpid()) +
                                                  QStringLiteral("-XXXXXX"));
    // The test users reach the socket, polkitd (user polkitd) its actions and rules.
    if (!m_directory->isValid() ||
        !QFile::setPermissions(m_directory->path(), WorldReadableDirectory)) {
        *error =
            QStringLiteral("cannot create a temporary directory: ") + m_directory->errorString();
        return false;
    }
    return true;
}

QString PrivateBusDirectory::filePath(const QString &name) const
{
    return m_directory ? m_directory->filePath(name) : QString();
}

bool PrivateBusDirectory::writeFile(const QString &name, const QByteArray &bytes,
                                    QString *error) const
{
    QFile file(filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(bytes) != bytes.size() || !file.setPermissions(WorldReadableFile)) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool PrivateBusDirectory::makeDirectory(const QString &name, QString *error) const
{
    const QString path = filePath(name);
    if (!QDir().mkpath(path) || !QFile::setPermissions(path, WorldReadableDirectory)) {
        *error = QStringLiteral("cannot create %1").arg(path);
        return false;
    }
    return true;
}

bool PrivateBusDirectory::copyInto(const QString &source, const QString &name, QString *error) const
{
    const QString directory = filePath(name);
    const QString target = directory + QLatin1Char('/') + QFileInfo(source).fileName();
    // The project's file wins over one of the same name already there (an installed nfqmon's).
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        *error = QStringLiteral("cannot replace %1").arg(target);
        return false;
    }
    if (!QFile::copy(source, target) || !QFile::setPermissions(target, WorldReadableFile)) {
        *error = QStringLiteral("cannot copy %1 to %2").arg(source, directory);
        return false;
    }
    return true;
}

QByteArray PrivateBusDirectory::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace nfqmon::test
