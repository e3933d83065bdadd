#include "helper/engine/NfQueue.h"

#include "helper/engine/KernelQueueStats.h"
#include "helper/engine/NetlinkOwner.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <libmnl/libmnl.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <vector>

namespace nfqmon {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("NfQueue", text);
}
} // namespace

NfQueue::~NfQueue()
{
    close();
}

int NfQueue::fd() const
{
    return m_socket ? mnl_socket_get_fd(m_socket) : -1;
}

bool NfQueue::open(const Settings &settings, QString *error)
{
    close();
    m_settings = settings;
    m_socket = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);
    if (!m_socket) {
        *error = tr("cannot open a netfilter netlink socket: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (mnl_socket_bind(m_socket, 0, MNL_SOCKET_AUTOPID) < 0) {
        *error =
            tr("cannot bind the netlink socket: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        close();
        return false;
    }
    m_portId = mnl_socket_get_portid(m_socket);
    // Connected to the kernel, the socket refuses what any other socket sends it (a process with
    // CAP_NET_ADMIN could otherwise forge packet messages), so no message's sender needs reading.
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::connect(fd(), reinterpret_cast<const sockaddr *>(&kernel), sizeof kernel) < 0) {
        *error = tr("cannot connect the netlink socket to the kernel: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        close();
        return false;
    }

    const int on = 1;
    // Overruns then drop (or fail-open) in the kernel instead of breaking our receive loop.
    setsockopt(fd(), SOL_NETLINK, NETLINK_NO_ENOBUFS, &on, sizeof on);
    int size = settings.receiveBufferBytes;
    if (setsockopt(fd(), SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
        setsockopt(fd(), SOL_SOCKET, SO_RCVBUF, &size, sizeof size);

    if (!configure(error)) {
        close();
        return false;
    }
    return true;
}

void NfQueue::close()
{
    if (!m_socket)
        return;
    // Closing the socket unbinds the queue; the kernel then lets packets bypass (--queue-bypass).
    mnl_socket_close(m_socket);
    m_socket = nullptr;
    m_portId = 0;
}

bool NfQueue::send(const void *buffer, std::size_t length)
{
    return mnl_socket_sendto(m_socket, buffer, length) >= 0;
}

// Sends one config message with an ACK and returns 0 or the kernel's errno.
static int requestWithAck(mnl_socket *socket, nlmsghdr *nlh)
{
    static std::uint32_t sequence = 1;
    nlh->nlmsg_flags |= NLM_F_ACK;
    nlh->nlmsg_seq = sequence++;
    if (mnl_socket_sendto(socket, nlh, nlh->nlmsg_len) < 0)
        return errno;
    std::vector<char> reply(MNL_SOCKET_BUFFER_SIZE);
    for (;;) {
        const ssize_t n = mnl_socket_recvfrom(socket, reply.data(), reply.size());
        if (n < 0)
            return errno == EINTR ? EINTR : errno;
        const int ret = mnl_cb_run(reply.data(), static_cast<std::size_t>(n), nlh->nlmsg_seq,
                                   mnl_socket_get_portid(socket), nullptr, nullptr);
        if (ret == MNL_CB_ERROR)
            return errno;
        if (ret == MNL_CB_STOP)
            return 0;
    }
}

bool NfQueue::configure(QString *error)
{
    std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);

    nlmsghdr *nlh = nfq_nlmsg_put(buffer.data(), NFQNL_MSG_CONFIG, m_settings.number);
    nfq_nlmsg_cfg_put_cmd(nlh, AF_UNSPEC, NFQNL_CFG_CMD_BIND);
    if (const int err = requestWithAck(m_socket, nlh)) {
        *error = describeBindFailure(err);
        return false;
    }

    nlh = nfq_nlmsg_put(buffer.data(), NFQNL_MSG_CONFIG, m_settings.number);
    nfq_nlmsg_cfg_put_params(nlh, NFQNL_COPY_PACKET, static_cast<int>(m_settings.copyRange));
    nfq_nlmsg_cfg_put_qmaxlen(nlh, m_settings.maxLength);
    // Fail-open: when the queue is full the kernel accepts instead of dropping. GSO: no
    // segmentation cost for big local packets. UID_GID: the owner of local sockets, when known.
    const std::uint32_t flags = NFQA_CFG_F_FAIL_OPEN | NFQA_CFG_F_GSO | NFQA_CFG_F_UID_GID;
    mnl_attr_put_u32(nlh, NFQA_CFG_FLAGS, htonl(flags));
    mnl_attr_put_u32(nlh, NFQA_CFG_MASK, htonl(flags));
    if (const int err = requestWithAck(m_socket, nlh)) {
        *error = tr("cannot configure queue %1: %2")
                     .arg(m_settings.number)
                     .arg(QString::fromLocal8Bit(strerror(err)));
        return false;
    }
    return true;
}

QString NfQueue::describeBindFailure(int err) const
{
    if (err == EPERM || err == EBUSY) {
        // The kernel answers EPERM when another socket is bound to the queue.
        const auto stats = KernelQueueStats::read();
        for (const auto &q : stats) {
            if (q.queue == m_settings.number && q.portId != m_portId) {
                QString owner = NetlinkOwner::describe(NETLINK_NETFILTER, q.portId);
                if (owner.isEmpty())
                    owner = tr("netlink port %1").arg(q.portId);
                return tr("queue %1 is already in use by another program, %2; stop it or choose "
                          "another queue number")
                    .arg(m_settings.number)
                    .arg(owner);
            }
        }
        if (err == EPERM)
            return tr("cannot bind queue %1: permission denied (needs root or CAP_NET_ADMIN), "
                      "or another program holds it")
                .arg(m_settings.number);
    }
    return tr("cannot bind queue %1: %2")
        .arg(m_settings.number)
        .arg(QString::fromLocal8Bit(strerror(err)));
}

} // namespace nfqmon
