#include "app/store/ProcessMatchTable.h"

#include <algorithm>

namespace nfqmon {

void ProcessMatchTable::reset(std::shared_ptr<const OwnerTerms> owners,
                              const ProcessTable &processes)
{
    m_owners = std::move(owners);
    m_entries.clear();
    m_changed = true;
    if (!m_owners)
        return;
    processes.forEach([this](const ProcessInfo &process, const ApplicationName &application) {
        describe(process, application);
    });
}

void ProcessMatchTable::describe(const ProcessInfo &process, const ApplicationName &application)
{
    if (!m_owners)
        return;
    set(process.id, m_owners->matches(process, application) ? ProcessMatches::State::Yes
                                                            : ProcessMatches::State::No);
}

void ProcessMatchTable::forget(quint32 id)
{
    if (m_owners)
        set(id, ProcessMatches::State::Unknown);
}

void ProcessMatchTable::set(quint32 id, ProcessMatches::State state)
{
    const quint32 index = id >> ProcessMatches::ChunkShift;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), index,
                               [](const Entry &e, quint32 i) { return e.index < i; });
    if (it == m_entries.end() || it->index != index) {
        if (state == ProcessMatches::State::Unknown)
            return;
        it = m_entries.insert(it, Entry{index, std::make_shared<ProcessMatches::Chunk>(), false});
    }
    const quint32 slot = id & (ProcessMatches::ChunkSize - 1);
    const ProcessMatches::State before = it->chunk->states[slot];
    if (before == state)
        return;
    if (it->shared) {
        // Workers may be reading the version that holds it: change a copy.
        it->chunk = std::make_shared<ProcessMatches::Chunk>(*it->chunk);
        it->shared = false;
    }
    ProcessMatches::Chunk &chunk = *it->chunk;
    if (before == ProcessMatches::State::Unknown)
        ++chunk.known;
    else if (state == ProcessMatches::State::Unknown)
        --chunk.known;
    chunk.states[slot] = state;
    m_changed = true;
    if (chunk.known == 0)
        m_entries.erase(it);
}

ProcessMatches ProcessMatchTable::matches()
{
    if (!m_changed)
        return m_version;
    auto chunks = std::make_shared<ProcessMatches::Chunks>();
    chunks->reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        chunks->emplace_back(entry.index, entry.chunk);
    for (Entry &entry : m_entries)
        entry.shared = true;
    m_version = ProcessMatches(std::move(chunks));
    m_changed = false;
    return m_version;
}

} // namespace nfqmon
