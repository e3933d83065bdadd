#include "helper/config/ConfigFile.h"

#include "helper/config/QuotedText.h"

#include <QFile>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon::ConfigFile {

std::optional<QString> read(const QString &path, QString *error)
{
    const auto fail = [&](const QString &problem) {
        if (error)
            *error = QStringLiteral("config file %1 %2").arg(quotedText(path, 60), problem);
        return std::nullopt;
    };
    const auto failErrno = [&](int errorNumber) {
        return fail(QStringLiteral("cannot be read: ") +
                    QString::fromLocal8Bit(std::strerror(errorNumber)));
    };
    // O_NONBLOCK so that a FIFO given as the path cannot hang the helper before the type check.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return failErrno(errno);
    QByteArray bytes;
    int readError = 0;
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        readError = errno;
    } else if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(QStringLiteral("is not a regular file"));
    } else {
        // Read one byte past the limit so a file that grew after fstat is still refused.
        char buffer[16384];
        while (bytes.size() <= MaxBytes) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                readError = errno;
                break;
            }
            if (n == 0)
                break;
            bytes.append(buffer, n);
        }
    }
    ::close(fd);
    if (readError != 0)
        return failErrno(readError);
    if (bytes.size() > MaxBytes)
        return fail(QStringLiteral("is larger than 1 MiB"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(QStringLiteral("is not valid UTF-8"));
    return text;
}

} // namespace nfqmon::ConfigFile
