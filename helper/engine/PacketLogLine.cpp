#include "helper/engine/PacketLogLine.h"

#include "helper/protocol/CgroupPlace.h"
#include "helper/protocol/ProtocolName.h"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace nfqmon {

namespace {

void appendNumber(std::string &out, std::uint64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

void appendNumber(std::string &out, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

void key(std::string &out, const char *name)
{
    out += out.back() == '{' ? "\"" : ",\"";
    out += name;
    out += "\":";
}

void stringOrNull(std::string &out, std::string_view text)
{
    if (text.empty())
        out += "null";
    else
        PacketLogLine::appendString(out, text);
}

void interfaceName(std::string &out, const char (&name)[InterfaceNameSize])
{
    stringOrNull(out, std::string_view(name, strnlen(name, InterfaceNameSize)));
}

void address(std::string &out, NetworkProtocol network, const std::uint8_t *bytes)
{
    char text[INET6_ADDRSTRLEN] = {};
    const int family = network == NetworkProtocol::IPv6 ? AF_INET6 : AF_INET;
    if (inet_ntop(family, bytes, text, sizeof text) == nullptr)
        out += "null";
    else
        PacketLogLine::appendString(out, text);
}

// Length of the UTF-8 sequence at text[at], or 0 when it is not one (overlong, surrogate, cut).
std::size_t utf8Length(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned lead = byte(at);
    std::size_t length = 0;
    unsigned low = 0x80, high = 0xBF; // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF)
            return 0;
    return length;
}

} // namespace

void PacketLogLine::appendString(std::string &out, std::string_view text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            if (const std::size_t length = utf8Length(text, i)) {
                out.append(text.substr(i, length));
                i += length;
            } else {
                out += "\xEF\xBF\xBD"; // U+FFFD
                ++i;
            }
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += Hex[c >> 4];
            out += Hex[c & 0xF];
        } else {
            out += char(c);
        }
        ++i;
    }
    out += '"';
}

void PacketLogLine::append(std::string &out, const PacketRecord &record, const ProcessInfo *process,
                           std::string_view host)
{
    const PacketSummary &s = record.summary;
    const bool hasNetwork =
        s.network != NetworkProtocol::Unknown && s.missing != Missing::NetworkHeader;
    out += '{';
    key(out, "time");
    appendNumber(out, std::int64_t(record.timestampNs));
    key(out, "seq");
    appendNumber(out, std::uint64_t(record.sequence));
    key(out, "in");
    interfaceName(out, record.inInterface);
    key(out, "out");
    interfaceName(out, record.outInterface);
    key(out, "direction");
    out += record.hook == Hook::Output ? "\"out\"" : "\"in\"";
    key(out, "family");
    out += !hasNetwork ? "null" : s.network == NetworkProtocol::IPv6 ? "\"ipv6\"" : "\"ipv4\"";
    key(out, "src");
    if (hasNetwork)
        address(out, s.network, s.source.data());
    else
        out += "null";
    key(out, "dst");
    if (hasNetwork)
        address(out, s.network, s.destination.data());
    else
        out += "null";
    key(out, "protocol");
    appendString(out, ProtocolName::of(s));
    const bool ports = (s.flags & SummaryFlag::HasPorts) != 0;
    key(out, "sport");
    if (ports)
        appendNumber(out, std::uint64_t(s.sourcePort));
    else
        out += "null";
    key(out, "dport");
    if (ports)
        appendNumber(out, std::uint64_t(s.destinationPort));
    else
        out += "null";
    key(out, "length");
    appendNumber(out, std::uint64_t(record.packetLength));
    key(out, "verdict");
    out += record.verdict == Verdict::Accept ? "\"accept\"" : "\"drop\"";
    key(out, "rule");
    if (record.ruleId >= 0)
        appendNumber(out, std::int64_t(record.ruleId));
    else
        out += "null";
    key(out, "origin");
    switch (record.origin) {
    case Origin::Process:
        out += "\"process\"";
        break;
    case Origin::Kernel:
        out += "\"kernel\"";
        break;
    case Origin::NoSocket:
        out += "\"no socket\"";
        break;
    case Origin::Unknown:
        out += "\"unknown\"";
        break;
    }
    // The socket's owner as the queue reported it, else the process's.
    key(out, "uid");
    if (record.flags & RecordFlag::HasUid)
        appendNumber(out, std::uint64_t(record.uid));
    else if (process)
        appendNumber(out, std::uint64_t(process->uid));
    else
        out += "null";
    key(out, "pid");
    if (process)
        appendNumber(out, std::uint64_t(process->pid));
    else
        out += "null";
    key(out, "comm");
    stringOrNull(out, process ? std::string_view(process->command) : std::string_view());
    key(out, "exe");
    stringOrNull(out, process ? std::string_view(process->executable) : std::string_view());
    key(out, "cmdline");
    if (process && !process->arguments.empty()) {
        std::string arguments = process->arguments;
        while (!arguments.empty() && arguments.back() == '\0')
            arguments.pop_back();
        std::replace(arguments.begin(), arguments.end(), '\0', ' ');
        appendString(out, arguments);
    } else {
        out += "null";
    }
    key(out, "unit");
    stringOrNull(out, process ? CgroupPlace::unitOf(process->cgroup) : std::string_view());
    key(out, "cgroup");
    stringOrNull(out, process ? std::string_view(process->cgroup) : std::string_view());
    key(out, "other_netns");
    out += (record.flags & RecordFlag::OtherNamespace) ? "true" : "false";
    key(out, "host");
    stringOrNull(out, host);
    key(out, "host_source");
    stringOrNull(out, host.empty() ? std::string_view() : hostSourceName(record.hostSource));
    out += "}\n";
}

} // namespace nfqmon
