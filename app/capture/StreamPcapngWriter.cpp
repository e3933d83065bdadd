#include "app/capture/StreamPcapngWriter.h"

#include "helper/protocol/HelperContract.h"
#include "helper/protocol/VerdictComment.h"

#include <cstring>
#include <string>
#include <vector>

namespace nfqmon {

namespace {

std::string_view interfaceOf(const char (&name)[InterfaceNameSize])
{
    return {name, ::strnlen(name, InterfaceNameSize)};
}

} // namespace

bool StreamPcapngWriter::open(int fd, const QString &name, const QStringList &interfaces,
                              std::uint32_t snapLength, QString *error)
{
    std::vector<std::string> names;
    for (const QString &interface : interfaces) {
        if (interface != Contract::Status::AnyInterface)
            names.push_back(interface.toStdString());
    }
    m_writer.setInterfaces(std::move(names));
    if (!m_writer.openFd(fd, snapLength, name, error))
        return false;
    // The header at once: a reader at the other end of a pipe (Wireshark) starts with it.
    if (!m_writer.flush()) {
        if (error)
            *error = m_writer.errorString();
        return false;
    }
    return true;
}

bool StreamPcapngWriter::write(const StreamBatch &batch, std::uint64_t limit)
{
    for (const ProcessInfo &process : batch.processes) {
        std::string text = process.command.empty() ? std::string("?") : process.command;
        text += " (pid " + std::to_string(process.pid) + ')';
        m_programs[process.id] = std::move(text);
    }
    for (const StreamHost &host : batch.hosts)
        m_hosts[host.id] = host.name.toStdString();
    for (qsizetype i = 0; i < batch.size() && !m_writer.failed(); ++i) {
        if (limit != 0 && m_counts.packets >= limit)
            break;
        writePacket(batch, i);
    }
    return m_writer.flush();
}

void StreamPcapngWriter::writePacket(const StreamBatch &batch, qsizetype index)
{
    const PacketRecord record = batch.record(index);
    const QByteArrayView bytes = batch.bytes(index);
    const bool out = record.hook == Hook::Output;

    VerdictCommentBuffer verdict;
    m_comment.assign(verdictComment(record.verdict, record.ruleId, verdict));
    if (record.origin == Origin::Process) {
        const auto program = m_programs.find(record.processId);
        if (program != m_programs.end())
            m_comment.append(", program ").append(program->second);
    }
    if (record.hostId != 0) {
        const auto host = m_hosts.find(record.hostId);
        const std::size_t length = record.summary.network == NetworkProtocol::IPv4   ? 4
                                   : record.summary.network == NetworkProtocol::IPv6 ? 16
                                                                                     : 0;
        if (host != m_hosts.end() && !host->second.empty()) {
            m_comment.append(", host ").append(host->second);
            // The remote end is the one the name belongs to.
            const auto &address = out ? record.summary.destination : record.summary.source;
            std::string key(reinterpret_cast<const char *>(address.data()), length);
            key.append(reinterpret_cast<const char *>(&record.hostId), sizeof record.hostId);
            if (length != 0 && m_namesWritten.insert(std::move(key)).second)
                m_writer.addName({address.data(), length}, host->second);
        }
    }

    PacketFileRecord packet;
    packet.timestampNs = record.timestampNs;
    packet.data = reinterpret_cast<const std::uint8_t *>(bytes.data());
    packet.capturedLength = std::uint32_t(bytes.size());
    packet.wireLength = record.packetLength;
    packet.interfaceName = interfaceOf(out ? record.outInterface : record.inInterface);
    packet.direction = out ? PacketDirection::Outbound : PacketDirection::Inbound;
    packet.comment = m_comment;
    if (!m_writer.write(packet))
        return;
    ++m_counts.packets;
    if (record.verdict == Verdict::Drop)
        ++m_counts.dropped;
    else
        ++m_counts.accepted;
}

bool StreamPcapngWriter::close()
{
    return m_writer.close();
}

} // namespace nfqmon
