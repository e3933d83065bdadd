#include "ConfigParser.h"

#include "CaptureLimits.h"
#include "QuotedText.h"

#include "CompiledFilter.h"
#include "InterfaceName.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nfqmon::ConfigParser {

namespace {

constexpr qint64 maxFileBytes = 1024 * 1024;
constexpr int maxReportedErrors = 20;

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

struct Value {
    QString text;
    bool quoted = false;
};

// The part after '=': a "quoted" string with \" and \\ escapes, or a bare word run that ends at
// the line's end or at a '#'/';' that follows whitespace (so "eth0;reboot" stays one value and
// fails validation instead of quietly becoming "eth0").
std::optional<Value> parseValue(QStringView rest, QString *error)
{
    qsizetype i = 0;
    while (i < rest.size() && rest.at(i).isSpace())
        ++i;
    Value value;
    if (i < rest.size() && rest.at(i) == u'"') {
        value.quoted = true;
        ++i;
        bool closed = false;
        while (i < rest.size()) {
            const QChar c = rest.at(i++);
            if (c == u'"') {
                closed = true;
                break;
            }
            if (c == u'\\') {
                if (i == rest.size())
                    break;
                const QChar next = rest.at(i++);
                if (next != u'"' && next != u'\\') {
                    *error = QStringLiteral("unknown escape \\%1 in a quoted value; only \\\" and "
                                            "\\\\ are recognised")
                                 .arg(next);
                    return std::nullopt;
                }
                value.text += next;
                continue;
            }
            value.text += c;
        }
        if (!closed) {
            *error = QStringLiteral("the quoted value is not closed: a '\"' is missing at the end "
                                    "of the line");
            return std::nullopt;
        }
        const QStringView after = rest.mid(i).trimmed();
        if (!after.isEmpty() && !isCommentStart(after.front())) {
            *error = QStringLiteral("unexpected text %1 after the closing quote")
                         .arg(quotedText(after.toString(), 60));
            return std::nullopt;
        }
        return value;
    }
    qsizetype end = i;
    while (end < rest.size()) {
        if (isCommentStart(rest.at(end)) && (end == i || rest.at(end - 1).isSpace()))
            break;
        ++end;
    }
    value.text = rest.mid(i, end - i).trimmed().toString();
    return value;
}

std::optional<bool> parseBoolean(const QString &text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// Plain decimal digits only: "+1", "0x10" and "1e3" are refused rather than guessed at.
std::optional<quint64> parseNumber(const QString &text, quint64 min, quint64 max)
{
    if (text.isEmpty() || text.size() > 12)
        return std::nullopt;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const quint64 number = text.toULongLong();
    if (number < min || number > max)
        return std::nullopt;
    return number;
}

const QStringList &knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("interfaces"),
        QStringLiteral("dump"),
        QStringLiteral("dump_input"),
        QStringLiteral("dump_output"),
        QStringLiteral("enable_iptables"),
        QStringLiteral("queue"),
        QStringLiteral("queues"),
        QStringLiteral("snaplen"),
        QStringLiteral("queue_maxlen"),
        QStringLiteral("status_interval"),
        QStringLiteral("rule"),
        QStringLiteral("module"),
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
        if (trimmed.isEmpty() || isCommentStart(trimmed.front()))
            return;
        if (trimmed.front() == u'[') {
            // Haka's section headers ("[packet]") carry no meaning for nfqmon.
            const qsizetype close = trimmed.indexOf(u']');
            const QString after = close < 0 ? QString() : trimmed.mid(close + 1).trimmed();
            if (close < 0 || (!after.isEmpty() && !isCommentStart(after.front())))
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
        const std::optional<Value> value = parseValue(QStringView(line).mid(equals + 1), &problem);
        if (!value) {
            addError(number, problem);
            return;
        }
        if (!value->quoted && value->text.isEmpty()) {
            addError(number, QStringLiteral("%1 has no value").arg(key));
            return;
        }
        m_lineOf.insert(key, number);
        if (!apply(key, value->text, number, &problem))
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
        if (key == QLatin1String("status_interval"))
            return setNumber(key, value, 0, Limits::MaxStatusIntervalSeconds,
                             &m_options.statusIntervalSeconds, problem);
        if (key == QLatin1String("rule"))
            return addRule(value, line, problem);
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
        const std::optional<bool> parsed = parseBoolean(value);
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
                          T *target, QString *problem)
    {
        const std::optional<quint64> parsed = parseNumber(value, min, max);
        if (!parsed) {
            *problem = QStringLiteral("%1 must be a whole number from %2 to %3, not %4")
                           .arg(key)
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
    const auto fail = [&](const QString &problem) {
        if (error)
            *error = QStringLiteral("config file %1 %2").arg(quotedText(path, 60), problem);
        return std::nullopt;
    };
    const auto failErrno = [&](int errorNumber) {
        return fail(QStringLiteral("cannot be read: ") +
                    QString::fromLocal8Bit(std::strerror(errorNumber)));
    };
    // O_NONBLOCK so that a FIFO given as the path cannot hang the helper before the type check.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return failErrno(errno);
    QByteArray bytes;
    int readError = 0;
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        readError = errno;
    } else if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(QStringLiteral("is not a regular file"));
    } else {
        // Read one byte past the limit so a file that grew after fstat is still refused.
        char buffer[16384];
        while (bytes.size() <= maxFileBytes) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                readError = errno;
                break;
            }
            if (n == 0)
                break;
            bytes.append(buffer, n);
        }
    }
    ::close(fd);
    if (readError != 0)
        return failErrno(readError);
    if (bytes.size() > maxFileBytes)
        return fail(QStringLiteral("is larger than 1 MiB"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(QStringLiteral("is not valid UTF-8"));
    return parse(text, path, error);
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

    // "in|out" and "on IFACE" are optional, each at most once, in either order; what follows is
    // the pcap expression, kept exactly as written.
    bool haveDirection = false;
    bool haveInterface = false;
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
