#include "app/store/PacketStore.h"

#include "app/store/PacketBytesFile.h"
#include "helper/protocol/PacketDecoder.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace nfqmon {

namespace {

// Imported packets are written in pieces of this size; a live batch in one piece.
constexpr qsizetype PendingFlushSize = 1 << 20;

void copyFields(StoredPacket &p, const PacketRecord &r)
{
    p.timestampNs = r.timestampNs;
    p.packetLength = r.packetLength;
    p.uid = r.uid;
    p.gid = r.gid;
    p.ruleId = r.ruleId;
    p.verdict = r.verdict;
    p.hook = r.hook;
    p.flags = r.flags;
    p.summary = r.summary;
    p.origin = r.origin;
    p.processId = r.origin == Origin::Process ? r.processId : 0;
}

} // namespace

PacketStore::PacketStore(QObject *parent) : QObject(parent) {}

PacketStore::~PacketStore()
{
    m_retired->close(); // the chunks snapshots still hold are deleted where they are let go
}

bool PacketStore::open(QString *error)
{
    auto file = std::make_shared<PacketBytesFile>();
    if (!file->open(error))
        return false;
    m_file = std::move(file);
    m_pending.clear();
    return true;
}

void PacketStore::clear()
{
    const bool wasOpen = isOpen();
    m_retired->close(); // the old table goes with the old chunks: no uses to give back
    m_chunks.clear();
    m_addresses = std::make_shared<AddressTable>(); // snapshots keep the old one
    for (HostDescription &d : m_hostDescriptions)
        d.local = 0; // ids of the old table
    m_retired = std::make_shared<RetiredChunks>();
    m_firstNumber = 1;
    m_count = 0;
    m_pending.clear();
    m_file.reset(); // snapshots and their chunks keep the old file until they go
    m_error.clear();
    m_errorReported = true;
    m_failing = false;
    m_interfaceNames = QStringList{QString()};
    m_interfaceKeys.assign(1, {});
    m_interfaceMachines = {0};
    if (wasOpen)
        open(nullptr); // on failure the next packet tries again
    emit cleared();
}

void PacketStore::setLimit(qint64 packets)
{
    m_limit = std::max<qint64>(packets, 1);
    rollOff();
    releaseRetired();
}

void PacketStore::addRecord(StoredPacket &p, QByteArrayView bytes)
{
    if (m_chunks.isEmpty()) {
        // A chunk is a sixteenth of the limit, so rolling one off never empties the table.
        const qint64 wanted = std::max<qint64>(m_limit / 16, MinimumChunkCapacity);
        const int capacity =
            int(std::bit_floor(quint64(std::min<qint64>(wanted, MaximumChunkCapacity))));
        m_shift = std::countr_zero(unsigned(capacity));
    }
    if (m_chunks.isEmpty() || m_chunks.last()->isFull()) {
        const qint64 base = (m_file ? m_file->size() : 0) + m_pending.size();
        m_chunks.append(RetiredChunks::own(
            new PacketChunk(1 << m_shift, endNumber(), base, m_file, m_addresses), m_retired));
    }
    p.number = endNumber();
    storeBytes(p, bytes);
    m_chunks.last()->add(p, *m_addresses);
    ++m_count;
}

quint16 PacketStore::interfaceId(const char (&name)[InterfaceNameSize], quint8 machine)
{
    std::array<char, InterfaceNameSize> key{};
    const size_t length = strnlen(name, InterfaceNameSize - 1);
    // Another machine's packet keeps a nameless interface of that machine: it says the machine.
    if (length == 0 && machine == 0)
        return 0;
    std::memcpy(key.data(), name, length);
    for (size_t id = 1; id < m_interfaceKeys.size(); ++id) {
        if (m_interfaceKeys[id] == key && m_interfaceMachines[qsizetype(id)] == machine)
            return quint16(id);
    }
    if (m_interfaceKeys.size() > 0xffff)
        return 0; // more names than ids: shown without one
    m_interfaceKeys.push_back(key);
    m_interfaceNames.append(QString::fromUtf8(name, qsizetype(length)));
    m_interfaceMachines.append(machine);
    return quint16(m_interfaceKeys.size() - 1);
}

void PacketStore::ensureFile()
{
    if (!m_file && !open(&m_error))
        m_errorReported = false;
}

void PacketStore::storeBytes(StoredPacket &record, QByteArrayView bytes)
{
    if (!m_file) {
        record.capturedLength = 0;
        return;
    }
    const qsizetype length = std::min<qsizetype>(bytes.size(), MaximumCapturedLength);
    const qint64 base = m_chunks.last()->baseOffset();
    record.capturedLength = quint32(length);
    record.byteOffset = quint32(m_file->size() + m_pending.size() - base);
    m_pending.append(bytes.first(length));
}

void PacketStore::flush() const
{
    if (m_pending.isEmpty() || !m_file)
        return;
    const bool ok = m_file->append(m_pending.constData(), m_pending.size());
    m_pending.clear();
    if (ok) {
        m_failing = false;
        return;
    }
    m_error = m_file->errorString();
    if (!m_failing) { // said once until the file works again
        m_failing = true;
        m_errorReported = false;
    }
    // Records whose bytes did not make it keep no bytes (they are the newest ones).
    const qint64 written = m_file->size();
    for (qsizetype c = m_chunks.size() - 1; c >= 0; --c) {
        PacketChunk &chunk = *m_chunks[c];
        for (int i = chunk.count() - 1; i >= 0; --i) {
            PackedPacket &p = chunk.packed(i);
            if (chunk.baseOffset() + p.byteOffset + p.capturedLength <= written)
                return;
            p.capturedLength = 0;
            p.byteOffset = quint32(written - chunk.baseOffset());
        }
    }
}

void PacketStore::append(const StreamBatch &batch)
{
    appendFrom(0, batch);
}

void PacketStore::appendFrom(quint8 machine, const StreamBatch &batch)
{
    ensureFile();
    describe(machine, batch);
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PacketRecord r = batch.record(i);
        StoredPacket p;
        copyFields(p, r);
        if (p.origin == Origin::Process)
            p.processId = processIdOf(machine, p.processId);
        p.host = r.hostId ? hostIdOf(machine, r.hostId) : 0;
        p.inInterface = interfaceId(r.inInterface, machine);
        p.outInterface = interfaceId(r.outInterface, machine);
        addRecord(p, batch.bytes(i));
    }
    flush();
    finishAppend(batch.size());
}

void PacketStore::describe(quint8 machine, const StreamBatch &batch)
{
    if (!batch.processes.empty()) {
        QList<quint32> described;
        QList<quint32> forgotten;
        described.reserve(qsizetype(batch.processes.size()));
        for (ProcessInfo process : batch.processes) {
            process.id = processIdOf(machine, process.id);
            m_processes.add(process, &forgotten);
            described.append(process.id);
        }
        emit processesChanged(described, forgotten);
    }
    for (const StreamHost &host : batch.hosts) {
        if (m_hostDescriptions.size() >= MaxHostDescriptions)
            m_hostDescriptions.clear(); // as the helper does: a name seen again comes again
        m_hostDescriptions.insert({machine, host.id}, {host.name, host.source, 0});
    }
}

quint32 PacketStore::processIdOf(quint8 machine, quint32 id)
{
    if (machine == 0)
        return id;
    if (m_processIds.size() >= 4 * ProcessTable::DefaultLimit)
        m_processIds.clear(); // their packets keep their numbers; a new description a new one
    const quint64 key = quint64(machine) << 32 | id;
    auto found = m_processIds.find(key);
    if (found == m_processIds.end()) {
        if (++m_lastProcessId == 0)
            ++m_lastProcessId; // 0 is no process
        found = m_processIds.insert(key, m_lastProcessId);
    }
    return found.value();
}

void PacketStore::setMachineName(quint8 machine, const QString &name)
{
    if (m_machineNames.size() <= machine)
        m_machineNames.resize(machine + 1);
    m_machineNames[machine] = name;
}

const QString &PacketStore::machineName(quint8 machine) const
{
    static const QString none;
    return machine < m_machineNames.size() ? m_machineNames.at(machine) : none;
}

StreamBatch PacketStore::descriptions() const
{
    StreamBatch batch;
    m_processes.forEach([&batch](const ProcessInfo &process, const ApplicationName &) {
        batch.processes.append(process);
    });
    for (auto it = m_hostDescriptions.cbegin(); it != m_hostDescriptions.cend(); ++it) {
        if (it.key().first == 0)
            batch.hosts.append({it.key().second, it.value().source, it.value().name});
    }
    return batch;
}

void PacketStore::appendPacket(const PacketRecord &record, QByteArrayView bytes)
{
    ensureFile();
    StoredPacket p;
    copyFields(p, record);
    p.inInterface = interfaceId(record.inInterface);
    p.outInterface = interfaceId(record.outInterface);
    if (p.packetLength == 0)
        p.packetLength = quint32(bytes.size());
    addRecord(p, bytes);
    if (m_pending.size() >= PendingFlushSize)
        flush();
    finishAppend(1);
}

void PacketStore::finishAppend(qint64 count)
{
    rollOff();
    releaseRetired();
    if (!m_errorReported) {
        m_errorReported = true;
        emit errorOccurred(m_error);
    }
    if (count > 0)
        emit packetsAppended(count);
}

void PacketStore::rollOff()
{
    qint64 drop = 0;
    qsizetype chunks = 0;
    while (chunks < m_chunks.size() && m_count - drop > m_limit)
        drop += m_chunks[chunks++]->count();
    if (drop == 0)
        return;
    flush(); // the chunks give their bytes back when they go: the bytes must be in the file
    emit packetsRolledOff(drop);
    m_chunks.remove(0, chunks);
    m_firstNumber += drop;
    m_count -= drop;
}

void PacketStore::releaseRetired()
{
    // Rolled-off chunks come here at once unless a snapshot held them: then after it went.
    for (const auto &chunk : m_retired->take())
        chunk->releaseAddresses(*m_addresses);
}

QByteArray PacketStore::bytes(qint64 row) const
{
    flush();
    const StoredPacket p = at(row);
    const qint64 offset = m_chunks[qsizetype(row >> m_shift)]->baseOffset() + p.byteOffset;
    QByteArray data(qsizetype(p.capturedLength), Qt::Uninitialized);
    if (!m_file || !m_file->read(offset, data.data(), data.size()))
        return {};
    return data;
}

PacketSummary PacketStore::fullSummary(qint64 row) const
{
    const StoredPacket p = at(row);
    const QByteArray data = bytes(row);
    if (data.isEmpty())
        return p.summary;
    return PacketDecoder::summarize(
        {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())},
        p.summary.network);
}

PacketStore::Snapshot PacketStore::snapshot() const
{
    flush();
    Snapshot s;
    s.m_chunks.reserve(m_chunks.size());
    for (const auto &chunk : m_chunks)
        s.m_chunks.append(chunk);
    s.m_firstNumber = m_firstNumber;
    s.m_count = m_count;
    s.m_shift = m_shift;
    s.m_file = m_file;
    s.m_interfaceNames = m_interfaceNames;
    s.m_interfaceMachines = m_interfaceMachines;
    s.m_machineNames = m_machineNames;
    s.m_addresses = m_addresses;
    return s;
}

quint32 PacketStore::hostIdOf(quint8 machine, quint64 helperId)
{
    const auto found = m_hostDescriptions.find({machine, helperId});
    if (found == m_hostDescriptions.end())
        return 0; // the helper had let the name go before it could describe it
    HostDescription &d = found.value();
    HostTable &hosts = m_addresses->hosts();
    if (d.local == 0 || hosts.source(d.local) != d.source || hosts.name(d.local) != d.name)
        d.local = hosts.intern(d.name, d.source);
    return d.local;
}

const QString &PacketStore::hostName(quint32 host) const
{
    return m_addresses->hosts().name(host);
}

HostSource PacketStore::hostSource(quint32 host) const
{
    return m_addresses->hosts().source(host);
}

} // namespace nfqmon
