// The drop rules, kept in a root-owned state file that survives a restart of the helper. Written
// atomically (temporary file, fsync, rename, fsync of the directory): a crash leaves either the old
// rules or the new ones, never half of them.
#pragma once

#include "helper/protocol/Rule.h"

#include <QString>

#include <vector>

namespace nfqmon {

class RuleStore
{
public:
    static constexpr int MaxRules = 1000;

    explicit RuleStore(QString stateDir);

    // Creates the state directory (0700) if needed. A missing file means no rules; a file that
    // cannot be read is moved aside (named in *warning) so that nothing the user had is lost.
    bool load(QString *error, QString *warning);
    // Writes `rules` (ids kept) and makes them current. Unchanged and a sentence on failure.
    bool save(const std::vector<Rule> &rules, QString *error);

    const std::vector<Rule> &rules() const { return m_rules; }
    // The id a new rule gets; ids are never reused, also after a restart.
    int nextId() const { return m_nextId; }
    QString filePath() const;

private:
    QString m_stateDir;
    std::vector<Rule> m_rules;
    int m_nextId = 1;
};

} // namespace nfqmon
