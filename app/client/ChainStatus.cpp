#include "app/client/ChainStatus.h"

#include "helper/protocol/HelperContract.h"

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
    family.preExists = map.value(Contract::Chains::PreExists).toBool();
    family.outExists = map.value(Contract::Chains::OutExists).toBool();
    family.jumps = map.value(Contract::Chains::Jumps).toStringList();
    return family;
}

} // namespace

ChainStatus ChainStatus::fromReply(const QVariantMap &chains)
{
    ChainStatus status;
    status.ipv4 = familyOf(chains.value(Contract::Chains::Ipv4));
    status.ipv6 = familyOf(chains.value(Contract::Chains::Ipv6));
    status.error = chains.value(Contract::Chains::Error).toString();
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

bool ChainStatus::canCapture() const
{
    return (ipv4.preExists && ipv4.outExists) || (ipv6.preExists && ipv6.outExists);
}

QString ChainStatus::text() const
{
    const auto complete = [](const Family &f) { return f.preExists && f.outExists; };
    const auto absent = [](const Family &f) {
        QStringList chains;
        if (!f.preExists)
            chains << QStringLiteral("HAKA-PRE");
        if (!f.outExists)
            chains << QStringLiteral("HAKA-OUT");
        return chains.join(tr(" or "));
    };
    // The family left out when the other one is complete (the Haka documentation's IPv4-only
    // set-up): the helper captures the complete one and names this one.
    const Family *left = nullptr;
    QString leftName, leftTool, keptName;
    if (complete(ipv4) && !complete(ipv6)) {
        left = &ipv6;
        leftName = tr("IPv6");
        leftTool = QStringLiteral("ip6tables");
        keptName = tr("IPv4");
    } else if (complete(ipv6) && !complete(ipv4)) {
        left = &ipv4;
        leftName = tr("IPv4");
        leftTool = QStringLiteral("iptables");
        keptName = tr("IPv6");
    }

    QStringList lines;
    if (!error.isEmpty())
        lines << tr("The helper could not read the firewall: %1").arg(error);
    else if (!canCapture())
        lines << tr("The chains nfqmon fills are missing: create them first (commands below).");
    else if (left)
        lines << tr("%1 will be captured. %2 will not be captured: table raw (%2) has no chain "
                    "%3. To capture it too, create the chains and send traffic to them "
                    "(commands below), then start the capture again.")
                     .arg(keptName, leftName, absent(*left));
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
    if (left && error.isEmpty())
        lines << QString() << tr("To create them (as root):") << createCommands(leftTool);
    else if (!chainsExist())
        lines << QString() << tr("To create them (as root):") << createCommands();
    return lines.join(QLatin1Char('\n'));
}

namespace {

QString commandsFor(const QStringList &tools)
{
    QStringList lines;
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

} // namespace

QString ChainStatus::createCommands()
{
    return commandsFor({QStringLiteral("iptables"), QStringLiteral("ip6tables")});
}

QString ChainStatus::createCommands(const QString &tool)
{
    return commandsFor({tool});
}

} // namespace nfqmon
