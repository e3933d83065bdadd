// Collects verdicts for one queue and sends them in as few netlink messages as possible: a run of
// accepts becomes one NFQNL_MSG_VERDICT_BATCH (it covers every packet id up to the last one), a
// drop closes the run and is sent at once with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nfqmon {

class NfQueue;

class VerdictBatcher
{
public:
    explicit VerdictBatcher(NfQueue &queue);

    void accept(std::uint32_t packetId);
    void drop(std::uint32_t packetId); // sends the pending accepts and the drop
    void flush();                      // sends the pending accepts
    std::size_t pendingAccepts() const { return m_pending; }
    std::uint64_t sendFailures() const { return m_sendFailures; }

private:
    void appendVerdict(int type, std::uint32_t packetId, int verdict);
    void send();

    NfQueue &m_queue;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    std::size_t m_pending = 0;
    std::uint32_t m_lastAccept = 0;
    std::uint64_t m_sendFailures = 0;
};

} // namespace nfqmon
