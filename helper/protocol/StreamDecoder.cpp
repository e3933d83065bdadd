#include "helper/protocol/StreamDecoder.h"

#include "helper/protocol/ProcessCodec.h"

#include <algorithm>
#include <cstring>

namespace nfqmon {

using namespace stream;

namespace {

// What the helper's names are (helper/names/HostName.h): 1 to 253 bytes of lower-case letters,
// digits, '-', '_' and '.'.
bool isHostName(std::string_view name)
{
    return !name.empty() && name.size() <= 253 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

// The fixed start of every header version: magic, version, header size.
constexpr std::uint32_t HeaderStart = 8;

bool terminated(const char (&name)[InterfaceNameSize])
{
    return std::find(std::begin(name), std::end(name), '\0') != std::end(name);
}

QString hex(std::uint32_t value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

} // namespace

bool StreamDecoder::feed(const char *data, std::size_t size)
{
    while (size > 0 && !failed()) {
        const std::size_t used =
            m_state == State::Header ? takeHeader(data, size) : takePayload(data, size);
        data += used;
        size -= used;
    }
    return !failed();
}

bool StreamDecoder::next(StreamBatch *batch)
{
    if (m_ready.empty())
        return false;
    *batch = std::move(m_ready.front());
    m_ready.pop_front();
    return true;
}

std::size_t StreamDecoder::takeHeader(const char *data, std::size_t size)
{
    const std::uint32_t want = m_headerSize ? m_headerSize : HeaderStart;
    const auto n = std::uint32_t(std::min<std::size_t>(size, want - m_have));
    std::memcpy(m_header + m_have, data, n);
    m_have += n;
    if (m_headerSize == 0) {
        // Checked as soon as each field is there, so that a stream of something else is named
        // at once rather than when a whole header has arrived.
        if (checkHeaderStart() && m_have == HeaderStart) {
            std::uint16_t headerSize;
            std::memcpy(&headerSize, m_header + offsetof(BatchHeader, headerSize), 2);
            m_headerSize = headerSize;
        }
        return n;
    }
    if (m_have < m_headerSize || !checkHeader())
        return n;
    m_state = State::Payload;
    m_have = 0;
    m_payload = QByteArray(qsizetype(m_current.payloadBytes), Qt::Uninitialized);
    if (m_current.payloadBytes == 0)
        takePayload(nullptr, 0);
    return n;
}

std::size_t StreamDecoder::takePayload(const char *data, std::size_t size)
{
    const auto n = std::uint32_t(std::min<std::size_t>(size, m_current.payloadBytes - m_have));
    if (n > 0)
        std::memcpy(m_payload.data() + m_have, data, n);
    m_have += n;
    if (m_have < m_current.payloadBytes)
        return n;
    StreamBatch batch;
    batch.sequence = m_current.sequence;
    batch.lostSincePrevious = m_current.lostSincePrevious;
    batch.lostTotal = m_current.lostTotal;
    if (!checkEntries(&batch))
        return n;
    batch.payload = std::exchange(m_payload, QByteArray());
    m_ready.push_back(std::move(batch));
    m_lastSequence = m_current.sequence;
    m_lastLostTotal = m_current.lostTotal;
    m_offset += m_headerSize + m_current.payloadBytes;
    m_state = State::Header;
    m_headerSize = 0;
    m_have = 0;
    return n;
}

bool StreamDecoder::checkHeaderStart()
{
    if (m_have >= 4) {
        std::uint32_t magic;
        std::memcpy(&magic, m_header, 4);
        if (magic == SwappedMagic)
            return fail(QStringLiteral("the stream was written in the other byte order "
                                       "(magic %1 at byte %2)")
                            .arg(hex(magic))
                            .arg(m_offset));
        if (magic != Magic)
            return fail(QStringLiteral("not an nfqmon packet stream (magic %1 at byte %2, "
                                       "expected %3)")
                            .arg(hex(magic))
                            .arg(m_offset)
                            .arg(hex(Magic)));
    }
    if (m_have >= 6) {
        std::uint16_t version;
        std::memcpy(&version, m_header + offsetof(BatchHeader, version), 2);
        if (version != Version)
            return fail(QStringLiteral("packet stream format version %1 is not supported; this "
                                       "program reads version %2")
                            .arg(version)
                            .arg(Version));
    }
    if (m_have >= 8) {
        std::uint16_t headerSize;
        std::memcpy(&headerSize, m_header + offsetof(BatchHeader, headerSize), 2);
        if (headerSize < sizeof(BatchHeader) || headerSize > MaxHeaderSize ||
            headerSize % EntryAlignment != 0)
            return fail(QStringLiteral("batch header size %1 at byte %2 is invalid (it must be "
                                       "a multiple of 8 from %3 to %4)")
                            .arg(headerSize)
                            .arg(m_offset)
                            .arg(sizeof(BatchHeader))
                            .arg(MaxHeaderSize));
    }
    return true;
}

bool StreamDecoder::checkHeader()
{
    std::memcpy(&m_current, m_header, sizeof m_current);
    const BatchHeader &h = m_current;
    const QString batch = QStringLiteral("batch %1 at byte %2").arg(h.sequence).arg(m_offset);
    if (h.recordSize != sizeof(PacketRecord))
        return fail(QStringLiteral("%1: record size %2, expected %3")
                        .arg(batch)
                        .arg(h.recordSize)
                        .arg(sizeof(PacketRecord)));
    if (h.sequence != m_lastSequence + 1)
        return fail(QStringLiteral("%1 follows batch %2; batches must be numbered without gaps")
                        .arg(batch)
                        .arg(m_lastSequence));
    if (h.recordCount > MaxBatchRecords)
        return fail(QStringLiteral("%1 declares %2 records, more than the limit of %3")
                        .arg(batch)
                        .arg(h.recordCount)
                        .arg(MaxBatchRecords));
    if (h.payloadBytes > MaxBatchBytes - m_headerSize)
        return fail(QStringLiteral("%1 declares %2 bytes of records, more than the limit of %3")
                        .arg(batch)
                        .arg(h.payloadBytes)
                        .arg(MaxBatchBytes - m_headerSize));
    if (std::uint64_t(h.recordCount) * entrySize(0) > h.payloadBytes ||
        h.payloadBytes % EntryAlignment != 0)
        return fail(QStringLiteral("%1 declares %2 records in %3 bytes, which cannot hold them")
                        .arg(batch)
                        .arg(h.recordCount)
                        .arg(h.payloadBytes));
    if (h.lostTotal < m_lastLostTotal || h.lostTotal - m_lastLostTotal != h.lostSincePrevious)
        return fail(QStringLiteral("%1 reports %2 records lost since the previous batch, but the "
                                   "total went from %3 to %4")
                        .arg(batch)
                        .arg(h.lostSincePrevious)
                        .arg(m_lastLostTotal)
                        .arg(h.lostTotal));
    return true;
}

bool StreamDecoder::checkEntries(StreamBatch *batch)
{
    const char *data = m_payload.constData();
    const std::uint32_t size = m_current.payloadBytes;
    std::uint32_t at = 0;
    batch->offsets.reserve(m_current.recordCount);
    for (std::uint32_t i = 0; i < m_current.recordCount; ++i) {
        // Formatted only for a message: a batch may hold thousands of records.
        const auto where = [&] {
            return QStringLiteral("batch %1 at byte %2, record %3")
                .arg(m_current.sequence)
                .arg(m_offset)
                .arg(i);
        };
        if (size - at < sizeof(PacketRecord))
            return fail(QStringLiteral("%1: cut off by the end of the batch").arg(where()));
        PacketRecord r;
        std::memcpy(&r, data + at, sizeof r);
        if (r.capturedLength > MaxCapturedLength)
            return fail(QStringLiteral("%1: captured length %2 exceeds the limit of %3")
                            .arg(where())
                            .arg(r.capturedLength)
                            .arg(MaxCapturedLength));
        if (r.capturedLength > r.packetLength)
            return fail(QStringLiteral("%1: captured length %2 exceeds the packet length %3")
                            .arg(where())
                            .arg(r.capturedLength)
                            .arg(r.packetLength));
        if (!terminated(r.inInterface) || !terminated(r.outInterface))
            return fail(QStringLiteral("%1: an interface name is not terminated").arg(where()));
        const std::uint32_t entry = entrySize(r.capturedLength);
        if (size - at < entry)
            return fail(QStringLiteral("%1: its %2 bytes run past the end of the batch")
                            .arg(where())
                            .arg(r.capturedLength));
        const char *padding = data + at + sizeof r + r.capturedLength;
        if (std::any_of(padding, data + at + entry, [](char c) { return c != 0; }))
            return fail(QStringLiteral("%1: the padding after its bytes is not zero").arg(where()));
        if (r.kind == EntryKind::Process) {
            const auto process = ProcessCodec::decode(
                {reinterpret_cast<const std::uint8_t *>(data + at + sizeof r), r.capturedLength});
            if (!process || process->id != r.processId)
                return fail(
                    QStringLiteral("%1: the process description is malformed").arg(where()));
            batch->processes.append(*process);
            at += entry;
            continue;
        }
        if (r.kind == EntryKind::Host) {
            const std::string_view name(data + at + sizeof r, r.capturedLength);
            if (r.hostId == 0 || !isHostName(name))
                return fail(QStringLiteral("%1: the host entry is malformed").arg(where()));
            batch->hosts.append({r.hostId, r.hostSource, QString::fromLatin1(name)});
            at += entry;
            continue;
        }
        if (r.kind != EntryKind::Packet)
            return fail(QStringLiteral("%1: unknown entry kind %2").arg(where()).arg(int(r.kind)));
        batch->offsets.append(at);
        at += entry;
    }
    if (at != size)
        return fail(QStringLiteral("batch %1 at byte %2: %3 bytes follow its last record")
                        .arg(m_current.sequence)
                        .arg(m_offset)
                        .arg(size - at));
    return true;
}

bool StreamDecoder::fail(const QString &message)
{
    m_error = message;
    m_payload.clear();
    return false;
}

} // namespace nfqmon
