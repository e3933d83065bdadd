#include "helper/engine/ChainScript.h"

#include "helper/config/InterfaceName.h"

#include <QSet>

namespace nfqmon {

namespace {

constexpr int maxQueueNumber = 65535;

QString pre()
{
    return QString::fromLatin1(ChainScript::PreChain);
}

QString out()
{
    return QString::fromLatin1(ChainScript::OutChain);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The rule text shared by every line: the owner comment, quoted as iptables-save prints it so a
// line read back compares equal to the line written.
QString commentMatch(qint64 pid)
{
    return QStringLiteral("-m comment --comment \"%1\"").arg(ChainScript::ownerComment(pid));
}

QString queueTarget(const ChainPlan &plan)
{
    if (plan.queueCount > 1) {
        const int last = int(plan.queueNumber) + int(plan.queueCount) - 1;
        return QStringLiteral("-j NFQUEUE --queue-balance %1:%2 --queue-bypass")
            .arg(plan.queueNumber)
            .arg(last);
    }
    return QStringLiteral("-j NFQUEUE --queue-num %1 --queue-bypass").arg(plan.queueNumber);
}

// One entry per interface with its option ("-i eth0"), or a single empty entry for any interface.
QStringList interfaceMatches(const ChainPlan &plan, const QString &option)
{
    if (plan.interfaces.isEmpty())
        return {QString()};
    QStringList matches;
    for (const QString &name : plan.interfaces)
        matches.append(option + u' ' + name);
    return matches;
}

QString rule(const QString &command, const QString &chain, const QString &match, qint64 pid,
             const QString &target)
{
    QString line = command + u' ' + chain;
    if (!match.isEmpty())
        line += u' ' + match;
    return line + u' ' + commentMatch(pid) + u' ' + target;
}

// The contents of HAKA-PRE and HAKA-OUT.
QStringList chainContents(const ChainPlan &plan, const QStringList &inMatches,
                          const QStringList &outMatches, bool ipv6)
{
    const QString target = queueTarget(plan);
    QStringList lines;
    lines.append(rule(QStringLiteral("-A"), pre(), QStringLiteral("-i lo"), plan.ownerPid,
                      QStringLiteral("-j RETURN")));
    if (plan.ownConnection && plan.ownConnection->ipv6 == ipv6) {
        const SshConnection &c = *plan.ownConnection;
        const QString toServer = QStringLiteral("-p tcp -s %1 --sport %2 -d %3 --dport %4")
                                     .arg(c.client)
                                     .arg(c.clientPort)
                                     .arg(c.server)
                                     .arg(c.serverPort);
        const QString toClient = QStringLiteral("-p tcp -s %1 --sport %2 -d %3 --dport %4")
                                     .arg(c.server)
                                     .arg(c.serverPort)
                                     .arg(c.client)
                                     .arg(c.clientPort);
        // Either end may be this host, so each chain lets both directions pass.
        for (const QString &chain : {pre(), out()})
            for (const QString &match : {toServer, toClient})
                lines.append(rule(QStringLiteral("-A"), chain, match, plan.ownerPid,
                                  QStringLiteral("-j RETURN")));
    }
    if (!plan.bypassPass.isEmpty()) {
        // Decided flows: passed or dropped here, counted by the programs, never queued.
        for (const QString &chain : {pre(), out()}) {
            lines.append(rule(QStringLiteral("-A"), chain,
                              QStringLiteral("-m bpf --object-pinned ") + plan.bypassPass,
                              plan.ownerPid, QStringLiteral("-j RETURN")));
            lines.append(rule(QStringLiteral("-A"), chain,
                              QStringLiteral("-m bpf --object-pinned ") + plan.bypassDrop,
                              plan.ownerPid, QStringLiteral("-j DROP")));
        }
    }
    for (const QString &match : inMatches)
        lines.append(rule(QStringLiteral("-A"), pre(), match, plan.ownerPid, target));
    for (const QString &match : outMatches)
        lines.append(rule(QStringLiteral("-A"), out(), match, plan.ownerPid, target));
    return lines;
}

QStringList jumpRules(const ChainPlan &plan, const QString &command)
{
    QStringList lines;
    for (const QString &match : interfaceMatches(plan, QStringLiteral("-i")))
        lines.append(rule(command, QStringLiteral("PREROUTING"), match, plan.ownerPid,
                          QStringLiteral("-j ") + pre()));
    for (const QString &match : interfaceMatches(plan, QStringLiteral("-o")))
        lines.append(rule(command, QStringLiteral("OUTPUT"), match, plan.ownerPid,
                          QStringLiteral("-j ") + out()));
    return lines;
}

QByteArray rawTransaction(const QStringList &lines)
{
    QString text = QStringLiteral("*raw\n");
    for (const QString &line : lines)
        text += line + u'\n';
    text += QStringLiteral("COMMIT\n");
    return text.toUtf8();
}

// Splits a rule line as iptables-save prints it: words, or double-quoted strings with \" and \\.
QStringList tokens(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < line.size()) {
                word += line.at(++i);
            } else if (c == u'"') {
                quoted = false;
            } else {
                word += c;
            }
        } else if (c == u'"') {
            quoted = true;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

// "-A CHAIN ..." -> CHAIN; empty for other lines.
QString ruleChain(const QStringList &words)
{
    if (words.size() >= 2 && words.at(0) == QLatin1String("-A"))
        return words.at(1);
    return {};
}

// The chain a rule jumps or goes to, empty when none.
QString ruleTarget(const QStringList &words)
{
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        const QString &w = words.at(i);
        if (w == QLatin1String("-j") || w == QLatin1String("--jump") || w == QLatin1String("-g") ||
            w == QLatin1String("--goto"))
            return words.at(i + 1);
    }
    return {};
}

// The pid in an nfqmon owner comment, 0 when the rule has none.
qint64 ownerPid(const QStringList &words)
{
    static const QString prefix = QStringLiteral("nfqmon:pid=");
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        if (words.at(i) != QLatin1String("--comment"))
            continue;
        const QString &comment = words.at(i + 1);
        if (!comment.startsWith(prefix))
            continue;
        const QString digits = comment.mid(prefix.size());
        bool ok = false;
        const qint64 pid = digits.toLongLong(&ok);
        // Only the exact form nfqmon writes: no sign, no spaces, no leading zeros.
        if (ok && pid > 0 && digits == QString::number(pid))
            return pid;
    }
    return 0;
}

bool isHakaChain(const QString &chain)
{
    return chain == pre() || chain == out();
}

} // namespace

namespace ChainScript {

QString ownerComment(qint64 pid)
{
    return QStringLiteral("nfqmon:pid=%1").arg(pid);
}

bool validate(const ChainPlan &plan, QString *error)
{
    if (plan.ownerPid <= 0)
        return fail(error, QStringLiteral("the iptables rules have no owner process id"));
    if (plan.queueCount < 1)
        return fail(error, QStringLiteral("at least one NFQUEUE queue is needed"));
    if (int(plan.queueNumber) + int(plan.queueCount) - 1 > maxQueueNumber)
        return fail(error, QStringLiteral("queues %1 to %2 go past the largest queue number, %3")
                               .arg(plan.queueNumber)
                               .arg(int(plan.queueNumber) + int(plan.queueCount) - 1)
                               .arg(maxQueueNumber));
    QSet<QString> seen;
    for (const QString &name : plan.interfaces) {
        QString problem;
        if (!InterfaceName::isValid(name, &problem))
            return fail(error, problem);
        if (seen.contains(name))
            return fail(error, QStringLiteral("interface %1 is listed twice").arg(name));
        seen.insert(name);
    }
    return true;
}

QByteArray install(const ChainPlan &plan, bool ipv6)
{
    if (!validate(plan))
        return {};
    if (plan.manageJumps) {
        QStringList lines{QStringLiteral("-N ") + pre(), QStringLiteral("-N ") + out()};
        lines += chainContents(plan, {QString()}, {QString()}, ipv6);
        lines += jumpRules(plan, QStringLiteral("-I"));
        return rawTransaction(lines);
    }
    QStringList lines{QStringLiteral("-F ") + pre(), QStringLiteral("-F ") + out()};
    lines += chainContents(plan, interfaceMatches(plan, QStringLiteral("-i")),
                           interfaceMatches(plan, QStringLiteral("-o")), ipv6);
    return rawTransaction(lines);
}

QByteArray remove(const ChainPlan &plan)
{
    if (!validate(plan))
        return {};
    if (plan.manageJumps) {
        QStringList lines = jumpRules(plan, QStringLiteral("-D"));
        // -X refuses a chain that still holds rules, so each chain is flushed first.
        lines += {QStringLiteral("-F ") + pre(), QStringLiteral("-X ") + pre(),
                  QStringLiteral("-F ") + out(), QStringLiteral("-X ") + out()};
        return rawTransaction(lines);
    }
    return rawTransaction({QStringLiteral("-F ") + pre(), QStringLiteral("-F ") + out()});
}

namespace {

QString commandsFor(const QStringList &tools)
{
    QStringList lines;
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -N ") + pre());
        lines.append(tool + QStringLiteral(" -t raw -N ") + out());
    }
    lines.append(QStringLiteral("# then send traffic to them, for instance all of it:"));
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -A PREROUTING -j ") + pre());
        lines.append(tool + QStringLiteral(" -t raw -A OUTPUT -j ") + out());
    }
    lines.append(QStringLiteral("# or only UDP:"));
    for (const QString &tool : tools) {
        lines.append(tool + QStringLiteral(" -t raw -A PREROUTING -p udp -j ") + pre());
        lines.append(tool + QStringLiteral(" -t raw -A OUTPUT -p udp -j ") + out());
    }
    return lines.join(u'\n');
}

} // namespace

QString createCommands()
{
    return commandsFor({QStringLiteral("iptables"), QStringLiteral("ip6tables")});
}

QString createCommands(const QString &tool)
{
    return commandsFor({tool});
}

QByteArray freeze(const ChainPlan &plan)
{
    if (!validate(plan))
        return {};
    const QString target = QStringLiteral("-j RETURN");
    return rawTransaction(
        {rule(QStringLiteral("-I"), pre() + QStringLiteral(" 1"), {}, plan.ownerPid, target),
         rule(QStringLiteral("-I"), out() + QStringLiteral(" 1"), {}, plan.ownerPid, target)});
}

QByteArray removeOwned(const RawTableState &state, const QList<qint64> &pids, bool ownChains)
{
    QStringList deletions;
    QSet<QString> removedLines;
    QSet<QString> chainsWithOwnedRules;
    QSet<QString> chainsJumpedToByOwned;
    for (const RawTableState::Owned &owned : state.owned) {
        if (!pids.contains(owned.pid))
            continue;
        const QStringList words = tokens(owned.line);
        const QString chain = ruleChain(words);
        if (chain.isEmpty())
            continue;
        if (isHakaChain(chain)) {
            chainsWithOwnedRules.insert(chain);
            continue;
        }
        const QString target = ruleTarget(words);
        if (isHakaChain(target))
            chainsJumpedToByOwned.insert(target);
        // The line as iptables-save printed it is also a valid rule specification for -D.
        deletions.append(QStringLiteral("-D") + owned.line.mid(2));
        removedLines.insert(owned.line);
    }

    QStringList chainLines;
    const QList<std::pair<QString, bool>> chains{{pre(), state.hasPreChain},
                                                 {out(), state.hasOutChain}};
    for (const auto &[chain, exists] : chains) {
        if (!exists)
            continue;
        const bool ours = ownChains || chainsJumpedToByOwned.contains(chain);
        if (!ours && !chainsWithOwnedRules.contains(chain))
            continue;
        chainLines.append(QStringLiteral("-F ") + chain);
        bool stillJumpedTo = false;
        for (const QString &jump : state.jumps) {
            if (!removedLines.contains(jump) && ruleTarget(tokens(jump)) == chain)
                stillJumpedTo = true;
        }
        if (ours && !stillJumpedTo)
            chainLines.append(QStringLiteral("-X ") + chain);
    }
    // Deleting a chain needs both chains flushed first when one jumps into the other.
    QStringList lines = deletions;
    for (const QString &line : chainLines) {
        if (line.startsWith(QLatin1String("-F")))
            lines.append(line);
    }
    for (const QString &line : chainLines) {
        if (line.startsWith(QLatin1String("-X")))
            lines.append(line);
    }
    if (lines.isEmpty())
        return {};
    return rawTransaction(lines);
}

} // namespace ChainScript

QStringList RawTableState::userJumps() const
{
    QSet<QString> ownedLines;
    for (const Owned &o : owned)
        ownedLines.insert(o.line);
    QStringList result;
    for (const QString &jump : jumps) {
        if (!ownedLines.contains(jump))
            result.append(jump);
    }
    return result;
}

RawTableState RawTableState::parse(const QByteArray &saveOutput)
{
    RawTableState state;
    const QStringList lines = QString::fromUtf8(saveOutput).split(u'\n');
    bool hasTableHeader = false;
    for (const QString &line : lines) {
        if (line.startsWith(u'*'))
            hasTableHeader = true;
    }
    bool inRaw = !hasTableHeader;
    for (const QString &rawLine : lines) {
        QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'*')) {
            inRaw = line == QLatin1String("*raw");
            continue;
        }
        if (!inRaw || line == QLatin1String("COMMIT"))
            continue;
        // iptables-save -c prefixes rules with "[packets:bytes] ".
        std::uint64_t packets = 0;
        if (line.startsWith(u'[')) {
            const qsizetype end = line.indexOf(u']');
            if (end < 0)
                continue;
            packets = line.mid(1, end - 1).section(u':', 0, 0).toULongLong();
            line = line.mid(end + 1).trimmed();
        }
        if (line.startsWith(u':')) {
            const QString chain = line.mid(1).section(u' ', 0, 0);
            if (chain == pre())
                state.hasPreChain = true;
            else if (chain == out())
                state.hasOutChain = true;
            continue;
        }
        const QStringList words = tokens(line);
        const QString chain = ruleChain(words);
        if (chain.isEmpty())
            continue;
        if (isHakaChain(chain))
            state.chainRules.append(line);
        else if (isHakaChain(ruleTarget(words)))
            state.jumps.append(line);
        if (const qint64 pid = ownerPid(words); pid > 0)
            state.owned.append({line, pid, ruleTarget(words) == QLatin1String("NFQUEUE"), packets});
    }
    return state;
}

} // namespace nfqmon
