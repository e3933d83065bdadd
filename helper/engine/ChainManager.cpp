#include "helper/engine/ChainManager.h"

#include "helper/config/InterfaceName.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <utility>

#include <signal.h>
#include <unistd.h>

namespace nfqmon {

namespace {

// iptables-restore waits for the xtables lock at most this long (-w); the process as a whole
// gets a little more before it is killed.
constexpr int lockWaitSeconds = 5;
constexpr int processTimeoutMs = 10000;

struct Family {
    const char *name; // "IPv4"
    const char *tool;
    const char *restore;
    const char *save;
};

constexpr std::array<Family, 2> ipFamilies{{
    {"IPv4", "iptables", "iptables-restore", "iptables-save"},
    {"IPv6", "ip6tables", "ip6tables-restore", "ip6tables-save"},
}};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Only the system's own directories: the helper runs as root and must not follow $PATH.
QString findTool(const QString &name)
{
    for (const char *dir : {"/usr/sbin", "/sbin"}) {
        const QString path = QLatin1String(dir) + u'/' + name;
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable())
            return path;
    }
    return {};
}

// Runs a tool with input on stdin; its stdout in *output. False and a sentence, which carries
// the tool's own stderr, on failure.
bool runTool(const QString &name, const QStringList &arguments, const QByteArray &input,
             QByteArray *output, QString *error)
{
    const QString path = findTool(name);
    if (path.isEmpty())
        return fail(error, QStringLiteral("%1 was not found in /usr/sbin or /sbin; install the "
                                          "iptables package")
                               .arg(name));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.start(path, arguments);
    if (!process.waitForStarted(processTimeoutMs))
        return fail(error,
                    QStringLiteral("could not start %1: %2").arg(path, process.errorString()));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(processTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return fail(error, QStringLiteral("%1 did not finish within %2 seconds (is another "
                                          "program holding the xtables lock?)")
                               .arg(name)
                               .arg(processTimeoutMs / 1000));
    }
    const QString stderrText =
        QString::fromLocal8Bit(process.readAllStandardError()).trimmed().replace(u'\n', u' ');
    if (process.exitStatus() != QProcess::NormalExit)
        return fail(error, QStringLiteral("%1 crashed").arg(name));
    if (process.exitCode() != 0) {
        QString message =
            QStringLiteral("%1 failed (exit code %2)").arg(name).arg(process.exitCode());
        if (!stderrText.isEmpty())
            message += QStringLiteral(": ") + stderrText;
        return fail(error, message);
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool restore(const Family &family, const QByteArray &script, QString *error)
{
    return runTool(
        QLatin1String(family.restore),
        {QStringLiteral("-w"), QString::number(lockWaitSeconds), QStringLiteral("--noflush")},
        script, nullptr, error);
}

// All tables are saved rather than "-t raw": with the legacy backend, asking for raw by name
// would load the table just to look at it.
bool readRaw(const Family &family, RawTableState *state, QString *error)
{
    QByteArray output;
    if (!runTool(QLatin1String(family.save), {}, {}, &output, error))
        return false;
    *state = RawTableState::parse(output);
    return true;
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(4096);
}

QString exePath(const QString &procDir)
{
    QString target = QFile::symLinkTarget(procDir + QStringLiteral("/exe"));
    // A binary replaced by a package upgrade still counts as the same program.
    const QString deleted = QStringLiteral(" (deleted)");
    if (target.endsWith(deleted))
        target.chop(deleted.size());
    return target;
}

QString commName(const QString &procDir)
{
    return QString::fromUtf8(readSmallFile(procDir + QStringLiteral("/comm"))).trimmed();
}

// A zombie has a pid but no longer holds any queue or rules.
bool isZombie(const QString &procDir)
{
    const QByteArray stat = readSmallFile(procDir + QStringLiteral("/stat"));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state == 'Z' || state == 'X';
}

// Whether pid is a running copy of this very program (then its rules are in use), and its name.
bool isLiveOwner(qint64 pid, QString *name)
{
    if (pid <= 0 || pid > INT_MAX)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    const QString dir = QStringLiteral("/proc/%1").arg(pid);
    if (!QFileInfo::exists(dir) || isZombie(dir))
        return false;
    const QString self = QStringLiteral("/proc/self");
    const QString exe = exePath(dir);
    const QString selfExe = exePath(self);
    bool same = false;
    if (!exe.isEmpty() && !selfExe.isEmpty()) {
        same = exe == selfExe;
    } else {
        const QString comm = commName(dir);
        same = !comm.isEmpty() && comm == commName(self);
    }
    if (same && name)
        *name = !selfExe.isEmpty() ? QFileInfo(selfExe).fileName() : commName(self);
    return same;
}

QString pidList(const QList<qint64> &pids)
{
    QStringList texts;
    for (const qint64 pid : pids)
        texts.append(QString::number(pid));
    return texts.join(QStringLiteral(", "));
}

} // namespace

ChainManager::ChainManager(ChainPlan plan) : m_plan(std::move(plan))
{
    if (m_plan.ownerPid == 0)
        m_plan.ownerPid = ::getpid();
}

ChainManager::~ChainManager()
{
    QString error;
    if (m_installed && !remove(&error))
        qWarning("nfqmon: %s", qPrintable(error));
}

bool ChainManager::install(QString *error)
{
    const QString prefix = QStringLiteral("Cannot install the iptables rules: ");
    if (m_installed)
        return true;
    m_used[0] = m_used[1] = true;
    m_notice.clear();
    QString problem;
    if (!ChainScript::validate(m_plan, &problem))
        return fail(error, prefix + problem + u'.');
    if (const QStringList absent = InterfaceName::missing(m_plan.interfaces); !absent.isEmpty())
        return fail(error, prefix + QStringLiteral(
                                        "there is no interface named %1 in this network namespace.")
                                        .arg(absent.join(QStringLiteral(", "))));

    // 1-2. Who owns rules now: a live copy of this program refuses, dead owners are stale.
    std::array<RawTableState, ipFamilies.size()> states;
    QList<qint64> stalePids;
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        if (!readRaw(ipFamilies[i], &states[i], &problem))
            return fail(error, prefix + problem + u'.');
        for (const RawTableState::Owned &owned : states[i].owned) {
            QString ownerName;
            if (isLiveOwner(owned.pid, &ownerName))
                return fail(error, prefix + QStringLiteral("the chains are in use by %1 (pid %2).")
                                                .arg(ownerName)
                                                .arg(owned.pid));
            if (!stalePids.contains(owned.pid))
                stalePids.append(owned.pid);
        }
    }
    std::sort(stalePids.begin(), stalePids.end());
    for (std::size_t i = 0; i < ipFamilies.size() && !stalePids.isEmpty(); ++i) {
        const QByteArray cleanup = ChainScript::removeOwned(states[i], stalePids, false);
        if (cleanup.isEmpty())
            continue;
        if (!restore(ipFamilies[i], cleanup, &problem) ||
            !readRaw(ipFamilies[i], &states[i], &problem))
            return fail(
                error,
                prefix + QStringLiteral("the rules left by a stopped nfqmon (pid %1) "
                                        "could not be removed from %2: %3.")
                             .arg(pidList(stalePids), QLatin1String(ipFamilies[i].name), problem));
    }

    // 3. The chains must be free (managed) or present (unmanaged).
    const QString pre = QString::fromLatin1(ChainScript::PreChain);
    const QString out = QString::fromLatin1(ChainScript::OutChain);
    if (m_plan.manageJumps) {
        for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
            const RawTableState &state = states[i];
            const QString family = QLatin1String(ipFamilies[i].name);
            if (const QStringList jumps = state.userJumps(); !jumps.isEmpty())
                return fail(error,
                            prefix + QStringLiteral("your own rules in table raw (%1) jump to "
                                                    "%2/%3: %4. To have nfqmon fill these "
                                                    "chains and leave your rules alone, set "
                                                    "enable_iptables = no.")
                                         .arg(family, pre, out, jumps.join(QStringLiteral("; "))));
            QStringList existing;
            if (state.hasPreChain)
                existing.append(pre);
            if (state.hasOutChain)
                existing.append(out);
            if (!existing.isEmpty()) {
                QStringList deletes;
                for (const QString &chain : existing)
                    deletes.append(QLatin1String(ipFamilies[i].tool) +
                                   QStringLiteral(" -t raw -X ") + chain);
                return fail(error,
                            prefix + QStringLiteral("table raw (%1) already has %2, which "
                                                    "nfqmon did not create. Set "
                                                    "enable_iptables = no to have nfqmon fill "
                                                    "the chains, or delete them with: %3.")
                                         .arg(family, existing.join(QStringLiteral(" and ")),
                                              deletes.join(QStringLiteral("; "))));
            }
        }
    } else {
        // The Haka documentation's set-up creates the IPv4 chains only: capture the families
        // whose chains exist, and say how to add the other.
        QStringList missing;
        QStringList notCaptured;
        for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
            const QString family = QLatin1String(ipFamilies[i].name);
            QStringList absent;
            if (!states[i].hasPreChain)
                absent.append(pre);
            if (!states[i].hasOutChain)
                absent.append(out);
            m_used[i] = absent.isEmpty();
            for (const QString &chain : absent)
                missing.append(QStringLiteral("%1 (%2)").arg(chain, family));
            if (!absent.isEmpty())
                notCaptured.append(
                    QStringLiteral("%1 is not captured: table raw (%1) has no chain %2. To "
                                   "capture it too, create the chains and send traffic to "
                                   "them, then start the capture again:\n%3")
                        .arg(family, absent.join(QStringLiteral(" or ")),
                             ChainScript::createCommands(QLatin1String(ipFamilies[i].tool))));
        }
        if (!m_used[0] && !m_used[1])
            return fail(error, prefix + QStringLiteral("enable_iptables = no, but table raw has no "
                                                       "chain %1. Create the chains with:\n%2")
                                            .arg(missing.join(QStringLiteral(", ")),
                                                 ChainScript::createCommands()));
        m_notice = notCaptured.join(u'\n');
    }

    // 4. IPv4, then IPv6; a failure in IPv6 takes IPv4 back out.
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        if (!m_used[i])
            continue;
        if (restore(ipFamilies[i], ChainScript::install(m_plan, i == 1), &problem))
            continue;
        QString message =
            prefix + QLatin1String(ipFamilies[i].name) + QStringLiteral(": ") + problem + u'.';
        for (std::size_t done = 0; done < i; ++done) {
            QString rollbackProblem;
            if (m_used[done] &&
                !restore(ipFamilies[done], ChainScript::remove(m_plan), &rollbackProblem))
                message += QStringLiteral(" The %1 rules could not be taken back out either: ")
                               .arg(QLatin1String(ipFamilies[done].name)) +
                           rollbackProblem + u'.';
        }
        m_notice.clear();
        return fail(error, message);
    }
    m_installed = true;
    return true;
}

bool ChainManager::remove(QString *error)
{
    if (!m_installed)
        return true;
    const QByteArray script = ChainScript::remove(m_plan);
    QStringList problems;
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        if (!m_used[i])
            continue;
        const Family &family = ipFamilies[i];
        QString problem;
        if (restore(family, script, &problem))
            continue;
        // Someone changed our rules meanwhile (a jump deleted by hand, say): remove whatever of
        // ours is still there instead.
        RawTableState state;
        QString fallbackProblem;
        if (readRaw(family, &state, &fallbackProblem)) {
            const QByteArray cleanup =
                ChainScript::removeOwned(state, {m_plan.ownerPid}, m_plan.manageJumps);
            if (cleanup.isEmpty() || restore(family, cleanup, &fallbackProblem))
                continue;
        }
        problems.append(QStringLiteral("%1: %2; removing nfqmon's rules one by one failed too: %3")
                            .arg(QLatin1String(family.name), problem, fallbackProblem));
    }
    if (!problems.isEmpty())
        return fail(error, QStringLiteral("Cannot remove the iptables rules: ") +
                               problems.join(QStringLiteral("; ")) + u'.');
    m_installed = false;
    return true;
}

bool ChainManager::freeze(QString *error)
{
    if (!m_installed)
        return true;
    const QByteArray script = ChainScript::freeze(m_plan);
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        QString problem;
        if (m_used[i] && !restore(ipFamilies[i], script, &problem))
            return fail(error, QStringLiteral("Cannot stop the queue rules (%1) before reading "
                                              "their counters: %2.")
                                   .arg(QLatin1String(ipFamilies[i].name), problem));
    }
    return true;
}

std::optional<std::uint64_t> ChainManager::queuedPackets(QString *error) const
{
    std::uint64_t packets = 0;
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        if (!m_used[i])
            continue;
        QByteArray output;
        if (!runTool(QLatin1String(ipFamilies[i].save), {QStringLiteral("-c")}, {}, &output, error))
            return std::nullopt;
        for (const RawTableState::Owned &owned : RawTableState::parse(output).owned) {
            if (owned.pid == m_plan.ownerPid && owned.queues)
                packets += owned.packets;
        }
    }
    return packets;
}

QStringList ChainManager::families() const
{
    QStringList names;
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        if (m_used[i])
            names.append(QLatin1String(ipFamilies[i].name));
    }
    return names;
}

ChainReport ChainManager::report()
{
    ChainReport report;
    report.preExists = true;
    report.outExists = true;
    for (std::size_t i = 0; i < ipFamilies.size(); ++i) {
        ChainReport::Family &entry = i == 0 ? report.ipv4 : report.ipv6;
        RawTableState state;
        QString problem;
        if (!readRaw(ipFamilies[i], &state, &problem)) {
            if (!report.error.isEmpty())
                report.error += QStringLiteral(" ");
            report.error +=
                QStringLiteral("%1: %2.").arg(QLatin1String(ipFamilies[i].name), problem);
        }
        entry.preExists = state.hasPreChain;
        entry.outExists = state.hasOutChain;
        entry.jumps = state.userJumps();
        report.preExists = report.preExists && entry.preExists;
        report.outExists = report.outExists && entry.outExists;
        report.jumps += entry.jumps;
    }
    return report;
}

} // namespace nfqmon
