// What the capture knows about a packet besides its bytes (number, time, interface, direction,
// lengths, verdict and rule, the remote end's host name, user, the program behind it), as the
// "Packet" entry of the header tree.
#pragma once

#include "app/display/HeaderField.h"
#include "app/store/DesktopEntry.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/ProcessInfo.h"

#include <QCoreApplication>

namespace nfqmon {

struct PacketFields {
    Q_DECLARE_TR_FUNCTIONS(PacketFields)

public:
    // inInterface/outInterface: the names the store keeps for the packet's interface ids;
    // process: what the store knows of the packet's program (nullptr when none); entry: the
    // desktop entry that names it (nullptr when none); host: the remote end's name and where it
    // came from (HostText::details()), empty when none.
    static QList<HeaderField> of(const StoredPacket &packet, const QString &inInterface,
                                 const QString &outInterface, const ProcessInfo *process,
                                 const DesktopEntry *entry = nullptr,
                                 const QString &host = QString());
    // "2026-11-28 12:01:03.123456789", local time.
    static QString timeText(qint64 timestampNs);

private:
    // The cgroup and what it names: the systemd unit, a Flatpak app, a Snap, a container.
    static void appendPlace(QList<HeaderField> *fields, const ProcessInfo &process);
};

} // namespace nfqmon
