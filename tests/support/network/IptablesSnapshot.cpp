#include "tests/support/network/IptablesSnapshot.h"

#include "tests/support/core/Command.h"
#include "tests/support/network/TestNetwork.h"

#include <QRegularExpression>

namespace nfqmon::test {

IptablesSnapshot IptablesSnapshot::take()
{
    IptablesSnapshot snapshot;
    if (!TestNetwork::inPrivateNamespace()) {
        snapshot.m_error = QStringLiteral("not in the test's private network namespace");
        return snapshot;
    }
    const Command::Result v4 = Command::run({QStringLiteral("iptables-save")});
    const Command::Result v6 = Command::run({QStringLiteral("ip6tables-save")});
    if (!v4.succeeded())
        snapshot.m_error = v4.describe();
    else if (!v6.succeeded())
        snapshot.m_error = v6.describe();
    snapshot.m_ipv4 = normalise(QString::fromUtf8(v4.output));
    snapshot.m_ipv6 = normalise(QString::fromUtf8(v6.output));
    return snapshot;
}

QString IptablesSnapshot::normalise(const QString &saveOutput)
{
    static const QRegularExpression counters(QStringLiteral("\\[\\d+:\\d+\\]"));
    QString result;
    QStringList table; // the lines of the table being read
    bool tableHoldsSomething = false;
    for (QString line : saveOutput.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        line.replace(counters, QStringLiteral("[0:0]"));
        if (line.startsWith(QLatin1Char('*'))) {
            table = {line};
            tableHoldsSomething = false;
            continue;
        }
        table.append(line);
        if (line.startsWith(QLatin1Char(':'))) {
            // ":CHAIN POLICY [0:0]": a user chain has policy "-".
            if (line.section(QLatin1Char(' '), 1, 1) != QLatin1String("ACCEPT"))
                tableHoldsSomething = true;
        } else if (line == QLatin1String("COMMIT")) {
            if (tableHoldsSomething)
                result += table.join(QLatin1Char('\n')) + QLatin1Char('\n');
            table.clear();
        } else {
            tableHoldsSomething = true;
        }
    }
    return result;
}

QString IptablesSnapshot::text() const
{
    QString text = QStringLiteral("## iptables-save\n") + m_ipv4 +
                   QStringLiteral("## ip6tables-save\n") + m_ipv6;
    if (!m_error.isEmpty())
        text += QStringLiteral("## error\n") + m_error + QLatin1Char('\n');
    return text;
}

QStringList IptablesSnapshot::linesContaining(const QString &needle) const
{
    QStringList lines;
    for (const QString &part : {m_ipv4, m_ipv6}) {
        for (const QString &line : part.split(QLatin1Char('\n'))) {
            if (line.contains(needle))
                lines.append(line);
        }
    }
    return lines;
}

QString IptablesSnapshot::differenceFrom(const IptablesSnapshot &before) const
{
    if (*this == before)
        return {};
    QString difference;
    // Line sets per family, with the family named, are enough to see what was added or lost.
    const struct {
        const char *name;
        QString before, after;
    } parts[] = {{"iptables", before.m_ipv4, m_ipv4}, {"ip6tables", before.m_ipv6, m_ipv6}};
    for (const auto &part : parts) {
        const QStringList old = part.before.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList now = part.after.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : old) {
            if (!now.contains(line))
                difference += QStringLiteral("%1: - %2\n").arg(QLatin1String(part.name), line);
        }
        for (const QString &line : now) {
            if (!old.contains(line))
                difference += QStringLiteral("%1: + %2\n").arg(QLatin1String(part.name), line);
        }
        if (old != now && difference.isEmpty())
            difference += QStringLiteral("%1: same set of lines, in another order or repeated:\n%2")
                              .arg(QLatin1String(part.name), part.after);
    }
    if (before.m_error != m_error)
        difference += QStringLiteral("error: %1 -> %2\n").arg(before.m_error, m_error);
    return difference.isEmpty() ? QStringLiteral("(differs)") : difference;
}

} // namespace nfqmon::test
