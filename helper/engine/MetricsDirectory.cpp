#include "helper/engine/MetricsDirectory.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon::MetricsDirectory {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

int openStrict(const QString &directory, QString *error)
{
    int fd = ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    QString walked;
    for (const QString &part : directory.split(u'/', Qt::SkipEmptyParts)) {
        walked += u'/' + part;
        const int next = ::openat(fd, QFile::encodeName(part).constData(),
                                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int saved = errno;
        ::close(fd);
        if (next < 0) {
            struct stat st {};
            const bool link =
                ::lstat(QFile::encodeName(walked).constData(), &st) == 0 && S_ISLNK(st.st_mode);
            *error =
                link ? QStringLiteral("%1 is a symbolic link; name the real directory").arg(walked)
                     : QStringLiteral("cannot open the directory %1: %2")
                           .arg(walked, errnoText(saved));
            return -1;
        }
        fd = next;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        ::close(fd);
        *error = QStringLiteral("the directory %1 must be owned by root and writable by root "
                                "only (chown root %1; chmod go-w %1)")
                     .arg(directory);
        return -1;
    }
    return fd;
}

} // namespace

int open(const QString &directory, Trust trust, QString *error)
{
    if (!directory.startsWith(u'/')) {
        *error = QStringLiteral("%1 is not an absolute path").arg(directory);
        return -1;
    }
    if (trust == Trust::Strict)
        return openStrict(directory, error);
    const int fd =
        ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        *error =
            QStringLiteral("cannot open the directory %1: %2").arg(directory, errnoText(errno));
    return fd;
}

} // namespace nfqmon::MetricsDirectory
