#include "app/store/OwnerTerms.h"

#include "helper/protocol/CgroupPlace.h"

#include <fnmatch.h>

namespace nfqmon {

namespace {

bool termMatches(const OwnerTerm &term, const ProcessInfo &process,
                 const ApplicationName &application)
{
    switch (term.kind) {
    case OwnerTerm::Kind::Application:
        return application.text == term.value;
    case OwnerTerm::Kind::Executable:
        return !process.executable.empty() && process.executable == term.utf8;
    case OwnerTerm::Kind::User:
        return process.uid == term.number;
    case OwnerTerm::Kind::Pid:
        return process.pid == term.number;
    case OwnerTerm::Kind::Unit: {
        // As a rule by unit matches: the innermost .service or .scope of the cgroup path.
        const std::string unit(CgroupPlace::unitOf(process.cgroup));
        return !unit.empty() && fnmatch(term.utf8.c_str(), unit.c_str(), 0) == 0;
    }
    }
    return false;
}

} // namespace

bool OwnerTerms::matches(const ProcessInfo &process, const ApplicationName &application) const
{
    for (const OwnerTerm &term : m_terms) {
        if (termMatches(term, process, application) == term.negated)
            return false;
    }
    return true;
}

QString OwnerTerms::quoted(const QString &value)
{
    static const QStringList words = {QStringLiteral("and"), QStringLiteral("or"),
                                      QStringLiteral("not")};
    bool plain = !value.isEmpty() && !words.contains(value);
    for (const QChar c : value) {
        if (c.isSpace() || c == u'"' || c == u'\\' || c == u'(' || c == u')' || c == u'!' ||
            c == u'&' || c == u'|')
            plain = false;
    }
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace nfqmon
