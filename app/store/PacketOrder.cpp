#include "app/store/PacketOrder.h"

#include "app/display/SummaryText.h"
#include "app/store/PacketTableModel.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>

namespace nfqmon {

namespace {

template <typename T> int compare(T a, T b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

// The protocol column's names in alphabetical order: rank by transport number, "?" at 256.
const std::array<int, 257> &protocolRanks()
{
    static const std::array<int, 257> ranks = [] {
        QList<std::pair<QString, int>> names;
        PacketSummary s;
        s.network = NetworkProtocol::IPv4;
        for (int t = 0; t < 256; ++t) {
            s.transport = std::uint8_t(t);
            names.append({SummaryText::protocolName(s), t});
        }
        names.append({QStringLiteral("?"), 256});
        std::sort(names.begin(), names.end(), [](const auto &a, const auto &b) {
            const int c = QString::compare(a.first, b.first, Qt::CaseInsensitive);
            return c != 0 ? c < 0 : a.second < b.second;
        });
        std::array<int, 257> r{};
        for (int i = 0; i < int(names.size()); ++i)
            r[std::size_t(names[i].second)] = i;
        return r;
    }();
    return ranks;
}

int protocolRank(const PacketSummary &s)
{
    if (s.network == NetworkProtocol::Unknown || s.missing == Missing::NetworkHeader)
        return protocolRanks()[256];
    return protocolRanks()[s.transport];
}

// Family, then address bytes, then port.
int compareEndpoint(const PacketSummary &a, const PacketSummary &b, bool source)
{
    if (const int c = compare(int(a.network), int(b.network)))
        return c;
    const auto &x = source ? a.source : a.destination;
    const auto &y = source ? b.source : b.destination;
    if (const int c = std::memcmp(x.data(), y.data(), x.size()))
        return c < 0 ? -1 : 1;
    const auto port = [source](const PacketSummary &s) {
        if (!(s.flags & SummaryFlag::HasPorts))
            return -1;
        return int(source ? s.sourcePort : s.destinationPort);
    };
    return compare(port(a), port(b));
}

} // namespace

PacketOrder::PacketOrder(int column, Qt::SortOrder order, const QStringList &interfaceNames)
    : m_column(column), m_order(order)
{
    if (column != PacketTableModel::Interface)
        return;
    QList<int> byName(interfaceNames.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(),
              [&](int a, int b) { return interfaceNames[a] < interfaceNames[b]; });
    m_interfaceRank.resize(interfaceNames.size());
    for (int rank = 0; rank < int(byName.size()); ++rank)
        m_interfaceRank[byName[rank]] = rank;
}

const int PacketOrder::HostColumn = PacketTableModel::Host;
const int PacketOrder::MachineColumn = PacketTableModel::Machine;

bool PacketOrder::isArrival() const
{
    return m_column < 0 || m_column == PacketTableModel::Number;
}

int PacketOrder::interfaceRank(const StoredPacket &p) const
{
    const quint16 id = PacketTableModel::interfaceIdOf(p);
    return id < m_interfaceRank.size() ? m_interfaceRank[id] : int(id) + 0x10000;
}

bool PacketOrder::hasKey() const
{
    return m_column != PacketTableModel::Info && m_column != PacketTableModel::Host &&
           m_column != PacketTableModel::Machine && !isArrival();
}

PacketOrder::Key PacketOrder::keyOf(const StoredPacket &p) const
{
    const auto endpoint = [](const PacketSummary &s, bool source) -> Key {
        // Family, the 16 address bytes, then the port (-1 without ports) as in
        // compareEndpoint(): packed big-endian so that word order is byte order.
        const auto &a = source ? s.source : s.destination;
        const auto bytes = [&a](int from, int count) {
            std::uint64_t v = 0;
            for (int i = from; i < from + count; ++i)
                v = v << 8 | a[std::size_t(i)];
            return v;
        };
        const std::uint64_t port =
            (s.flags & SummaryFlag::HasPorts)
                ? std::uint64_t(source ? s.sourcePort : s.destinationPort) + 1
                : 0;
        return {std::uint64_t(s.network) << 56 | bytes(0, 7), bytes(7, 8),
                bytes(15, 1) << 32 | port};
    };
    const auto flip = [](qint64 v) { return std::uint64_t(v) ^ (std::uint64_t(1) << 63); };
    switch (m_column) {
    case PacketTableModel::Time:
        return {flip(p.timestampNs), 0, 0};
    case PacketTableModel::Interface:
        return {std::uint64_t(interfaceRank(p)), 0, 0};
    case PacketTableModel::Direction:
        return {std::uint64_t(p.hook), 0, 0};
    case PacketTableModel::Source:
        return endpoint(p.summary, true);
    case PacketTableModel::Destination:
        return endpoint(p.summary, false);
    case PacketTableModel::Protocol:
        return {std::uint64_t(protocolRank(p.summary)), 0, 0};
    case PacketTableModel::Length:
        return {p.packetLength, 0, 0};
    case PacketTableModel::Verdict:
        return {std::uint64_t(p.verdict == nfqmon::Verdict::Accept ? 0 : 1) << 33 |
                    (std::uint64_t(std::int64_t(p.ruleId) + (std::int64_t(1) << 31))),
                0, 0};
    case PacketTableModel::User:
        return {(p.flags & RecordFlag::HasUid) ? std::uint64_t(p.uid) : std::uint64_t(1) << 32, 0,
                0};
    case PacketTableModel::Application:
        // Grouped by program (in the order the helper first saw them), then no program.
        return {p.origin == Origin::Process ? std::uint64_t(p.processId)
                                            : (std::uint64_t(1) << 32) + std::uint64_t(p.origin),
                0, 0};
    default:
        return {0, 0, 0};
    }
}

int PacketOrder::compareKeys(const StoredPacket &a, const StoredPacket &b) const
{
    switch (m_column) {
    case PacketTableModel::Time:
        return compare(a.timestampNs, b.timestampNs);
    case PacketTableModel::Interface:
        return compare(interfaceRank(a), interfaceRank(b));
    case PacketTableModel::Direction:
        return compare(int(a.hook), int(b.hook));
    case PacketTableModel::Source:
        return compareEndpoint(a.summary, b.summary, true);
    case PacketTableModel::Destination:
        return compareEndpoint(a.summary, b.summary, false);
    case PacketTableModel::Protocol:
        return compare(protocolRank(a.summary), protocolRank(b.summary));
    case PacketTableModel::Length:
        return compare(a.packetLength, b.packetLength);
    case PacketTableModel::Info: {
        // What the info line says after the endpoints: the protocol's own state first.
        const PacketSummary &x = a.summary;
        const PacketSummary &y = b.summary;
        if (const int c = compare(protocolRank(x), protocolRank(y)))
            return c;
        if (const int c = compare(int(x.missing), int(y.missing)))
            return c;
        if (const int c = compare(x.icmpType << 8 | x.icmpCode, y.icmpType << 8 | y.icmpCode))
            return c;
        if (const int c = compare(x.tcpFlags, y.tcpFlags))
            return c;
        if (const int c = compareEndpoint(x, y, true))
            return c;
        return compareEndpoint(x, y, false);
    }
    case PacketTableModel::Verdict:
        // "accepted" before "dropped by rule N", each by rule.
        if (const int c = compare(a.verdict == nfqmon::Verdict::Accept ? 0 : 1,
                                  b.verdict == nfqmon::Verdict::Accept ? 0 : 1))
            return c;
        return compare(a.ruleId, b.ruleId);
    case PacketTableModel::User: {
        const auto uid = [](const StoredPacket &p) {
            return (p.flags & RecordFlag::HasUid) ? qint64(p.uid) : qint64(1) << 32;
        };
        return compare(uid(a), uid(b));
    }
    case PacketTableModel::Application: {
        const auto program = [](const StoredPacket &p) {
            return p.origin == Origin::Process ? qint64(p.processId)
                                               : (qint64(1) << 32) + qint64(p.origin);
        };
        return compare(program(a), program(b));
    }
    default:
        return 0;
    }
}

} // namespace nfqmon
