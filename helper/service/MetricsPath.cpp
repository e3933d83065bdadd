#include "helper/service/MetricsPath.h"

#include "helper/engine/MetricsDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>

namespace nfqmon::MetricsPath {

bool check(const QString &path, QString *error)
{
    if (path.size() > MaxLength) {
        *error =
            QStringLiteral("the metrics file path is longer than %1 characters").arg(MaxLength);
        return false;
    }
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            *error = QStringLiteral("the metrics file path contains control characters");
            return false;
        }
    }
    if (!path.startsWith(u'/')) {
        *error = QStringLiteral("the metrics file must be an absolute path (starting with '/'), "
                                "not \"%1\"")
                     .arg(path);
        return false;
    }
    if (QDir::cleanPath(path) != path) {
        *error = QStringLiteral("the metrics file path %1 is not in its plain form (no \"..\", "
                                "\".\", \"//\" or trailing '/')")
                     .arg(path);
        return false;
    }
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.-]+\\.prom$"));
    const QFileInfo info(path);
    if (!name.match(info.fileName()).hasMatch()) {
        *error = QStringLiteral("the metrics file's name must be letters, digits, '_', '.' or '-' "
                                "ending in .prom (what node_exporter's textfile collector "
                                "reads), not \"%1\"")
                     .arg(info.fileName());
        return false;
    }
    QString problem;
    const int fd =
        MetricsDirectory::open(info.absolutePath(), MetricsDirectory::Trust::Strict, &problem);
    if (fd < 0) {
        *error = QStringLiteral("the metrics file %1 cannot be used: %2").arg(path, problem);
        return false;
    }
    ::close(fd);
    return true;
}

} // namespace nfqmon::MetricsPath
