// The Connections view: every TCP or UDP connection of the packets a store holds (both
// directions are one connection, as the bypass programs key them: BypassKey), with the packets
// the helper inspected, and, with an inspection depth, what the kernel decided of it after them
// (ListConnections, given to setKernelCounts()): its state, its verdict and its totals. New
// packets are taken once per event-loop turn, with one beginInsertRows for the new connections;
// a connection stays until the store is cleared.
#pragma once

#include "helper/protocol/BypassKey.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QVariantMap>

namespace nfqmon {

class PacketStore;

class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Protocol,
        From,      // the end that sent the first packet seen
        To,        // the other end
        Inspected, // packets the helper saw (the table's)
        Decided,   // packets the kernel passed or dropped after the depth
        Total,     // both: the packets of the connection
        Bytes,     // of both
        Verdict,   // the last inspected packet's, or the kernel's
        State,     // inspected, passed or dropped by the kernel, inspected again
        ColumnCount
    };
    Q_ENUM(Column)

    // The kernel's figures for a connection it decides (one entry of ListConnections).
    struct KernelCount {
        BypassKey key;
        QString low; // "address:port", the lower end
        QString high;
        quint8 protocol = 0;
        bool accept = true;
        bool current = true; // decided under the current rules
        quint64 packets = 0;
        quint64 bytes = 0;
    };
    // ListConnections' maps (Contract::ConnectionField); entries that do not parse are left out.
    static QList<KernelCount> kernelCountsFrom(const QList<QVariantMap> &listed);

    // The store must outlive the model.
    explicit ConnectionListModel(PacketStore *store, QObject *parent = nullptr);

    // The kernel's figures now; a connection it decides that no packet here shows gets a row.
    void setKernelCounts(const QList<KernelCount> &counts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The display filter that shows the connection's packets in the packet table.
    QString filterFor(int row) const;

private:
    struct Connection {
        BypassKey key;
        quint8 protocol = 0;
        QString from;
        QString to;
        QString fromAddress; // for filterFor()
        QString toAddress;
        quint16 fromPort = 0;
        quint16 toPort = 0;
        qint64 inspected = 0;
        quint64 inspectedBytes = 0;
        bool lastAccept = true;
        bool decided = false; // the kernel has a decision for it
        bool kernelAccept = true;
        bool current = true;
        quint64 kernelPackets = 0;
        quint64 kernelBytes = 0;
    };
    void takeNewPackets();
    void reset();
    void append(QList<Connection> &added); // new rows, with one beginInsertRows
    QString text(const Connection &c, int column) const;

    PacketStore *m_store;
    QList<Connection> m_rows;
    QHash<BypassKey, int> m_index;
    qint64 m_nextNumber = 1;
    bool m_turnScheduled = false;
};

} // namespace nfqmon
