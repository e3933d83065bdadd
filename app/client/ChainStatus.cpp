#include "ChainStatus.h"

#include <QDBusArgument>

namespace nfqmon {

namespace {

QVariantMap mapOf(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QVariantMap>(value.value<QDBusArgument>());
    return value.toMap();
}

ChainStatus::Family familyOf(const QVariant &value)
{
    const QVariantMap map = mapOf(value);
    ChainStatus::Family family;
    family.preExists = map.value(QStringLiteral("preExists")).toBool();
    family.outExists = map.value(QStringLiteral("outExists")).toBool();
    family.jumps = map.value(QStringLiteral("jumps")).toStringList();
    return family;
}

} // namespace

ChainStatus ChainStatus::fromReply(const QVariantMap &chains)
{
    ChainStatus status;
    status.ipv4 = familyOf(chains.value(QStringLiteral("ipv4")));
    status.ipv6 = familyOf(chains.value(QStringLiteral("ipv6")));
    status.error = chains.value(QStringLiteral("error")).toString();
    return status;
}

bool ChainStatus::chainsExist() const
{
    return ipv4.preExists && ipv4.outExists && ipv6.preExists && ipv6.outExists;
}

bool ChainStatus::hasJumps() const
{
    return !ipv4.jumps.isEmpty() || !ipv6.jumps.isEmpty();
}

QString ChainStatus::text() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << tr("The helper could not read the firewall: %1").arg(error);
    else if (!chainsExist())
        lines << tr("The chains nfqmon fills are missing: create them first (commands below).");
    else if (!hasJumps())
        lines << tr("The chains exist, but no rule sends traffic to them: nothing will be "
                    "captured until one does.");
    else
        lines << tr("The chains exist and traffic is sent to them: ready.");
    const auto state = [](bool exists) { return exists ? tr("exists") : tr("missing"); };
    const std::pair<QString, const Family *> families[] = {{tr("IPv4"), &ipv4},
                                                           {tr("IPv6"), &ipv6}};
    for (const auto &[name, family] : families) {
        lines << QString();
        lines << tr("%1: HAKA-PRE %2, HAKA-OUT %3")
                     .arg(name, state(family->preExists), state(family->outExists));
        if (family->jumps.isEmpty())
            lines << tr("  no rule jumps to them");
        for (const QString &jump : family->jumps)
            lines << QStringLiteral("  ") + jump;
    }
    if (!chainsExist()) {
        lines << QString() << tr("To create them (as root):") << createCommands();
    }
    return lines.join(QLatin1Char('\n'));
}

QString ChainStatus::createCommands()
{
    QStringList lines;
    const QStringList tools{QStringLiteral("iptables"), QStringLiteral("ip6tables")};
    const QString pre = QStringLiteral("HAKA-PRE");
    const QString out = QStringLiteral("HAKA-OUT");
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -N ") + pre);
        lines.append(tool + QStringLiteral(" -t raw -N ") + out);
    }
    lines.append(QStringLiteral("# then send traffic to them, for instance all of it:"));
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -A PREROUTING -j ") + pre);
        lines.append(tool + QStringLiteral(" -t raw -A OUTPUT -j ") + out);
    }
    lines.append(QStringLiteral("# or only UDP:"));
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -A PREROUTING -p udp -j ") + pre);
        lines.append(tool + QStringLiteral(" -t raw -A OUTPUT -p udp -j ") + out);
    }
    return lines.join(u'\n');
}

} // namespace nfqmon
