// Which process holds a netlink socket, so "queue 0 is in use" can name the program.
#pragma once

#include <QString>

#include <cstdint>

namespace nfqmon::NetlinkOwner {

// "nfqmon-helper (pid 1234)", or empty when it cannot be found (e.g. another namespace).
QString describe(int protocol, std::uint32_t portId);

} // namespace nfqmon::NetlinkOwner
