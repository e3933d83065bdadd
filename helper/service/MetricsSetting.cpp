#include "helper/service/MetricsSetting.h"

#include "helper/service/MetricsPath.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace nfqmon {

namespace {
const QString Key = QStringLiteral("metricsFile");
}

MetricsSetting::MetricsSetting(QString stateDir) : m_stateDir(std::move(stateDir)) {}

QString MetricsSetting::filePath() const
{
    return m_stateDir + QStringLiteral("/metrics.json");
}

void MetricsSetting::load(QString *warning)
{
    QFile file(filePath());
    if (!file.exists())
        return;
    QString problem;
    QString path;
    if (!file.open(QIODevice::ReadOnly)) {
        problem = file.errorString();
    } else {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(file.read(64 * 1024), &parseError);
        path = document.object().value(Key).toString();
        if (!document.isObject())
            problem = parseError.errorString();
        else if (path.size() > MetricsPath::MaxLength ||
                 (!path.isEmpty() && !path.startsWith(u'/')))
            problem = QStringLiteral("not a metrics file path");
    }
    if (!problem.isEmpty()) {
        *warning = QStringLiteral("the saved metrics setting in %1 could not be read (%2); no "
                                  "metrics file is written")
                       .arg(filePath(), problem);
        return;
    }
    m_path = path;
}

bool MetricsSetting::save(const QString &path, QString *error)
{
    const QByteArray bytes = QJsonDocument(QJsonObject{{Key, path}}).toJson();
    const QByteArray target = QFile::encodeName(filePath());
    const QByteArray temporary = target + ".tmp";
    const auto fail = [&](const char *step) {
        *error =
            QStringLiteral("cannot save the metrics setting to %1 (%2: %3); it was not "
                           "changed")
                .arg(filePath(), QLatin1String(step), QString::fromLocal8Bit(std::strerror(errno)));
        ::unlink(temporary.constData());
        return false;
    };
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return fail("open");
    const bool written =
        ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size() && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    errno = saved;
    if (!written)
        return fail("write");
    if (::rename(temporary.constData(), target.constData()) != 0)
        return fail("rename");
    m_path = path;
    return true;
}

} // namespace nfqmon
