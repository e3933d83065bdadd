#include "app/store/TrafficStatistics.h"

#include "app/display/SummaryText.h"
#include "app/store/PacketCellText.h"
#include "app/store/PacketStore.h"
#include "helper/protocol/IpProtocol.h"

#include <QHashFunctions>

#include <algorithm>
#include <cstring>
#include <functional>
#include <tuple>
#include <vector>

namespace nfqmon {

namespace {

constexpr qint64 NsPerSecond = 1'000'000'000;
constexpr int UpdateIntervalMs = 1000;

qint64 secondOf(qint64 ns)
{
    return ns >= 0 ? ns / NsPerSecond : (ns - NsPerSecond + 1) / NsPerSecond;
}

qsizetype slotOf(qint64 second)
{
    const qint64 slot = second % TrafficStatistics::WindowSeconds;
    return qsizetype(slot < 0 ? slot + TrafficStatistics::WindowSeconds : slot);
}

// Ports mean something for these (PacketSummary's HasPorts).
bool hasPortName(std::uint8_t transport)
{
    using namespace IpProtocol;
    return transport == Tcp || transport == Udp || transport == Sctp || transport == UdpLite ||
           transport == Dccp;
}

template <typename Entries> void sortByPackets(Entries &entries)
{
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return a.packets != b.packets ? a.packets > b.packets : a.name < b.name;
    });
}

} // namespace

size_t TrafficStatistics::AddressHash::operator()(const Address &a) const noexcept
{
    return qHashBits(a.bytes.data(), a.bytes.size(), size_t(a.network));
}

size_t TrafficStatistics::PortHash::operator()(quint32 port) const noexcept
{
    return size_t((port * 0x9e3779b97f4a7c15ull) >> 32); // the well-mixed middle bits
}

TrafficStatistics::TrafficStatistics(PacketStore *store, QObject *parent)
    : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_sinceUpdate.start();
        emit updated();
    });
    if (!store)
        return;
    m_nextNumber = store->firstNumber();
    connect(store, &PacketStore::packetsAppended, this, &TrafficStatistics::takeNewPackets);
    connect(store, &PacketStore::cleared, this, [this] {
        clear();
        m_nextNumber = m_store->firstNumber();
    });
    takeNewPackets();
}

void TrafficStatistics::takeNewPackets()
{
    const qint64 end = m_store->endNumber();
    for (qint64 n = std::max(m_nextNumber, m_store->firstNumber()); n < end; ++n) {
        const StoredPacket p = m_store->byNumber(n);
        add(p, p.origin == Origin::Process ? m_store->application(p.processId) : nullptr,
            m_store->hostName(p.host));
    }
    m_nextNumber = end;
}

void TrafficStatistics::add(const StoredPacket &p, const ApplicationName *application,
                            const QString &host)
{
    const bool dropped = p.verdict == Verdict::Drop;
    const quint64 bytes = p.packetLength;
    (dropped ? m_droppedPackets : m_acceptedPackets) += 1;
    (dropped ? m_droppedBytes : m_acceptedBytes) += bytes;

    const qint64 second = secondOf(p.timestampNs);
    if (!m_hasPackets || second > m_newestSecond) {
        // The seconds since the newest one start empty (at most a window of them).
        const qint64 from = m_hasPackets ? std::max(m_newestSecond + 1, second - WindowSeconds + 1)
                                         : second - WindowSeconds + 1;
        for (qint64 s = from; s <= second; ++s)
            m_seconds[size_t(slotOf(s))] = Second{s * NsPerSecond, 0, 0, 0, 0};
        m_newestSecond = second;
    }
    m_newestNs = m_hasPackets ? std::max(m_newestNs, p.timestampNs) : p.timestampNs;
    m_hasPackets = true;
    if (second > m_newestSecond - WindowSeconds) {
        Second &s = m_seconds[size_t(slotOf(second))];
        (dropped ? s.droppedPackets : s.acceptedPackets) += 1;
        (dropped ? s.droppedBytes : s.acceptedBytes) += bytes;
    }

    const PacketSummary &summary = p.summary;
    const bool hasNetwork =
        summary.network != NetworkProtocol::Unknown && summary.missing != Missing::NetworkHeader;
    Totals &protocol = m_protocols[hasNetwork ? summary.transport : 256];
    protocol.packets += 1;
    protocol.bytes += bytes;
    if (hasNetwork) {
        Address source;
        source.bytes = summary.source;
        source.network = summary.network;
        m_talkers.add(source, bytes);
    }
    if ((summary.flags & SummaryFlag::HasPorts) && hasPortName(summary.transport))
        m_ports.add(quint32(summary.transport) << 16 | summary.destinationPort, bytes);
    if (p.origin == Origin::Kernel || (p.origin == Origin::Process && !application))
        m_applications.add(labelOf(p.origin), bytes);
    else if (p.origin == Origin::Process)
        m_applications.add(*application, bytes);
    if (!host.isEmpty())
        m_hosts.add(host, bytes);
    changed();
}

void TrafficStatistics::clear()
{
    m_seconds = {};
    m_newestSecond = 0;
    m_newestNs = 0;
    m_hasPackets = false;
    m_protocols = {};
    m_talkers.clear();
    m_ports.clear();
    m_applications.clear();
    m_hosts.clear();
    m_acceptedPackets = m_droppedPackets = m_acceptedBytes = m_droppedBytes = 0;
    changed();
}

const ApplicationName &TrafficStatistics::labelOf(Origin origin)
{
    // A program that calls itself "(kernel)" shares the kernel's bar, as it shares its text in
    // the column: a bar is a label, and labels must not repeat on the chart's axis.
    std::optional<ApplicationName> &label =
        origin == Origin::Kernel ? m_kernelLabel : m_unknownLabel;
    if (!label)
        label.emplace(PacketCellText::application(origin, nullptr));
    return *label;
}

void TrafficStatistics::changed()
{
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : UpdateIntervalMs;
    m_timer.start(int(std::max<qint64>(0, UpdateIntervalMs - since)));
}

QList<TrafficStatistics::Second> TrafficStatistics::seconds(qint64 endNs) const
{
    if (!m_hasPackets && endNs == 0)
        return {};
    qint64 end = endNs != 0 ? secondOf(endNs) : m_newestSecond;
    if (m_hasPackets)
        end = std::max(end, m_newestSecond);
    QList<Second> list;
    list.reserve(WindowSeconds);
    for (qint64 s = end - WindowSeconds + 1; s <= end; ++s) {
        const bool held = m_hasPackets && s <= m_newestSecond && s > m_newestSecond - WindowSeconds;
        list.append(held ? m_seconds[size_t(slotOf(s))] : Second{s * NsPerSecond, 0, 0, 0, 0});
    }
    return list;
}

QList<TrafficStatistics::Count> TrafficStatistics::protocols() const
{
    QList<Count> list;
    PacketSummary summary;
    summary.network = NetworkProtocol::IPv4;
    for (int t = 0; t < 257; ++t) {
        if (m_protocols[size_t(t)].packets == 0)
            continue;
        if (t == 256)
            summary.network = NetworkProtocol::Unknown;
        summary.transport = std::uint8_t(t);
        list.append({SummaryText::protocolName(summary), m_protocols[size_t(t)].packets,
                     m_protocols[size_t(t)].bytes});
    }
    sortByPackets(list);
    return list;
}

QList<TrafficStatistics::Count> TrafficStatistics::topTalkers(int count) const
{
    const auto top = m_talkers.top(count, [](const Address &a, const Address &b) {
        return std::tie(a.network, a.bytes) < std::tie(b.network, b.bytes);
    });
    QList<Count> list;
    for (const auto &entry : top) {
        PacketSummary summary;
        summary.network = entry.key.network;
        summary.source = entry.key.bytes;
        list.append({SummaryText::source(summary), entry.count, entry.weight, entry.error});
    }
    sortByPackets(list); // ties by name, for a stable picture
    return list;
}

QList<TrafficStatistics::Count> TrafficStatistics::topPorts(int count) const
{
    const auto top = m_ports.top(count, std::less<quint32>());
    QList<Count> list;
    PacketSummary summary;
    summary.network = NetworkProtocol::IPv4;
    for (const auto &entry : top) {
        summary.transport = std::uint8_t(entry.key >> 16);
        list.append({QStringLiteral("%1/%2")
                         .arg(entry.key & 0xffff)
                         .arg(SummaryText::protocolName(summary).toLower()),
                     entry.count, entry.weight, entry.error});
    }
    sortByPackets(list);
    return list;
}

QList<TrafficStatistics::Count> TrafficStatistics::topApplications(int count) const
{
    const auto top = m_applications.top(
        count, [](const ApplicationName &a, const ApplicationName &b) { return a.text < b.text; });
    QList<Count> list;
    for (const auto &entry : top)
        list.append({entry.key.text, entry.count, entry.weight, entry.error});
    sortByPackets(list);
    return list;
}

QList<TrafficStatistics::Count> TrafficStatistics::topHosts(int count) const
{
    const auto top = m_hosts.top(count, std::less<QString>());
    QList<Count> list;
    for (const auto &entry : top)
        list.append({entry.key, entry.count, entry.weight, entry.error});
    sortByPackets(list);
    return list;
}

} // namespace nfqmon
