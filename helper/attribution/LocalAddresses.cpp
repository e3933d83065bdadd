#include "helper/attribution/LocalAddresses.h"

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

namespace nfqmon {

LocalAddresses::~LocalAddresses()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::size_t LocalAddresses::KeyHash::operator()(const Key &key) const noexcept
{
    std::uint64_t hash = 1469598103934665603ull;
    for (std::uint8_t byte : key)
        hash = (hash ^ byte) * 1099511628211ull;
    return std::size_t(hash);
}

LocalAddresses::Key LocalAddresses::keyOf(int family, const std::uint8_t *address)
{
    Key key{};
    key[0] = std::uint8_t(family);
    std::memcpy(key.data() + 1, address, family == 4 ? 4 : 16);
    return key;
}

void LocalAddresses::add(int family, const std::uint8_t *address)
{
    m_addresses.insert(keyOf(family, address));
}

void LocalAddresses::remove(int family, const std::uint8_t *address)
{
    m_addresses.erase(keyOf(family, address));
}

bool LocalAddresses::takes(int family, const std::uint8_t *address) const
{
    if (!m_known)
        return true;
    if (family == 4) {
        if ((address[0] & 0xf0) == 0xe0) // 224.0.0.0/4
            return true;
        if (address[0] == 255 && address[1] == 255 && address[2] == 255 && address[3] == 255)
            return true;
    } else if (address[0] == 0xff) { // ff00::/8
        return true;
    }
    return m_addresses.count(keyOf(family, address)) != 0;
}

bool LocalAddresses::open(std::string *error)
{
    m_fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    local.nl_groups = RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR;
    if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
        *error = std::string("cannot follow the interfaces' addresses (rtnetlink): ") +
                 std::strerror(errno);
        return false;
    }
    requestDump();
    m_known = true;
    update();
    return true;
}

void LocalAddresses::requestDump()
{
    struct {
        nlmsghdr header;
        ifaddrmsg body;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = RTM_GETADDR;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.body.ifa_family = AF_UNSPEC;
    [[maybe_unused]] const ssize_t sent = ::send(m_fd, &request, sizeof request, 0);
}

void LocalAddresses::update()
{
    if (m_fd < 0)
        return;
    alignas(nlmsghdr) char buffer[16384];
    for (;;) {
        const ssize_t length = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (length < 0 && errno == ENOBUFS) {
            // Changes were lost: start again from the kernel's list.
            m_addresses.clear();
            requestDump();
            continue;
        }
        if (length <= 0)
            return;
        apply(buffer, std::size_t(length));
    }
}

// The kernel's netlink macros cast into the buffer, which update() aligns for nlmsghdr; every
// header and attribute in it is aligned as the protocol pads them (NLMSG_ALIGN, RTA_ALIGN).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
void LocalAddresses::apply(const void *data, std::size_t length)
{
    for (auto *header = static_cast<const nlmsghdr *>(data); NLMSG_OK(header, length);
         header = NLMSG_NEXT(header, length)) {
        if (header->nlmsg_type != RTM_NEWADDR && header->nlmsg_type != RTM_DELADDR)
            continue;
        const auto *message = static_cast<const ifaddrmsg *>(NLMSG_DATA(header));
        const int family = message->ifa_family == AF_INET    ? 4
                           : message->ifa_family == AF_INET6 ? 6
                                                             : 0;
        if (family == 0)
            continue;
        const std::size_t size = family == 4 ? 4 : 16;
        auto attributeLength = IFA_PAYLOAD(header);
        for (auto *attribute = IFA_RTA(message); RTA_OK(attribute, attributeLength);
             attribute = RTA_NEXT(attribute, attributeLength)) {
            // IFA_LOCAL is the address itself on point-to-point links, where IFA_ADDRESS is the
            // peer's; elsewhere both are the same.
            const bool wanted = attribute->rta_type == IFA_LOCAL ||
                                attribute->rta_type == IFA_BROADCAST ||
                                (attribute->rta_type == IFA_ADDRESS && family == 6);
            if (!wanted || RTA_PAYLOAD(attribute) < size)
                continue;
            const auto *address = static_cast<const std::uint8_t *>(RTA_DATA(attribute));
            if (header->nlmsg_type == RTM_NEWADDR)
                add(family, address);
            else
                remove(family, address);
        }
    }
}
#pragma GCC diagnostic pop

} // namespace nfqmon
