// The Host header of a plain HTTP/1.x request, from the payload of one TCP segment that starts
// with the request line. Without its port; an address literal is not a name. Reads only within
// the payload (a request cut by the segment's end gives no name), allocates nothing.
#pragma once

#include "helper/names/HostName.h"

#include <cstdint>
#include <span>

namespace nfqmon {

class HttpHost
{
public:
    static bool of(std::span<const std::uint8_t> payload, HostName &out);
};

} // namespace nfqmon
