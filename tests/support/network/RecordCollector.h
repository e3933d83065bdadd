// A consumer of the engine's records for tests that run the engine in their own process: keeps
// every record with its bytes until the test takes them. Header-only: the test links the engine.
#pragma once

#include "helper/engine/RecordConsumer.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QThread>

#include <chrono>

namespace nfqmon::test {

class RecordCollector : public RecordConsumer
{
public:
    explicit RecordCollector(int producers, std::size_t ringBytes = 8u << 20)
        : RecordConsumer(producers, Options{128, false, ringBytes})
    {}
    struct Item {
        PacketRecord record;
        QByteArray bytes;
    };
    QList<Item> take()
    {
        QList<Item> items;
        drain([&](const PacketRecord &r, std::span<const std::uint8_t> b) {
            items.append(
                {r, QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()))});
        });
        return items;
    }
    // What arrives until at least `atLeast` records were taken or `timeout` passed.
    QList<Item> collect(int atLeast, std::chrono::milliseconds timeout)
    {
        QList<Item> items;
        QDeadlineTimer deadline(timeout);
        while (items.size() < atLeast && !deadline.hasExpired()) {
            items += take();
            QThread::msleep(10);
        }
        items += take();
        return items;
    }
};

} // namespace nfqmon::test
