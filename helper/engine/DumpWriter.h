// A dump fed by the queue threads through RecordConsumer rings and written on its own thread, so
// a slow disk never slows the packet path. Flushed at least every second and at stop. A write
// error (disk full) stops this dump with a message; capture goes on.
//
// pcap, or pcapng when the file's name ends in ".pcapng" (PacketFileWriter). A pcap dump's rings
// hold the file's own bytes (ByteRing): the queue thread writes each record's header and bytes
// there, and this thread writes what the rings hold as it stands. For pcapng each packet
// carries its interface, direction and verdict ("dropped by rule 2"), and the host names of the
// packets' remote addresses go into Name Resolution Blocks before the first packet using them.
#pragma once

#include "helper/engine/ByteRing.h"
#include "helper/engine/DumpNames.h"
#include "helper/engine/RecordConsumer.h"
#include "helper/protocol/PacketFileWriter.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace nfqmon {

class DumpWriter : public RecordConsumer
{
public:
    using MessageHandler = std::function<void(const QString &)>;

    // acceptedOnly: the dump of accepted packets (dump_output) rather than all (dump_input).
    DumpWriter(int producers, bool acceptedOnly, std::uint32_t snapLength);
    ~DumpWriter() override;

    // Before open(): the interfaces a pcapng dump describes (PcapngWriter::setInterfaces()).
    void setInterfaces(std::vector<std::string> names) { m_interfaces = std::move(names); }
    bool open(const QString &path, QString *error);
    // pcapng when `name`, or else the name the kernel gives the descriptor, ends in ".pcapng":
    // the window passes only descriptors, opened as the user (the helper never opens them).
    bool openFd(int fd, const QString &name, QString *error);
    // Before start(): where pcapng dumps get the names of PacketRecord::hostId (HostNames::name()).
    // Called on the dump's own thread, never on the packet path.
    void setNameLookup(DumpNames::Lookup lookup);

    // onError runs on the writer thread, once, when the file fails.
    void start(MessageHandler onError);
    // Writes what the rings still hold, flushes and closes. Call after the producers stopped.
    void stop();

    QString fileName() const { return m_writer ? m_writer->name() : QString(); }
    PacketFileWriter::Format format() const;
    std::uint64_t packetsWritten() const { return m_written.load(std::memory_order_relaxed); }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    QString errorString() const; // valid once failed()

protected:
    bool push(int producer, const PacketRecord &record,
              std::span<const std::uint8_t> bytes) override;
    bool allEmpty() const override;

private:
    void run();
    // After open(): a pcap dump keeps its records in byte rings.
    void useByteRings();
    void writePending();
    void writePendingBytes();
    void discardPending();
    void checkFailure();
    void writeRecord(const PacketRecord &record, std::span<const std::uint8_t> bytes);

    const int m_producers;
    std::vector<std::unique_ptr<ByteRing>> m_byteRings; // pcap: one per producer
    std::vector<std::uint32_t> m_recordSizes;           // of what a ring held (writePending())
    std::unique_ptr<PacketFileWriter> m_writer;
    std::vector<std::string> m_interfaces;
    DumpNames::Lookup m_nameLookup;
    std::unique_ptr<DumpNames> m_names; // pcapng with a lookup
    MessageHandler m_onError;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_failed{false};
    std::atomic<std::uint64_t> m_written{0};
};

} // namespace nfqmon
