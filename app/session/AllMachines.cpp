#include "app/session/AllMachines.h"

#include "app/client/CaptureController.h"
#include "app/display/HostText.h"
#include "app/session/ReverseLookup.h"
#include "app/session/Session.h"
#include "app/store/PacketStore.h"
#include "app/store/PacketTableModel.h"

namespace nfqmon {

AllMachines::AllMachines(QObject *parent)
    : QObject(parent), m_store(new PacketStore(this)), m_model(new PacketTableModel(m_store, this))
{
    // Names where the helper learned none: the lookups of the machine's own window.
    m_model->setHostNamer([this](const StoredPacket &p) {
        const Session *session = sessionOf(p);
        return session ? session->reverseName(p) : QString();
    });
}

AllMachines::~AllMachines() = default;

bool AllMachines::open(QString *error)
{
    return m_store->open(error);
}

bool AllMachines::add(Session *session)
{
    if (contains(session) || m_sessions.size() >= PacketStore::MaximumMachine)
        return false;
    m_sessions.append(session);
    const auto machine = quint8(m_sessions.size());
    const QString name = session->store()->machineName(0); // Session::machineName()
    m_store->setMachineName(machine, name);
    // What the stream described before: its next packets name those programs and hosts.
    m_store->appendFrom(machine, session->store()->descriptions());
    connect(session->controller(), &CaptureController::batchArrived, m_store,
            [this, machine](const StreamBatch &batch) { m_store->appendFrom(machine, batch); });
    connect(session->reverseLookup(), &ReverseLookup::namesFound, m_model,
            &PacketTableModel::refreshHostColumn);
    emit machineAdded(name);
    return true;
}

bool AllMachines::contains(const Session *session) const
{
    for (const QPointer<Session> &s : m_sessions) {
        if (s == session)
            return true;
    }
    return false;
}

QStringList AllMachines::machineNames() const
{
    QStringList names;
    for (qsizetype i = 0; i < m_sessions.size(); ++i)
        names.append(m_store->machineName(quint8(i + 1)));
    return names;
}

Session *AllMachines::sessionOf(const StoredPacket &packet) const
{
    const quint8 machine = m_store->machineOf(packet);
    return machine >= 1 && machine <= m_sessions.size() ? m_sessions.at(machine - 1).data()
                                                        : nullptr;
}

QString AllMachines::hostDetails(const StoredPacket &packet) const
{
    if (packet.host != 0)
        return HostText::details(m_store->hostName(packet.host), m_store->hostSource(packet.host));
    const Session *session = sessionOf(packet);
    return session ? HostText::reverseDetails(session->reverseName(packet)) : QString();
}

} // namespace nfqmon
