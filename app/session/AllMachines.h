// The table of every machine: the packets of this machine's session and of each other machine's
// (File → Connect to host…) in one store, each with the name of the machine it was captured on
// (the Machine column, "machine NAME" in the display filter). A session's packets are taken from
// the moment it is added, together with the programs and host names its stream described
// before (PacketStore::descriptions()), so that the packets that follow are named as in its own
// window. The sessions stay the windows'; a closed window's packets stay here with its name.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace nfqmon {

class PacketStore;
class PacketTableModel;
class Session;
struct StoredPacket;

class AllMachines : public QObject
{
    Q_OBJECT
public:
    explicit AllMachines(QObject *parent = nullptr);
    ~AllMachines() override;

    // Makes the packet file (PacketStore::open()).
    bool open(QString *error);
    // Takes the session's packets from now on; false when it is there already or the store
    // has no room for another machine (PacketStore::MaximumMachine).
    bool add(Session *session);
    bool contains(const Session *session) const;
    // The names of the machines added, in that order.
    QStringList machineNames() const;
    // The session that captured the packet; nullptr when its window is gone.
    Session *sessionOf(const StoredPacket &packet) const;
    // The details' host line for a packet, as Session::hostDetails() says it.
    QString hostDetails(const StoredPacket &packet) const;

    PacketStore *store() const { return m_store; }
    PacketTableModel *model() const { return m_model; }

signals:
    void machineAdded(const QString &name);

private:
    PacketStore *m_store;
    PacketTableModel *m_model;
    QList<QPointer<Session>> m_sessions; // index = machine - 1
};

} // namespace nfqmon
