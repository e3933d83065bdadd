#include "helper/names/HostName.h"

#include <arpa/inet.h>

namespace nfqmon {

namespace {

bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// "10.1.2.3" and "::1" are addresses written out, not names.
bool isAddressLiteral(const char *text)
{
    unsigned char bytes[16];
    return inet_pton(AF_INET, text, bytes) == 1 || inet_pton(AF_INET6, text, bytes) == 1;
}

} // namespace

bool HostName::assign(std::string_view raw)
{
    length = 0;
    text[0] = '\0';
    if (!raw.empty() && raw.back() == '.')
        raw.remove_suffix(1);
    if (raw.empty() || raw.size() > MaxHostNameLength)
        return false;
    char previous = '.';
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (!isNameByte(c) || (c == '.' && previous == '.')) {
            text[0] = '\0'; // the bytes copied so far are no name
            return false;
        }
        text[i] = c;
        previous = c;
    }
    text[raw.size()] = '\0';
    if (previous == '.' || isAddressLiteral(text)) {
        text[0] = '\0';
        return false;
    }
    length = std::uint8_t(raw.size());
    return true;
}

} // namespace nfqmon
