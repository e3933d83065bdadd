#include "app/client/SshDestination.h"

#include <QCoreApplication>

namespace nfqmon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nfqmon::SshDestination", text);
}

// What user names, host names, IPv6 addresses in brackets, scoped addresses and
// ssh://user@host:port need; nothing a shell, ssh_config token or D-Bus address treats specially.
bool allowed(QChar c)
{
    if (c.unicode() > 0x7f)
        return false;
    return c.isLetterOrNumber() || QStringLiteral("._-@:[]%/+").contains(c);
}

} // namespace

std::optional<SshDestination> SshDestination::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("Say which host to connect to: user@host, a host name or an alias of "
                    "~/.ssh/config.");
        return std::nullopt;
    }
    if (trimmed.size() > MaxLength) {
        *error = tr("The host is longer than %1 characters.").arg(MaxLength);
        return std::nullopt;
    }
    if (trimmed.startsWith(QLatin1Char('-'))) {
        *error = tr("A host cannot begin with “-” (ssh would read it as an option).");
        return std::nullopt;
    }
    for (const QChar c : trimmed) {
        if (!allowed(c)) {
            *error = tr("A host cannot contain “%1”: use user@host, a host name, an address or "
                        "an alias of ~/.ssh/config.")
                         .arg(c.isPrint() ? QString(c)
                                          : QStringLiteral("U+%1").arg(c.unicode(), 4, 16,
                                                                       QLatin1Char('0')));
            return std::nullopt;
        }
    }
    if (trimmed.contains(QLatin1Char('/')) && !trimmed.startsWith(QLatin1String("ssh://"))) {
        *error = tr("A host cannot contain “/” (only an ssh:// address may).");
        return std::nullopt;
    }
    return SshDestination(trimmed);
}

QString SshDestination::host() const
{
    QString host = m_text;
    if (host.startsWith(QLatin1String("ssh://")))
        host = host.mid(6);
    const qsizetype at = host.lastIndexOf(QLatin1Char('@'));
    if (at >= 0)
        host = host.mid(at + 1);
    // ssh://host:port, but not a bare IPv6 address (which has several colons).
    if (m_text.startsWith(QLatin1String("ssh://")) && !host.startsWith(QLatin1Char('['))) {
        const qsizetype colon = host.indexOf(QLatin1Char(':'));
        if (colon >= 0)
            host.truncate(colon);
    }
    return host;
}

} // namespace nfqmon
