// The packets the window shows: compact records (StoredPacket) in fixed-capacity chunks and the
// captured bytes in a file without a name (PacketBytesFile), bounded by a limit beyond which the
// oldest chunks roll off. Lives in the GUI thread, fed batch by batch; worker threads read it
// through snapshots. Appending costs O(batch): records are copied, the batch's bytes go to the
// file in one write.
#pragma once

#include "app/store/PacketChunk.h"
#include "app/store/PacketSnapshot.h"
#include "app/store/ProcessTable.h"
#include "app/store/RetiredChunks.h"
#include "app/store/StoredPacket.h"
#include "helper/protocol/PacketRecord.h"
#include "helper/protocol/StreamBatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace nfqmon {

class PacketBytesFile;

class PacketStore : public QObject
{
    Q_OBJECT
public:
    using Snapshot = PacketSnapshot;

    static constexpr qint64 DefaultLimit = 1'000'000;
    static constexpr int MaximumChunkCapacity = 4096;
    static constexpr int MinimumChunkCapacity = 16;
    // libpcap's MAXIMUM_SNAPLEN; longer imported packets are cut (4096 of them fit the 32-bit
    // offsets of a chunk).
    static constexpr quint32 MaximumCapturedLength = 262144;

    explicit PacketStore(QObject *parent = nullptr);
    ~PacketStore() override;

    // Creates the packet file (in QDir::tempPath()). Appending without open() opens on the
    // first packet; when that fails the records are kept without their bytes.
    bool open(QString *error);
    bool isOpen() const { return m_file != nullptr; }
    // Forgets every packet; numbers start again at 1, with a new file (snapshots keep the old).
    void clear();

    void append(const nfqmon::StreamBatch &batch);                       // live packets
    void appendPacket(const PacketRecord &record, QByteArrayView bytes); // offline import

    // One store for the packets of several machines (AllMachines): the batch comes from the
    // stream of `machine` (1 ... MaximumMachine), whose interfaces, processes and host names are
    // its own, kept apart from the other machines' with the same names and numbers. A store is
    // fed either by append() alone or by appendFrom() alone. Machine 0 is the store's own
    // machine, that of every packet append() and appendPacket() keep.
    static constexpr int MaximumMachine = 255;
    void appendFrom(quint8 machine, const nfqmon::StreamBatch &batch);
    // What the Machine column calls `machine` (set by the session or AllMachines).
    void setMachineName(quint8 machine, const QString &name);
    const QString &machineName(quint8 machine) const;
    // The machine whose stream brought the packet: that of its interface.
    quint8 machineOf(const StoredPacket &p) const
    {
        return m_interfaceMachines.value(p.inInterface ? p.inInterface : p.outInterface);
    }
    const QString &machineNameOf(const StoredPacket &p) const { return machineName(machineOf(p)); }
    // The processes and host names the stream described so far, as a batch without packets: what
    // another store must be told before it takes the same stream's next batches.
    StreamBatch descriptions() const;

    qint64 size() const { return m_count; } // packets held; row 0 = oldest held
    bool isEmpty() const { return m_count == 0; }
    qint64 firstNumber() const { return m_firstNumber; }         // number of row 0
    qint64 endNumber() const { return m_firstNumber + m_count; } // the next packet's number
    qint64 rolledOff() const { return m_firstNumber - 1; }       // dropped from the front (limit)

    // At most `packets` are held (at least 1); the oldest roll off a whole chunk at a time, so
    // between limit - chunkCapacity() and limit are held once it is reached.
    void setLimit(qint64 packets);
    qint64 limit() const { return m_limit; }
    // Chosen from the limit whenever the store is empty: limit / 16, 16 ... 4096, a power of 2.
    int chunkCapacity() const { return 1 << m_shift; }

    // Packets are kept packed (PackedPacket): each is unpacked when asked for, by value.
    StoredPacket at(qint64 row) const
    {
        return m_chunks[qsizetype(row >> m_shift)]->at(int(row & ((qint64(1) << m_shift) - 1)));
    }
    StoredPacket byNumber(qint64 number) const { return at(number - m_firstNumber); }
    // at(row)'s summary with what the packed record leaves out (a fragment's id and offset, the
    // transport header's offset), decoded again from the bytes; at(row)'s when they are gone.
    PacketSummary fullSummary(qint64 row) const;
    // Distinct addresses of the packets held, and of rolled-off ones that a snapshot still held
    // at the last append: an address goes with the last packet that can be read with it.
    quint32 addressCount() const { return m_addresses->size(); }
    std::size_t addressMemory() const { return m_addresses->memoryBytes(); } // bytes
    QString interfaceName(quint16 id) const { return m_interfaceNames.value(id); }
    const QStringList &interfaceNames() const { return m_interfaceNames; } // index = id; 0 = ""
    QByteArray bytes(qint64 row) const; // the captured bytes; empty when they were lost
    // The process a packet with Origin::Process names; nullptr when the helper did not describe
    // it or the description was let go (ProcessTable's limit).
    const ProcessInfo *process(quint32 id) const { return m_processes.find(id); }
    // Its name as the Application column shows it, made once per process (ProcessTable).
    const ApplicationName *application(quint32 id) const { return m_processes.application(id); }
    // The desktop entry that named it (and gives its icon); nullptr when none did.
    const DesktopEntry *desktopEntry(quint32 id) const { return m_processes.desktopEntry(id); }
    // What the Application column calls the program at this real path (ProcessTable).
    QString programName(const QString &executable) const
    {
        return m_processes.programName(executable);
    }
    // Programs described from here on are named by these desktop entries
    // (DesktopEntryIndex::loadInBackground()); by their executables without.
    void setDesktopEntries(QFuture<std::shared_ptr<const DesktopEntryIndex>> entries)
    {
        m_processes.setDesktopEntries(std::move(entries));
    }
    const ProcessTable &processes() const { return m_processes; }

    // The name of a packet's host (StoredPacket::host) and where the helper learned it; empty
    // and HostSource::None for 0.
    const QString &hostName(quint32 host) const;
    HostSource hostSource(quint32 host) const;

    Snapshot snapshot() const; // cheap: a pointer per chunk

    // The packet file's last failure ("packet file: No space left on device"), empty when none.
    // Packets whose bytes could not be written are kept with capturedLength 0.
    QString errorString() const { return m_error; }

signals:
    // Before the packets of the batch that described them: processes now known (or described
    // anew) and those let go to make room (ProcessTable's limit).
    void processesChanged(const QList<quint32> &described, const QList<quint32> &forgotten);
    void packetsAppended(qint64 count);         // after each append call
    void packetsRolledOff(qint64 count);        // BEFORE the oldest `count` rows go
    void cleared();                             // after clear()
    void errorOccurred(const QString &message); // the packet file failed (once per failure)

private:
    void ensureFile();
    void addRecord(StoredPacket &record, QByteArrayView bytes);
    quint16 interfaceId(const char (&name)[InterfaceNameSize], quint8 machine = 0);
    void describe(quint8 machine, const StreamBatch &batch);
    // The store's number for process `id` of `machine`'s stream (itself for machine 0).
    quint32 processIdOf(quint8 machine, quint32 id);
    void storeBytes(StoredPacket &record, QByteArrayView bytes);
    void flush() const;
    void finishAppend(qint64 count);
    void rollOff();
    void releaseRetired();

    // Kept by clear(): the helper describes each process once per stream.
    ProcessTable m_processes;
    // The names the helper described, by its id, and the id the current address table last
    // gave each (checked before it is used again: the table may have let it go). Kept by
    // clear(), as the processes; bounded, like the helper's own list of names it described.
    struct HostDescription {
        QString name;
        HostSource source = HostSource::None;
        quint32 local = 0;
    };
    QHash<std::pair<quint8, quint64>, HostDescription> m_hostDescriptions; // by machine and id
    static constexpr qsizetype MaxHostDescriptions = 65536;
    quint32 hostIdOf(quint8 machine, quint64 helperId);
    // The store's numbers for the processes of machines 1 and up (by machine << 32 | id): their
    // helpers number them alike. Let go, as the descriptions, past a limit.
    QHash<quint64, quint32> m_processIds;
    quint32 m_lastProcessId = 0;
    QStringList m_machineNames;
    qint64 m_limit = DefaultLimit;
    int m_shift = 12;
    QList<std::shared_ptr<PacketChunk>> m_chunks;
    std::shared_ptr<AddressTable> m_addresses = std::make_shared<AddressTable>();
    // Where m_chunks go when nobody reads them any more; a new one with each new table.
    std::shared_ptr<RetiredChunks> m_retired = std::make_shared<RetiredChunks>();
    qint64 m_firstNumber = 1;
    qint64 m_count = 0;

    std::shared_ptr<PacketBytesFile> m_file;
    // Bytes not yet written (flushed at the end of a batch, every 1 MiB of imported packets,
    // and before anyone reads), and where they go in the file.
    mutable QByteArray m_pending;
    mutable QString m_error;
    mutable bool m_errorReported = true;
    mutable bool m_failing = false;

    QStringList m_interfaceNames{QString()};
    std::vector<std::array<char, InterfaceNameSize>> m_interfaceKeys{{}};
    QList<quint8> m_interfaceMachines{0}; // index = interface id
};

} // namespace nfqmon
