#include "tests/client/DBusJson.h"

#include <QDBusArgument>
#include <QDBusUnixFileDescriptor>
#include <QDBusVariant>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

namespace nfqmon::test::DBusJson {

namespace {

QVariant descriptor(const QJsonObject &spec, QString *error)
{
    const QByteArray path = QFile::encodeName(spec.value(QStringLiteral("path")).toString());
    const QString mode = spec.value(QStringLiteral("mode")).toString();
    int fd = -1;
    if (mode == QLatin1String("w"))
        fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    else if (mode == QLatin1String("rw"))
        fd = ::open(path.constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    else if (mode == QLatin1String("r"))
        fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    else if (mode == QLatin1String("dir"))
        fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    else if (mode == QLatin1String("closed"))
        return QVariant::fromValue(QDBusUnixFileDescriptor());
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1 (%2)").arg(QString::fromLocal8Bit(path), mode);
        return {};
    }
    const QDBusUnixFileDescriptor result(fd);
    ::close(fd);
    return QVariant::fromValue(result);
}

QJsonValue argumentToJson(const QDBusArgument &argument)
{
    switch (argument.currentType()) {
    case QDBusArgument::MapType: {
        QJsonObject object;
        argument.beginMap();
        while (!argument.atEnd()) {
            QString key;
            QDBusVariant value;
            argument.beginMapEntry();
            argument >> key >> value;
            argument.endMapEntry();
            object.insert(key, toJson(value.variant()));
        }
        argument.endMap();
        return object;
    }
    case QDBusArgument::ArrayType: {
        QJsonArray array;
        argument.beginArray();
        while (!argument.atEnd())
            array.append(toJson(argument.asVariant()));
        argument.endArray();
        return array;
    }
    default:
        return toJson(argument.asVariant());
    }
}

} // namespace

QVariant toVariant(const QJsonValue &typed, QString *error)
{
    const QJsonObject object = typed.toObject();
    if (object.size() != 1) {
        *error = QStringLiteral("a typed value is an object with one key");
        return {};
    }
    const QString type = object.begin().key();
    const QJsonValue value = object.begin().value();
    if (type == QLatin1String("s"))
        return value.toString();
    if (type == QLatin1String("u"))
        return uint(value.toDouble());
    if (type == QLatin1String("i"))
        return int(value.toDouble());
    if (type == QLatin1String("t"))
        return qulonglong(value.toDouble());
    if (type == QLatin1String("b"))
        return value.toBool();
    if (type == QLatin1String("ay"))
        return value.toString().toUtf8();
    if (type == QLatin1String("as"))
        return value.toVariant().toStringList();
    if (type == QLatin1String("h"))
        return descriptor(value.toObject(), error);
    if (type == QLatin1String("a{sv}")) {
        QVariantMap map;
        const QJsonObject entries = value.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            const QVariant entry = toVariant(it.value(), error);
            if (!entry.isValid())
                return {};
            map.insert(it.key(), entry);
        }
        return map;
    }
    *error = QStringLiteral("unknown type %1").arg(type);
    return {};
}

QJsonValue toJson(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>())
        return argumentToJson(value.value<QDBusArgument>());
    if (value.metaType() == QMetaType::fromType<QDBusVariant>())
        return toJson(value.value<QDBusVariant>().variant());
    if (value.metaType() == QMetaType::fromType<QDBusUnixFileDescriptor>())
        return QStringLiteral("fd");
    if (value.metaType().id() == QMetaType::QVariantMap) {
        QJsonObject object;
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            object.insert(it.key(), toJson(it.value()));
        return object;
    }
    if (value.metaType().id() == QMetaType::ULongLong)
        return double(value.toULongLong());
    return QJsonValue::fromVariant(value);
}

} // namespace nfqmon::test::DBusJson
