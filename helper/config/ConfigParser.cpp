#include "helper/config/ConfigParser.h"

#include "helper/config/ConfigFile.h"
#include "helper/config/ConfigSyntax.h"
#include "helper/config/InterfaceName.h"
#include "helper/config/QuotedText.h"
#include "helper/protocol/CaptureLimits.h"
#include "helper/protocol/CompiledFilter.h"

#include <QDir>
#include <QHash>

#include <pwd.h>

namespace nfqmon::ConfigParser {

namespace {

constexpr int maxReportedErrors = 20;

const QStringList &knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("interfaces"),      QStringLiteral("dump"),
        QStringLiteral("dump_input"),      QStringLiteral("dump_output"),
        QStringLiteral("enable_iptables"), QStringLiteral("attribution"),
        QStringLiteral("queue"),           QStringLiteral("queues"),
        QStringLiteral("snaplen"),         QStringLiteral("queue_maxlen"),
        QStringLiteral("status_interval"), QStringLiteral("rule"),
        QStringLiteral("module"),          QStringLiteral("log"),
        QStringLiteral("host_names"),      QStringLiteral("metrics_file"),
        QStringLiteral("inspect_packets"),
    };
    return keys;
}

class Parser
{
public:
    explicit Parser(const QString &fileName) : m_fileName(fileName) {}

    std::optional<CaptureOptions> run(const QString &text, QString *error)
    {
        QStringList lines = text.split(u'\n');
        if (!lines.isEmpty() && lines.front().startsWith(QChar(0xfeff)))
            lines.front().remove(0, 1);
        qsizetype i = 0;
        for (; i < lines.size() && m_errors.size() < maxReportedErrors; ++i) {
            QString line = lines.at(i);
            if (line.endsWith(u'\r'))
                line.chop(1);
            parseLine(int(i + 1), line);
        }
        if (i < lines.size())
            m_errors.append(m_fileName + QStringLiteral(": too many errors; stopped reading"));
        // Whole-file checks only make sense once every line was understood.
        if (m_errors.isEmpty())
            checkWholeFile();
        if (!m_errors.isEmpty()) {
            if (error)
                *error = m_errors.join(u'\n');
            return std::nullopt;
        }
        int id = 0;
        for (Rule &rule : m_options.rules)
            rule.id = ++id;
        return m_options;
    }

private:
    void addError(int line, const QString &problem)
    {
        m_errors.append(QStringLiteral("%1:%2: %3").arg(m_fileName).arg(line).arg(problem));
    }

    void parseLine(int number, const QString &line)
    {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || ConfigSyntax::isCommentStart(trimmed.front()))
            return;
        if (trimmed.front() == u'[') {
            // Haka's section headers ("[packet]") carry no meaning for nfqmon.
            const qsizetype close = trimmed.indexOf(u']');
            const QString after = close < 0 ? QString() : trimmed.mid(close + 1).trimmed();
            if (close < 0 || (!after.isEmpty() && !ConfigSyntax::isCommentStart(after.front())))
                addError(number, QStringLiteral("a section header must look like [name]"));
            return;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0) {
            addError(number, QStringLiteral("expected key = value, but there is no '=' in %1")
                                 .arg(quotedText(trimmed, 60)));
            return;
        }
        const QString key = line.left(equals).trimmed();
        if (key.isEmpty()) {
            addError(number, QStringLiteral("there is no key before '='"));
            return;
        }
        if (!knownKeys().contains(key)) {
            addError(number, QStringLiteral("unknown key %1; known keys are %2")
                                 .arg(quotedText(key, 60), knownKeys().join(QStringLiteral(", "))));
            return;
        }
        if (key != QLatin1String("rule")) {
            if (const auto seen = m_lineOf.constFind(key); seen != m_lineOf.cend()) {
                addError(number,
                         QStringLiteral("%1 is already set on line %2").arg(key).arg(*seen));
                return;
            }
        }
        QString problem;
        bool quoted = false;
        const std::optional<QString> value =
            ConfigSyntax::parseValue(QStringView(line).mid(equals + 1), &quoted, &problem);
        if (!value) {
            addError(number, problem);
            return;
        }
        if (!quoted && value->isEmpty()) {
            addError(number, QStringLiteral("%1 has no value").arg(key));
            return;
        }
        m_lineOf.insert(key, number);
        if (!apply(key, *value, number, &problem))
            addError(number, problem);
    }

    bool apply(const QString &key, const QString &value, int line, QString *problem)
    {
        if (key == QLatin1String("interfaces"))
            return InterfaceName::parseList(value, &m_options.interfaces, &m_options.anyInterface,
                                            problem);
        if (key == QLatin1String("dump"))
            return setBoolean(key, value, &m_options.dump, problem);
        if (key == QLatin1String("enable_iptables"))
            return setBoolean(key, value, &m_options.enableIptables, problem);
        if (key == QLatin1String("attribution"))
            return setBoolean(key, value, &m_options.attribution, problem);
        if (key == QLatin1String("host_names"))
            return setBoolean(key, value, &m_options.hostNames, problem);
        if (key == QLatin1String("dump_input"))
            return setPath(key, value, &m_options.dumpInput, problem);
        if (key == QLatin1String("dump_output"))
            return setPath(key, value, &m_options.dumpOutput, problem);
        if (key == QLatin1String("queue"))
            return setNumber(key, value, 0, Limits::LastQueueNumber, &m_options.queueNumber,
                             problem);
        if (key == QLatin1String("queues"))
            return setNumber(key, value, Limits::MinQueues, Limits::MaxQueues,
                             &m_options.queueCount, problem);
        if (key == QLatin1String("snaplen"))
            return setNumber(key, value, Limits::MinSnapLength, Limits::MaxSnapLength,
                             &m_options.snapLength, problem);
        if (key == QLatin1String("queue_maxlen"))
            return setNumber(key, value, Limits::MinQueueMaxLength, Limits::MaxQueueMaxLength,
                             &m_options.queueMaxLength, problem);
        if (key == QLatin1String("inspect_packets")) {
            if (value == QLatin1String("all")) {
                m_options.inspectPackets = 0;
                return true;
            }
            return setNumber(key, value, 1, Limits::MaxInspectPackets, &m_options.inspectPackets,
                             problem, QStringLiteral("\"all\" or "));
        }
        if (key == QLatin1String("status_interval"))
            return setNumber(key, value, 0, Limits::MaxStatusIntervalSeconds,
                             &m_options.statusIntervalSeconds, problem);
        if (key == QLatin1String("rule"))
            return addRule(value, line, problem);
        if (key == QLatin1String("log"))
            return value == QLatin1String("-") ? (m_options.log = value, true)
                                               : setPath(key, value, &m_options.log, problem);
        if (key == QLatin1String("metrics_file"))
            return setPath(key, value, &m_options.metricsFile, problem);
        if (key == QLatin1String("module")) {
            if (value == QLatin1String("packet/nfqueue"))
                return true;
            *problem = QStringLiteral("module %1 is not supported; nfqmon implements only "
                                      "\"packet/nfqueue\"")
                           .arg(quotedText(value, 60));
            return false;
        }
        Q_UNREACHABLE();
        return false;
    }

    static bool setBoolean(const QString &key, const QString &value, bool *target, QString *problem)
    {
        const std::optional<bool> parsed = ConfigSyntax::parseBoolean(value);
        if (!parsed) {
            *problem = QStringLiteral("%1 must be true or false (or yes/no, on/off, 1/0), not %2")
                           .arg(key, quotedText(value, 60));
            return false;
        }
        *target = *parsed;
        return true;
    }

    static bool setPath(const QString &key, const QString &value, QString *target, QString *problem)
    {
        if (!value.startsWith(u'/')) {
            *problem = QStringLiteral("%1 must be an absolute path (starting with '/'), not %2")
                           .arg(key, quotedText(value, 60));
            return false;
        }
        *target = value;
        return true;
    }

    template <typename T>
    static bool setNumber(const QString &key, const QString &value, quint64 min, quint64 max,
                          T *target, QString *problem, const QString &orElse = {})
    {
        const std::optional<quint64> parsed = ConfigSyntax::parseNumber(value, min, max);
        if (!parsed) {
            *problem = QStringLiteral("%1 must be %2a whole number from %3 to %4, not %5")
                           .arg(key, orElse)
                           .arg(min)
                           .arg(max)
                           .arg(quotedText(value, 60));
            return false;
        }
        *target = T(*parsed);
        return true;
    }

    bool addRule(const QString &value, int line, QString *problem)
    {
        std::optional<Rule> rule = parseRule(value, problem);
        if (!rule)
            return false;
        QString pcapMessage;
        if (!CompiledFilter::compile(rule->expression, &pcapMessage)) {
            *problem = QStringLiteral("rule filter %1 does not compile: %2")
                           .arg(quotedText(rule->expression, 60), pcapMessage);
            return false;
        }
        m_options.rules.push_back(*rule);
        m_ruleLines.push_back(line);
        return true;
    }

    void checkWholeFile()
    {
        if (!m_lineOf.contains(QStringLiteral("interfaces"))) {
            m_errors.append(m_fileName + QStringLiteral(": interfaces is required, for example "
                                                        "interfaces = \"eth0\" or interfaces = "
                                                        "\"any\""));
            return;
        }
        // Each value was checked on its own line against the same limits; what is left is how
        // they fit together (the queue range), told on the later of the lines involved.
        QString problem;
        if (!m_options.validate(CaptureOptions::Check::ConfigFile, &problem)) {
            const int line = std::max(m_lineOf.value(QStringLiteral("queue")),
                                      m_lineOf.value(QStringLiteral("queues")));
            if (line > 0)
                addError(line, problem);
            else
                m_errors.append(m_fileName + QStringLiteral(": ") + problem);
        }
        checkDump();
        checkMetricsFile();
        checkRuleInterfaces();
    }

    void checkDump()
    {
        const QString input = QStringLiteral("dump_input");
        const QString output = QStringLiteral("dump_output");
        const auto dumpLine = m_lineOf.constFind(QStringLiteral("dump"));
        if (m_options.dump) {
            if (!m_lineOf.contains(input) && !m_lineOf.contains(output))
                addError(*dumpLine, QStringLiteral("dump is on but neither dump_input nor "
                                                   "dump_output is set, so nothing would be "
                                                   "saved"));
        } else {
            // Haka ignores the paths silently here; a user who set one expects a file.
            const QString why = dumpLine == m_lineOf.cend()
                                    ? QStringLiteral("dump is not set")
                                    : QStringLiteral("dump is off on line %1").arg(*dumpLine);
            for (const QString &key : {input, output}) {
                if (m_lineOf.contains(key))
                    addError(m_lineOf.value(key),
                             QStringLiteral("%1 is set but %2, so it would not be written; set "
                                            "dump = true or remove %1")
                                 .arg(key, why));
            }
        }
        if (m_lineOf.contains(input) && m_lineOf.contains(output) &&
            QDir::cleanPath(m_options.dumpInput) == QDir::cleanPath(m_options.dumpOutput))
            addError(m_lineOf.value(output),
                     QStringLiteral("dump_output names the same file as dump_input (line %1)")
                         .arg(m_lineOf.value(input)));
        // The log's text would corrupt a pcap file.
        for (const QString &key : {input, output}) {
            const QString &dumpPath = key == input ? m_options.dumpInput : m_options.dumpOutput;
            if (m_lineOf.contains(key) && m_lineOf.contains(QStringLiteral("log")) &&
                QDir::cleanPath(dumpPath) == QDir::cleanPath(m_options.log))
                addError(m_lineOf.value(QStringLiteral("log")),
                         QStringLiteral("log names the same file as %1 (line %2)")
                             .arg(key)
                             .arg(m_lineOf.value(key)));
        }
    }

    // The metrics text would corrupt a dump or the log, and be replaced under it every 5 s.
    void checkMetricsFile()
    {
        const QString metrics = QStringLiteral("metrics_file");
        if (!m_lineOf.contains(metrics))
            return;
        for (const QString &key :
             {QStringLiteral("dump_input"), QStringLiteral("dump_output"), QStringLiteral("log")}) {
            const QString &other = key == QLatin1String("log")          ? m_options.log
                                   : key == QLatin1String("dump_input") ? m_options.dumpInput
                                                                        : m_options.dumpOutput;
            if (m_lineOf.contains(key) &&
                QDir::cleanPath(other) == QDir::cleanPath(m_options.metricsFile))
                addError(m_lineOf.value(metrics),
                         QStringLiteral("metrics_file names the same file as %1 (line %2)")
                             .arg(key)
                             .arg(m_lineOf.value(key)));
        }
    }

    // A rule bound to an interface that is not captured would silently never match.
    void checkRuleInterfaces()
    {
        if (m_options.anyInterface)
            return;
        for (std::size_t i = 0; i < m_options.rules.size(); ++i) {
            const QString &interface = m_options.rules[i].interface;
            if (!interface.isEmpty() && !m_options.interfaces.contains(interface))
                addError(m_ruleLines[i],
                         QStringLiteral("rule is on interface %1, which is not captured "
                                        "(interfaces = %2), so it would never match")
                             .arg(quotedText(interface, 60),
                                  quotedText(m_options.interfaces.join(QStringLiteral(", ")))));
        }
    }

    QString m_fileName;
    QStringList m_errors;
    QHash<QString, int> m_lineOf; // key -> the line that set it
    CaptureOptions m_options;
    std::vector<int> m_ruleLines; // parallel to m_options.rules
};

// A user named by name (the password database) or by number.
std::optional<std::uint32_t> userId(const QString &user)
{
    if (user.isEmpty())
        return std::nullopt;
    bool number = false;
    const qulonglong id = user.toULongLong(&number);
    if (number)
        return id < 0xffffffffull ? std::optional<std::uint32_t>(std::uint32_t(id)) : std::nullopt;
    passwd entry{};
    passwd *found = nullptr;
    char buffer[4096];
    if (getpwnam_r(user.toLocal8Bit().constData(), &entry, buffer, sizeof buffer, &found) != 0 ||
        !found)
        return std::nullopt;
    return std::uint32_t(found->pw_uid);
}

// Splits off the next whitespace-separated word of text starting at *pos.
QStringView nextWord(QStringView text, qsizetype *pos)
{
    while (*pos < text.size() && text.at(*pos).isSpace())
        ++*pos;
    const qsizetype start = *pos;
    while (*pos < text.size() && !text.at(*pos).isSpace())
        ++*pos;
    return text.mid(start, *pos - start);
}

} // namespace

std::optional<CaptureOptions> parse(const QString &text, const QString &fileName, QString *error)
{
    return Parser(fileName).run(text, error);
}

std::optional<CaptureOptions> parseFile(const QString &path, QString *error)
{
    const std::optional<QString> text = ConfigFile::read(path, error);
    if (!text)
        return std::nullopt;
    return parse(*text, path, error);
}

std::optional<Rule> parseRule(const QString &text, QString *error)
{
    const QString subject = QStringLiteral("rule ") + quotedText(text.trimmed(), 60);
    const auto fail = [&](const QString &problem) {
        if (error)
            *error = subject + QStringLiteral(": ") + problem;
        return std::nullopt;
    };
    const QStringView view(text);
    qsizetype pos = 0;
    Rule rule;
    const QStringView action = nextWord(view, &pos);
    if (action.isEmpty()) {
        if (error)
            *error = QStringLiteral("rule is empty; write for example rule = \"drop udp and dst "
                                    "port 53\"");
        return std::nullopt;
    }
    if (action.compare(QLatin1String("drop"), Qt::CaseInsensitive) == 0)
        rule.action = RuleAction::Drop;
    else if (action.compare(QLatin1String("accept"), Qt::CaseInsensitive) == 0)
        rule.action = RuleAction::Accept;
    else
        return fail(QStringLiteral("it must start with drop or accept, not %1")
                        .arg(quotedText(action.toString(), 60)));

    // "in|out", "on IFACE", "program PATH", "user NAME|UID", "unit GLOB" and "hostname NAME" are
    // optional, each at most once, in any order; what follows is the pcap expression, kept exactly
    // as written. The host's keyword is not "host": that is libpcap's own ("drop host 10.0.0.5").
    bool haveDirection = false;
    bool haveInterface = false;
    bool haveProgram = false;
    bool haveUser = false;
    bool haveUnit = false;
    bool haveHost = false;
    for (;;) {
        qsizetype next = pos;
        const QStringView word = nextWord(view, &next);
        if (!haveDirection && (word == QLatin1String("in") || word == QLatin1String("out"))) {
            rule.direction = word == QLatin1String("in") ? RuleDirection::In : RuleDirection::Out;
            haveDirection = true;
            pos = next;
            continue;
        }
        if (!haveInterface && word == QLatin1String("on")) {
            const QString interface = nextWord(view, &next).toString();
            if (interface.isEmpty())
                return fail(QStringLiteral("\"on\" must be followed by an interface name"));
            QString problem;
            if (interface == QLatin1String("any"))
                rule.interface.clear();
            else if (!InterfaceName::isValid(interface, &problem))
                return fail(problem);
            else
                rule.interface = interface;
            haveInterface = true;
            pos = next;
            continue;
        }
        if (!haveProgram && word == QLatin1String("program")) {
            const QString program = nextWord(view, &next).toString();
            QString problem;
            if (!Rule::isProgramPath(program, &problem))
                return fail(QStringLiteral("\"program\" must be followed by a program's path: ") +
                            problem);
            rule.program = program;
            haveProgram = true;
            pos = next;
            continue;
        }
        if (!haveUser && word == QLatin1String("user")) {
            const QString user = nextWord(view, &next).toString();
            const std::optional<std::uint32_t> uid = userId(user);
            if (!uid)
                return fail(QStringLiteral("\"user\" must be followed by a user name or id; %1 "
                                           "is neither")
                                .arg(quotedText(user, 40)));
            rule.user = *uid;
            haveUser = true;
            pos = next;
            continue;
        }
        if (!haveUnit && word == QLatin1String("unit")) {
            const QString unit = nextWord(view, &next).toString();
            QString problem;
            if (unit.isEmpty() || !Rule::isUnitGlob(unit, &problem))
                return fail(QStringLiteral("\"unit\" must be followed by a systemd unit's name "
                                           "or a glob (firefox*.scope)") +
                            (problem.isEmpty() ? QString() : QStringLiteral(": ") + problem));
            rule.unit = unit;
            haveUnit = true;
            pos = next;
            continue;
        }
        if (!haveHost && word == QLatin1String("hostname")) {
            const QString host = nextWord(view, &next).toString();
            QString problem;
            if (host.isEmpty() || !Rule::isHostPattern(host, &problem))
                return fail(QStringLiteral("\"hostname\" must be followed by a host name "
                                           "(a.example.org) or a domain (*.example.org)") +
                            (host.isEmpty() ? QString() : QStringLiteral(": ") + problem));
            rule.host = Rule::normalHost(host);
            haveHost = true;
            pos = next;
            continue;
        }
        break;
    }
    rule.expression = view.mid(pos).trimmed().toString();
    // An empty expression would match every packet: too easy to write by accident in a drop rule.
    if (rule.expression.isEmpty())
        return fail(QStringLiteral("a filter expression must follow; to match every packet write "
                                   "\"ip or ip6\""));
    return rule;
}

} // namespace nfqmon::ConfigParser
