#include "helper/engine/VerdictBatcher.h"

#include "helper/engine/NfQueue.h"

#include <libmnl/libmnl.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <linux/netfilter.h>

namespace nfqmon {

VerdictBatcher::VerdictBatcher(NfQueue &queue) : m_queue(queue), m_buffer(4096) {}

void VerdictBatcher::accept(std::uint32_t packetId)
{
    m_lastAccept = packetId;
    ++m_pending;
}

void VerdictBatcher::drop(std::uint32_t packetId)
{
    if (m_pending)
        appendVerdict(NFQNL_MSG_VERDICT_BATCH, m_lastAccept, NF_ACCEPT);
    m_pending = 0;
    appendVerdict(NFQNL_MSG_VERDICT, packetId, NF_DROP);
    send();
}

void VerdictBatcher::flush()
{
    if (m_pending)
        appendVerdict(NFQNL_MSG_VERDICT_BATCH, m_lastAccept, NF_ACCEPT);
    m_pending = 0;
    send();
}

void VerdictBatcher::appendVerdict(int type, std::uint32_t packetId, int verdict)
{
    nlmsghdr *nlh = nfq_nlmsg_put(m_buffer.data() + m_used, type, m_queue.number());
    nfq_nlmsg_verdict_put(nlh, static_cast<int>(packetId), verdict);
    m_used += MNL_ALIGN(nlh->nlmsg_len);
}

void VerdictBatcher::send()
{
    if (m_used == 0)
        return;
    if (!m_queue.send(m_buffer.data(), m_used))
        ++m_sendFailures;
    m_used = 0;
}

} // namespace nfqmon
