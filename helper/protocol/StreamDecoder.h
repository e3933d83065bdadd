// Reads the client stream (StreamFormat.h) from bytes that arrive in pieces of any size, as
// reads from a socket return them, and hands out whole batches once every length in them has
// been checked. Bad data (wrong magic or version, lengths that contradict each other or exceed
// the limits) stops decoding with a sentence; the stream cannot be resynchronised after that.
// Nothing is allocated or read beyond what a checked header allows.
#pragma once

#include "helper/protocol/StreamBatch.h"
#include "helper/protocol/StreamFormat.h"

#include <QString>

#include <cstdint>
#include <deque>

namespace nfqmon {

class StreamDecoder
{
public:
    // Takes the next `size` bytes of the stream. False once the stream is bad (see
    // errorString()); complete batches found before the bad part can still be taken.
    bool feed(const char *data, std::size_t size);
    bool feed(QByteArrayView bytes) { return feed(bytes.data(), std::size_t(bytes.size())); }

    // Moves the oldest complete batch into *batch; false when there is none.
    bool next(StreamBatch *batch);
    bool hasBatch() const { return !m_ready.empty(); }

    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // True between batches: a stream that ends here ended cleanly.
    bool atBoundary() const { return m_state == State::Header && m_have == 0; }
    std::uint64_t bytesDecoded() const { return m_offset; } // of the stream, complete batches

private:
    enum class State { Header, Payload };

    std::size_t takeHeader(const char *data, std::size_t size);
    std::size_t takePayload(const char *data, std::size_t size);
    bool checkHeaderStart();
    bool checkHeader();
    bool checkEntries(StreamBatch *batch);
    bool fail(const QString &message);

    State m_state = State::Header;
    alignas(8) char m_header[stream::MaxHeaderSize];
    std::uint32_t m_headerSize = 0; // once known; 0 before
    std::uint32_t m_have = 0;       // bytes of the current header or payload received
    stream::BatchHeader m_current;
    QByteArray m_payload;
    std::uint64_t m_offset = 0; // stream offset of the current batch
    std::uint64_t m_lastSequence = 0;
    std::uint64_t m_lastLostTotal = 0;
    std::deque<StreamBatch> m_ready;
    QString m_error;
};

} // namespace nfqmon
