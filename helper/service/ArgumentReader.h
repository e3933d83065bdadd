// Reads an a{sv} a caller sent, trusting nothing: every key must be known, every value of the
// D-Bus type it documents, strings bounded. The first problem is kept as a sentence.
#pragma once

#include <QDBusUnixFileDescriptor>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace nfqmon {

class ArgumentReader
{
public:
    // `what` names the map in messages: "capture option", "rule field".
    ArgumentReader(const QVariantMap &map, QString what);

    bool onlyKnownKeys(const QStringList &known);
    bool has(const QString &key) const { return m_map.contains(key); }

    // Absent keys give nullopt without an error; a present key of the wrong type is an error.
    std::optional<QString> string(const QString &key, qsizetype maxLength);
    std::optional<QStringList> stringList(const QString &key, qsizetype maxItems,
                                          qsizetype maxLength);
    std::optional<bool> boolean(const QString &key);
    std::optional<quint32> number(const QString &key, quint32 minimum, quint32 maximum);
    std::optional<QDBusUnixFileDescriptor> descriptor(const QString &key);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message);

private:
    bool typeIs(const QString &key, int metaType, const char *dbusType);

    const QVariantMap &m_map;
    QString m_what;
    QString m_error;
};

} // namespace nfqmon
