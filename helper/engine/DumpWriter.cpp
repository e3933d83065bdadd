#include "helper/engine/DumpWriter.h"

#include "helper/protocol/PcapWriter.h"
#include "helper/protocol/VerdictComment.h"

#include <QFile>

#include <algorithm>
#include <chrono>

#include <unistd.h>

namespace nfqmon {

DumpWriter::DumpWriter(int producers, bool acceptedOnly, std::uint32_t snapLength)
    : RecordConsumer(producers, Options{snapLength, acceptedOnly, 16u << 20}),
      m_producers(producers)
{}

DumpWriter::~DumpWriter()
{
    stop();
}

namespace {

// What /proc says the descriptor is: the path it was opened at (" (deleted)" after an unlink).
QString descriptorPath(int fd)
{
    char target[4096];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t length = ::readlink(link.constData(), target, sizeof target);
    return length > 0 ? QFile::decodeName(QByteArray(target, int(length))) : QString();
}

} // namespace

bool DumpWriter::open(const QString &path, QString *error)
{
    m_writer = PacketFileWriter::create(PacketFileWriter::formatOf(path));
    m_writer->setInterfaces(m_interfaces);
    if (!m_writer->open(path, options().snapLength, error))
        return false;
    useByteRings();
    return true;
}

bool DumpWriter::openFd(int fd, const QString &name, QString *error)
{
    using Format = PacketFileWriter::Format;
    Format format = PacketFileWriter::formatOf(name);
    if (format == Format::Pcap && fd >= 0)
        format = PacketFileWriter::formatOf(descriptorPath(fd));
    m_writer = PacketFileWriter::create(format);
    m_writer->setInterfaces(m_interfaces);
    if (!m_writer->openFd(fd, options().snapLength, name, error))
        return false;
    useByteRings();
    return true;
}

void DumpWriter::useByteRings()
{
    if (m_writer->format() != PacketFileWriter::Format::Pcap || !m_byteRings.empty())
        return;
    for (int i = 0; i < m_producers; ++i)
        m_byteRings.push_back(std::make_unique<ByteRing>(options().ringBytes));
    releaseRings();
}

bool DumpWriter::push(int producer, const PacketRecord &record, std::span<const std::uint8_t> bytes)
{
    if (m_byteRings.empty())
        return RecordConsumer::push(producer, record, bytes);
    const PcapWriter::RecordHeader header = PcapWriter::recordHeader(
        record.timestampNs, static_cast<std::uint32_t>(bytes.size()), record.packetLength);
    return m_byteRings[static_cast<std::size_t>(producer)]->tryAppend(
        {reinterpret_cast<const std::uint8_t *>(header.data()), sizeof header}, bytes);
}

bool DumpWriter::allEmpty() const
{
    return RecordConsumer::allEmpty() &&
           std::all_of(m_byteRings.begin(), m_byteRings.end(),
                       [](const auto &ring) { return ring->empty(); });
}

void DumpWriter::setNameLookup(DumpNames::Lookup lookup)
{
    m_nameLookup = std::move(lookup);
}

PacketFileWriter::Format DumpWriter::format() const
{
    return m_writer ? m_writer->format() : PacketFileWriter::Format::Pcap;
}

void DumpWriter::start(MessageHandler onError)
{
    m_onError = std::move(onError);
    if (m_writer && m_writer->keepsNames() && m_nameLookup)
        m_names = std::make_unique<DumpNames>(m_nameLookup);
    m_thread = std::thread([this] { run(); });
}

void DumpWriter::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    interrupt();
    m_thread.join();
}

QString DumpWriter::errorString() const
{
    return failed() ? m_writer->errorString() : QString();
}

void DumpWriter::run()
{
    using Clock = std::chrono::steady_clock;
    auto lastFlush = Clock::now();
    bool dirty = false;
    while (!m_stopping.load()) {
        waitForData(200);
        if (!failed()) {
            const std::uint64_t before = m_written.load(std::memory_order_relaxed);
            writePending();
            dirty = dirty || m_written.load(std::memory_order_relaxed) != before;
        } else {
            discardPending();
        }
        if (dirty && Clock::now() - lastFlush >= std::chrono::seconds(1)) {
            m_writer->flush();
            checkFailure();
            lastFlush = Clock::now();
            dirty = false;
        }
    }
    if (!failed())
        writePending();
    m_writer->close();
    checkFailure();
}

void DumpWriter::discardPending()
{
    drain([](const PacketRecord &, std::span<const std::uint8_t>) {});
    for (const auto &ring : m_byteRings)
        ring->release(ring->readable().size());
}

void DumpWriter::writePendingBytes()
{
    for (const auto &ring : m_byteRings) {
        const ByteRing::Readable pending = ring->readable();
        if (pending.size() == 0)
            continue;
        m_recordSizes.clear();
        for (std::size_t at = 0; at < pending.size();) {
            PcapWriter::RecordHeader header;
            ring->copyOut(at, header.data(), sizeof header);
            const auto size = static_cast<std::uint32_t>(sizeof header + header[2]);
            m_recordSizes.push_back(size);
            at += size;
        }
        if (!m_writer->writeFormatted(pending.first, pending.second, m_recordSizes))
            break;
        ring->release(pending.size());
        m_written.fetch_add(m_recordSizes.size(), std::memory_order_relaxed);
    }
    checkFailure();
}

void DumpWriter::writePending()
{
    if (!m_byteRings.empty())
        return writePendingBytes();
    std::uint64_t written = 0;
    while (drain([&](const PacketRecord &record, std::span<const std::uint8_t> bytes) {
               const std::uint64_t before = m_writer->packetsWritten();
               writeRecord(record, bytes);
               written += m_writer->packetsWritten() - before;
           }) > 0) {
        if (m_writer->failed())
            break;
    }
    m_written.fetch_add(written, std::memory_order_relaxed);
    checkFailure();
}

void DumpWriter::writeRecord(const PacketRecord &record, std::span<const std::uint8_t> bytes)
{
    PacketFileRecord packet;
    packet.timestampNs = record.timestampNs;
    packet.data = bytes.data();
    packet.capturedLength = static_cast<std::uint32_t>(bytes.size());
    packet.wireLength = record.packetLength;
    VerdictCommentBuffer comment;
    if (m_writer->format() == PacketFileWriter::Format::Pcapng) {
        if (m_names)
            m_names->note(record, *m_writer);
        const bool out = record.hook == Hook::Output;
        packet.interfaceName = out ? record.outInterface : record.inInterface;
        packet.direction = out ? PacketDirection::Outbound : PacketDirection::Inbound;
        packet.comment = verdictComment(record.verdict, record.ruleId, comment);
    }
    m_writer->write(packet);
}

void DumpWriter::checkFailure()
{
    if (m_writer->failed() && !m_failed.exchange(true)) {
        deactivate();
        if (m_onError)
            m_onError(m_writer->errorString());
    }
}

} // namespace nfqmon
