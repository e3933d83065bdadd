// The addresses of the watched network namespace's interfaces (their own and their subnets'
// broadcast addresses), learned from the kernel over rtnetlink and kept up to date as addresses
// come and go. A server bound to the wildcard address takes only packets to one of them (or to
// a multicast or the limited broadcast address): a packet to another address is forwarded and
// is not that server's, whatever its port. Not thread-safe: PacketOwners serialises access.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>

namespace nfqmon {

class LocalAddresses
{
public:
    LocalAddresses() = default;
    ~LocalAddresses();
    LocalAddresses(const LocalAddresses &) = delete;
    LocalAddresses &operator=(const LocalAddresses &) = delete;

    // Subscribes to address changes and asks for the current ones; false and a sentence when
    // rtnetlink cannot be read (then every address counts as local, as without this class).
    bool open(std::string *error);
    int fd() const { return m_fd; } // readable when changes are waiting: call update()
    // Applies what the kernel sent since the last call, without blocking.
    void update();

    // family 4 or 6; address in network order (4 or 16 bytes).
    void add(int family, const std::uint8_t *address);
    void remove(int family, const std::uint8_t *address);
    // Whether a packet to `address` is for this namespace: one of its addresses, a multicast
    // address, 255.255.255.255, or anything at all before open() succeeded.
    bool takes(int family, const std::uint8_t *address) const;
    std::size_t size() const { return m_addresses.size(); }

private:
    using Key = std::array<std::uint8_t, 17>; // family, then the address (IPv4 zero-padded)
    struct KeyHash {
        std::size_t operator()(const Key &key) const noexcept;
    };
    static Key keyOf(int family, const std::uint8_t *address);
    void requestDump();
    void apply(const void *message, std::size_t length);

    int m_fd = -1;
    bool m_known = false; // open() succeeded: the set is the namespace's
    std::unordered_set<Key, KeyHash> m_addresses;
};

} // namespace nfqmon
