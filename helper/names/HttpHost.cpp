#include "helper/names/HttpHost.h"

#include <array>
#include <string_view>

namespace nfqmon {

namespace {

constexpr std::array<std::string_view, 9> Methods = {
    "GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "};

bool startsWithMethod(std::string_view text)
{
    for (const std::string_view method : Methods)
        if (text.starts_with(method))
            return true;
    return false;
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool isHostHeader(std::string_view name)
{
    constexpr std::string_view Host = "host";
    if (name.size() != Host.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (lower(name[i]) != Host[i])
            return false;
    return true;
}

std::string_view trimmed(std::string_view value)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    return value;
}

// "name:8080" → "name". An IPv6 literal ("[::1]:80") is an address, and a port must be digits.
bool withoutPort(std::string_view value, std::string_view &host)
{
    if (value.empty() || value.front() == '[')
        return false;
    const std::size_t colon = value.rfind(':');
    host = value.substr(0, colon);
    if (colon == std::string_view::npos)
        return true;
    for (const char c : value.substr(colon + 1))
        if (c < '0' || c > '9')
            return false;
    return true;
}

// The next line without its end ("\r\n" or "\n"); false when the text ends before it does.
bool nextLine(std::string_view &text, std::string_view &line)
{
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos)
        return false;
    line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    text.remove_prefix(end + 1);
    return true;
}

} // namespace

bool HttpHost::of(std::span<const std::uint8_t> payload, HostName &out)
{
    out.assign({});
    std::string_view text(reinterpret_cast<const char *>(payload.data()), payload.size());
    std::string_view line;
    if (!startsWithMethod(text) || !nextLine(text, line))
        return false;
    const std::size_t version = line.rfind(' ');
    if (version == std::string_view::npos || !line.substr(version + 1).starts_with("HTTP/1."))
        return false;

    // The whole header section must be in the payload: a Host cut short, or a second Host
    // further on (which a server refuses, RFC 9112 §3.2), would otherwise go unseen.
    std::string_view host;
    bool found = false;
    for (;;) {
        if (!nextLine(text, line))
            return false;
        if (line.empty())
            break;
        if (line.front() == ' ' || line.front() == '\t')
            return false; // obsolete line folding: a server must refuse it (RFC 9112 §5.2)
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return false;
        if (!isHostHeader(line.substr(0, colon)))
            continue;
        if (found)
            return false;
        found = true;
        host = trimmed(line.substr(colon + 1));
    }
    std::string_view name;
    return found && withoutPort(host, name) && out.assign(name);
}

} // namespace nfqmon
