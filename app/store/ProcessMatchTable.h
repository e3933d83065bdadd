// The GUI thread's side of ProcessMatches: judges every process the store describes against the
// display filter's owner terms, once, and hands out immutable versions for the workers. A new
// version costs a copy of the chunks that changed since the last one (4 KiB each; a batch of
// new processes touches one or two, as their ids are consecutive) and a pointer per chunk, so a
// flood of one-shot processes costs bounded work per batch. Processes the store lets go are
// forgotten here too: the table never holds more than the store's ProcessTable.
#pragma once

#include "app/store/OwnerTerms.h"
#include "app/store/ProcessMatches.h"
#include "app/store/ProcessTable.h"

#include <memory>
#include <vector>

namespace nfqmon {

class ProcessMatchTable
{
public:
    // Judges every process of `processes` against `owners` (nullptr: nothing to judge).
    void reset(std::shared_ptr<const OwnerTerms> owners, const ProcessTable &processes);
    const std::shared_ptr<const OwnerTerms> &owners() const { return m_owners; }

    // A process described (again: a new helper reuses ids) or let go by the store.
    void describe(const ProcessInfo &process, const ApplicationName &application);
    void forget(quint32 id);

    // The current version; the same one until something changes.
    ProcessMatches matches();
    // Chunks of 4,096 processes held: as few as the ids of the store's processes fill.
    qsizetype chunkCount() const { return qsizetype(m_entries.size()); }

private:
    struct Entry {
        quint32 index = 0;
        std::shared_ptr<ProcessMatches::Chunk> chunk;
        bool shared = false; // in a version handed out: copied before it changes
    };

    void set(quint32 id, ProcessMatches::State state);

    std::shared_ptr<const OwnerTerms> m_owners;
    std::vector<Entry> m_entries; // by index
    ProcessMatches m_version;
    bool m_changed = true;
};

} // namespace nfqmon
