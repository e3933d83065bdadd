#include "tests/support/bus/BusDataFile.h"

#include <QFile>
#include <QRegularExpression>

namespace nfqmon::test {

QString BusDataFile::path(const QString &name)
{
    return QStringLiteral(NFQMON_TEST_BUS_DATA_DIR "/") + name;
}

std::optional<QByteArray> BusDataFile::read(const QString &name, const Values &values,
                                            QString *error)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QString text = QString::fromUtf8(file.readAll());
    for (const auto &[key, value] : values)
        text.replace(QStringLiteral("{{") + key + QStringLiteral("}}"), value);
    static const QRegularExpression unfilled(QStringLiteral("\\{\\{\\w+\\}\\}"));
    if (const QRegularExpressionMatch match = unfilled.match(text); match.hasMatch()) {
        *error = QStringLiteral("%1 needs a value for %2").arg(file.fileName(), match.captured());
        return std::nullopt;
    }
    return text.toUtf8();
}

} // namespace nfqmon::test
