// What the charts show, counted as packets reach the store: accepted and dropped packets and
// bytes per second over the last ten minutes (of packet time, so an opened file has its own
// ten minutes), the protocol mix, the top talkers (source addresses), the top destination ports,
// the top applications (the programs whose sockets sent or received the packets) and the top
// hosts (the names the helper learned for the packets' remote ends). The top
// lists are Space-Saving summaries (HeavyHitters) of a fixed number of counters, so a flood of
// spoofed sources, ports or short-lived programs costs no memory. O(log counters) per packet in
// the GUI thread; updated() at most once a second. Counts everything since the last clear,
// including packets that rolled off the store later.
#pragma once

#include "app/store/ApplicationName.h"
#include "app/store/HeavyHitters.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/PacketSummary.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <array>
#include <optional>

namespace nfqmon {

class PacketStore;

class TrafficStatistics : public QObject
{
    Q_OBJECT
public:
    static constexpr int WindowSeconds = 600;
    // Counters of each top list: exact up to this many sources (ports, applications), then each
    // count is at most topTalkersError() (topPortsError(), topApplicationsError()) too high,
    // never too low, and every source that sent more packets than that is in the list.
    static constexpr int TopCounters = 4096;

    struct Second {
        qint64 startNs = 0; // start of the second, ns since the epoch
        quint64 acceptedPackets = 0;
        quint64 droppedPackets = 0;
        quint64 acceptedBytes = 0;
        quint64 droppedBytes = 0;
    };
    struct Count {
        QString name;        // "TCP", "10.0.0.1", "53/udp", "curl"
        quint64 packets = 0; // top lists: at most `error` above the true count
        quint64 bytes = 0;   // top lists: a lower bound once `error` is not 0
        quint64 error = 0;
    };

    // Follows `store` (packets appended, cleared); nullptr to feed add() by hand.
    explicit TrafficStatistics(PacketStore *store = nullptr, QObject *parent = nullptr);

    // application: with Origin::Process, the packet's process as the store names it
    // (PacketStore::application); nullptr when it was not described. host: the name of the
    // packet's remote end (PacketStore::hostName()), empty when the helper learned none.
    void add(const StoredPacket &packet, const ApplicationName *application = nullptr,
             const QString &host = QString());
    void clear();

    // One entry per second, oldest first, for the WindowSeconds seconds up to the later of
    // `endNs` and the newest packet (empty before the first packet when endNs is 0).
    QList<Second> seconds(qint64 endNs = 0) const;
    QList<Count> protocols() const;                // every protocol seen, most packets first
    QList<Count> topTalkers(int count = 10) const; // source addresses, most packets first
    QList<Count> topPorts(int count = 10) const;   // destination ports, most packets first
    // Applications by the Application column's text (PacketCellText::application), most packets
    // first: a program's processes count together, the kernel's own packets as "(kernel)", those
    // of a process the helper did not describe as "(unknown program)". Packets of no program of
    // this machine (forwarded, nobody listening, no attribution, a file) are left out: the column
    // is empty for them, and they would crowd out the programs the chart is for.
    QList<Count> topApplications(int count = 10) const;
    // Host names as the Host column shows them, most packets (sent and received) first; packets
    // without a learned name are left out.
    QList<Count> topHosts(int count = 10) const;
    // The most a top list's count can be too high, and the most packets a source (port) that is
    // not in the list can have: 0 while there were at most TopCounters of them.
    quint64 topTalkersError() const { return m_talkers.errorBound(); }
    quint64 topPortsError() const { return m_ports.errorBound(); }
    quint64 topApplicationsError() const { return m_applications.errorBound(); }
    quint64 topHostsError() const { return m_hosts.errorBound(); }

    quint64 acceptedPackets() const { return m_acceptedPackets; }
    quint64 droppedPackets() const { return m_droppedPackets; }
    quint64 acceptedBytes() const { return m_acceptedBytes; }
    quint64 droppedBytes() const { return m_droppedBytes; }
    qint64 newestNs() const { return m_hasPackets ? m_newestNs : 0; }

signals:
    void updated(); // at most once a second, after changes

private:
    struct Address {
        std::array<std::uint8_t, 16> bytes{};
        NetworkProtocol network = NetworkProtocol::Unknown;
        bool operator==(const Address &) const = default;
    };
    struct AddressHash {
        size_t operator()(const Address &a) const noexcept;
    };
    struct PortHash {
        size_t operator()(quint32 port) const noexcept;
    };
    struct ApplicationHash {
        size_t operator()(const ApplicationName &name) const noexcept { return name.hash; }
    };
    struct HostHash {
        size_t operator()(const QString &name) const noexcept { return qHash(name); }
    };
    struct Totals {
        quint64 packets = 0;
        quint64 bytes = 0;
    };

    void takeNewPackets();
    void changed();
    // The column's label for a packet of no described process, made once: a packet builds none.
    const ApplicationName &labelOf(Origin origin);

    PacketStore *m_store;
    qint64 m_nextNumber = 1;

    std::array<Second, WindowSeconds> m_seconds{}; // ring by second
    qint64 m_newestSecond = 0;
    qint64 m_newestNs = 0;
    bool m_hasPackets = false;

    std::array<Totals, 257> m_protocols{}; // by transport number; 256: no network header
    HeavyHitters<Address, AddressHash> m_talkers{TopCounters};
    HeavyHitters<quint32, PortHash> m_ports{TopCounters}; // transport << 16 | port
    HeavyHitters<ApplicationName, ApplicationHash> m_applications{TopCounters};
    HeavyHitters<QString, HostHash> m_hosts{TopCounters}; // names are shared, not copied
    std::optional<ApplicationName> m_kernelLabel;         // "(kernel)"
    std::optional<ApplicationName> m_unknownLabel;        // "(unknown program)"

    quint64 m_acceptedPackets = 0;
    quint64 m_droppedPackets = 0;
    quint64 m_acceptedBytes = 0;
    quint64 m_droppedBytes = 0;

    QTimer m_timer;
    QElapsedTimer m_sinceUpdate;
};

} // namespace nfqmon
