// What the packet table writes in its cells: the column titles, each cell's text and its tooltip
// for a packet of a PacketStore. Made only when a view asks (PacketTableModel::data()), never
// for all packets. The one place where the table calls the packet decoder's display text.
#pragma once

#include "app/store/ApplicationName.h"
#include "app/store/StoredPacket.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace nfqmon {

class PacketStore;

class PacketCellText
{
    Q_DECLARE_TR_FUNCTIONS(PacketCellText)
public:
    // A name the window found itself for the remote end of a packet the helper named nothing
    // (ReverseLookup); empty when none (yet).
    using HostNamer = std::function<QString(const StoredPacket &p)>;

    // The store must outlive this.
    explicit PacketCellText(const PacketStore *store) : m_store(store) {}
    // The Host column shows its names where the helper learned none, marked as found by the
    // window in the tooltip; none without one (the default).
    void setHostNamer(HostNamer namer) { m_hostNamer = std::move(namer); }

    // `column` is a PacketTableModel::Column; empty for any other.
    static QString title(int column);
    // The Application column's text for a packet from `origin` whose process, if any, is named
    // `name` (nullptr: not described): the program, "(unknown program)", "(kernel)", or empty
    // when no program of this machine sent or receives it (forwarded, nobody listens, unknown).
    static QString application(Origin origin, const ApplicationName *name);
    QString display(const StoredPacket &p, int column) const;
    QString toolTip(const StoredPacket &p, int column) const;
    // The icon of the Application column's program, from its desktop entry: a theme icon's name
    // or a file's absolute path; empty for another column or a program without an entry.
    QString iconName(const StoredPacket &p, int column) const;

private:
    const PacketStore *m_store;
    HostNamer m_hostNamer;
};

} // namespace nfqmon
