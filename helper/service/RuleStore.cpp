#include "helper/service/RuleStore.h"

#include "helper/protocol/WriteAll.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon {

namespace {

constexpr int FormatVersion = 1;
constexpr qint64 MaxFileBytes = 4 << 20;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

std::optional<RuleDirection> directionFrom(const QString &text)
{
    for (auto d : {RuleDirection::Any, RuleDirection::In, RuleDirection::Out})
        if (directionName(d) == text)
            return d;
    return std::nullopt;
}

std::optional<RuleAction> actionFrom(const QString &text)
{
    for (auto a : {RuleAction::Drop, RuleAction::Accept})
        if (actionName(a) == text)
            return a;
    return std::nullopt;
}

} // namespace

RuleStore::RuleStore(QString stateDir) : m_stateDir(std::move(stateDir)) {}

QString RuleStore::filePath() const
{
    return m_stateDir + QStringLiteral("/rules.json");
}

bool RuleStore::load(QString *error, QString *warning)
{
    const QByteArray dir = QFile::encodeName(m_stateDir);
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST) {
        *error =
            QStringLiteral("cannot create the state directory %1: %2").arg(m_stateDir, errnoText());
        return false;
    }
    struct stat st {};
    if (::lstat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
        (st.st_mode & (S_IWGRP | S_IWOTH))) {
        *error = QStringLiteral("the state directory %1 must be a directory owned by the helper's "
                                "user and writable by it only")
                     .arg(m_stateDir);
        return false;
    }

    QFile file(filePath());
    if (!file.exists())
        return true;
    QString problem;
    QJsonParseError parseError{};
    QJsonDocument document;
    if (!file.open(QIODevice::ReadOnly))
        problem = file.errorString();
    else if (file.size() > MaxFileBytes)
        problem = QStringLiteral("the file is larger than %1 bytes").arg(MaxFileBytes);
    else
        document = QJsonDocument::fromJson(file.read(MaxFileBytes), &parseError);
    if (problem.isEmpty() && parseError.error != QJsonParseError::NoError)
        problem = parseError.errorString();

    std::vector<Rule> rules;
    int nextId = 1;
    const QJsonObject root = document.object();
    if (problem.isEmpty() && root.value(QStringLiteral("version")).toInt() != FormatVersion)
        problem = QStringLiteral("unknown format version");
    for (const QJsonValue &value : root.value(QStringLiteral("rules")).toArray()) {
        if (!problem.isEmpty())
            break;
        const QJsonObject o = value.toObject();
        Rule rule;
        rule.id = o.value(QStringLiteral("id")).toInt();
        rule.expression = o.value(QStringLiteral("expression")).toString();
        rule.interface = o.value(QStringLiteral("interface")).toString();
        rule.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        rule.program = o.value(QStringLiteral("program")).toString();
        rule.unit = o.value(QStringLiteral("unit")).toString();
        // A rule saved without "host" applies to every host.
        rule.host = Rule::normalHost(o.value(QStringLiteral("host")).toString());
        if (o.contains(QStringLiteral("user")))
            rule.user = std::uint32_t(o.value(QStringLiteral("user")).toDouble());
        QString fieldProblem;
        if ((!rule.program.isEmpty() && !Rule::isProgramPath(rule.program, &fieldProblem)) ||
            (!rule.unit.isEmpty() && !Rule::isUnitGlob(rule.unit, &fieldProblem)) ||
            (!rule.host.isEmpty() && !Rule::isHostPattern(rule.host, &fieldProblem))) {
            problem = QStringLiteral("rule %1: %2").arg(rules.size() + 1).arg(fieldProblem);
            break;
        }
        const auto direction = directionFrom(o.value(QStringLiteral("direction")).toString());
        const auto action = actionFrom(o.value(QStringLiteral("action")).toString());
        if (rule.id <= 0 || !direction || !action || int(rules.size()) >= MaxRules) {
            problem = QStringLiteral("rule %1 is not valid").arg(rules.size() + 1);
            break;
        }
        rule.direction = *direction;
        rule.action = *action;
        nextId = std::max(nextId, rule.id + 1);
        rules.push_back(rule);
    }
    nextId = std::max(nextId, root.value(QStringLiteral("nextId")).toInt(1));
    if (!problem.isEmpty()) {
        file.close();
        const QString aside =
            filePath() + QStringLiteral(".unreadable-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss"));
        QFile::rename(filePath(), aside);
        *warning = QStringLiteral("the saved rules in %1 could not be read (%2); the file was "
                                  "moved to %3 and the helper starts without rules")
                       .arg(filePath(), problem, aside);
        return true;
    }
    m_rules = std::move(rules);
    m_nextId = nextId;
    return true;
}

bool RuleStore::save(const std::vector<Rule> &rules, QString *error)
{
    int nextId = m_nextId;
    for (const Rule &rule : rules)
        nextId = std::max(nextId, rule.id + 1);
    QJsonArray array;
    for (const Rule &rule : rules) {
        QJsonObject saved{{QStringLiteral("id"), rule.id},
                          {QStringLiteral("expression"), rule.expression},
                          {QStringLiteral("interface"), rule.interface},
                          {QStringLiteral("direction"), directionName(rule.direction)},
                          {QStringLiteral("action"), actionName(rule.action)},
                          {QStringLiteral("enabled"), rule.enabled}};
        if (!rule.program.isEmpty())
            saved.insert(QStringLiteral("program"), rule.program);
        if (rule.user)
            saved.insert(QStringLiteral("user"), double(*rule.user));
        if (!rule.unit.isEmpty())
            saved.insert(QStringLiteral("unit"), rule.unit);
        if (!rule.host.isEmpty())
            saved.insert(QStringLiteral("host"), rule.host);
        array.append(saved);
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), FormatVersion},
                                                       {QStringLiteral("nextId"), nextId},
                                                       {QStringLiteral("rules"), array}})
                                 .toJson();

    const QByteArray target = QFile::encodeName(filePath());
    const QByteArray temporary = target + ".tmp";
    const auto fail = [&](const QString &step) {
        *error = QStringLiteral("cannot save the rules to %1 (%2: %3); they were not changed")
                     .arg(filePath(), step, errnoText());
        ::unlink(temporary.constData());
        return false;
    };
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return fail(QStringLiteral("open"));
    const bool written = writeAll(fd, bytes) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!written) {
        errno = savedErrno;
        return fail(QStringLiteral("write"));
    }
    if (::rename(temporary.constData(), target.constData()) != 0)
        return fail(QStringLiteral("rename"));
    const int dirFd =
        ::open(QFile::encodeName(m_stateDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    m_rules = rules;
    m_nextId = nextId;
    return true;
}

} // namespace nfqmon
