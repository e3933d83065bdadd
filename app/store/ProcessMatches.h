// Whether each described process satisfies a display filter's owner terms, as one immutable
// version that worker threads read while the GUI thread goes on describing processes
// (ProcessMatchTable makes the versions). Looking a process up allocates nothing: a binary
// search over a few chunks of 4,096 states, by process id (the helper numbers processes in
// order, so the ids alive at once fill few chunks). Copies share everything.
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace nfqmon {

class ProcessMatches
{
public:
    enum class State : quint8 {
        Unknown, // not described (or let go): the record alone decides
        No,
        Yes,
    };
    static constexpr int ChunkShift = 12;
    static constexpr quint32 ChunkSize = 1u << ChunkShift;

    struct Chunk {
        std::array<State, ChunkSize> states{};
        quint32 known = 0; // states that are not Unknown
    };
    using Chunks = std::vector<std::pair<quint32, std::shared_ptr<const Chunk>>>; // by index

    ProcessMatches() = default; // nothing known
    explicit ProcessMatches(std::shared_ptr<const Chunks> chunks) : m_chunks(std::move(chunks)) {}

    State state(quint32 id) const
    {
        if (!m_chunks)
            return State::Unknown;
        const quint32 index = id >> ChunkShift;
        const auto it = std::lower_bound(
            m_chunks->begin(), m_chunks->end(), index,
            [](const Chunks::value_type &chunk, quint32 i) { return chunk.first < i; });
        if (it == m_chunks->end() || it->first != index)
            return State::Unknown;
        return it->second->states[id & (ChunkSize - 1)];
    }

private:
    std::shared_ptr<const Chunks> m_chunks;
};

} // namespace nfqmon
