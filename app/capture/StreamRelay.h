// Copies a packet stream's bytes from the helper's socket to standard output unchanged, for a
// window on another host (`ssh HOST nfqmon-capture --relay`): splice(2) when the output is a
// pipe (the bytes never enter this process), read/write with a large buffer otherwise. Blocks
// until the stream ends or the output closes. It waits in poll(2) for both: a splice that waits
// for an idle stream would neither see the output's reader leave nor let go of the pipe (the
// reader's own close would hang until the next packet).
#pragma once

#include <QString>

namespace nfqmon {

class StreamRelay
{
public:
    static constexpr std::size_t ChunkBytes = 1 << 20;

    enum class End {
        StreamEnded,  // the helper closed the stream (the capture stopped)
        OutputClosed, // the reader went away (EPIPE)
        Failed,       // *error says what
    };
    // Does not close either descriptor.
    static End copy(int from, int to, QString *error);
};

} // namespace nfqmon
