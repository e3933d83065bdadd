#include "app/store/DisplayFilterParser.h"

#include "app/store/PacketCellText.h"
#include "helper/protocol/Rule.h"

#include <QStringList>

#include <pwd.h>

#include <optional>

namespace nfqmon {

namespace {

struct Token {
    enum class Type { Word, Quoted, Open, Close, And, Or, Not };
    Type type = Type::Word;
    qsizetype start = 0;
    qsizetype end = 0; // one past the last character
    QString value;     // Word: the word; Quoted: the text without quotes and escapes
    int depth = 0;     // parentheses around the token
};

bool isOperatorStart(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isSpace() || c == u'(' || c == u')' || c == u'"')
        return true;
    const QStringView rest = QStringView(text).mid(i);
    return rest.startsWith(u"&&") || rest.startsWith(u"||");
}

// Splits `text` into the filter language's words; false and a sentence for an unclosed quote.
bool tokenize(const QString &text, QList<Token> *tokens, QString *error)
{
    int depth = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.start = i;
        if (c == u'"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const QChar q = text.at(i++);
                if (q == u'"') {
                    closed = true;
                    break;
                }
                if (q == u'\\' && i < text.size())
                    token.value.append(text.at(i++));
                else
                    token.value.append(q);
            }
            if (!closed) {
                *error = DisplayFilterParser::tr("The quotation mark at %1 is not closed.")
                             .arg(token.start + 1);
                return false;
            }
            token.type = Token::Type::Quoted;
        } else if (c == u'(' || c == u')') {
            token.type = c == u'(' ? Token::Type::Open : Token::Type::Close;
            ++i;
        } else if (QStringView(text).mid(i).startsWith(u"&&")) {
            token.type = Token::Type::And;
            i += 2;
        } else if (QStringView(text).mid(i).startsWith(u"||")) {
            token.type = Token::Type::Or;
            i += 2;
        } else if (c == u'!' && (i + 1 >= text.size() || text.at(i + 1) != u'=')) {
            token.type = Token::Type::Not;
            ++i;
        } else {
            ++i;
            while (i < text.size() && !isOperatorStart(text, i))
                ++i;
            token.value = text.mid(token.start, i - token.start);
            if (token.value == u"and")
                token.type = Token::Type::And;
            else if (token.value == u"or")
                token.type = Token::Type::Or;
            else if (token.value == u"not")
                token.type = Token::Type::Not;
        }
        token.end = i;
        if (token.type == Token::Type::Close)
            depth = std::max(depth - 1, 0);
        token.depth = depth;
        if (token.type == Token::Type::Open)
            ++depth;
        tokens->append(token);
    }
    return true;
}

// A keyword where a primitive may start: first, or after "(", "and", "or", "not".
bool startsOwnerTerm(const QList<Token> &tokens, qsizetype i)
{
    if (tokens[i].type != Token::Type::Word || !DisplayFilterParser::isKeyword(tokens[i].value))
        return false;
    if (i == 0)
        return true;
    const Token::Type before = tokens[i - 1].type;
    return before == Token::Type::Open || before == Token::Type::And || before == Token::Type::Or ||
           before == Token::Type::Not;
}

OwnerTerm::Kind kindOf(const QString &keyword)
{
    if (keyword == u"exe")
        return OwnerTerm::Kind::Executable;
    if (keyword == u"user")
        return OwnerTerm::Kind::User;
    if (keyword == u"pid")
        return OwnerTerm::Kind::Pid;
    if (keyword == u"unit")
        return OwnerTerm::Kind::Unit;
    return OwnerTerm::Kind::Application;
}

QString missingValue(OwnerTerm::Kind kind)
{
    switch (kind) {
    case OwnerTerm::Kind::Application:
        return DisplayFilterParser::tr("“app” needs a program’s name as the Application column "
                                       "shows it: app curl, app \"Web Content\".");
    case OwnerTerm::Kind::Executable:
        return DisplayFilterParser::tr(
            "“exe” needs the full path of a program: exe /usr/bin/curl.");
    case OwnerTerm::Kind::User:
        return DisplayFilterParser::tr("“user” needs a user’s name or number: user alice, user "
                                       "1000.");
    case OwnerTerm::Kind::Pid:
        return DisplayFilterParser::tr("“pid” needs a process id: pid 1234.");
    case OwnerTerm::Kind::Unit:
        return DisplayFilterParser::tr("“unit” needs a systemd unit or a glob: unit cron.service, "
                                       "unit app-*.scope.");
    }
    return {};
}

const QString HostKeyword = QStringLiteral("hostname");
const QString MachineKeyword = QStringLiteral("machine");

// Reads "hostname VALUE": a name or "*." and a domain, as a rule by name takes it.
bool resolveHost(const QString &value, HostTerm *term, QString *error)
{
    if (value.isEmpty()) {
        *error = DisplayFilterParser::tr("“hostname” needs a host name or a domain: hostname "
                                         "a.example.org, hostname *.example.org.");
        return false;
    }
    QString problem;
    if (!Rule::isHostPattern(value, &problem)) {
        *error = DisplayFilterParser::tr("“hostname %1” cannot match a host name: %2.")
                     .arg(value, problem);
        return false;
    }
    QString name = Rule::normalHost(value);
    term->domain = name.startsWith(QLatin1String("*."));
    if (term->domain)
        name.remove(0, 2);
    term->name = name;
    return true;
}

std::optional<quint32> number(const QString &value)
{
    bool ok = false;
    const uint n = value.toUInt(&ok, 10);
    if (!ok || value.isEmpty() || !value.at(0).isDigit())
        return std::nullopt;
    return quint32(n);
}

// Fills in what the term's value names; false and a sentence when it cannot name anything.
bool resolve(OwnerTerm *term, QString *error)
{
    const QString &value = term->value;
    if (value.isEmpty()) {
        *error = missingValue(term->kind);
        return false;
    }
    switch (term->kind) {
    case OwnerTerm::Kind::Application:
        term->kernel = value == QStringLiteral("(kernel)") ||
                       value == PacketCellText::application(Origin::Kernel, nullptr);
        return true;
    case OwnerTerm::Kind::Executable:
        if (!value.startsWith(u'/')) {
            *error = DisplayFilterParser::tr("“exe %1”: name the program by its full path, "
                                             "starting with /.")
                         .arg(value);
            return false;
        }
        term->utf8 = value.toStdString();
        return true;
    case OwnerTerm::Kind::User:
        if (const std::optional<quint32> uid = number(value)) {
            term->number = *uid;
            return true;
        }
        if (const passwd *account = getpwnam(value.toLocal8Bit().constData())) {
            term->number = account->pw_uid;
            return true;
        }
        *error = DisplayFilterParser::tr("There is no user “%1” on this machine.").arg(value);
        return false;
    case OwnerTerm::Kind::Pid:
        if (const std::optional<quint32> pid = number(value)) {
            term->number = *pid;
            return true;
        }
        *error = DisplayFilterParser::tr("“pid %1”: a process id is a number.").arg(value);
        return false;
    case OwnerTerm::Kind::Unit: {
        QString problem;
        if (!Rule::isUnitGlob(value, &problem)) {
            *error =
                DisplayFilterParser::tr("“unit %1” cannot match a unit: %2.").arg(value, problem);
            return false;
        }
        term->utf8 = value.toStdString();
        return true;
    }
    }
    return true;
}

} // namespace

bool DisplayFilterParser::isKeyword(const QString &word)
{
    static const QStringList keywords = {QStringLiteral("app"),  QStringLiteral("exe"),
                                         QStringLiteral("user"), QStringLiteral("pid"),
                                         QStringLiteral("unit"), HostKeyword,
                                         MachineKeyword};
    return keywords.contains(word);
}

bool DisplayFilterParser::parse(const QString &text, Result *result, QString *error)
{
    QList<Token> tokens;
    QString tokenError;
    const bool tokenized = tokenize(text, &tokens, &tokenError);
    qsizetype firstTerm = -1;
    bool topLevelOr = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (firstTerm < 0 && startsOwnerTerm(tokens, i))
            firstTerm = i;
        topLevelOr = topLevelOr || (tokens[i].type == Token::Type::Or && tokens[i].depth == 0);
    }
    if (firstTerm < 0) {
        // No owner term: libpcap reads the text as it is, and says what is wrong with it.
        *result = {text, {}, {}, {}};
        return true;
    }
    if (!tokenized) {
        *error = tokenError;
        return false;
    }
    for (qsizetype i = firstTerm; i < tokens.size(); ++i) {
        if (startsOwnerTerm(tokens, i) && tokens[i].depth > 0) {
            *error = tr("“%1” cannot stand inside parentheses: join it to the rest with “and”, "
                        "outside them.")
                         .arg(tokens[i].value);
            return false;
        }
    }
    if (topLevelOr) {
        *error = tr("“%1” cannot be combined with “or”: it only narrows what the rest shows, "
                    "joined with “and”.")
                     .arg(tokens[firstTerm].value);
        return false;
    }

    Result parsed;
    QStringList pcapParts;
    qsizetype begin = 0;
    for (qsizetype end = 0; end <= tokens.size(); ++end) {
        if (end < tokens.size() &&
            !(tokens[end].type == Token::Type::And && tokens[end].depth == 0))
            continue;
        // tokens[begin, end) is one conjunct.
        if (begin == end) {
            *error = tr("“and” needs a term on each side.");
            return false;
        }
        qsizetype k = begin;
        bool negated = false;
        while (k < end && tokens[k].type == Token::Type::Not) {
            negated = !negated;
            ++k;
        }
        if (k < end && startsOwnerTerm(tokens, k) &&
            (tokens[k].value == HostKeyword || tokens[k].value == MachineKeyword)) {
            const bool hasValue = k + 1 < end && (tokens[k + 1].type == Token::Type::Word ||
                                                  tokens[k + 1].type == Token::Type::Quoted);
            const QString value = hasValue ? tokens[k + 1].value : QString();
            if (hasValue && k + 2 < end) {
                *error = tr("“%1 %2” is followed by “%3”: join terms with “and”.")
                             .arg(tokens[k].value, tokens[k + 1].value,
                                  text.mid(tokens[k + 2].start,
                                           tokens[end - 1].end - tokens[k + 2].start));
                return false;
            }
            if (tokens[k].value == MachineKeyword) {
                if (value.isEmpty()) {
                    *error = tr("“machine” needs the name of a machine as the Machine column "
                                "shows it: machine gw.");
                    return false;
                }
                parsed.machines.append({negated, value});
            } else {
                HostTerm term;
                term.negated = negated;
                if (!resolveHost(value, &term, error))
                    return false;
                parsed.hosts.append(term);
            }
        } else if (k < end && startsOwnerTerm(tokens, k)) {
            OwnerTerm term;
            term.kind = kindOf(tokens[k].value);
            term.negated = negated;
            if (k + 1 < end) {
                const Token &value = tokens[k + 1];
                if (value.type != Token::Type::Word && value.type != Token::Type::Quoted) {
                    *error = missingValue(term.kind);
                    return false;
                }
                term.value = value.value;
            }
            if (k + 2 < end) {
                *error = tr("“%1 %2” is followed by “%3”: join terms with “and”, and quote a "
                            "name with spaces (app \"Web Content\").")
                             .arg(tokens[k].value, tokens[k + 1].value,
                                  text.mid(tokens[k + 2].start,
                                           tokens[end - 1].end - tokens[k + 2].start));
                return false;
            }
            if (!resolve(&term, error))
                return false;
            parsed.terms.append(term);
        } else {
            pcapParts.append(
                text.mid(tokens[begin].start, tokens[end - 1].end - tokens[begin].start));
        }
        begin = end + 1;
    }
    parsed.pcapExpression = pcapParts.join(QStringLiteral(" and "));
    *result = std::move(parsed);
    return true;
}

} // namespace nfqmon
