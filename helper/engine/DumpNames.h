// Which host names a pcapng dump has written: for each packet with a host (PacketRecord::hostId),
// its remote address (the destination of a packet going out, the source of one coming in, as
// HostNames::hostOf() decides) and name go to the file the first time that pair appears, so the
// name is in the file before the first packet that uses it. Bounded: past MaximumPairs it
// starts again, and a pair may then be written twice (readers take repeats as they are).
// Used by the dump's own thread only.
#pragma once

#include "helper/protocol/PacketFileWriter.h"
#include "helper/protocol/PacketRecord.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>

namespace nfqmon {

class DumpNames
{
public:
    // The name of a host id (HostNames::name()); false when it is no longer known.
    using Lookup = std::function<bool(std::uint64_t id, std::string *name)>;
    static constexpr std::size_t MaximumPairs = 1 << 16;

    explicit DumpNames(Lookup lookup) : m_lookup(std::move(lookup)) {}

    // Gives `writer` the record's (address, name) when it has not had it yet.
    void note(const PacketRecord &record, PacketFileWriter &writer);

private:
    struct Seen {
        std::array<std::uint8_t, 16> address{};
        std::uint64_t id = 0;
        bool operator==(const Seen &) const = default;
    };
    struct SeenHash {
        std::size_t operator()(const Seen &seen) const;
    };

    Lookup m_lookup;
    std::unordered_set<Seen, SeenHash> m_seenIds; // (address, host id): no lookup needed
    std::unordered_set<std::string> m_written;    // address bytes + name
    std::string m_name;
};

} // namespace nfqmon
