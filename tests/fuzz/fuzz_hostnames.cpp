// libFuzzer target: the helper's host-name parsers (helper/names/), which read whatever a packet
// carries: a DNS response as UDP and as TCP carry it, a TLS record and a bare ClientHello, an
// HTTP request, a QUIC datagram. Each must stay inside the input and hand out only normalised
// names. The input is also sealed as the payload of a QUIC client Initial, so that the frames
// behind the packet protection are fuzzed too (the fuzzer cannot forge the AEAD tag itself).
#include "helper/names/DnsAnswers.h"
#include "helper/names/HttpHost.h"
#include "helper/names/QuicInitial.h"
#include "helper/names/TlsClientHello.h"
#include "tests/support/core/QuicInitialBuilder.h"

#include "tests/fuzz/FuzzInput.h"

#include <array>
#include <cstdint>
#include <span>

using namespace nfqmon;
namespace QIB = nfqmon::test::QuicInitialBuilder;

namespace {

// A name as HostName::assign leaves it: normalising it again changes nothing.
void checkName(const HostName &name)
{
    NFQMON_FUZZ_CHECK(name.length <= MaxHostNameLength);
    NFQMON_FUZZ_CHECK(name.text[name.length] == '\0');
    if (name.empty())
        return;
    HostName again;
    NFQMON_FUZZ_CHECK(again.assign(name.view()));
    NFQMON_FUZZ_CHECK(again.view() == name.view());
}

void checkFound(bool found, const HostName &name)
{
    NFQMON_FUZZ_CHECK(found == !name.empty());
    checkName(name);
}

void checkAnswers(std::span<const DnsAddress> answers)
{
    for (const DnsAddress &a : answers) {
        NFQMON_FUZZ_CHECK(!a.name.empty() && !a.owner.empty());
        checkName(a.name);
        checkName(a.owner);
        NFQMON_FUZZ_CHECK(a.family == NetworkProtocol::IPv4 || a.family == NetworkProtocol::IPv6);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::span<const std::uint8_t> input(data, size);
    std::array<DnsAddress, 16> answers;
    std::size_t count = DnsAnswers::parse(input, answers);
    NFQMON_FUZZ_CHECK(count <= answers.size());
    checkAnswers(std::span(answers).first(count));
    count = DnsAnswers::parseTcp(input, answers);
    NFQMON_FUZZ_CHECK(count <= answers.size());
    checkAnswers(std::span(answers).first(count));

    HostName name;
    checkFound(TlsClientHello::serverName(input, name), name);
    checkFound(TlsClientHello::serverNameOfHandshake(input, name), name);
    checkFound(HttpHost::of(input, name), name);

    static QuicInitial quic; // as a queue thread keeps one
    checkFound(quic.serverName(input, name), name);
    QIB::Packet packet;
    packet.frames.assign(input.begin(), input.end());
    const QIB::Bytes sealed = QIB::protect(packet); // empty when the input does not fit
    if (!sealed.empty()) {
        NFQMON_FUZZ_CHECK(QuicInitial::looksLikeClientInitial(sealed));
        checkFound(quic.serverName(sealed, name), name);
    }
    return 0;
}
