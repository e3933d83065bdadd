#include "app/store/PcapngAnnotator.h"

namespace nfqmon {

PcapngAnnotator::PcapngAnnotator(const PacketSnapshot &snapshot) : m_snapshot(snapshot)
{
    for (const QString &name : snapshot.interfaceNames())
        m_interfaces.push_back(name.toStdString());
}

void PcapngAnnotator::annotate(const StoredPacket &p, PacketFileRecord &record,
                               PacketFileWriter &writer)
{
    const bool out = p.hook == Hook::Output;
    const quint16 interface = out ? p.outInterface : p.inInterface;
    if (interface < m_interfaces.size())
        record.interfaceName = m_interfaces[interface];
    addName(p, out, writer);
    if (p.flags & StoredFlag::NoVerdict)
        return; // from a file: no verdict, no direction
    record.direction = out ? PacketDirection::Outbound : PacketDirection::Inbound;
    record.comment = verdictComment(p.verdict, p.ruleId, m_comment);
}

void PcapngAnnotator::addName(const StoredPacket &p, bool out, PacketFileWriter &writer)
{
    const std::size_t length = p.summary.network == NetworkProtocol::IPv4   ? 4
                               : p.summary.network == NetworkProtocol::IPv6 ? 16
                                                                            : 0;
    if (p.host == 0 || length == 0)
        return;
    // The remote end, as StoredPacket::host names it.
    const auto &address = out ? p.summary.destination : p.summary.source;
    // A snapshot's host ids name one name each: (address, id) is the pair.
    std::string key(reinterpret_cast<const char *>(address.data()), length);
    key.append(reinterpret_cast<const char *>(&p.host), sizeof p.host);
    if (!m_written.insert(std::move(key)).second)
        return;
    const QByteArray name = m_snapshot.hostName(p.host).toUtf8();
    writer.addName({address.data(), length}, {name.constData(), std::size_t(name.size())});
}

} // namespace nfqmon
