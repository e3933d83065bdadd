// libFuzzer target: the application's end of the packet stream (StreamDecoder, as StreamReader
// feeds it from the socket). The helper is trusted less than it seems: a stream could come from a
// different build, or be cut anywhere. The first byte picks how the rest is split into reads; the
// batches must be the same as when the whole input arrives at once, and every record must lie
// inside its batch.
#include "app/display/SummaryText.h"
#include "helper/protocol/StreamDecoder.h"

#include "tests/fuzz/FuzzInput.h"

#include <cstdint>
#include <vector>

using namespace nfqmon;

namespace {

struct Outcome {
    std::vector<StreamBatch> batches;
    bool failed = false;
};

void drain(StreamDecoder &decoder, Outcome &out)
{
    StreamBatch batch;
    while (decoder.next(&batch))
        out.batches.push_back(batch);
}

Outcome decode(const char *data, std::size_t size, std::size_t chunk)
{
    StreamDecoder decoder;
    Outcome out;
    for (std::size_t at = 0; at < size; at += chunk) {
        const std::size_t n = chunk < size - at ? chunk : size - at;
        const bool ok = decoder.feed(data + at, n);
        drain(decoder, out);
        if (!ok)
            break;
    }
    out.failed = decoder.failed();
    return out;
}

void check(const StreamBatch &batch)
{
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PacketRecord record = batch.record(i);
        const QByteArrayView bytes = batch.bytes(i);
        NFQMON_FUZZ_CHECK(bytes.size() == qsizetype(record.capturedLength) &&
                          bytes.data() >= batch.payload.constData() &&
                          bytes.data() + bytes.size() <=
                              batch.payload.constData() + batch.payload.size());
        // What the packet list shows of a record comes from its summary, as sent.
        SummaryText::info(record.summary);
        SummaryText::source(record.summary);
        SummaryText::destination(record.summary);
        SummaryText::protocolName(record.summary);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t chunk = std::size_t(data[0]) + 1;
    const char *stream = reinterpret_cast<const char *>(data + 1);
    const Outcome whole = decode(stream, size - 1, size);
    const Outcome pieces = decode(stream, size - 1, chunk);
    NFQMON_FUZZ_CHECK(whole.failed == pieces.failed &&
                      whole.batches.size() == pieces.batches.size());
    for (std::size_t i = 0; i < whole.batches.size(); ++i) {
        const StreamBatch &a = whole.batches[i];
        const StreamBatch &b = pieces.batches[i];
        NFQMON_FUZZ_CHECK(a.sequence == b.sequence && a.lostTotal == b.lostTotal &&
                          a.payload == b.payload && a.offsets == b.offsets);
        check(a);
    }
    return 0;
}
