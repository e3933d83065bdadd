#include "app/store/RegistrableDomain.h"

#include <QFile>
#include <QStringList>
#include <QUrl>

namespace nfqmon {

namespace {

// A list is about 230 KB; more is not one.
constexpr qint64 MaxListBytes = 16 << 20;

QString suffixFrom(const QStringList &labels, qsizetype first)
{
    return labels.mid(first).join(u'.');
}

} // namespace

QString RegistrableDomain::defaultListPath()
{
    return QStringLiteral("/usr/share/publicsuffix/public_suffix_list.dat");
}

RegistrableDomain RegistrableDomain::fromList(const QString &text)
{
    RegistrableDomain list;
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("//")))
            continue;
        // A rule is the line's first word.
        const qsizetype space = line.indexOf(u' ');
        QString rule = (space < 0 ? line : line.left(space)).toString().toLower();
        const bool exception = rule.startsWith(u'!');
        const bool wildcard = rule.startsWith(QLatin1String("*."));
        rule = rule.mid(exception ? 1 : wildcard ? 2 : 0);
        // Learned names are ASCII: international rules are compared in their xn-- form.
        const bool ascii =
            std::all_of(rule.cbegin(), rule.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (!ascii)
            rule = QString::fromLatin1(QUrl::toAce(rule));
        if (rule.isEmpty())
            continue;
        if (exception)
            list.m_exceptions.insert(rule);
        else if (wildcard)
            list.m_wildcards.insert(rule);
        else
            list.m_exact.insert(rule);
    }
    return list;
}

RegistrableDomain RegistrableDomain::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxListBytes)
        return {};
    return fromList(QString::fromUtf8(file.readAll()));
}

const RegistrableDomain &RegistrableDomain::system()
{
    static const RegistrableDomain list = fromFile(defaultListPath());
    return list;
}

QString RegistrableDomain::of(const QString &host) const
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    const QStringList labels = name.split(u'.');
    if (!hasList())
        return labels.size() >= 3 ? suffixFrom(labels, 1) : name;
    const QString domain = byList(labels);
    return domain.isEmpty() ? name : domain;
}

// The public suffix is the longest rule that matches (an exception beats a wildcard, and its
// suffix is one label shorter); without one, the last label (the list's implicit "*"). Empty when
// nothing is above the suffix.
QString RegistrableDomain::byList(const QStringList &labels) const
{
    qsizetype suffix = -1;
    for (qsizetype i = 0; i < labels.size() && suffix < 0; ++i) {
        if (m_exceptions.contains(suffixFrom(labels, i)))
            suffix = i + 1;
    }
    for (qsizetype i = 0; i < labels.size() && suffix < 0; ++i) {
        if (m_exact.contains(suffixFrom(labels, i)) ||
            (i + 1 < labels.size() && m_wildcards.contains(suffixFrom(labels, i + 1))))
            suffix = i;
    }
    if (suffix < 0)
        suffix = labels.size() - 1;
    if (suffix <= 0)
        return {};
    return suffixFrom(labels, suffix - 1);
}

} // namespace nfqmon
