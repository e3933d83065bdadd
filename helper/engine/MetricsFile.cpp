#include "helper/engine/MetricsFile.h"

#include "helper/protocol/WriteAll.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes a descriptor on every way out.
struct Descriptor {
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

MetricsFile::MetricsFile(QString path, MetricsDirectory::Trust trust)
    : m_path(std::move(path)), m_trust(trust)
{}

bool MetricsFile::write(const QByteArray &text, QString *error) const
{
    const QFileInfo info(m_path);
    QString problem;
    Descriptor dir{MetricsDirectory::open(info.absolutePath(), m_trust, &problem)};
    if (dir.fd < 0) {
        *error = QStringLiteral("cannot write the metrics file %1: %2").arg(m_path, problem);
        return false;
    }
    const QByteArray name = QFile::encodeName(info.fileName());
    const QByteArray temporary = '.' + name + '.' + QByteArray::number(::getpid()) + ".tmp";
    const auto fail = [&](const char *step, int code) {
        *error = QStringLiteral("cannot write the metrics file %1 (%2: %3)")
                     .arg(m_path, QLatin1String(step), errnoText(code));
        ::unlinkat(dir.fd, temporary.constData(), 0);
        return false;
    };
    const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    Descriptor file{::openat(dir.fd, temporary.constData(), flags, 0644)};
    if (file.fd < 0 && errno == EEXIST) {
        // Left by a helper with our pid that was killed mid-write: ours to replace.
        ::unlinkat(dir.fd, temporary.constData(), 0);
        file.fd = ::openat(dir.fd, temporary.constData(), flags, 0644);
    }
    if (file.fd < 0) {
        const int code = errno;
        *error = QStringLiteral("cannot write the metrics file %1 (create %2: %3)")
                     .arg(m_path, QFile::decodeName(temporary), errnoText(code));
        return false;
    }
    // The umask may have taken the readers' bits away.
    if (::fchmod(file.fd, 0644) != 0 || !writeAll(file.fd, text))
        return fail("write", errno);
    if (::close(file.fd) != 0) {
        file.fd = -1;
        return fail("close", errno);
    }
    file.fd = -1;
    if (::renameat(dir.fd, temporary.constData(), dir.fd, name.constData()) != 0)
        return fail("rename", errno);
    return true;
}

bool MetricsFile::remove(QString *error) const
{
    const QFileInfo info(m_path);
    QString problem;
    Descriptor dir{MetricsDirectory::open(info.absolutePath(), m_trust, &problem)};
    if (dir.fd < 0) {
        *error = QStringLiteral("cannot remove the metrics file %1: %2").arg(m_path, problem);
        return false;
    }
    if (::unlinkat(dir.fd, QFile::encodeName(info.fileName()).constData(), 0) != 0 &&
        errno != ENOENT) {
        *error =
            QStringLiteral("cannot remove the metrics file %1: %2").arg(m_path, errnoText(errno));
        return false;
    }
    return true;
}

} // namespace nfqmon
