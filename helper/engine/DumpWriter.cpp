#include "helper/engine/DumpWriter.h"

#include <chrono>

namespace nfqmon {

DumpWriter::DumpWriter(int producers, bool acceptedOnly, std::uint32_t snapLength)
    : RecordConsumer(producers, Options{snapLength, acceptedOnly, 16u << 20})
{}

DumpWriter::~DumpWriter()
{
    stop();
}

bool DumpWriter::open(const QString &path, QString *error)
{
    return m_writer.open(path, options().snapLength, error);
}

bool DumpWriter::openFd(int fd, const QString &name, QString *error)
{
    return m_writer.openFd(fd, options().snapLength, name, error);
}

void DumpWriter::start(MessageHandler onError)
{
    m_onError = std::move(onError);
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
    return failed() ? m_writer.errorString() : QString();
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
            drain([](const PacketRecord &, std::span<const std::uint8_t>) {});
        }
        if (dirty && Clock::now() - lastFlush >= std::chrono::seconds(1)) {
            m_writer.flush();
            checkFailure();
            lastFlush = Clock::now();
            dirty = false;
        }
    }
    if (!failed())
        writePending();
    m_writer.close();
    checkFailure();
}

void DumpWriter::writePending()
{
    std::uint64_t written = 0;
    while (drain([&](const PacketRecord &record, std::span<const std::uint8_t> bytes) {
               if (m_writer.write(record.timestampNs, bytes.data(),
                                  static_cast<std::uint32_t>(bytes.size()), record.packetLength))
                   ++written;
           }) > 0) {
        if (m_writer.failed())
            break;
    }
    m_written.fetch_add(written, std::memory_order_relaxed);
    checkFailure();
}

void DumpWriter::checkFailure()
{
    if (m_writer.failed() && !m_failed.exchange(true)) {
        deactivate();
        if (m_onError)
            m_onError(m_writer.errorString());
    }
}

} // namespace nfqmon
