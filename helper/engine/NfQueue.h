// One kernel queue bound through libnetfilter_queue's mnl API: configuration (copy range, queue
// length, fail-open, GSO, uid/gid), a large non-blocking receive buffer, and verdict sending.
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

struct mnl_socket;

namespace nfqmon {

class NfQueue
{
public:
    NfQueue() = default;
    ~NfQueue(); // unbinds
    NfQueue(const NfQueue &) = delete;
    NfQueue &operator=(const NfQueue &) = delete;

    struct Settings {
        std::uint16_t number = 0;
        std::uint32_t copyRange = 65535; // bytes of each packet the kernel copies to us
        std::uint32_t maxLength = 4096;  // packets the kernel holds for us before fail-open
        int receiveBufferBytes = 32 << 20;
    };

    // False and a sentence when the queue cannot be bound, e.g. another program holds it.
    bool open(const Settings &settings, QString *error);
    void close();

    int fd() const;
    std::uint16_t number() const { return m_settings.number; }
    std::uint32_t portId() const { return m_portId; }
    const Settings &settings() const { return m_settings; }

    // Sends prepared netlink messages (verdicts). False with errno set on failure.
    bool send(const void *buffer, std::size_t length);

private:
    bool configure(QString *error);
    QString describeBindFailure(int err) const;

    Settings m_settings;
    mnl_socket *m_socket = nullptr;
    std::uint32_t m_portId = 0;
};

} // namespace nfqmon
