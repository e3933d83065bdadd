#include "helper/service/ArgumentReader.h"

#include "helper/config/QuotedText.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QMetaType>

namespace nfqmon {

namespace {

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

QString dbusTypeOf(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>())
        return value.value<QDBusArgument>().currentSignature();
    if (const char *signature = QDBusMetaType::typeToSignature(value.metaType()))
        return QString::fromLatin1(signature);
    return QString::fromLatin1(value.metaType().name());
}

} // namespace

ArgumentReader::ArgumentReader(const QVariantMap &map, QString what)
    : m_map(map), m_what(std::move(what))
{}

void ArgumentReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool ArgumentReader::onlyKnownKeys(const QStringList &known)
{
    for (auto it = m_map.cbegin(); it != m_map.cend(); ++it) {
        if (!known.contains(it.key())) {
            fail(QStringLiteral("unknown %1 %2 (known: %3)")
                     .arg(m_what, quotedText(it.key()), known.join(QStringLiteral(", "))));
            return false;
        }
    }
    return true;
}

bool ArgumentReader::typeIs(const QString &key, int metaType, const char *dbusType)
{
    const QVariant &value = m_map[key];
    if (value.metaType().id() == metaType)
        return true;
    fail(QStringLiteral("%1 %2 must be of D-Bus type %3, not %4")
             .arg(m_what, key, QLatin1String(dbusType), dbusTypeOf(value)));
    return false;
}

std::optional<QString> ArgumentReader::string(const QString &key, qsizetype maxLength)
{
    if (!m_map.contains(key) || !typeIs(key, QMetaType::QString, "s"))
        return std::nullopt;
    const QString text = m_map[key].toString();
    if (text.size() > maxLength) {
        fail(QStringLiteral("%1 %2 is longer than %3 characters").arg(m_what, key).arg(maxLength));
        return std::nullopt;
    }
    if (hasControlCharacters(text)) {
        fail(QStringLiteral("%1 %2 contains control characters: %3")
                 .arg(m_what, key, quotedText(text)));
        return std::nullopt;
    }
    return text;
}

std::optional<QStringList> ArgumentReader::stringList(const QString &key, qsizetype maxItems,
                                                      qsizetype maxLength)
{
    if (!m_map.contains(key) || !typeIs(key, QMetaType::QStringList, "as"))
        return std::nullopt;
    const QStringList list = m_map[key].toStringList();
    if (list.size() > maxItems) {
        fail(QStringLiteral("%1 %2 has more than %3 items").arg(m_what, key).arg(maxItems));
        return std::nullopt;
    }
    for (const QString &item : list) {
        if (item.size() > maxLength) {
            fail(QStringLiteral("%1 %2 has an item longer than %3 characters: %4")
                     .arg(m_what, key)
                     .arg(maxLength)
                     .arg(quotedText(item)));
            return std::nullopt;
        }
    }
    return list;
}

std::optional<bool> ArgumentReader::boolean(const QString &key)
{
    if (!m_map.contains(key) || !typeIs(key, QMetaType::Bool, "b"))
        return std::nullopt;
    return m_map[key].toBool();
}

std::optional<quint32> ArgumentReader::number(const QString &key, quint32 minimum, quint32 maximum)
{
    if (!m_map.contains(key) || !typeIs(key, QMetaType::UInt, "u"))
        return std::nullopt;
    const quint32 value = m_map[key].toUInt();
    if (value < minimum || value > maximum) {
        fail(QStringLiteral("%1 %2 must be between %3 and %4, not %5")
                 .arg(m_what, key)
                 .arg(minimum)
                 .arg(maximum)
                 .arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<QDBusUnixFileDescriptor> ArgumentReader::descriptor(const QString &key)
{
    if (!m_map.contains(key) ||
        !typeIs(key, QMetaType::fromType<QDBusUnixFileDescriptor>().id(), "h"))
        return std::nullopt;
    return m_map[key].value<QDBusUnixFileDescriptor>();
}

} // namespace nfqmon
