#include "helper/names/DnsAnswers.h"

#include <algorithm>
#include <cstring>

namespace nfqmon {

namespace {

constexpr std::size_t HeaderSize = 12;
constexpr std::uint16_t TypeA = 1;
constexpr std::uint16_t TypeCname = 5;
constexpr std::uint16_t TypeAaaa = 28;
constexpr std::uint16_t ClassIn = 1;
// A name is at most 255 bytes on the wire (RFC 1035 §3.1), so its text is shorter.
constexpr std::size_t MaxWireName = 255;

std::uint16_t be16(std::span<const std::uint8_t> m, std::size_t at)
{
    return std::uint16_t(m[at] << 8 | m[at + 1]);
}

std::uint32_t be32(std::span<const std::uint8_t> m, std::size_t at)
{
    return std::uint32_t(m[at]) << 24 | std::uint32_t(m[at + 1]) << 16 |
           std::uint32_t(m[at + 2]) << 8 | m[at + 3];
}

enum class NameResult { Malformed, NotAHostName, Ok };

// Reads the name at `at` into `out` (normalised through HostName::assign) and sets `next` to the
// byte after it where it is stored (after its first pointer). A pointer must point before every
// byte of the name read so far: that refuses loops and forward pointers alike, and bounds the
// work by the message's size.
NameResult readName(std::span<const std::uint8_t> m, std::size_t at, std::size_t &next,
                    HostName &out)
{
    char text[MaxWireName + 1];
    std::size_t length = 0;
    std::size_t wire = 0;
    std::size_t lowest = at; // everything from here on has been read
    bool jumped = false;
    bool hostName = true;
    for (;;) {
        if (at >= m.size())
            return NameResult::Malformed;
        const std::uint8_t label = m[at];
        if ((label & 0xc0) == 0xc0) {
            if (at + 1 >= m.size())
                return NameResult::Malformed;
            const std::size_t target = std::size_t(label & 0x3f) << 8 | m[at + 1];
            if (target >= lowest)
                return NameResult::Malformed;
            if (!jumped)
                next = at + 2;
            jumped = true;
            lowest = target;
            at = target;
            continue;
        }
        if (label & 0xc0)
            return NameResult::Malformed; // 0x40 and 0x80 label types are not in use
        wire += 1u + label;
        if (wire > MaxWireName)
            return NameResult::Malformed;
        if (label == 0) {
            if (!jumped)
                next = at + 1;
            break;
        }
        if (at + 1 + label > m.size())
            return NameResult::Malformed;
        if (length)
            text[length++] = '.';
        for (std::size_t i = 0; i < label; ++i) {
            const char c = char(m[at + 1 + i]);
            hostName = hostName && c != '.'; // a dot inside a label would change the name
            text[length++] = c;
        }
        at += 1u + label;
    }
    if (!hostName || !out.assign(std::string_view(text, length)))
        return NameResult::NotAHostName;
    return NameResult::Ok;
}

std::uint64_t hashOf(std::string_view name)
{
    std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a
    for (const char c : name)
        h = (h ^ std::uint8_t(c)) * 0x100000001b3ull;
    return h;
}

struct Record {
    std::size_t owner = 0; // offset of the owner name
    std::size_t data = 0;  // offset of RDATA
    std::uint16_t type = 0;
    std::uint16_t dataLength = 0;
    std::uint32_t ttl = 0;
    std::uint64_t ownerHash = 0; // of the normalised owner; 0 when it is not a host name
};

// RFC 2181 §8: a TTL with the top bit set is read as zero.
std::uint32_t ttlOf(std::uint32_t raw)
{
    return (raw & 0x80000000u) ? 0 : raw;
}

// The names the question reaches by CNAME records, the question first, each with the lowest
// TTL along the way to it.
struct Chain {
    std::array<HostName, DnsAnswers::MaxChain + 1> names;
    std::array<std::uint32_t, DnsAnswers::MaxChain + 1> ttls{};
    std::size_t count = 0;

    const std::uint32_t *find(std::string_view name) const
    {
        for (std::size_t i = 0; i < count; ++i)
            if (names[i].view() == name)
                return &ttls[i];
        return nullptr;
    }
};

void followChain(std::span<const std::uint8_t> m, std::span<const Record> records, Chain &chain)
{
    while (chain.count < chain.names.size()) {
        const HostName &last = chain.names[chain.count - 1];
        const std::uint64_t lastHash = hashOf(last.view());
        bool extended = false;
        for (const Record &r : records) {
            if (r.type != TypeCname || r.ownerHash != lastHash)
                continue;
            HostName owner;
            std::size_t next = 0;
            if (readName(m, r.owner, next, owner) != NameResult::Ok || owner.view() != last.view())
                continue;
            HostName &target = chain.names[chain.count];
            const std::size_t end = r.data + r.dataLength;
            if (readName(m.first(end), r.data, next, target) != NameResult::Ok || next != end ||
                chain.find(target.view()))
                return; // a bad target or a loop ends the chain
            chain.ttls[chain.count] = std::min(chain.ttls[chain.count - 1], r.ttl);
            ++chain.count;
            extended = true;
            break;
        }
        if (!extended)
            return;
    }
}

} // namespace

std::size_t DnsAnswers::parse(std::span<const std::uint8_t> message, std::span<DnsAddress> out)
{
    const auto m = message;
    if (m.size() < HeaderSize || out.empty())
        return 0;
    const std::uint16_t flags = be16(m, 2);
    const bool response = flags & 0x8000;
    const unsigned opcode = (flags >> 11) & 0xf;
    const unsigned rcode = flags & 0xf;
    if (!response || opcode != 0 || rcode != 0 || be16(m, 4) != 1)
        return 0;
    const std::size_t answerCount = std::min<std::size_t>(be16(m, 6), MaxRecords);

    Chain chain;
    std::size_t at = HeaderSize;
    std::size_t next = 0;
    const NameResult question = readName(m, at, next, chain.names[0]);
    if (question == NameResult::Malformed)
        return 0;
    chain.count = question == NameResult::Ok ? 1 : 0;
    chain.ttls[0] = 0xffffffffu;
    at = next + 4; // QTYPE, QCLASS
    if (at > m.size())
        return 0;

    // The whole answer section is checked before anything is handed out: a message cut short
    // or lying about its lengths gives nothing.
    std::array<Record, MaxRecords> records;
    HostName scratch;
    for (std::size_t i = 0; i < answerCount; ++i) {
        Record &r = records[i];
        r.owner = at;
        const NameResult owner = readName(m, at, at, scratch);
        if (owner == NameResult::Malformed || at + 10 > m.size())
            return 0;
        r.ownerHash = owner == NameResult::Ok ? hashOf(scratch.view()) : 0;
        r.type = be16(m, at);
        const std::uint16_t recordClass = be16(m, at + 2);
        r.ttl = ttlOf(be32(m, at + 4));
        r.dataLength = be16(m, at + 8);
        r.data = at + 10;
        at = r.data + r.dataLength;
        if (at > m.size())
            return 0;
        if (recordClass != ClassIn)
            r.type = 0; // not read
    }
    const std::span<const Record> answers(records.data(), answerCount);
    if (chain.count)
        followChain(m, answers, chain);

    std::size_t written = 0;
    for (const Record &r : answers) {
        if (written == out.size())
            break;
        const bool v4 = r.type == TypeA && r.dataLength == 4;
        const bool v6 = r.type == TypeAaaa && r.dataLength == 16;
        if (!v4 && !v6)
            continue;
        DnsAddress &a = out[written];
        if (readName(m, r.owner, next, a.owner) != NameResult::Ok)
            continue;
        a.address = {};
        std::memcpy(a.address.data(), m.data() + r.data, r.dataLength);
        a.family = v4 ? NetworkProtocol::IPv4 : NetworkProtocol::IPv6;
        if (const std::uint32_t *chainTtl = chain.find(a.owner.view())) {
            a.name = chain.names[0];
            a.ttl = std::min(r.ttl, *chainTtl);
        } else {
            a.name = a.owner;
            a.ttl = r.ttl;
        }
        ++written;
    }
    return written;
}

std::size_t DnsAnswers::parseTcp(std::span<const std::uint8_t> payload, std::span<DnsAddress> out)
{
    std::size_t written = 0;
    std::size_t at = 0;
    while (at + 2 <= payload.size() && written < out.size()) {
        const std::size_t length = be16(payload, at);
        if (at + 2 + length > payload.size())
            break; // the rest comes in a later segment
        written += parse(payload.subspan(at + 2, length), out.subspan(written));
        at += 2 + length;
    }
    return written;
}

} // namespace nfqmon
